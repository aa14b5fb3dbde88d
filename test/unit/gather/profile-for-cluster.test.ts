import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { profileForCluster } from '../../../src/gather/profile-for-cluster.js';
import { repoRoot } from '../../support/control-plane/repo-root.js';
import { refusing } from '../../support/cluster/counting-reader.js';

const SNAPSHOT = JSON.parse(readFileSync(join(repoRoot(), 'test/fixtures/cluster/kind-dev.json'), 'utf8')) as ClusterSnapshot;

describe('profileForCluster (detection, as check needs it)', () => {
  it('a kind cluster: the kind profile, its own name and the exact load command', async () => {
    const profile = await profileForCluster(snapshotReader(SNAPSHOT, 'snapshot'));
    assert.equal(profile.target.id, 'kind');
    assert.equal(profile.clusterName, 'dev');
    assert.equal(profile.loadCommand, 'kind load docker-image IMAGE --name dev');
    assert.equal(profile.evidence[0], 'kind, local, high confidence');
    assert.ok(profile.evidence.some((line) => line.startsWith('nodes providerID: kind://docker/dev/')), profile.evidence.join('\n'));
  });

  it('nothing to go on (nodes refused, a neutral context): remote, with no load command', async () => {
    const bare = { ...SNAPSHOT, context: { ...SNAPSHOT.context, name: 'ctx', cluster: { name: 'c', server: 'https://10.0.0.1:6443' } } };
    const profile = await profileForCluster(refusing(snapshotReader(bare, 'snapshot'), { nodes: 'forbidden: list nodes' }));
    assert.equal(profile.target.id, 'remote');
    assert.equal(profile.clusterName, undefined);
    assert.equal(profile.loadCommand, undefined);
  });
});
