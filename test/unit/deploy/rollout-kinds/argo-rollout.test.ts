import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../../src/facts/cluster-writer.js';
import { argoRolloutStatus, rolloutObserved } from '../../../../src/deploy/rollout-kinds/argo-rollout.js';
import { isWatchedKind, podSelector, rolloutStatus } from '../../../../src/deploy/rollout-model.js';

const rollout = (status: Record<string, unknown>, spec: Record<string, unknown> = {}, metadata: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'web', namespace: 'shop', uid: 'ro-1', generation: 3, ...metadata },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, ...spec },
  status,
});
const rs = (uid: string, hash: string, available: number, replicas = 2): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: `web-${hash}`, uid, labels: { 'rollouts-pod-template-hash': hash }, ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'web', uid: 'ro-1', controller: true }] },
  spec: { replicas },
  status: { availableReplicas: available },
});
const pod = (hash: string, owner: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `web-${hash}-x`, labels: { 'rollouts-pod-template-hash': hash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `web-${hash}`, uid: owner }] },
});
const sets = [rs('rs-old', 'old1', 2), rs('rs-new', 'new2', 1)];

describe('Argo Rollout', () => {
  const observedCases: { title: string; status: Record<string, unknown>; observed: boolean; spec?: Record<string, unknown>; annotations?: Record<string, string> }[] = [
    { title: 'no status yet', status: {}, observed: false },
    { title: 'observedGeneration as a string, the generation (v0.10+)', status: { observedGeneration: '3' }, observed: true },
    { title: 'an older generation', status: { observedGeneration: '2' }, observed: false },
    { title: 'a number', status: { observedGeneration: 3 }, observed: true },
    { title: 'a spec hash (before v0.10): observed', status: { observedGeneration: '7d9f8c6b5' }, observed: true },
    { title: 'the user resumed it, the controller has not reacted', status: { observedGeneration: '3', controllerPause: true }, observed: true },
    { title: 'workloadRef: the workload generation not observed yet', status: { observedGeneration: '3', workloadObservedGeneration: '4' }, spec: { workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } }, annotations: { 'rollout.argoproj.io/workload-generation': '5' }, observed: false },
    { title: 'workloadRef: observed', status: { observedGeneration: '3', workloadObservedGeneration: '5' }, spec: { workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } }, annotations: { 'rollout.argoproj.io/workload-generation': '5' }, observed: true },
  ];
  for (const c of observedCases) {
    it(`rolloutObserved: ${c.title}`, () => {
      assert.equal(rolloutObserved(rollout(c.status, c.spec, c.annotations === undefined ? {} : { annotations: c.annotations })), c.observed);
    });
  }

  it('new pods: rollouts-pod-template-hash = status.currentPodHash, of the new ReplicaSet; old pods never count', () => {
    const status = rolloutStatus(rollout({ observedGeneration: '3', currentPodHash: 'new2', phase: 'Progressing' }), { replicaSets: sets });
    assert.equal(status.isNewPod(pod('new2', 'rs-new')), true);
    assert.equal(status.isNewPod(pod('old1', 'rs-old')), false);
    assert.deepEqual([status.observed, status.complete, status.ready, status.desired, status.revision], [true, false, 1, 2, 'new2']);
    const stale = rolloutStatus(rollout({ observedGeneration: '2', currentPodHash: 'old1', phase: 'Healthy' }), { replicaSets: sets });
    assert.equal(stale.isNewPod(pod('old1', 'rs-old')), false);
    assert.equal(stale.complete, false);
    const unpausing = argoRolloutStatus(rollout({ observedGeneration: '3', currentPodHash: 'new2', controllerPause: true, phase: 'Paused' }), { replicaSets: sets });
    assert.equal(unpausing.observed, false);
  });

  const phaseCases: { title: string; status: Record<string, unknown>; spec?: Record<string, unknown>; complete: boolean; failed?: string; note?: RegExp }[] = [
    { title: 'Healthy', status: { phase: 'Healthy' }, complete: true },
    { title: 'Progressing', status: { phase: 'Progressing' }, complete: false },
    { title: 'Degraded: progress deadline', status: { phase: 'Degraded', message: 'ProgressDeadlineExceeded: ReplicaSet "web-new2" has timed out progressing.', conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-new2" has timed out progressing.' }] }, complete: false, failed: 'ProgressDeadlineExceeded: ReplicaSet "web-new2" has timed out progressing.' },
    { title: 'aborted', status: { phase: 'Degraded', abort: true, message: 'RolloutAborted: Rollout aborted update to revision 3', conditions: [{ type: 'Progressing', status: 'False', reason: 'RolloutAborted', message: 'Rollout aborted update to revision 3' }] }, complete: false, failed: 'RolloutAborted: Rollout aborted update to revision 3' },
    { title: 'InvalidSpec', status: { phase: 'Degraded', conditions: [{ type: 'InvalidSpec', status: 'True', reason: 'InvalidSpec', message: 'The Rollout "web" is invalid: spec.strategy: Required value' }] }, complete: false, failed: 'InvalidSpec: The Rollout "web" is invalid: spec.strategy: Required value' },
    { title: 'Paused with the new ReplicaSet not all available yet', status: { phase: 'Paused', pauseConditions: [{ reason: 'CanaryPauseStep' }] }, complete: false },
    { title: 'Paused for promotion, the new pods available', status: { phase: 'Paused', pauseConditions: [{ reason: 'CanaryPauseStep' }] }, complete: true, note: /^paused \(CanaryPauseStep\): the new pods are available; promote it with kubectl argo rollouts promote web$/ },
    { title: 'no phase (before v1.0): fully promoted', status: { updatedReplicas: 2, availableReplicas: 2, stableRS: 'new2' }, complete: true },
    { title: 'no phase (before v1.0): stable is the old one', status: { updatedReplicas: 2, availableReplicas: 2, stableRS: 'old1' }, complete: false },
  ];
  for (const c of phaseCases) {
    it(`phase: ${c.title}`, () => {
      const available = c.note === undefined ? 1 : 2;
      const status = argoRolloutStatus(rollout({ observedGeneration: '3', currentPodHash: 'new2', ...c.status }, c.spec), { replicaSets: [rs('rs-new', 'new2', available)] });
      assert.equal(status.complete, c.complete);
      assert.equal(status.failed, c.failed);
      if (c.note !== undefined) assert.match(status.note ?? '', c.note);
      else assert.equal(status.note, undefined);
    });
  }

  it('is watched only as argoproj.io; its pods by its selector', () => {
    assert.equal(isWatchedKind(rollout({})), true);
    assert.equal(isWatchedKind({ ...rollout({}), apiVersion: 'example.com/v1' }), false);
    assert.equal(podSelector(rollout({})), 'app=web');
  });
});
