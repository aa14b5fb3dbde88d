// THE SEAM to cluster detection: which target profile `check` lints for when it reads a cluster and
// no --target is given. The `detect` work (src/detect/, evidence and scoring) replaces the body of
// `profileForCluster` with its own function; everything else in check only sees `ClusterProfile`.
// Until then: identity evidence only (node providerID schemes and the labels and osImage the cluster
// tools write, ../shared/docs/detection.md §1), and "remote" whenever that is missing, because a false
// "local" is the mistake pullguard exists to prevent.
import type { Node } from 'kubernetes-types/core/v1.js';
import { getTargetProfile } from '../detect/profiles.js';
import type { TargetId, TargetProfile } from '../detect/target-profile.js';
import type { ClusterReader } from '../facts/cluster-reader.js';

export interface ClusterProfile {
  target: TargetProfile;
  /** The name the cluster's tool knows it by (kind cluster, minikube profile, k3d cluster), for load commands. */
  clusterName?: string;
  /**
   * The exact load command for this cluster with `IMAGE` for the image (detection's
   * `imageDelivery.command` when it is `loadable`); preferred over the profile's command + clusterName.
   */
  loadCommand?: string;
  /** What decided it, one line each (`providerID kind://docker/dev/dev-control-plane`). */
  evidence: string[];
}

function profile(id: TargetId, evidence: string[], clusterName?: string): ClusterProfile {
  const target = getTargetProfile(id) as TargetProfile;
  return clusterName === undefined ? { target, evidence } : { target, clusterName, evidence };
}

/** The first identity a node carries. */
function identify(node: Node): ClusterProfile | undefined {
  const providerID = node.spec?.providerID ?? '';
  const labels = node.metadata?.labels ?? {};
  const osImage = node.status?.nodeInfo?.osImage ?? '';
  const kind = /^kind:\/\/[^/]+\/([^/]+)\//.exec(providerID);
  if (kind !== null) return profile('kind', [`providerID ${providerID}`], kind[1]);
  const k3d = /^k3s:\/\/k3d-(.+)-(?:server|agent)-\d+$/.exec(providerID);
  if (k3d !== null) return profile('k3d', [`providerID ${providerID}`], k3d[1]);
  const minikube = labels['minikube.k8s.io/name'];
  if (minikube !== undefined) return profile('minikube', [`node label minikube.k8s.io/name=${minikube}`], minikube);
  if (osImage === 'Docker Desktop') return profile('docker-desktop', ['node osImage "Docker Desktop"']);
  if (osImage === 'OrbStack') return profile('orbstack', ['node osImage "OrbStack"']);
  if (labels['microk8s.io/cluster'] === 'true') return profile('microk8s', ['node label microk8s.io/cluster=true']);
  return undefined;
}

export async function profileForCluster(reader: ClusterReader): Promise<ClusterProfile> {
  const nodes = await reader.nodes();
  if (!('value' in nodes)) return profile('remote', [`nodes unknown (${nodes.unknown}): assuming a remote cluster`]);
  for (const node of nodes.value) {
    const found = identify(node);
    if (found !== undefined) return found;
  }
  return profile('remote', ['no node carries the identity of a local cluster: assuming a remote cluster']);
}
