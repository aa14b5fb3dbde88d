import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyOrder, applyTier } from '../../../src/k8s/apply-order.js';

describe('applyOrder', () => {
  it('namespaces and CRDs, then what pods use, then services and custom resources, workloads last; stable within a tier', () => {
    const kinds = ['Deployment', 'Service', 'Widget', 'ConfigMap', 'Job', 'Namespace', 'Secret', 'ServiceAccount', 'CustomResourceDefinition', 'StatefulSet', 'Role'];
    assert.deepEqual(
      applyOrder(kinds.map((kind) => ({ kind }))).map((o) => o.kind),
      ['Namespace', 'CustomResourceDefinition', 'ConfigMap', 'Secret', 'ServiceAccount', 'Role', 'Service', 'Widget', 'Deployment', 'Job', 'StatefulSet'],
    );
  });

  it('tiers', () => {
    assert.deepEqual(['Namespace', 'StorageClass', 'Secret', 'Service', 'Widget', 'Pod'].map(applyTier), [0, 1, 2, 3, 4, 5]);
  });
});
