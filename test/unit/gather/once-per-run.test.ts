import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { oncePerRun } from '../../../src/gather/once-per-run.js';
import { countingReader } from '../../support/cluster/counting-reader.js';

const SNAPSHOT: ClusterSnapshot = {
  schemaVersion: 1,
  capturedAt: '2026-12-06T00:00:00Z',
  context: { name: 'c', namespace: 'default', cluster: { name: 'c', server: 'https://127.0.0.1:6443' }, user: { name: 'u', exec: null } },
  version: { gitVersion: 'v1.31.0' },
  apiGroups: [],
  nodes: [],
  pods: [],
};

describe('oncePerRun', () => {
  it('asks each question once, however often and however concurrently it is asked; other arguments are other questions', async () => {
    const counting = countingReader(snapshotReader(SNAPSHOT, 'snapshot'));
    const reader = oncePerRun(counting);
    const answers = await Promise.all([reader.nodes(), reader.nodes(), reader.pods({ namespace: 'a' }), reader.pods({ namespace: 'a' }), reader.pods({ namespace: 'b' }), reader.pods()]);
    await reader.nodes();
    assert.deepEqual(answers[0], { value: [] });
    assert.equal(answers[0], answers[1]);
    assert.deepEqual(counting.calls, ['nodes', 'pods a', 'pods b', 'pods']);
    assert.equal(reader.source, 'snapshot');
    assert.equal(reader.context, counting.context);
  });
});
