import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node } from 'kubernetes-types/core/v1.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { profileForCluster } from '../../../src/gather/profile-for-cluster.js';

function reader(nodes: Node[], unknown?: string) {
  const snapshot: ClusterSnapshot = {
    schemaVersion: 1,
    capturedAt: '2026-12-06T00:00:00Z',
    context: { name: 'c', namespace: 'default', cluster: { name: 'c', server: 'https://127.0.0.1:6443' }, user: { name: 'u', exec: null } },
    version: { gitVersion: 'v1.31.0' },
    apiGroups: [],
    nodes,
    ...(unknown === undefined ? {} : { unknown: { nodes: unknown } }),
  };
  return snapshotReader(snapshot, 'snapshot');
}

const node = (spec: { providerID?: string; labels?: Record<string, string>; osImage?: string }): Node => ({
  metadata: { name: 'n', labels: spec.labels ?? {} },
  spec: spec.providerID === undefined ? {} : { providerID: spec.providerID },
  status: { nodeInfo: { osImage: spec.osImage ?? 'Ubuntu', architecture: 'amd64', operatingSystem: 'linux', bootID: '', containerRuntimeVersion: '', kernelVersion: '', kubeProxyVersion: '', kubeletVersion: '', machineID: '', systemUUID: '' } },
});

describe('profileForCluster (the interim detection seam)', () => {
  const cases: [string, Node[], string, string | undefined][] = [
    ['kind providerID names the cluster', [node({ providerID: 'kind://docker/dev/dev-control-plane' })], 'kind', 'dev'],
    ['k3d providerID names the cluster', [node({ providerID: 'k3s://k3d-team-server-0' })], 'k3d', 'team'],
    ['minikube label names the profile', [node({ labels: { 'minikube.k8s.io/name': 'p2' } })], 'minikube', 'p2'],
    ['Docker Desktop osImage', [node({ osImage: 'Docker Desktop' })], 'docker-desktop', undefined],
    ['plain k3s (no k3d prefix) is not taken for a local cluster', [node({ providerID: 'k3s://server-1' })], 'remote', undefined],
    ['an EKS node', [node({ providerID: 'aws:///eu-west-1a/i-0abc' })], 'remote', undefined],
    ['no nodes', [], 'remote', undefined],
  ];
  for (const [name, nodes, target, clusterName] of cases) {
    it(name, async () => {
      const profile = await profileForCluster(reader(nodes));
      assert.equal(profile.target.id, target);
      assert.equal(profile.clusterName, clusterName);
      assert.equal(profile.evidence.length, 1);
    });
  }

  it('nodes that cannot be read: remote, saying why', async () => {
    const profile = await profileForCluster(reader([], 'forbidden: list nodes'));
    assert.deepEqual([profile.target.id, profile.evidence], ['remote', ['nodes unknown (forbidden: list nodes): assuming a remote cluster']]);
  });
});
