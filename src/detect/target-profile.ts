// detect/: target profiles (data), resolving --target, and cluster detection from evidence (pure: facts come through a ClusterReader). Imports shared/, facts/ and the yaml parser.
// What a target profile knows about a kind of cluster, without a cluster (DESIGN.md "Target profiles").

export const TARGET_IDS = [
  'kind',
  'minikube',
  'docker-desktop',
  'k3d',
  'k3s',
  'microk8s',
  'rancher-desktop',
  'orbstack',
  'colima',
  'aks',
  'eks',
  'gke',
  'openshift',
  'remote',
] as const;
export type TargetId = (typeof TARGET_IDS)[number];

/** How a locally built image reaches the nodes. */
export type ImageDelivery = 'shared-daemon' | 'load-command' | 'local-registry' | 'push';

export interface TargetProfile {
  id: TargetId;
  displayName: string;
  /** Laptop / desktop clusters vs clusters whose nodes live elsewhere. */
  location: 'local' | 'remote';
  /** Whether images that exist only in the developer's container engine can be used by the nodes (possibly after `loadCommand`). */
  nodesSeeLocalImages: boolean;
  imageDelivery: ImageDelivery;
  /**
   * The exact command that copies a local image onto the nodes, when the profile has one; `cluster`
   * (kind cluster name, minikube profile, k3d cluster) is added as the tool's own flag when given.
   */
  loadCommand?: (image: string, cluster?: string) => string;
  /** Registry host globs the nodes pull from by their own identity, without pull secrets (`*.azurecr.io` on AKS). */
  nodeIdentityRegistries: readonly string[];
  /**
   * Registry hosts that the nodes resolve to the developer's local registry (k3d/kind local-registry
   * conventions); host globs, where a pattern without a port matches any port (`matchesHostPattern`).
   */
  localRegistryHosts: readonly string[];
  /** One-line guidance for getting an image to this target, shown in remediations. */
  howToShipImages: string;
}
