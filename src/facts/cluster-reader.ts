// The interface the core owns for reading a cluster (DESIGN.md "KubeGateway"): narrow, one method per
// fact, errors as data. Two implementations: the live gateway (src/gateways/kube/, the only code that
// speaks HTTP to an API server) and the snapshot reader (a snapshot file is another source of the
// same facts). Analyses (detect, check's live facts, diagnose, report) take a ClusterReader and never
// know which one they have. Types only.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { ConfigMap, Namespace, Node, Pod, ServiceAccount } from 'kubernetes-types/core/v1.js';
import type { UnknownFact } from './facts.js';
import type { ClusterContext, ClusterEvent, SecretSummary, ServerVersion } from './cluster-snapshot.js';

/** A fact read from the cluster, or why it could not be (`forbidden: list nodes`, `timeout: list pods after 10 s`). */
export type ClusterFact<T> = { value: T } | UnknownFact;

export function isKnownClusterFact<T>(fact: ClusterFact<T>): fact is { value: T } {
  return 'value' in fact;
}

/** Which namespace a list reads: one, or all (`-A`). */
export interface ListScope {
  namespace?: string;
  /** Server-side filters where the API has them (`spec.nodeName=x`, `involvedObject.kind=Pod`). */
  fieldSelector?: string;
  labelSelector?: string;
}

/** A registry credential from a pull secret, held in memory only, never printed or saved. */
export interface PullSecretCredential {
  /** The registry key as written in the secret. */
  registry: string;
  username?: string;
  password?: string;
  auth?: string;
  identityToken?: string;
}

export interface ClusterReader {
  /** Where the facts come from, for messages: `context kind-dev`, `snapshot cluster.json`. */
  readonly source: string;
  readonly context: ClusterContext;
  version(): Promise<ClusterFact<ServerVersion>>;
  apiGroups(): Promise<ClusterFact<string[]>>;
  nodes(): Promise<ClusterFact<Node[]>>;
  namespaces(): Promise<ClusterFact<Namespace[]>>;
  serviceAccounts(scope?: ListScope): Promise<ClusterFact<ServiceAccount[]>>;
  pods(scope?: ListScope): Promise<ClusterFact<Pod[]>>;
  events(scope?: ListScope): Promise<ClusterFact<ClusterEvent[]>>;
  /** kube-public/local-registry-hosting (KEP-1755), `null` when the cluster has none. */
  localRegistryHosting(): Promise<ClusterFact<ConfigMap | null>>;
  secrets(scope?: ListScope): Promise<ClusterFact<SecretSummary[]>>;
  /**
   * The credentials of one pull secret, for the registry check only. A snapshot never has them
   * (`unknown: the snapshot holds no secret values`).
   */
  pullSecretCredentials(namespace: string, name: string): Promise<ClusterFact<PullSecretCredential[]>>;
  /**
   * Pod owners, for diagnose and report (optional: a reader without them leaves owners to the
   * pod-template-hash convention, and the analyses say the owner was inferred).
   */
  replicaSets?(scope?: ListScope): Promise<ClusterFact<ReplicaSet[]>>;
  jobs?(scope?: ListScope): Promise<ClusterFact<Job[]>>;
  /** For the field manager of a pod template change (managedFields) and desired replicas. */
  deployments?(scope?: ListScope): Promise<ClusterFact<Deployment[]>>;
}
