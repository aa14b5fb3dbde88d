// `pullguard snapshot`: what the cluster analyses read, captured once as a ClusterSnapshot (the
// file every `--snapshot FILE` reads back). Every member is read in parallel; a member that cannot
// be read is recorded in `unknown` with the reason, so that the snapshot's reader says "unknown"
// for the same reason the live run would.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { ConfigMap } from 'kubernetes-types/core/v1.js';
import type { ClusterFact, ClusterReader, ListScope } from '../facts/cluster-reader.js';
import { SNAPSHOT_SCHEMA_VERSION, type ClusterSnapshot } from '../facts/cluster-snapshot.js';
import { runSecrets } from '../shared/run-secrets.js';

export interface SnapshotOptions {
  /** `-A`: namespaced lists from every namespace; else from the context's namespace (`-n`). */
  allNamespaces?: boolean;
  /** For tests: the capture time. */
  now?: () => Date;
}

type Unknown = NonNullable<ClusterSnapshot['unknown']>;

export async function captureSnapshot(reader: ClusterReader, options: SnapshotOptions = {}): Promise<ClusterSnapshot> {
  const capturedAt = (options.now ?? (() => new Date()))().toISOString();
  const scope: ListScope | undefined = options.allNamespaces === true ? undefined : { namespace: reader.context.namespace };
  const absent = <T>(): Promise<ClusterFact<T[]> | undefined> => Promise.resolve(undefined);
  const [version, apiGroups, nodes, namespaces, serviceAccounts, pods, events, localRegistryHosting, secrets, replicaSets, jobs, deployments] = await Promise.all([
    reader.version(),
    reader.apiGroups(),
    reader.nodes(),
    reader.namespaces(),
    reader.serviceAccounts(scope),
    reader.pods(scope),
    reader.events(scope),
    reader.localRegistryHosting(),
    reader.secrets(scope),
    // Pod owners, for diagnose and report; a reader may not offer them.
    reader.replicaSets?.(scope) ?? absent<ReplicaSet>(),
    reader.jobs?.(scope) ?? absent<Job>(),
    reader.deployments?.(scope) ?? absent<Deployment>(),
  ]);
  const unknown: Unknown = {};
  const take = <T>(member: keyof Unknown, fact: ClusterFact<T>, fallback: T): T => {
    if ('value' in fact) return fact.value;
    unknown[member] = fact.unknown;
    return fallback;
  };
  const configMaps: ClusterFact<ConfigMap[]> = 'value' in localRegistryHosting ? { value: localRegistryHosting.value === null ? [] : [localRegistryHosting.value] } : localRegistryHosting;
  const snapshot: ClusterSnapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    capturedAt,
    context: reader.context,
    scope: options.allNamespaces === true ? { allNamespaces: true } : { allNamespaces: false, namespace: reader.context.namespace },
    version: take('version', version, { gitVersion: '' }),
    apiGroups: take('apiGroups', apiGroups, []),
    nodes: take('nodes', nodes, []),
    namespaces: take('namespaces', namespaces, []),
    serviceAccounts: take('serviceAccounts', serviceAccounts, []),
    pods: take('pods', pods, []),
    events: take('events', events, []),
    configMaps: take('configMaps', configMaps, []),
    secrets: take('secrets', secrets, []),
  };
  if (replicaSets !== undefined) snapshot.replicaSets = take('replicaSets', replicaSets, []);
  if (jobs !== undefined) snapshot.jobs = take('jobs', jobs, []);
  if (deployments !== undefined) snapshot.deployments = take('deployments', deployments, []);
  if (Object.keys(unknown).length > 0) snapshot.unknown = unknown;
  return snapshot;
}

/**
 * The snapshot as the file's text. Every credential this run has seen (kubeconfig tokens, exec
 * plugin output) is redacted from it as well, in case an object of the cluster quotes one.
 */
export function snapshotText(snapshot: ClusterSnapshot): string {
  return runSecrets.redact(`${JSON.stringify(snapshot, null, 2)}\n`);
}

/** One line for the user: what was captured, and what could not be. */
export function snapshotSummary(snapshot: ClusterSnapshot, written: string): string {
  const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
  const members: [keyof Unknown, string][] = [
    ['nodes', count(snapshot.nodes.length, 'node')],
    ['namespaces', count(snapshot.namespaces?.length ?? 0, 'namespace')],
    ['pods', count(snapshot.pods?.length ?? 0, 'pod')],
    ['events', count(snapshot.events?.length ?? 0, 'event')],
    ['serviceAccounts', count(snapshot.serviceAccounts?.length ?? 0, 'service account')],
    ['secrets', count(snapshot.secrets?.length ?? 0, 'secret')],
  ];
  const scope = snapshot.scope?.allNamespaces === false ? `namespace ${snapshot.scope.namespace ?? snapshot.context.namespace}` : 'all namespaces';
  const known = members.filter(([member]) => snapshot.unknown?.[member] === undefined).map(([, text]) => text);
  const unknown = Object.entries(snapshot.unknown ?? {}).map(([member, reason]) => `${member} (${reason})`);
  const lines = [`wrote ${written}: context ${snapshot.context.name}, ${scope}, Kubernetes ${snapshot.version.gitVersion || 'unknown'}; ${known.join(', ')}`];
  if (unknown.length > 0) lines.push(`not captured: ${unknown.join('; ')}`);
  return `${lines.join('\n')}\n`;
}
