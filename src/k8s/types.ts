// k8s/: what Kubernetes means by the objects (pod specs and their containers, images and pull
// policy as kubelet reads them). Imports shared/, manifests/ and images/.
import type { ImageBuild } from '../build-tools/image-build.js';
import type { ImageReferenceResult } from '../images/types.js';
import type { JsonPath, ManifestObject } from '../manifests/model.js';

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

/** One container of one pod spec, wherever the pod spec sits in its object. */
export interface ContainerSite {
  group: ContainerGroup;
  index: number;
  name: string;
  container: Record<string, unknown>;
  /** Path of the container object, relative to the manifest object. */
  path: JsonPath;
  /** The `image` value when it is a string. */
  image?: string;
}

/** A PodSpec found inside an object (the object itself for a Pod, a template for workloads, any CRD via the generic walk). */
export interface PodSpecSite {
  /** Path of the PodSpec object (the thing holding `containers`), relative to the manifest object. */
  path: JsonPath;
  spec: Record<string, unknown>;
  /** Metadata of the pod template holding this spec (or of the Pod itself), when there is one. */
  metadata?: Record<string, unknown>;
  containers: ContainerSite[];
}

export interface ObjectWithPodSpecs {
  object: ManifestObject;
  podSpecs: PodSpecSite[];
}

/** A container with its image parsed once per run and shared by every rule. */
export interface ContainerInfo extends ContainerSite {
  /** Present when `image` is a string. */
  reference?: ImageReferenceResult;
  /** The build tool beside the manifests that builds this image and replaces it at deploy time. */
  build?: ImageBuild;
  /** Why `image` differs from the written string (a kustomize `images:` rewrite), phrased for a finding. */
  rewrite?: string;
}

export interface PodSpecInfo extends Omit<PodSpecSite, 'containers'> {
  containers: ContainerInfo[];
}
