import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRef, type KubeObject } from '../../../src/facts/cluster-writer.js';
import { forReapply, undoneLine } from '../../../src/deploy/undo-object.js';

describe('forReapply', () => {
  it('keeps spec and data as recorded, drops status, server-owned metadata and the controller-written revision', () => {
    const recorded: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        namespace: 'shop',
        uid: 'u-1',
        resourceVersion: '42',
        generation: 3,
        labels: { app: 'web' },
        annotations: { 'deployment.kubernetes.io/revision': '3', team: 'shop' },
        managedFields: [{ manager: 'pullguard' }],
      } as KubeObject['metadata'],
      spec: { replicas: 2 },
      status: { availableReplicas: 2 },
    };
    assert.deepEqual(forReapply(recorded), {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' }, annotations: { team: 'shop' } },
      spec: { replicas: 2 },
    });
  });

  it('a cluster-scoped object without labels or annotations gets neither', () => {
    assert.deepEqual(forReapply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', annotations: { 'deployment.kubernetes.io/revision': '1' } } }), {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop' },
    });
  });
});

describe('undoneLine', () => {
  it('says what was done, and FAILED with the reason', () => {
    const ref = { apiVersion: 'v1', kind: 'Namespace', name: 'shop' };
    assert.equal(undoneLine({ ...ref, action: 'deleted', ok: true }, describeRef), '  deleted Namespace shop\n');
    assert.equal(undoneLine({ ...ref, action: 'deleted', ok: false, error: 'still there after 60 s (terminating)' }, describeRef), '  deleted Namespace shop: FAILED still there after 60 s (terminating)\n');
  });
});
