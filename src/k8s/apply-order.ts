// The order `deploy` applies objects in: what others need first (namespaces and CRDs, then what
// pods mount or run as: service accounts, RBAC, secrets, config maps, storage, services), then
// custom resources and everything else, workloads last. Stable within a tier (the manifests' order).

const TIERS: readonly (readonly string[])[] = [
  ['Namespace', 'CustomResourceDefinition'],
  ['PriorityClass', 'StorageClass', 'PersistentVolume', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy'],
  ['ServiceAccount', 'Secret', 'ConfigMap', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding', 'PersistentVolumeClaim'],
  ['Service', 'Endpoints', 'EndpointSlice', 'NetworkPolicy', 'Ingress', 'IngressClass'],
];

/** Pod-running kinds: applied after everything they might reference. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'ReplicationController', 'Rollout']);

/** 0 namespaces and CRDs … 4 anything else … 5 workloads. */
export function applyTier(kind: string): number {
  const index = TIERS.findIndex((tier) => tier.includes(kind));
  if (index >= 0) return index;
  return WORKLOAD_KINDS.has(kind) ? TIERS.length + 1 : TIERS.length;
}

/** The objects in apply order; equal tiers keep their order. */
export function applyOrder<T extends { kind: string }>(objects: readonly T[]): T[] {
  return objects
    .map((object, index) => ({ object, index, tier: applyTier(object.kind) }))
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .map((entry) => entry.object);
}
