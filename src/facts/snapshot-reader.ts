// A snapshot served back as a ClusterReader: the analyses run offline on the same facts they would
// read live. Pure: it takes the parsed snapshot (gateways/files/load-snapshot.ts reads the file).
// Field and label selectors are honoured for equality terms (`a.b=c`, `a.b!=c`, `app=web`), the
// forms the analyses send, so that a snapshot answers a filtered list as the API server would.
import type { ClusterReader, ClusterFact, ListScope } from './cluster-reader.js';
import type { ClusterSnapshot, SnapshotMember } from './cluster-snapshot.js';

type Member = SnapshotMember;
const NAMESPACED = new Set<Member>(['serviceAccounts', 'pods', 'events', 'secrets', 'replicaSets', 'jobs', 'deployments']);

export function snapshotReader(snapshot: ClusterSnapshot, source: string): ClusterReader {
  const list = <T extends object>(member: Member, scope?: ListScope): ClusterFact<T[]> => {
    const reason = snapshot.unknown?.[member];
    if (reason !== undefined) return { unknown: reason };
    const items = snapshot[member] as T[] | undefined;
    if (items === undefined) return { unknown: `not in the snapshot: ${member}` };
    const captured = snapshot.scope;
    if (captured?.allNamespaces === false && NAMESPACED.has(member) && scope?.namespace !== captured.namespace) {
      const asked = scope?.namespace === undefined ? 'all namespaces' : `namespace ${scope.namespace}`;
      return { unknown: `not in the snapshot: ${member} of ${asked} (it holds namespace ${captured.namespace} only; take it with -A)` };
    }
    return { value: items.filter((item) => inScope(item, scope)) };
  };
  return {
    source,
    context: snapshot.context,
    version: async () => (snapshot.unknown?.version === undefined ? { value: snapshot.version } : { unknown: snapshot.unknown.version }),
    apiGroups: async () =>
      snapshot.unknown?.apiGroups === undefined ? { value: snapshot.apiGroups } : { unknown: snapshot.unknown.apiGroups },
    nodes: async () => list('nodes'),
    namespaces: async () => list('namespaces'),
    serviceAccounts: async (scope) => list('serviceAccounts', scope),
    pods: async (scope) => list('pods', scope),
    events: async (scope) => list('events', scope),
    secrets: async (scope) => list('secrets', scope),
    localRegistryHosting: async () => {
      const configMaps = list<{ metadata?: { namespace?: string; name?: string } }>('configMaps');
      if (!('value' in configMaps)) return configMaps;
      const found = configMaps.value.find(
        (map) => map.metadata?.namespace === 'kube-public' && map.metadata?.name === 'local-registry-hosting',
      );
      return { value: (found as never) ?? null };
    },
    pullSecretCredentials: async () => ({ unknown: 'the snapshot holds no secret values' }),
    replicaSets: async (scope) => list('replicaSets', scope),
    jobs: async (scope) => list('jobs', scope),
    deployments: async (scope) => list('deployments', scope),
  };
}

function inScope(item: object, scope: ListScope | undefined): boolean {
  if (scope === undefined) return true;
  const metadata = (item as { metadata?: { namespace?: string; labels?: Record<string, string> } }).metadata;
  if (scope.namespace !== undefined && metadata?.namespace !== scope.namespace) return false;
  if (scope.fieldSelector !== undefined && !matchesTerms(scope.fieldSelector, (path) => valueAt(item, path))) return false;
  if (scope.labelSelector !== undefined && !matchesTerms(scope.labelSelector, (key) => metadata?.labels?.[key])) return false;
  return true;
}

/** Equality selectors: `k=v`, `k==v`, `k!=v`, comma-separated, all must hold. */
export function matchesTerms(selector: string, lookup: (key: string) => unknown): boolean {
  for (const term of selector.split(',')) {
    const trimmed = term.trim();
    if (trimmed === '') continue;
    const negated = trimmed.includes('!=');
    const [key, expected] = negated ? trimmed.split('!=') : trimmed.split(/==?/);
    const actual = lookup((key ?? '').trim());
    const equal = String(actual ?? '') === (expected ?? '').trim();
    if (negated === equal) return false;
  }
  return true;
}

function valueAt(item: object, path: string): unknown {
  let current: unknown = item;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
