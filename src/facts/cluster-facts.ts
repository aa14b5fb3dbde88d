// What `check` learnt from the cluster it reads (`--snapshot`, `--context`, `--kubeconfig` or the
// current context), gathered once by gather/gather-cluster.ts over a ClusterReader and handed to the
// rules in `Facts.cluster`. A fact that could not be read keeps its reason (`forbidden: list
// namespaces`), so the rules say "unknown" and why instead of guessing. Types only.
import type { ClusterFact } from './cluster-reader.js';
import type { Platform } from './registry-gateway.js';

/** One namespace the manifests deploy into. */
export interface NamespaceState {
  /** `Active` or `Terminating` (status.phase); absent: the namespace does not exist. */
  phase?: 'Active' | 'Terminating';
  /** Pods already there, and the images they run (what already runs there). */
  pods?: ClusterFact<{ count: number; images: string[] }>;
}

/** What the nodes say about themselves (node.status). */
export interface NodeFacts {
  count: number;
  /** Distinct `status.nodeInfo` os/architecture, sorted. */
  platforms: Platform[];
  /** Every name of every image the nodes hold (`status.images[].names`), as reported and normalised. */
  imageNames: ReadonlySet<string>;
  /** Nodes whose status lists no image at all (kubelet reports at most 50 per node by default). */
  nodesWithoutImageList: number;
  /** Nodes listing kubelet's maximum (50 by default): an image missing from their list may still be there. */
  nodesAtImageLimit: number;
}

/** Whether this machine's container runtime holds an image the nodes need but lack. */
export type LocalRuntimeImage =
  | { present: true; id: string; endpoint: string }
  | { present: false; endpoint: string }
  | { unknown: string };

/** An image the nodes must already have (`Never`, or `IfNotPresent` with a local-only name). */
export interface NodeImageFact {
  /** The image as written. */
  image: string;
  /** Normalised reference (`docker.io/library/myapp:dev`). */
  reference: string;
  onNodes: ClusterFact<boolean>;
  /** Asked only when the nodes lack it (or that is unknown) and the cluster is local. */
  localRuntime?: LocalRuntimeImage;
}

export interface ClusterFacts {
  /** Where the facts come from: `context kind-dev`, `snapshot cluster.json`. */
  source: string;
  contextName: string;
  /** The name the cluster's own tool knows it by (kind cluster, minikube profile, k3d cluster), for load commands. */
  clusterName?: string;
  /** The load command detection worked out for this cluster, `IMAGE` standing for the image. */
  loadCommand?: string;
  /** The registry to push to when the nodes need one: the cluster's advertised local registry, else the one the manifests use most. */
  registry?: string;
  /** Each namespace the manifests deploy into, by name; unknown when namespaces could not be read. */
  namespaces: ReadonlyMap<string, ClusterFact<NamespaceState>>;
  nodes: ClusterFact<NodeFacts>;
  /** By image as written: only images the nodes must already have. */
  nodeImages: ReadonlyMap<string, NodeImageFact>;
  /** Facts that could not be read, each with the reason (`secrets in team-a: forbidden: list secrets`). */
  unknown: { fact: string; reason: string }[];
}
