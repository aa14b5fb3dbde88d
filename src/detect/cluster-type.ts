// The kinds of cluster `pullguard detect` names, and what each kind says about where its nodes run.
// Facts: ../shared/docs/detection.md §1 (signals per type) and §2 "Image delivery per local product".

export const CLUSTER_TYPES = [
  'kind',
  'minikube',
  'docker-desktop',
  'k3d',
  'k3s',
  'microk8s',
  'rancher-desktop',
  'orbstack',
  'colima',
  'rke2',
  'aks',
  'eks',
  'gke',
  'openshift',
  'doks',
  'lke',
  'oke',
  'iks',
  'scaleway',
  'hetzner',
  'unknown-remote',
  'unknown-local',
] as const;
export type ClusterType = (typeof CLUSTER_TYPES)[number];

export function isClusterType(value: string): value is ClusterType {
  return (CLUSTER_TYPES as readonly string[]).includes(value);
}

/**
 * Where a type's nodes run: `local` products exist only on a developer's machine; `server`
 * distributions run anywhere, so the API server's address decides (a loopback server is this
 * machine); `remote` types never run here.
 */
export type Locality = 'local' | 'server' | 'remote';

export const LOCALITY: Readonly<Record<ClusterType, Locality>> = {
  kind: 'local',
  minikube: 'local',
  'docker-desktop': 'local',
  k3d: 'local',
  k3s: 'server',
  microk8s: 'server',
  'rancher-desktop': 'local',
  orbstack: 'local',
  colima: 'local',
  rke2: 'server',
  aks: 'remote',
  eks: 'remote',
  gke: 'remote',
  openshift: 'server',
  doks: 'remote',
  lke: 'remote',
  oke: 'remote',
  iks: 'remote',
  scaleway: 'remote',
  hetzner: 'remote',
  'unknown-remote': 'remote',
  'unknown-local': 'local',
};

export const DISPLAY_NAMES: Readonly<Record<ClusterType, string>> = {
  kind: 'kind',
  minikube: 'minikube',
  'docker-desktop': 'Docker Desktop',
  k3d: 'k3d',
  k3s: 'K3s',
  microk8s: 'MicroK8s',
  'rancher-desktop': 'Rancher Desktop',
  orbstack: 'OrbStack',
  colima: 'Colima',
  rke2: 'RKE2',
  aks: 'Azure Kubernetes Service',
  eks: 'Amazon EKS',
  gke: 'Google Kubernetes Engine',
  openshift: 'OpenShift',
  doks: 'DigitalOcean Kubernetes',
  lke: 'Linode Kubernetes Engine',
  oke: 'Oracle Container Engine for Kubernetes',
  iks: 'IBM Cloud Kubernetes Service',
  scaleway: 'Scaleway Kapsule',
  hetzner: 'self-managed cluster on Hetzner',
  'unknown-remote': 'remote cluster',
  'unknown-local': 'local cluster',
};

/** The infrastructure a node's `spec.providerID` scheme names (detection.md §1b, "Other clouds"). */
export type Platform =
  | 'aws'
  | 'azure'
  | 'gcp'
  | 'digitalocean'
  | 'linode'
  | 'oci'
  | 'ibm'
  | 'scaleway'
  | 'hetzner'
  | 'vultr'
  | 'civo'
  | 'exoscale'
  | 'openstack'
  | 'vsphere'
  | 'alibaba'
  | 'azure-stack-hci'
  | 'tencent'
  | 'huawei';

/** The managed service each cloud sells, whose own markers must still be seen: `aws://` alone is not EKS (detection.md §0.5). */
export const MANAGED_SERVICE: Readonly<Partial<Record<Platform, ClusterType>>> = {
  aws: 'eks',
  azure: 'aks',
  'azure-stack-hci': 'aks',
  gcp: 'gke',
  digitalocean: 'doks',
  linode: 'lke',
  oci: 'oke',
  ibm: 'iks',
  scaleway: 'scaleway',
};

/**
 * Layering (detection.md §0.5, §4 "Scoring"): a product built on another carries all of the base's
 * markers, so the base's evidence counts for it too once it has evidence of its own, and never
 * contradicts it. k3d, Rancher Desktop and Colima run k3s; Docker Desktop's kind mode is kind.
 * OpenShift's layering over clouds goes by platform (see `runsOnAnyPlatform`).
 */
export const BASE_TYPES: Readonly<Partial<Record<ClusterType, readonly ClusterType[]>>> = {
  k3d: ['k3s'],
  'rancher-desktop': ['k3s'],
  colima: ['k3s'],
  'docker-desktop': ['kind'],
};

/** Distributions that run on any infrastructure: a cloud providerID beside them says where, not what. */
export function runsOnAnyPlatform(type: ClusterType): boolean {
  return LOCALITY[type] === 'server';
}
