// The snapshot reader answers as the API server would: scoped and filtered lists, unknown members
// with their recorded reason, no secret values ever.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { matchesTerms, snapshotReader } from '../../../src/facts/snapshot-reader.js';

const snapshot: ClusterSnapshot = {
  schemaVersion: 1,
  capturedAt: '2026-12-06T10:00:00Z',
  context: { name: 'kind-dev', namespace: 'default', cluster: { name: 'kind-dev', server: 'https://127.0.0.1:6443' }, user: { name: 'kind-dev', exec: null } },
  version: { gitVersion: 'v1.36.3' },
  apiGroups: ['apps'],
  nodes: [{ metadata: { name: 'n1' } }],
  pods: [
    { metadata: { namespace: 'web', name: 'a', labels: { app: 'web' } }, spec: { nodeName: 'n1', containers: [] } },
    { metadata: { namespace: 'web', name: 'b', labels: { app: 'api' } }, spec: { nodeName: 'n2', containers: [] } },
    { metadata: { namespace: 'jobs', name: 'c' }, spec: { nodeName: 'n1', containers: [] } },
  ],
  configMaps: [{ metadata: { namespace: 'kube-public', name: 'local-registry-hosting' }, data: { 'localRegistryHosting.v1': 'host: localhost:5001' } }],
  unknown: { secrets: 'forbidden: list secrets' },
};
const reader = snapshotReader(snapshot, 'snapshot s.json');
const names = (fact: { value: { metadata?: { name?: string } }[] } | { unknown: string }) =>
  'value' in fact ? fact.value.map((item) => item.metadata?.name) : fact;

describe('snapshotReader', () => {
  it('lists every namespace, one namespace, or what a field or label selector keeps', async () => {
    assert.deepEqual(names(await reader.pods()), ['a', 'b', 'c']);
    assert.deepEqual(names(await reader.pods({ namespace: 'web' })), ['a', 'b']);
    assert.deepEqual(names(await reader.pods({ fieldSelector: 'spec.nodeName=n1' })), ['a', 'c']);
    assert.deepEqual(names(await reader.pods({ namespace: 'web', labelSelector: 'app!=web' })), ['b']);
  });
  it('says why a member is unknown: recorded when taken, or absent from the file', async () => {
    assert.deepEqual(await reader.secrets(), { unknown: 'forbidden: list secrets' });
    assert.deepEqual(await reader.events(), { unknown: 'not in the snapshot: events' });
    assert.deepEqual(await reader.pullSecretCredentials('web', 'regcred'), { unknown: 'the snapshot holds no secret values' });
  });
  it('finds kube-public/local-registry-hosting, or null', async () => {
    const found = await reader.localRegistryHosting();
    assert.ok('value' in found && found.value?.data?.['localRegistryHosting.v1'] === 'host: localhost:5001');
    const none = snapshotReader({ ...snapshot, configMaps: [] }, 'x');
    assert.deepEqual(await none.localRegistryHosting(), { value: null });
  });
});

describe('matchesTerms', () => {
  const fields: Record<string, string> = { 'involvedObject.kind': 'Pod', reason: 'Failed' };
  for (const [selector, expected] of [
    ['involvedObject.kind=Pod', true],
    ['involvedObject.kind==Pod,reason=Failed', true],
    ['involvedObject.kind=Pod,reason!=Failed', false],
    ['reason=BackOff', false],
    ['', true],
  ] as const) {
    it(`${JSON.stringify(selector)} → ${expected}`, () => assert.equal(matchesTerms(selector, (key) => fields[key]), expected));
  }
});
