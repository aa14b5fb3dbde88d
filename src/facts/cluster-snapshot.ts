// The snapshot file (`pullguard snapshot -o FILE`, read back by every `--snapshot FILE`): what the
// cluster analyses read, as JSON, schemaVersion 1. Written once here and reused by the live gateway
// (which captures it), the snapshot reader (which serves it back) and docs/snapshot.md (its schema).
// Lists hold objects as the API returns them. Secrets never carry a value, a user name or a token:
// only metadata, type and the registry hosts they hold credentials for.
import type { ConfigMap, Event as CoreEvent, Namespace, Node, Pod, ServiceAccount } from 'kubernetes-types/core/v1.js';
import type { Event as EventsV1Event } from 'kubernetes-types/events/v1.js';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** The `/version` object of the API server. */
export interface ServerVersion {
  major?: string;
  minor?: string;
  gitVersion: string;
  gitCommit?: string;
  platform?: string;
  [key: string]: unknown;
}

/** The exec credential plugin of the context's user: command and arguments only, never its env. */
export interface ExecPluginSummary {
  command: string;
  args: string[];
}

/** The kubeconfig context a snapshot or a live run reads (names only, never a credential). */
export interface ClusterContext {
  /** The context name; `in-cluster` for the pod's service account. */
  name: string;
  /** The namespace commands default to (`--namespace`, else the context's, else `default`). */
  namespace: string;
  cluster: { name: string; server: string };
  user: { name: string; exec: ExecPluginSummary | null };
}

/** A Secret as a snapshot keeps it: never `data` or `stringData`. */
export interface SecretSummary {
  metadata: Pick<ObjectMeta, 'name' | 'namespace' | 'uid' | 'creationTimestamp' | 'labels' | 'annotations'>;
  type: string;
  /** For `kubernetes.io/dockerconfigjson` and `dockercfg`: the registry keys it holds credentials for, as written. */
  registries?: string[];
}

export type ClusterEvent = CoreEvent | (EventsV1Event & { apiVersion: 'events.k8s.io/v1' });

export interface ClusterSnapshot {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  /** RFC 3339. */
  capturedAt: string;
  context: ClusterContext;
  /**
   * Which namespaces the namespaced lists (serviceAccounts, pods, events, secrets) were read from:
   * every one (`pullguard snapshot -A`) or one. Absent in snapshots written by hand: taken as all.
   */
  scope?: { allNamespaces: true } | { allNamespaces: false; namespace: string };
  version: ServerVersion;
  /** API group names (`apps`, `route.openshift.io`, ...); the core group is not listed. */
  apiGroups: string[];
  nodes: Node[];
  /** Optional members: a snapshot holding only context, version, apiGroups and nodes is enough for `detect`. */
  namespaces?: Namespace[];
  serviceAccounts?: ServiceAccount[];
  pods?: Pod[];
  events?: ClusterEvent[];
  /** Only kube-public/local-registry-hosting. */
  configMaps?: ConfigMap[];
  secrets?: SecretSummary[];
  /**
   * Owners of pods, for `diagnose` and `report`: a pod's workload (Pod → ReplicaSet → Deployment,
   * Job → CronJob) and the change that made its ReplicaSet (managedFields, revision). Optional:
   * without them the owner is inferred from the pod-template-hash convention and said to be.
   */
  replicaSets?: ReplicaSet[];
  jobs?: Job[];
  deployments?: Deployment[];
  /**
   * What could not be read when the snapshot was taken, by member (`pods: forbidden: list pods`), so
   * that a reader of the snapshot says "unknown" for the same reason the live run would have.
   */
  unknown?: Partial<Record<SnapshotMember | 'apiGroups' | 'version', string>>;
}

/** The list members of a snapshot, as `unknown` names them. */
export type SnapshotMember =
  | 'nodes'
  | 'namespaces'
  | 'serviceAccounts'
  | 'pods'
  | 'events'
  | 'configMaps'
  | 'secrets'
  | 'replicaSets'
  | 'jobs'
  | 'deployments';
