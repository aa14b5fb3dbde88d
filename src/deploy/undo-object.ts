// Puts one object back as it was before this deploy: deleted when it did not exist, re-applied as
// recorded when it did (force: the recorded state wins over this deploy's fields). Used by
// --rollback and by the undo of what a rejected dry-run needed. No I/O of its own.
import type { ClusterWriter, KubeObject, ObjectRef } from '../facts/cluster-writer.js';
import { awaitObject } from './await-object.js';
import type { RollbackAction } from './deploy-record.js';

/** Annotations a controller writes: re-applying them would fight the controller. */
const CONTROLLER_ANNOTATIONS = ['deployment.kubernetes.io/revision'];

export interface UndoOptions {
  /** After a delete, wait (with a watch) until the object is gone: a namespace is Terminating until emptied. */
  awaitGoneMs?: number;
}

export interface Undone {
  action: RollbackAction;
  /** The object as the server returned it after a restore. */
  restored?: KubeObject;
}

export async function undoObject(writer: ClusterWriter, ref: ObjectRef, original: KubeObject | null, options: UndoOptions = {}): Promise<Undone> {
  if (original !== null) {
    const result = await writer.apply(forReapply(original), { dryRun: false, force: true });
    if ('error' in result) return { action: { ...ref, action: 'restored', ok: false, error: result.error.message } };
    return { action: { ...ref, action: 'restored', ok: true }, restored: result.value };
  }
  const deleted = await writer.delete(ref);
  if ('error' in deleted) return { action: { ...ref, action: 'deleted', ok: false, error: deleted.error.message } };
  if (options.awaitGoneMs !== undefined) {
    const gone = await awaitObject(writer, ref, (live) => live === null, options.awaitGoneMs);
    if (gone !== 'reached') {
      const error = gone === 'timeout' ? `still there after ${Math.round(options.awaitGoneMs / 1000)} s (terminating)` : gone.error;
      return { action: { ...ref, action: 'deleted', ok: false, error } };
    }
  }
  return { action: { ...ref, action: 'deleted', ok: true } };
}

/** The recorded object as an apply body: its spec and data as they were, without server-owned fields. */
export function forReapply(object: KubeObject): KubeObject {
  const { status: _status, ...rest } = object;
  const annotations = Object.fromEntries(Object.entries(object.metadata.annotations ?? {}).filter(([key]) => !CONTROLLER_ANNOTATIONS.includes(key)));
  return {
    ...rest,
    apiVersion: object.apiVersion,
    kind: object.kind,
    metadata: {
      name: object.metadata.name,
      ...(object.metadata.namespace === undefined ? {} : { namespace: object.metadata.namespace }),
      ...(object.metadata.labels === undefined ? {} : { labels: object.metadata.labels }),
      ...(Object.keys(annotations).length === 0 ? {} : { annotations }),
    },
  };
}

/** The line each undone object prints. */
export function undoneLine(action: RollbackAction, describe: (ref: ObjectRef) => string): string {
  return `  ${action.action} ${describe(action)}${action.ok ? '' : `: FAILED ${action.error ?? ''}`}\n`;
}
