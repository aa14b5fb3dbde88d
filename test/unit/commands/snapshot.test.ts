// captureSnapshot over a real ClusterReader (a snapshot served back by snapshotReader): every
// member captured, unknown facts recorded with their reason, the namespace scope kept, the schema
// honoured, credentials the run has seen redacted from the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captureSnapshot, snapshotSummary, snapshotText } from '../../../src/commands/snapshot.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { registerSecret } from '../../../src/shared/run-secrets.js';
import { snapshotSchemaErrors } from '../../support/snapshot-schema.js';

const SOURCE: ClusterSnapshot = {
  schemaVersion: 1,
  capturedAt: '2026-01-01T00:00:00.000Z',
  context: { name: 'kind-dev', namespace: 'web', cluster: { name: 'kind-dev', server: 'https://127.0.0.1:6443' }, user: { name: 'kind-dev', exec: null } },
  version: { gitVersion: 'v1.36.3', major: '1', minor: '36' },
  apiGroups: ['apps'],
  nodes: [{ metadata: { name: 'dev-control-plane' } }],
  namespaces: [{ metadata: { name: 'web' } }, { metadata: { name: 'api' } }],
  serviceAccounts: [{ metadata: { name: 'default', namespace: 'web' } }, { metadata: { name: 'default', namespace: 'api' } }],
  pods: [{ metadata: { name: 'a', namespace: 'web' } }, { metadata: { name: 'b', namespace: 'api' } }],
  events: [],
  configMaps: [],
  secrets: [{ metadata: { name: 'pull', namespace: 'web' }, type: 'kubernetes.io/dockerconfigjson', registries: ['ghcr.io'] }],
  replicaSets: [{ metadata: { name: 'web-5d4f', namespace: 'web' } }, { metadata: { name: 'api-7c9d', namespace: 'api' } }],
  jobs: [],
  deployments: [{ metadata: { name: 'web', namespace: 'web' } }],
  unknown: { events: 'forbidden: list events in namespace web' },
};

const NOW = (): Date => new Date('2026-02-03T04:05:06.000Z');

describe('captureSnapshot', () => {
  it('captures the context namespace, records unknown members and validates against the schema', async () => {
    const snapshot = await captureSnapshot(snapshotReader(SOURCE, 'snapshot source.json'), { now: NOW });
    assert.deepEqual(snapshot, {
      schemaVersion: 1,
      capturedAt: '2026-02-03T04:05:06.000Z',
      context: SOURCE.context,
      scope: { allNamespaces: false, namespace: 'web' },
      version: SOURCE.version,
      apiGroups: ['apps'],
      nodes: SOURCE.nodes,
      namespaces: SOURCE.namespaces,
      serviceAccounts: [{ metadata: { name: 'default', namespace: 'web' } }],
      pods: [{ metadata: { name: 'a', namespace: 'web' } }],
      events: [],
      configMaps: [],
      secrets: SOURCE.secrets,
      replicaSets: [{ metadata: { name: 'web-5d4f', namespace: 'web' } }],
      jobs: [],
      deployments: [{ metadata: { name: 'web', namespace: 'web' } }],
      unknown: { events: 'forbidden: list events in namespace web' },
    });
    assert.deepEqual(snapshotSchemaErrors(JSON.parse(snapshotText(snapshot))), []);
    assert.equal(
      snapshotSummary(snapshot, 'out.json'),
      'wrote out.json: context kind-dev, namespace web, Kubernetes v1.36.3; 1 node, 2 namespaces, 1 pod, 1 service account, 1 secret\n' +
        'not captured: events (forbidden: list events in namespace web)\n',
    );
  });

  it('reads every namespace with allNamespaces, and a one-namespace snapshot answers other namespaces as unknown', async () => {
    const all = await captureSnapshot(snapshotReader({ ...SOURCE, unknown: {} }, 's'), { allNamespaces: true, now: NOW });
    assert.deepEqual(all.scope, { allNamespaces: true });
    assert.equal(all.pods?.length, 2);
    assert.equal(all.unknown, undefined);
    const one = await captureSnapshot(snapshotReader(SOURCE, 's'), { now: NOW });
    const reader = snapshotReader(one, 'snapshot one.json');
    assert.deepEqual(await reader.pods({ namespace: 'api' }), {
      unknown: 'not in the snapshot: pods of namespace api (it holds namespace web only; take it with -A)',
    });
    assert.deepEqual(await reader.pods(), { unknown: 'not in the snapshot: pods of all namespaces (it holds namespace web only; take it with -A)' });
    assert.deepEqual(await reader.pods({ namespace: 'web' }), { value: [{ metadata: { name: 'a', namespace: 'web' } }] });
  });

  it('keeps the version and node members typed when they are unknown', async () => {
    const snapshot = await captureSnapshot(snapshotReader({ ...SOURCE, unknown: { ...SOURCE.unknown, version: 'timeout: get /version after 10 s', nodes: 'forbidden: list nodes' } }, 's'), { now: NOW });
    assert.deepEqual(snapshot.unknown, { version: 'timeout: get /version after 10 s', nodes: 'forbidden: list nodes', events: 'forbidden: list events in namespace web' });
    assert.deepEqual(snapshot.nodes, []);
    assert.deepEqual(snapshotSchemaErrors(snapshot), []);
    const reader = snapshotReader(snapshot, 's');
    assert.deepEqual(await reader.version(), { unknown: 'timeout: get /version after 10 s' });
    assert.match(snapshotSummary(snapshot, 'x'), /^wrote x: context kind-dev, namespace web, Kubernetes unknown; 2 namespaces, 1 pod, 1 service account, 1 secret\nnot captured: version \(timeout: get \/version after 10 s\); nodes \(forbidden: list nodes\); events/);
  });

  it('redacts every credential the run has seen from the text', async () => {
    const token = 'tok-3f9a7c1e-snapshot-unit';
    registerSecret(token);
    const snapshot = await captureSnapshot(snapshotReader({ ...SOURCE, nodes: [{ metadata: { name: 'n', annotations: { leaked: token } } }] }, 's'), { now: NOW });
    assert.equal(snapshotText(snapshot).includes(token), false);
  });

  it('rejects a secret with data in the schema', () => {
    const withData = { ...SOURCE, secrets: [{ metadata: { name: 'x' }, type: 'Opaque', data: { password: 'cGFzcw==' } }] };
    assert.deepEqual(snapshotSchemaErrors(withData), ['/secrets/0 must NOT have additional properties']);
  });
});
