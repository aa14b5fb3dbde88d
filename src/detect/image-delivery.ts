// How an image built on this machine reaches the nodes of a detected cluster: detection.md §2
// ("Image delivery per local product", Tilt's order: the shared daemon, then a KEP-1755 registry,
// then a load command; everything else pushes). The load commands are the target profiles' own
// (profiles.ts), with the cluster name this cluster really has, so that `kind load` does not land
// in the cluster named "kind" (§3, cluster-api#2269).
import type { Node } from 'kubernetes-types/core/v1.js';
import type { ClusterContext } from '../facts/cluster-snapshot.js';
import type { ClusterType } from './cluster-type.js';
import type { LocalRegistryHosting } from './probe-local-registry.js';
import { TARGET_PROFILES } from './profiles.js';

export type DetectedImageDelivery =
  /** The nodes use the images of the container engine that `docker build` on this machine writes to. */
  | { method: 'shared-daemon'; note: string }
  /** A command copies a local image onto the nodes; `IMAGE` stands for the image reference. */
  | { method: 'loadable'; command: string }
  /** The cluster advertises a registry for local images (kube-public/local-registry-hosting). */
  | { method: 'local-registry'; host: string; hostFromContainerRuntime?: string; hostFromClusterNetwork?: string }
  /** Push to a registry the nodes can pull from. */
  | { method: 'registry-required' };

export const IMAGE_PLACEHOLDER = 'IMAGE';

export interface DeliveryFacts {
  type: ClusterType;
  local: boolean;
  context: ClusterContext;
  nodes: readonly Node[];
  registry: LocalRegistryHosting | undefined;
}

export function imageDelivery(facts: DeliveryFacts): DetectedImageDelivery {
  const { type, local, nodes, registry } = facts;
  if (!local) return { method: 'registry-required' };
  const runtimes = nodes.map((node) => node.status?.nodeInfo?.containerRuntimeVersion ?? '');
  const dockerRuntime = runtimes.length > 0 && runtimes.every((runtime) => runtime.startsWith('docker://'));
  switch (type) {
    case 'docker-desktop':
      // Its kind mode works only with the containerd image store, which shares the images too (detection.md §1a [DD1]).
      return { method: 'shared-daemon', note: "when docker on this machine talks to Docker Desktop's daemon" };
    case 'orbstack':
      return { method: 'shared-daemon', note: "when docker on this machine talks to OrbStack's daemon (~/.orbstack/run/docker.sock)" };
    case 'rancher-desktop':
      if (dockerRuntime) return { method: 'shared-daemon', note: "when docker on this machine talks to Rancher Desktop's dockerd (~/.rd/docker.sock)" };
      return registryOr(registry, { method: 'loadable', command: `docker save ${IMAGE_PLACEHOLDER} | nerdctl --namespace k8s.io load` });
    case 'colima':
      if (dockerRuntime) return { method: 'shared-daemon', note: `when docker on this machine talks to the Colima profile "${colimaProfile(facts.context)}"` };
      return registryOr(registry, { method: 'loadable', command: `docker save ${IMAGE_PLACEHOLDER} | colima nerdctl -p ${colimaProfile(facts.context)} -- --namespace k8s.io load` });
    default:
      break;
  }
  if (registry !== undefined) return localRegistry(registry);
  const name = clusterName(type, facts.context, nodes);
  switch (type) {
    case 'kind':
    case 'minikube':
    case 'k3d':
    case 'k3s':
    case 'microk8s':
      return { method: 'loadable', command: TARGET_PROFILES[type].loadCommand!(IMAGE_PLACEHOLDER, name) };
    default:
      return { method: 'registry-required' };
  }
}

function registryOr(registry: LocalRegistryHosting | undefined, otherwise: DetectedImageDelivery): DetectedImageDelivery {
  return registry === undefined ? otherwise : localRegistry(registry);
}

function localRegistry(registry: LocalRegistryHosting): DetectedImageDelivery {
  return {
    method: 'local-registry',
    host: registry.host ?? registry.hostFromContainerRuntime!,
    ...(registry.hostFromContainerRuntime === undefined ? {} : { hostFromContainerRuntime: registry.hostFromContainerRuntime }),
    ...(registry.hostFromClusterNetwork === undefined ? {} : { hostFromClusterNetwork: registry.hostFromClusterNetwork }),
  };
}

function colimaProfile(context: ClusterContext): string {
  const name = context.cluster.name.startsWith('colima-') ? context.cluster.name : context.name;
  return name.startsWith('colima-') ? name.slice('colima-'.length) : 'default';
}

/**
 * The name the product's CLI wants: kind's and k3d's cluster name (from the nodes first, since
 * contexts get renamed; detection.md §1a kind "The kind CLI wants the bare name"), minikube's profile.
 */
export function clusterName(type: ClusterType, context: ClusterContext, nodes: readonly Node[]): string | undefined {
  const names = [context.cluster.name, context.name];
  switch (type) {
    case 'kind': {
      for (const node of nodes) {
        const match = /^kind:\/\/[^/]+\/([^/]+)\//.exec(node.spec?.providerID ?? '');
        if (match !== null) return match[1];
      }
      const named = names.find((name) => name.startsWith('kind-'));
      return named?.slice('kind-'.length) ?? names.map((name) => /^(.+)@kind$/.exec(name)?.[1]).find((name) => name !== undefined);
    }
    case 'k3d': {
      for (const node of nodes) {
        const match = /^k3d-(.+)-(server|agent)-\d+$/.exec(node.metadata?.name ?? '');
        if (match !== null) return match[1];
      }
      return names.find((name) => name.startsWith('k3d-'))?.slice('k3d-'.length);
    }
    case 'minikube': {
      for (const node of nodes) {
        const profile = node.metadata?.labels?.['minikube.k8s.io/name'];
        if (profile !== undefined && profile !== '') return profile;
      }
      return context.cluster.name;
    }
    default:
      return undefined;
  }
}
