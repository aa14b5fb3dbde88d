import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterPullObjects } from '../../../src/credentials/cluster-pull-objects.js';
import { credentialsForPod } from '../../../src/credentials/credentials-for-pod.js';
import type { SecretSummary } from '../../../src/facts/cluster-snapshot.js';
import { runSecrets } from '../../../src/shared/run-secrets.js';

const secret = (name: string, type: string, registries?: string[]): SecretSummary => ({ metadata: { name, namespace: 'shop' }, type, ...(registries === undefined ? {} : { registries }) });

function source(credentials: Record<string, { value: { registry: string; username?: string; password?: string; auth?: string; identityToken?: string }[] } | { unknown: string }>) {
  return clusterPullObjects({
    description: 'the cluster (context c)',
    serviceAccounts: new Map([['shop', { value: [{ metadata: { name: 'default', namespace: 'shop' } }] }]]),
    secrets: new Map([['shop', { value: [secret('json', 'kubernetes.io/dockerconfigjson', ['ghcr.io']), secret('cfg', 'kubernetes.io/dockercfg', ['quay.io']), secret('opaque', 'Opaque')] }]]),
    credentials: new Map(Object.entries(credentials)),
  });
}

const podSpec = (names: string[]) => ({ imagePullSecrets: names.map((name) => ({ name })), containers: [] });

describe('clusterPullObjects', () => {
  it('rebuilds each type of pull secret from its credentials, read by kubelet\'s model as the cluster holds it', () => {
    const objects = source({
      'shop/json': { value: [{ registry: 'ghcr.io', username: 'bot', password: 'json-pass-1' }] },
      'shop/cfg': { value: [{ registry: 'quay.io', auth: Buffer.from('robot:cfg-pass-2').toString('base64') }] },
    });
    assert.equal(objects.authoritative, true);
    const ghcr = credentialsForPod({ namespace: 'shop', podSpec: podSpec(['json', 'cfg']) }, { name: 'ghcr.io/acme/web' }, objects);
    assert.deepEqual(ghcr.credentials.map((c) => [c.source, c.username, c.password]), [['secret shop/json (.dockerconfigjson, ghcr.io)', 'bot', 'json-pass-1']]);
    const quay = credentialsForPod({ namespace: 'shop', podSpec: podSpec(['json', 'cfg']) }, { name: 'quay.io/acme/web' }, objects);
    assert.deepEqual(quay.credentials.map((c) => [c.source, c.username, c.password]), [['secret shop/cfg (.dockercfg, quay.io)', 'robot', 'cfg-pass-2']]);
    assert.equal(runSecrets.redact('json-pass-1 cfg-pass-2').includes('pass'), false, 'the credentials are registered for redaction');
  });

  it('a secret whose credentials could not be read leaves only the images its registries match unchecked', () => {
    const objects = source({ 'shop/json': { unknown: 'forbidden: get secrets' } });
    const ghcr = credentialsForPod({ namespace: 'shop', podSpec: podSpec(['json']) }, { name: 'ghcr.io/acme/web' }, objects);
    assert.equal(ghcr.credentialsUnknown, 'the credentials of secret shop/json for this image are unknown (forbidden: get secrets)');
    const hub = credentialsForPod({ namespace: 'shop', podSpec: podSpec(['json']) }, { name: 'docker.io/library/nginx' }, objects);
    assert.equal(hub.credentialsUnknown, undefined);
    assert.deepEqual(hub.credentials, []);
  });

  it('a missing secret is known missing; an Opaque one is read for what it is', () => {
    const objects = source({});
    const result = credentialsForPod({ namespace: 'shop', podSpec: podSpec(['gone', 'opaque']) }, { name: 'ghcr.io/acme/web' }, objects);
    assert.deepEqual(result.unresolvedSecrets, ['gone']);
    assert.match(result.problems.find((p) => p.code === 'pull-secret-missing')?.message ?? '', /^secret shop\/gone \(from the pod spec\) does not exist/);
    assert.deepEqual(result.credentials, []);
  });

  it('a namespace whose ServiceAccounts could not be read: not authoritative, and the pods that use its accounts have unknown credentials', () => {
    const objects = clusterPullObjects({
      description: 'the cluster',
      serviceAccounts: new Map([['shop', { unknown: 'forbidden: list serviceaccounts' }]]),
      secrets: new Map([['shop', { value: [] }]]),
      credentials: new Map(),
    });
    assert.equal(objects.authoritative, false);
    const result = credentialsForPod({ namespace: 'shop', podSpec: { serviceAccountName: 'builder', containers: [] } }, { name: 'ghcr.io/acme/web' }, objects);
    assert.equal(result.credentialsUnknown, 'the pull secrets of serviceaccount shop/builder are unknown (forbidden: list serviceaccounts)');
    const own = credentialsForPod({ namespace: 'shop', podSpec: podSpec(['x']) }, { name: 'ghcr.io/acme/web' }, objects);
    assert.equal(own.credentialsUnknown, undefined, 'a pod that lists its own secrets does not use the account\'s');
  });
});
