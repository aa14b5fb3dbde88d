// Lists of namespaced objects for the namespaces a run deploys into, in as few requests as the
// permissions allow: one list across all namespaces, which costs the same for 20 workloads as for
// 2,000, and only when that is refused (a user with namespace roles only) one list per namespace.
// The count of requests never grows with the number of workloads (bench/check-cluster.mjs).
import type { ClusterFact, ListScope } from '../facts/cluster-reader.js';

type Lister<T> = (scope?: ListScope) => Promise<ClusterFact<T[]>>;

/** Beyond this many namespaces one cluster-wide list is tried first; below, a list per namespace reads less. */
export const PER_NAMESPACE_LIMIT = 3;

export async function listInNamespaces<T extends { metadata?: { namespace?: string } }>(
  list: Lister<T>,
  namespaces: readonly string[],
): Promise<Map<string, ClusterFact<T[]>>> {
  const result = new Map<string, ClusterFact<T[]>>();
  if (namespaces.length === 0) return result;
  if (namespaces.length > PER_NAMESPACE_LIMIT) {
    const all = await list();
    if ('value' in all) {
      const wanted = new Set(namespaces);
      for (const namespace of namespaces) result.set(namespace, { value: [] });
      for (const item of all.value) {
        const namespace = item.metadata?.namespace;
        if (namespace !== undefined && wanted.has(namespace)) (result.get(namespace) as { value: T[] }).value.push(item);
      }
      return result;
    }
  }
  const lists = await Promise.all(namespaces.map((namespace) => list({ namespace })));
  namespaces.forEach((namespace, index) => result.set(namespace, lists[index] as ClusterFact<T[]>));
  return result;
}
