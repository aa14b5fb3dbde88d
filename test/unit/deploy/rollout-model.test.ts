import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../src/facts/cluster-writer.js';
import { newReplicaSet, podSelector, rolloutStatus } from '../../../src/deploy/rollout-model.js';

const deployment = (status: Record<string, unknown>, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'd-1', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' }, ...extra },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] } },
  status: { observedGeneration: 2, ...status },
});
const rs = (uid: string, revision: string, hash: string, available = 0): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: `web-${hash}`, uid, labels: { 'pod-template-hash': hash }, annotations: { 'deployment.kubernetes.io/revision': revision }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-1', controller: true }] },
  status: { availableReplicas: available },
});
const pod = (name: string, labels: Record<string, string>, owner?: string, uid = name): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, uid, labels, ...(owner === undefined ? {} : { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: owner, controller: true }] }) },
});

describe('rolloutStatus', () => {
  it('Deployment: only pods of the ReplicaSet with the new revision count, complete as kubectl rollout status says', () => {
    const sets = [rs('rs-old', '1', 'aaa', 3), rs('rs-new', '2', 'bbb', 1)];
    const midway = rolloutStatus(deployment({ replicas: 4, updatedReplicas: 1, availableReplicas: 4 }), { replicaSets: sets });
    assert.equal(newReplicaSet(deployment({}), sets)?.metadata.uid, 'rs-new');
    assert.equal(midway.isNewPod(pod('p1', { 'pod-template-hash': 'bbb' }, 'rs-new')), true);
    assert.equal(midway.isNewPod(pod('p2', { 'pod-template-hash': 'aaa' }, 'rs-old')), false);
    assert.deepEqual([midway.complete, midway.ready, midway.desired, midway.revision], [false, 1, 3, 'bbb']);
    const done = rolloutStatus(deployment({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), { replicaSets: sets });
    assert.equal(done.complete, true);
  });

  it('Deployment: complete means every new replica is ready, even when the ReplicaSet\'s watch lags behind', () => {
    const lagging = [rs('rs-new', '2', 'bbb', 0)];
    const done = rolloutStatus(deployment({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), { replicaSets: lagging });
    assert.deepEqual([done.complete, done.ready, done.desired], [true, 3, 3]);
  });

  it('Deployment: nothing is new until the controller observed the generation; the progress deadline is a failure', () => {
    const stale = rolloutStatus(deployment({ observedGeneration: 1 }), { replicaSets: [rs('rs-new', '2', 'bbb')] });
    assert.equal(stale.observed, false);
    assert.equal(stale.isNewPod(pod('p1', { 'pod-template-hash': 'bbb' }, 'rs-new')), false);
    const deadline = rolloutStatus(deployment({ conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-bbb" has timed out progressing.' }] }));
    assert.equal(deadline.failed, 'ProgressDeadlineExceeded: ReplicaSet "web-bbb" has timed out progressing.');
  });

  it('StatefulSet: controller-revision-hash = updateRevision', () => {
    const set: KubeObject = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', generation: 1 }, spec: { replicas: 2 }, status: { observedGeneration: 1, updateRevision: 'db-2', currentRevision: 'db-1', readyReplicas: 2, updatedReplicas: 1 } };
    const status = rolloutStatus(set);
    assert.equal(status.isNewPod(pod('db-1', { 'controller-revision-hash': 'db-2' })), true);
    assert.equal(status.isNewPod(pod('db-0', { 'controller-revision-hash': 'db-1' })), false);
    assert.equal(status.complete, false);
    assert.equal(rolloutStatus({ ...set, status: { observedGeneration: 1, updateRevision: 'db-2', currentRevision: 'db-2', readyReplicas: 2, updatedReplicas: 2 } }).complete, true);
  });

  it('DaemonSet: pod-template-generation of the DaemonSet, owned by it', () => {
    const set: KubeObject = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', uid: 'ds-1', generation: 4 }, status: { observedGeneration: 4, desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 1 } };
    const status = rolloutStatus(set);
    assert.equal(status.isNewPod({ ...pod('a', { 'pod-template-generation': '4' }), metadata: { name: 'a', labels: { 'pod-template-generation': '4' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds-1' }] } }), true);
    assert.equal(status.isNewPod(pod('b', { 'pod-template-generation': '3' })), false);
    assert.deepEqual([status.complete, status.ready, status.desired], [false, 1, 2]);
  });

  it('Job: pods with its controller-uid; Complete and Failed conditions', () => {
    const job: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', uid: 'j-1' }, spec: { completions: 1 }, status: { conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }] } };
    const status = rolloutStatus(job);
    assert.equal(status.isNewPod(pod('m', { 'batch.kubernetes.io/controller-uid': 'j-1' })), true);
    assert.equal(status.failed, 'BackoffLimitExceeded: Job has reached the specified backoff limit');
    assert.equal(rolloutStatus({ ...job, status: { conditions: [{ type: 'Complete', status: 'True' }] } }).complete, true);
  });

  it('bare Pod: itself; Ready or Succeeded', () => {
    const p: KubeObject = { ...pod('solo', {}), status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } };
    assert.equal(rolloutStatus(p).complete, true);
    assert.equal(rolloutStatus(p).isNewPod(pod('solo', {})), true);
    assert.equal(rolloutStatus(p).isNewPod(pod('other', {})), false);
  });

  it('podSelector: matchLabels and expressions as a label selector', () => {
    assert.equal(podSelector(deployment({})), 'app=web,tier in (a,b)');
  });
});
