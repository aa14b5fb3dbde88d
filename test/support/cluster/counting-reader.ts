// ClusterReader wrappers for tests and the bench: one that counts the calls (each is one API list or
// get of the live gateway, before pagination), one that refuses some facts the way a restricted
// user's API server does, and one that serves secret credentials beside a snapshot (what the live
// gateway's pullSecretCredentials returns; a snapshot never holds them).
import type { ClusterFact, ClusterReader, PullSecretCredential } from '../../../src/facts/cluster-reader.js';

export interface CountingReader extends ClusterReader {
  readonly calls: string[];
}

const METHODS = ['version', 'apiGroups', 'nodes', 'namespaces', 'serviceAccounts', 'pods', 'events', 'localRegistryHosting', 'secrets', 'pullSecretCredentials'] as const;
type Method = (typeof METHODS)[number];

export function countingReader(inner: ClusterReader): CountingReader {
  const calls: string[] = [];
  const reader: Record<string, unknown> = { source: inner.source, context: inner.context, calls };
  for (const method of METHODS) {
    reader[method] = (...args: unknown[]) => {
      const scope = args[0] as { namespace?: string } | string | undefined;
      calls.push(typeof scope === 'string' ? `${method} ${scope}/${String(args[1])}` : scope?.namespace === undefined ? method : `${method} ${scope.namespace}`);
      return (inner[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return reader as unknown as CountingReader;
}

/** Refuses `method` (every scope) with `reason`, as the API server refuses a user without the verb. */
export function refusing(inner: ClusterReader, refused: Partial<Record<Method, string>>): ClusterReader {
  const reader: Record<string, unknown> = { source: inner.source, context: inner.context };
  for (const method of METHODS) {
    const reason = refused[method];
    reader[method] = reason === undefined ? (inner[method] as (...a: unknown[]) => unknown).bind(inner) : async () => ({ unknown: reason });
  }
  return reader as unknown as ClusterReader;
}

export function withSecretCredentials(inner: ClusterReader, credentials: Record<string, PullSecretCredential[]>): ClusterReader {
  return {
    ...inner,
    pullSecretCredentials: async (namespace: string, name: string): Promise<ClusterFact<PullSecretCredential[]>> => {
      const found = credentials[`${namespace}/${name}`];
      return found === undefined ? { unknown: `not found: secret ${namespace}/${name}` } : { value: found };
    },
  };
}
