import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../../src/facts/cluster-writer.js';
import { createdSince, jobUidOfPod, lastWrittenAt, podStarted } from '../../../../src/deploy/rollout-kinds/object-fields.js';

const object = (metadata: Partial<KubeObject['metadata']>, status?: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'X', metadata: { name: 'x', ...metadata }, ...(status === undefined ? {} : { status }) });

describe('object fields', () => {
  const written: { title: string; metadata: Partial<KubeObject['metadata']>; at: string | undefined }[] = [
    { title: 'only created', metadata: { creationTimestamp: '2026-12-06T10:00:00Z' }, at: '2026-12-06T10:00:00.000Z' },
    {
      title: 'the newest write outside the status subresource',
      metadata: {
        creationTimestamp: '2026-12-06T10:00:00Z',
        managedFields: [
          { manager: 'pullguard', operation: 'Apply', time: '2026-12-06T17:00:05Z' },
          { manager: 'kubectl-edit', operation: 'Update', time: '2026-12-06T16:00:00Z' },
          { manager: 'kube-controller-manager', operation: 'Update', subresource: 'status', time: '2026-12-06T18:00:00Z' },
        ],
      },
      at: '2026-12-06T17:00:05.000Z',
    },
    { title: 'nothing to go by', metadata: {}, at: undefined },
  ];
  for (const c of written) {
    it(`lastWrittenAt: ${c.title}`, () => {
      const at = lastWrittenAt(object(c.metadata));
      assert.equal(at === undefined ? undefined : new Date(at).toISOString(), c.at);
    });
  }

  it('createdSince: seconds precision, the same second counts; no time, nothing is new', () => {
    const since = Date.parse('2026-12-06T17:00:05.400Z');
    assert.equal(createdSince(object({ creationTimestamp: '2026-12-06T17:00:05Z' }), since), true);
    assert.equal(createdSince(object({ creationTimestamp: '2026-12-06T17:00:04Z' }), since), false);
    assert.equal(createdSince(object({}), since), false);
    assert.equal(createdSince(object({ creationTimestamp: '2026-12-06T17:00:05Z' }), undefined), false);
  });

  it('jobUidOfPod: the prefixed label, else the one before Kubernetes 1.27', () => {
    assert.equal(jobUidOfPod(object({ labels: { 'batch.kubernetes.io/controller-uid': 'a', 'controller-uid': 'b' } })), 'a');
    assert.equal(jobUidOfPod(object({ labels: { 'controller-uid': 'b' } })), 'b');
  });

  it('podStarted: Running, Succeeded or Ready', () => {
    assert.equal(podStarted(object({}, { phase: 'Pending' })), false);
    assert.equal(podStarted(object({}, { phase: 'Running' })), true);
    assert.equal(podStarted(object({}, { phase: 'Succeeded' })), true);
    assert.equal(podStarted(object({}, { phase: 'Failed' })), false);
  });
});
