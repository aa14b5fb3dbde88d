import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUSTER_TYPES, LOCALITY, type ClusterType } from '../../../src/detect/cluster-type.js';
import { targetForCluster } from '../../../src/detect/target-for-cluster.js';
import { TARGET_IDS } from '../../../src/detect/target-profile.js';

describe('targetForCluster', () => {
  it('maps every type that has a profile to it, and the others to remote', () => {
    const expected: Record<ClusterType, string> = {
      kind: 'kind', minikube: 'minikube', 'docker-desktop': 'docker-desktop', k3d: 'k3d', k3s: 'k3s', microk8s: 'microk8s',
      'rancher-desktop': 'rancher-desktop', orbstack: 'orbstack', colima: 'colima', rke2: 'remote', aks: 'aks', eks: 'eks', gke: 'gke',
      openshift: 'openshift', doks: 'remote', lke: 'remote', oke: 'remote', iks: 'remote', scaleway: 'remote', hetzner: 'remote',
      'unknown-remote': 'remote', 'unknown-local': 'remote',
    };
    for (const type of CLUSTER_TYPES) {
      const local = LOCALITY[type] !== 'remote';
      assert.equal(targetForCluster({ type, local, confidence: 'high' }).id, expected[type], type);
    }
  });

  it('never gives a local profile to a cluster that is not local, or on low confidence', () => {
    assert.equal(targetForCluster({ type: 'k3s', local: false, confidence: 'high' }).id, 'remote');
    assert.equal(targetForCluster({ type: 'microk8s', local: false, confidence: 'medium' }).id, 'remote');
    assert.equal(targetForCluster({ type: 'kind', local: true, confidence: 'low' }).id, 'remote');
    assert.equal(targetForCluster({ type: 'kind', local: true, confidence: 'medium' }).id, 'kind');
    assert.equal(targetForCluster({ type: 'aks', local: false, confidence: 'low' }).id, 'aks');
  });

  it('keeps every existing --target value reachable', () => {
    const reached = new Set(CLUSTER_TYPES.map((type) => targetForCluster({ type, local: LOCALITY[type] !== 'remote', confidence: 'high' }).id));
    assert.deepEqual([...TARGET_IDS].filter((id) => !reached.has(id)), []);
  });
});
