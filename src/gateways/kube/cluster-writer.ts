// The live ClusterWriter: server-side apply (field manager `pullguard`, dry-run or for real), get,
// delete and watch over the kube gateway's client, paths from discovery. Every failure comes back
// as a WriteError; nothing here throws past its caller.
import type { ApplyOptions, ClusterWriter, DeleteOptions, KubeObject, ObjectRef, Watch, WatchHandlers, WatchQuery, WriteError, WriteResult } from '../../facts/cluster-writer.js';
import type { ApiClient } from './api-client.js';
import { describeConnectionFailure } from './api-errors.js';
import { collectionPath, Discovery, type ResourceInfo } from './discovery.js';
import { openWatch } from './watch-stream.js';

export const FIELD_MANAGER = 'pullguard';
const APPLY_CONTENT_TYPE = 'application/apply-patch+yaml';

export interface ClusterWriterOptions {
  /** How long the server keeps each watch stream open before it is reopened (default 300 s). */
  watchTimeoutSeconds?: number;
}

export function createClusterWriter(client: ApiClient, options: ClusterWriterOptions = {}): ClusterWriter {
  const discovery = new Discovery(client);

  const resolve = async (apiVersion: string, kind: string): Promise<WriteResult<ResourceInfo>> => {
    try {
      const resource = await discovery.resource(apiVersion, kind);
      if (resource === undefined) return { error: { kind: 'unknown-kind', message: `the server does not serve ${kind} in ${apiVersion}` } };
      return { value: resource };
    } catch (error) {
      return { error: transportError(error) };
    }
  };

  const objectPath = async (ref: ObjectRef): Promise<WriteResult<string>> => {
    const resource = await resolve(ref.apiVersion, ref.kind);
    if ('error' in resource) return resource;
    return { value: `${collectionPath(ref.apiVersion, resource.value, ref.namespace)}/${encodeURIComponent(ref.name)}` };
  };

  const call = async <T>(method: string, path: string, what: string, body?: string, contentType?: string): Promise<WriteResult<T>> => {
    try {
      const response = await client.send(method, path, { ...(body === undefined ? {} : { body }), ...(contentType === undefined ? {} : { contentType }) });
      if (response.statusCode >= 200 && response.statusCode < 300) return { value: JSON.parse(response.text) as T };
      return { error: statusError(response.statusCode, response.text, what) };
    } catch (error) {
      return { error: transportError(error) };
    }
  };

  return {
    async apply(object: KubeObject, options: ApplyOptions) {
      const path = await objectPath({ apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, ...(object.metadata.namespace === undefined ? {} : { namespace: object.metadata.namespace }) });
      if ('error' in path) return path;
      const search = new URLSearchParams({ fieldManager: FIELD_MANAGER });
      if (options.dryRun) search.set('dryRun', 'All');
      if (options.force === true) search.set('force', 'true');
      // JSON is YAML: the apply patch content type takes either.
      return call<KubeObject>('PATCH', `${path.value}?${search.toString()}`, `apply ${object.kind} ${object.metadata.name}`, JSON.stringify(object), APPLY_CONTENT_TYPE);
    },
    async get(ref: ObjectRef) {
      const path = await objectPath(ref);
      if ('error' in path) return path;
      const result = await call<KubeObject>('GET', path.value, `get ${ref.kind} ${ref.name}`);
      if ('error' in result && result.error.kind === 'not-found') return { value: null };
      return result;
    },
    async delete(ref: ObjectRef, options: DeleteOptions = {}) {
      const path = await objectPath(ref);
      if ('error' in path) return path;
      const body = JSON.stringify({ apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: options.propagationPolicy ?? 'Background' });
      const result = await call<unknown>('DELETE', path.value, `delete ${ref.kind} ${ref.name}`, body, 'application/json');
      if ('error' in result) return result.error.kind === 'not-found' ? { value: undefined } : result;
      return { value: undefined };
    },
    async resource(apiVersion: string, kind: string) {
      const resource = await resolve(apiVersion, kind);
      return 'error' in resource ? resource : { value: { namespaced: resource.value.namespaced } };
    },
    watch(query: WatchQuery, handlers: WatchHandlers): Watch {
      let inner: Watch | undefined;
      let stopped = false;
      const synced = (async () => {
        const resource = await resolve(query.apiVersion, query.kind);
        if ('error' in resource) {
          handlers.onError?.(resource.error);
          return;
        }
        if (stopped) return;
        const selectors = {
          ...(query.labelSelector === undefined ? {} : { labelSelector: query.labelSelector }),
          ...(query.fieldSelector === undefined ? {} : { fieldSelector: query.fieldSelector }),
          ...(query.since === undefined ? {} : { since: query.since }),
        };
        inner = openWatch(client, collectionPath(query.apiVersion, resource.value, query.namespace), selectors, handlers, statusError, options.watchTimeoutSeconds);
        await inner.synced;
      })();
      return {
        synced,
        stop: () => {
          stopped = true;
          inner?.stop();
        },
      };
    },
    refreshDiscovery: () => discovery.refresh(),
  };
}

interface StatusBody {
  message?: string;
  reason?: string;
  details?: { causes?: { field?: string; message?: string }[] };
}

/** An HTTP answer other than 2xx as a WriteError (the Status object's message and causes). */
export function statusError(status: number, text: string, what: string): WriteError {
  let body: StatusBody = {};
  try {
    body = JSON.parse(text) as StatusBody;
  } catch {
    // not a Status object
  }
  const message = body.message ?? `${what}: HTTP ${status}`;
  const causes = (body.details?.causes ?? []).map((cause) => ({ ...(cause.field === undefined ? {} : { field: cause.field }), message: cause.message ?? '' }));
  const kind: WriteError['kind'] =
    status === 400 || status === 422 ? 'rejected'
    : status === 403 ? 'forbidden'
    : status === 404 ? 'not-found'
    : status === 409 ? 'conflict'
    : status === 504 ? 'timeout'
    : 'error';
  return { kind, message, status, ...(causes.length === 0 ? {} : { causes }) };
}

function transportError(error: unknown): WriteError {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout', message: 'the API server did not answer in time' };
  if (error instanceof Error && !('code' in error) && error.message.startsWith('discovery of')) return { kind: 'error', message: error.message };
  return { kind: 'unreachable', message: describeConnectionFailure(error).detail };
}
