// k8s/: what Kubernetes means by the objects (pod specs and their containers, images and pull
// policy as kubelet reads them). Imports shared/, manifests/ and images/.
import type { ImageBuild } from '../build-tools/image-build.js';
import type { ImageReferenceResult } from '../images/types.js';
import type { JsonPath, ManifestObject } from '../manifests/model.js';

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

/**
 * What holds an image: a container list of a pod spec, or one of the other places the image-site
 * table names (an Argo template's `container`, a Tekton `steps[]`, a KubeVirt `containerDisk`,
 * Spark's `driver`...), or `image` for a field found only by the fallback.
 */
export type SiteGroup = ContainerGroup | (string & {});

/** How an image site was found. */
export type SiteOrigin =
  /** A pod spec or another site the table lists for the object's kind. */
  | 'table'
  /** A pod spec found by its shape, in a kind the table does not list. */
  | 'shape'
  /** A string field named `image` (or ending in `Image`) of a kind the table does not list. */
  | 'fallback';

/**
 * One image site: the object holding an `image` field (a container, a Tekton step, a containerDisk,
 * a Spark driver...), wherever it sits in its object. The name is historical: most sites are containers.
 */
export interface ContainerSite {
  group: SiteGroup;
  index: number;
  /** The container's name, else the name of what holds the site (template, volume), else the group. */
  name: string;
  /** The object holding `image` (and, for containers, `imagePullPolicy`). */
  container: Record<string, unknown>;
  /** Path of the object holding `image`, relative to the manifest object. */
  path: JsonPath;
  /** The `image` value when it is a string. */
  image?: string;
  /**
   * Where the pull policy of this image is written, relative to the object: absent for the usual
   * `imagePullPolicy` beside `image`; a path when the kind keeps one policy for several images
   * (Spark, Flink); null when the kind has no pull-policy field (the tag's default applies).
   * Read it with `pullPolicyOf` (pull-policy.ts).
   */
  pullPolicyAt?: JsonPath | null;
  /** The value at `pullPolicyAt` when that is a path. */
  pullPolicyValue?: unknown;
  /** The key of the image field in the holder at `path` when it is not `image` (fallback: `baseImage`...). */
  imageKey?: string;
  origin: SiteOrigin;
}

/** A PodSpec found inside an object (the object itself for a Pod, a template for workloads), or a group of other image sites. */
export interface PodSpecSite {
  /** Path of the PodSpec object (the thing holding `containers`), relative to the manifest object. */
  path: JsonPath;
  /**
   * The PodSpec; for a group of sites that are not a pod spec, the object whose `serviceAccountName`
   * and `imagePullSecrets` apply to them when the table knows one, else an empty record.
   */
  spec: Record<string, unknown>;
  /** Metadata of the pod template holding this spec (or of the Pod itself), when there is one. */
  metadata?: Record<string, unknown>;
  /** False for sites outside a pod spec whose pull secrets the manifest does not say (a Tekton Task, a Spark driver...). */
  pullSecretsKnown: boolean;
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
