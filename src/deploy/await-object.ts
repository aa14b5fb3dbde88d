// Waits, with the watch API (never polling), until one object is in a state: a CRD Established, a
// namespace gone. No I/O of its own: the cluster is a ClusterWriter.
import type { ClusterWriter, KubeObject, ObjectRef, Watch } from '../facts/cluster-writer.js';

export type AwaitOutcome = 'reached' | 'timeout' | { error: string };

/**
 * Resolves `reached` once `until` accepts the object as the watch delivers it (null: there is
 * none, or it was deleted), `timeout` after `timeoutMs`, or the watch's error.
 */
export function awaitObject(writer: ClusterWriter, ref: ObjectRef, until: (object: KubeObject | null) => boolean, timeoutMs: number): Promise<AwaitOutcome> {
  return new Promise((resolve) => {
    let done = false;
    let seen = false;
    let watch: Watch | undefined;
    const finish = (outcome: AwaitOutcome): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      watch?.stop();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    watch = writer.watch(
      { apiVersion: ref.apiVersion, kind: ref.kind, ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }), fieldSelector: `metadata.name=${ref.name}` },
      {
        onEvent: (type, object) => {
          seen = type !== 'DELETED';
          if (until(type === 'DELETED' ? null : object)) finish('reached');
        },
        onError: (error) => finish({ error: error.message }),
      },
    );
    if (done) watch.stop();
    // The list found nothing: that is the state now.
    void watch.synced.then(() => {
      if (!seen && until(null)) finish('reached');
    });
  });
}

/** A CustomResourceDefinition the apiserver serves: condition Established. */
export function isEstablished(object: KubeObject | null): boolean {
  const conditions = (object?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Established' && c.status === 'True');
}
