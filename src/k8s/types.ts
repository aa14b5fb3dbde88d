import type { JsonPath, ManifestObject } from '../core/types.js';

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
