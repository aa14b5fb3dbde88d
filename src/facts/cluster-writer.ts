// facts/: what `deploy` may do to a cluster, as the core sees it. Narrow on purpose: server-side
// apply (dry-run or for real), get, delete and watch, nothing else. Errors are data (`{error}`),
// never exceptions, so that a dry-run can report every rejection at once and a watch can say why
// it ended. The live implementation is src/gateways/kube/cluster-writer.ts.

/** Any Kubernetes object as JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }[];
    creationTimestamp?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  /** Absent for cluster-scoped objects. */
  namespace?: string;
}

export type WriteErrorKind =
  /** The server refused the object (400 Bad Request, 422 Invalid, an admission webhook's denial). */
  | 'rejected'
  | 'forbidden'
  | 'not-found'
  /** Another field manager owns a field this apply sets (409 without force). */
  | 'conflict'
  /** The server does not serve this apiVersion/kind. */
  | 'unknown-kind'
  | 'unreachable'
  | 'timeout'
  | 'error';

export interface WriteError {
  kind: WriteErrorKind;
  /** The server's message (Status.message), or what went wrong on the way. */
  message: string;
  /** HTTP status, when the server answered. */
  status?: number;
  /** Status.details.causes: which field, what is wrong with it. */
  causes?: { field?: string; message: string }[];
}

export type WriteResult<T> = { value: T } | { error: WriteError };

export interface ApplyOptions {
  /** `dryRun=All`: the server runs validation, defaulting and admission, and stores nothing. */
  dryRun: boolean;
  /** Take the fields other managers own (`force=true`), as a restore must. */
  force?: boolean;
}

export interface DeleteOptions {
  /** Default `Background`: dependents (ReplicaSets, Pods) go after their owner. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

/** What to watch: one kind in one namespace (or cluster-wide when absent), optionally filtered. */
export interface WatchQuery {
  apiVersion: string;
  kind: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /**
   * Resume from this resourceVersion instead of listing first. A LIST still follows a 410 Gone; its
   * objects then arrive as ADDED, and what vanished before this watch delivered it is not reported.
   */
  since?: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchHandlers {
  /** Every object as it is now: the initial list arrives as ADDED, then the changes. */
  onEvent(type: WatchEventType, object: KubeObject): void;
  /** The watch cannot go on (forbidden, unknown kind, unreachable): it has stopped. */
  onError?(error: WriteError): void;
}

export interface Watch {
  /** Resolves once the initial list was delivered (or the watch failed). */
  readonly synced: Promise<void>;
  stop(): void;
}

export interface ClusterWriter {
  /** Server-side apply with field manager `pullguard`; the object as the server has (or would have) it. */
  apply(object: KubeObject, options: ApplyOptions): Promise<WriteResult<KubeObject>>;
  /** The object as it is, or null when there is none. */
  get(ref: ObjectRef): Promise<WriteResult<KubeObject | null>>;
  delete(ref: ObjectRef, options?: DeleteOptions): Promise<WriteResult<void>>;
  /** Whether the server serves this kind, and namespaced or not (discovery). */
  resource(apiVersion: string, kind: string): Promise<WriteResult<{ namespaced: boolean }>>;
  /**
   * List, then watch from the list's resourceVersion with bookmarks; a stream that ends is reopened
   * from the last version seen. On 410 Gone it lists again and delivers the difference (ADDED,
   * MODIFIED, DELETED), never an event for an object that did not change.
   */
  watch(query: WatchQuery, handlers: WatchHandlers): Watch;
  /** Forget discovery (after CRDs were applied). */
  refreshDiscovery(): void;
}

export function refOf(object: KubeObject): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
    ...(object.metadata.namespace === undefined ? {} : { namespace: object.metadata.namespace }),
  };
}

/** `Deployment web -n shop`, `Namespace shop`. */
export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.name}${ref.namespace === undefined ? '' : ` -n ${ref.namespace}`}`;
}
