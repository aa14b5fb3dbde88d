// The watch API as client-go's reflector uses it: LIST for the current state and its
// resourceVersion, then WATCH from there with bookmarks (so a reconnect resumes near the present
// instead of replaying history). A stream that ends (the server's timeoutSeconds, a dropped
// connection) is reopened from the last version seen, and the server replays what changed in the
// gap; when it answers 410 Gone instead (that version was compacted away), it lists again and
// delivers the difference: ADDED and MODIFIED for what is new or changed, DELETED for what
// vanished. Never polling: between events nothing is sent.
import type { KubeObject, Watch, WatchEventType, WatchHandlers, WriteError } from '../../facts/cluster-writer.js';
import type { ApiClient } from './api-client.js';
import { describeConnectionFailure } from './api-errors.js';

interface WatchLine {
  type: WatchEventType | 'BOOKMARK' | 'ERROR';
  object: KubeObject & { code?: number; message?: string };
}

/** The server ends each watch after this long (client-go picks 5–10 min); the stream is reopened. */
export const WATCH_TIMEOUT_SECONDS = 300;
/** Pause before reopening a stream that failed, so a flapping server is not hammered. */
const REOPEN_DELAY_MS = 200;

export function openWatch(
  client: ApiClient,
  collection: string,
  selectors: { labelSelector?: string; fieldSelector?: string; since?: string },
  handlers: WatchHandlers,
  statusError: (status: number, text: string, what: string) => WriteError,
  timeoutSeconds = WATCH_TIMEOUT_SECONDS,
): Watch {
  const controller = new AbortController();
  let markSynced: () => void = () => undefined;
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  const known = new Map<string, KubeObject>();
  const query = (extra: Record<string, string>): string => {
    const search = new URLSearchParams();
    if (selectors.labelSelector) search.set('labelSelector', selectors.labelSelector);
    if (selectors.fieldSelector) search.set('fieldSelector', selectors.fieldSelector);
    for (const [key, value] of Object.entries(extra)) search.set(key, value);
    return `${collection}?${search.toString()}`;
  };
  const fail = (error: WriteError): void => {
    controller.abort();
    markSynced();
    handlers.onError?.(error);
  };

  /** LIST: deliver what is there (and DELETED for what vanished since the last list); its version. */
  const list = async (): Promise<string | undefined> => {
    const { statusCode, text } = await client.send('GET', query({}));
    if (statusCode !== 200) {
      fail(statusError(statusCode, text, `list ${collection}`));
      return undefined;
    }
    const body = JSON.parse(text) as { items?: KubeObject[]; metadata?: { resourceVersion?: string }; apiVersion?: string; kind?: string };
    const seen = new Set<string>();
    const itemKind = body.kind?.replace(/List$/, '');
    for (const item of body.items ?? []) {
      // Items of a LIST carry no apiVersion/kind.
      const object = { ...item, apiVersion: item.apiVersion ?? body.apiVersion ?? '', kind: item.kind ?? itemKind ?? '' } as KubeObject;
      const key = object.metadata.uid ?? object.metadata.name;
      seen.add(key);
      const previous = known.get(key);
      known.set(key, object);
      // A re-list repeats what did not change: that is no event.
      if (previous !== undefined && previous.metadata.resourceVersion === object.metadata.resourceVersion) continue;
      handlers.onEvent(previous === undefined ? 'ADDED' : 'MODIFIED', object);
    }
    for (const [key, object] of known) {
      if (!seen.has(key)) {
        known.delete(key);
        handlers.onEvent('DELETED', object);
      }
    }
    return body.metadata?.resourceVersion;
  };

  /** The last version delivered: where a reopened stream resumes. Undefined until the first list. */
  let resourceVersion = selectors.since;

  const run = async (): Promise<void> => {
    resourceVersion ??= await list();
    markSynced();
    while (resourceVersion !== undefined && !controller.signal.aborted) {
      const path = query({ watch: '1', allowWatchBookmarks: 'true', resourceVersion, timeoutSeconds: String(timeoutSeconds) });
      const response = await client.stream(path, controller.signal);
      if (response.statusCode === 410) {
        await response.text();
        resourceVersion = await list();
        continue;
      }
      if (response.statusCode !== 200) {
        fail(statusError(response.statusCode, await response.text(), `watch ${collection}`));
        return;
      }
      let buffered = '';
      let gone = false;
      for await (const chunk of response.body) {
        buffered += chunk.toString('utf8');
        let newline: number;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline).trim();
          buffered = buffered.slice(newline + 1);
          if (line === '') continue;
          const event = JSON.parse(line) as WatchLine;
          if (event.type === 'ERROR') {
            // 410 inside the stream (reason Expired): "The resourceVersion for the provided watch
            // is too old" from etcd, "too old resource version" from the watch cache.
            if (event.object.code === 410) gone = true;
            else fail({ kind: 'error', message: event.object.message ?? 'watch error', ...(event.object.code === undefined ? {} : { status: event.object.code }) });
            continue;
          }
          const version = event.object.metadata?.resourceVersion;
          if (version !== undefined) resourceVersion = version;
          if (event.type === 'BOOKMARK') continue;
          const key = event.object.metadata.uid ?? event.object.metadata.name;
          if (event.type === 'DELETED') known.delete(key);
          else known.set(key, event.object);
          handlers.onEvent(event.type, event.object);
        }
        if (gone || controller.signal.aborted) break;
      }
      if (gone) resourceVersion = await list();
    }
  };

  const loop = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        await run();
        return;
      } catch (error) {
        if (controller.signal.aborted) return;
        const failure = describeConnectionFailure(error);
        if (failure.kind === 'tls') {
          fail({ kind: 'unreachable', message: failure.detail });
          return;
        }
        // A dropped connection: reopen from the last version seen (a list first if there was none).
        await new Promise((resolve) => setTimeout(resolve, REOPEN_DELAY_MS));
      }
    }
  };
  void loop();
  return {
    synced,
    stop: () => controller.abort(),
  };
}
