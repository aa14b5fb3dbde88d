// deploy/rollout-kinds: Argo Rollouts' Rollout (argoproj.io/v1alpha1). The controller labels the
// pods of each revision with `rollouts-pod-template-hash` (on its ReplicaSet too) and reports the
// new one in status.currentPodHash; it is "observed" as argo-rollouts' own client decides
// (utils/rollout/rolloututil.go): status.observedGeneration is a string, the generation as a
// number since v0.10 and a spec hash before (then it always counts as observed), and a Rollout
// with spec.workloadRef also waits for status.workloadObservedGeneration. Healthy is done;
// Degraded (InvalidSpec, RolloutAborted, ProgressDeadlineExceeded) is a failure. Paused (a canary
// or blue-green pause waiting for promotion) counts as rolled out once the new ReplicaSet's pods
// are all available: their images pulled, and promotion is a person's decision. Pure.
import type { KubeObject } from '../../facts/cluster-writer.js';
import type { RelatedObjects, RolloutStatus } from '../rollout-model.js';
import { conditions, label, NO_POD, num, ownedBy, specOf, statusOf, str } from './object-fields.js';

export const ARGO_ROLLOUTS_GROUP = 'argoproj.io';
export const POD_HASH_LABEL = 'rollouts-pod-template-hash';
const WORKLOAD_GENERATION = 'rollout.argoproj.io/workload-generation';

export function isArgoRollout(object: KubeObject): boolean {
  return object.kind === 'Rollout' && object.apiVersion.startsWith(`${ARGO_ROLLOUTS_GROUP}/`);
}

/** Whether the controller has seen the applied spec (and, with workloadRef, the referenced workload's). */
export function rolloutObserved(rollout: KubeObject): boolean {
  const status = statusOf(rollout);
  const observed = status.observedGeneration;
  const generation = rollout.metadata.generation ?? 0;
  const numeric = typeof observed === 'number' ? observed : /^\d+$/.test(str(observed) ?? '') ? Number(observed) : undefined;
  if (observed === undefined || observed === '') return false;
  // A spec hash (before v0.10): the controller wrote status for this spec.
  if (numeric !== undefined && numeric < generation) return false;
  const workloadGeneration = rollout.metadata.annotations?.[WORKLOAD_GENERATION];
  if (specOf(rollout).workloadRef !== undefined && workloadGeneration !== undefined) {
    const seen = str(status.workloadObservedGeneration) ?? String(status.workloadObservedGeneration ?? '');
    if (/^\d+$/.test(seen) && seen !== workloadGeneration) return false;
  }
  return true;
}

/** The ReplicaSet of the new revision: owned by the Rollout, with its hash. */
export function newRolloutReplicaSet(rollout: KubeObject, hash: string | undefined, replicaSets: readonly KubeObject[]): KubeObject | undefined {
  if (hash === undefined) return undefined;
  return replicaSets.find((rs) => ownedBy(rs, rollout) && label(rs, POD_HASH_LABEL) === hash);
}

export function argoRolloutStatus(rollout: KubeObject, related: Pick<RelatedObjects, 'replicaSets'>): RolloutStatus {
  const status = statusOf(rollout);
  const observed = rolloutObserved(rollout) && !unpausing(rollout);
  const hash = observed ? str(status.currentPodHash) || undefined : undefined;
  const rs = newRolloutReplicaSet(rollout, hash, related.replicaSets);
  const desired = num(specOf(rollout).replicas, 1);
  const newAvailable = rs === undefined ? 0 : num(statusOf(rs).availableReplicas);
  const phase = str(status.phase) ?? legacyPhase(rollout, desired);
  const failure = degraded(rollout);
  // Paused: the new ReplicaSet reached the size this step wants, every pod of it available.
  const pausedAndPulled = phase === 'Paused' && rs !== undefined && newAvailable >= num(specOf(rs).replicas, 1);
  return {
    observed,
    isNewPod: hash === undefined ? NO_POD : (pod) => label(pod, POD_HASH_LABEL) === hash && (rs === undefined || ownedBy(pod, rs)),
    desired,
    ready: newAvailable,
    complete: observed && hash !== undefined && failure === undefined && (phase === 'Healthy' || pausedAndPulled),
    ...(failure === undefined || !observed ? {} : { failed: failure }),
    ...(pausedAndPulled ? { note: `paused (${pauseReason(rollout)}): the new pods are available; promote it with kubectl argo rollouts promote ${rollout.metadata.name}` } : {}),
    ...(hash === undefined ? {} : { revision: hash }),
  };
}

/** The user resumed it and the controller has not reacted yet (rolloututil IsUnpausing). */
function unpausing(rollout: KubeObject): boolean {
  const status = statusOf(rollout);
  return status.controllerPause === true && ((status.pauseConditions as unknown[] | undefined) ?? []).length === 0;
}

function degraded(rollout: KubeObject): string | undefined {
  const status = statusOf(rollout);
  for (const c of conditions(rollout)) {
    if (c.type === 'InvalidSpec' && c.status === 'True') return `InvalidSpec: ${c.message ?? ''}`.trim();
    if (c.reason === 'RolloutAborted' || c.reason === 'ProgressDeadlineExceeded') return `${c.reason}: ${c.message ?? ''}`.trim();
  }
  if (str(status.phase) === 'Degraded') return `Degraded: ${str(status.message) ?? ''}`.trim();
  if (status.abort === true) return `RolloutAborted: ${str(status.message) ?? 'the rollout was aborted'}`;
  return undefined;
}

function pauseReason(rollout: KubeObject): string {
  const reasons = ((statusOf(rollout).pauseConditions as { reason?: string }[] | undefined) ?? []).map((p) => p.reason).filter((r): r is string => r !== undefined);
  return reasons.length > 0 ? reasons.join(', ') : specOf(rollout).paused === true ? 'spec.paused' : 'waiting for promotion';
}

/** Controllers before v1.0 leave status.phase empty: rolloututil's CalculateRolloutPhase, the parts that matter here. */
function legacyPhase(rollout: KubeObject, desired: number): string {
  const status = statusOf(rollout);
  if (specOf(rollout).paused === true || ((status.pauseConditions as unknown[] | undefined) ?? []).length > 0) return 'Paused';
  const updated = num(status.updatedReplicas);
  if (updated < desired || num(status.availableReplicas) < updated) return 'Progressing';
  if (str(status.stableRS) === undefined || status.stableRS !== status.currentPodHash) return 'Progressing';
  return 'Healthy';
}
