// `diagnose --verify` against a real docker-registry (htpasswd): each cause is confirmed (or not)
// by a registry check that uses the pod's own pull secrets, read through the ClusterReader, and
// no credential reaches the diagnosis.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { diagnose } from '../../../src/commands/diagnose.js';
import type { ClusterReader, PullSecretCredential } from '../../../src/facts/cluster-reader.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { OciRegistryGateway } from '../../../src/gateways/registry/oci-registry-gateway.js';
import { standardImages, startRegistryFixture, type RegistryFixture } from '../../support/registry/registry-fixture.js';

const ALICE = { user: 'alice', password: 'wonderland-7d1e' };

function failingPod(name: string, image: string, message: string, secrets: string[] = [], reason = 'ErrImagePull'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop', uid: `uid-${name}`, creationTimestamp: '2026-12-01T10:00:00Z' },
    spec: { nodeName: 'worker-1', containers: [{ name: 'app', image }], imagePullSecrets: secrets.map((s) => ({ name: s })) },
    status: {
      phase: 'Pending',
      containerStatuses: [{ name: 'app', image, imageID: '', ready: false, restartCount: 0, state: { waiting: { reason, message } } }],
    },
  };
}

/** A cluster whose pull secrets hold these credentials (what the live gateway reads from Secrets). */
function clusterWith(pods: Pod[], secrets: Record<string, PullSecretCredential[]>): ClusterReader {
  const snapshot: ClusterSnapshot = {
    schemaVersion: 1,
    capturedAt: '2026-12-01T11:00:00Z',
    context: { name: 'test', namespace: 'shop', cluster: { name: 'test', server: 'https://127.0.0.1:6443' }, user: { name: 'test', exec: null } },
    version: { gitVersion: 'v1.34.2' },
    apiGroups: [],
    nodes: [],
    pods,
    events: [],
    replicaSets: [],
    jobs: [],
  };
  const base = snapshotReader(snapshot, 'test cluster');
  return {
    ...base,
    pullSecretCredentials: async (namespace, name) =>
      namespace === 'shop' && secrets[name] !== undefined ? { value: secrets[name] } : { unknown: `secrets "${name}" not found` },
  };
}

describe('diagnose --verify against docker-registry (htpasswd)', () => {
  let fixture: RegistryFixture;
  let host: string;
  const gateway = new OciRegistryGateway();
  before(async () => {
    fixture = await startRegistryFixture('htpasswd', { users: { [ALICE.user]: ALICE.password } });
    host = fixture.registry.host;
    await fixture.seed(standardImages());
  });
  after(async () => {
    await gateway.close();
    await fixture.stop();
  });

  it('confirms, contradicts or declines each cause with the pod’s own secrets', async () => {
    const missingTag = `${host}/test/docker-single:v9`;
    const present = `${host}/test/docker-single:v1`;
    const reader = clusterWith(
      [
        // A tag that does not exist, checked with the pod's valid secret: the registry confirms.
        failingPod('a-missing', missingTag, `rpc error: code = NotFound desc = failed to pull and unpack image "${missingTag}": failed to resolve reference "${missingTag}": ${missingTag}: not found`, ['regcred']),
        // No secret: the anonymous check is refused, as the node's pull was.
        failingPod('b-anonymous', present, `failed to pull and unpack image "${present}": failed to resolve reference "${present}": pull access denied, repository does not exist or may require authorization: server message: unauthorized: authentication required`, []),
        // The node said "not found" but with the pod's secret the image is there: the cause differs.
        failingPod('c-stale', present, `rpc error: code = NotFound desc = failed to pull and unpack image "${present}": failed to resolve reference "${present}": ${present}: not found`, ['regcred']),
        // Never-pull is seen only on the node.
        failingPod('d-never', `${host}/local/app:dev`, `Container image "${host}/local/app:dev" is not present with pull policy of Never`, [], 'ErrImageNeverPull'),
      ],
      { regcred: [{ registry: host, username: ALICE.user, password: ALICE.password }] },
    );
    const diagnosis = await diagnose({ reader, namespace: 'shop', verify: true, gateway });
    const byPod = new Map(diagnosis.entries.map((e) => [e.pods.names[0], e]));
    assert.equal(byPod.get('a-missing')?.cause, 'image-not-found');
    assert.deepEqual(byPod.get('a-missing')?.verification, {
      status: 'image-not-found',
      summary: byPod.get('a-missing')?.verification?.summary,
      credentialSource: 'secret shop/regcred',
      outcome: 'confirmed',
    });
    assert.equal(byPod.get('b-anonymous')?.verification?.outcome, 'confirmed');
    assert.equal(byPod.get('b-anonymous')?.verification?.status, 'unauthorized');
    assert.equal(byPod.get('b-anonymous')?.verification?.credentialSource, 'anonymous');
    assert.equal(byPod.get('c-stale')?.verification?.outcome, 'differs');
    assert.equal(byPod.get('c-stale')?.verification?.status, 'ok');
    assert.equal(byPod.get('d-never')?.verification?.outcome, 'not-checkable');
    assert.doesNotMatch(JSON.stringify(diagnosis), new RegExp(ALICE.password));
  });
});
