// A detected cluster as a `--target` profile, so that `check` and `render` can lint for the cluster
// of the current context. Types without a profile of their own are `remote`: their nodes see nothing
// built here. A server distribution (k3s, MicroK8s) that is not on this machine is `remote` too,
// and so is every low-confidence answer (detection.md §4: when unsure, remote).
import type { ClusterType } from './cluster-type.js';
import type { Detection } from './detect-cluster.js';
import { TARGET_PROFILES } from './profiles.js';
import type { TargetId, TargetProfile } from './target-profile.js';

const TARGET_OF: Readonly<Partial<Record<ClusterType, TargetId>>> = {
  kind: 'kind',
  minikube: 'minikube',
  'docker-desktop': 'docker-desktop',
  k3d: 'k3d',
  k3s: 'k3s',
  microk8s: 'microk8s',
  'rancher-desktop': 'rancher-desktop',
  orbstack: 'orbstack',
  colima: 'colima',
  aks: 'aks',
  eks: 'eks',
  gke: 'gke',
  openshift: 'openshift',
};

export function targetForCluster(detection: Pick<Detection, 'type' | 'local' | 'confidence'>): TargetProfile {
  const id = TARGET_OF[detection.type] ?? 'remote';
  const profile = TARGET_PROFILES[id];
  if (profile.location === 'local' && (!detection.local || detection.confidence === 'low')) return TARGET_PROFILES.remote;
  return profile;
}
