// deploy --load loads only what some node lacks; unreadable or truncated node lists load everything.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node } from 'kubernetes-types/core/v1.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { imagesTheNodesLack } from '../../../src/gather/images-the-nodes-lack.js';

function cluster(nodes: Node[], unknownNodes?: string) {
  const snapshot: ClusterSnapshot = {
    schemaVersion: 1,
    capturedAt: '2026-12-06T10:00:00Z',
    context: { name: 'kind-dev', namespace: 'default', cluster: { name: 'kind-dev', server: 'https://127.0.0.1:6443' }, user: { name: 'kind-dev', exec: null } },
    version: { gitVersion: 'v1.36.3' },
    apiGroups: [],
    nodes,
    ...(unknownNodes === undefined ? {} : { unknown: { nodes: unknownNodes } }),
  };
  return snapshotReader(snapshot, 'test');
}
const node = (...names: string[][]): Node => ({ metadata: { name: 'n' }, status: { images: names.map((n) => ({ names: n })) } });

describe('imagesTheNodesLack', () => {
  it('leaves out what every node holds, under any name (kind lists docker.io/library/NAME)', async () => {
    const reader = cluster([node(['docker.io/library/webapi:1.0']), node(['docker.io/library/webapi:1.0', 'docker.io/library/worker:dev'])]);
    assert.deepEqual(await imagesTheNodesLack(reader, ['webapi:1.0', 'worker:dev', 'ghcr.io/acme/api:2']), ['worker:dev', 'ghcr.io/acme/api:2']);
  });
  it('loads everything when the nodes cannot be read, or when a node lists kubelet’s maximum of 50 images', async () => {
    assert.deepEqual(await imagesTheNodesLack(cluster([], 'forbidden: list nodes'), ['webapi:1.0']), ['webapi:1.0']);
    const full = node(...Array.from({ length: 50 }, (_, i) => [`docker.io/library/image${i}:1`]));
    assert.deepEqual(await imagesTheNodesLack(cluster([full]), ['image1:1']), ['image1:1']);
  });
});
