// Which credentials kubelet tries for one image of a pod: pod imagePullSecrets vs the service
// account's, one keyring over all secrets, missing secrets as data (registry.md §4.3, §4.4).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ManifestObject } from '../../../src/manifests/model.js';
import { credentialsForImage, credentialsForPod, podPullSecrets } from '../../../src/credentials/credentials-for-pod.js';
import {
  layeredPullObjects,
  pullObjectsFromManifests,
  pullObjectsFromValues,
} from '../../../src/credentials/pull-object-source.js';
import { b64, dockerConfigJsonSecret, imageRef, serviceAccount } from './support.js';

const regcred = dockerConfigJsonSecret('regcred', { auths: { 'ghcr.io': { auth: b64('pod-user:pod-pass') } } });
const sacred = dockerConfigJsonSecret('sacred', { auths: { 'ghcr.io': { auth: b64('sa-user:sa-pass') } } });
const builder = serviceAccount('builder', ['sacred']);

function manifests(...values: Record<string, unknown>[]) {
  return pullObjectsFromValues(values, { defaultNamespace: 'team', description: 'the manifests' });
}

describe('pod imagePullSecrets vs service account', () => {
  it("uses the pod's own secrets and never the service account's when the pod lists any", () => {
    const result = credentialsForPod(
      { namespace: 'team', podSpec: { serviceAccountName: 'builder', imagePullSecrets: [{ name: 'regcred' }] } },
      imageRef('ghcr.io/team/api'),
      manifests(regcred, sacred, builder),
    );
    assert.equal(result.origin, 'pod');
    assert.deepEqual(result.credentials, [{ source: 'secret team/regcred (.dockerconfigjson, ghcr.io)', username: 'pod-user', password: 'pod-pass' }]);
    assert.deepEqual(result.problems, []);
  });

  it("falls back to the service account's secrets when the pod lists none", () => {
    const result = credentialsForPod({ namespace: 'team', podSpec: { serviceAccountName: 'builder' } }, imageRef('ghcr.io/team/api'), manifests(regcred, sacred, builder));
    assert.equal(result.origin, 'service-account');
    assert.equal(result.serviceAccount, 'builder');
    assert.deepEqual(result.credentials, [
      { source: 'secret team/sacred (.dockerconfigjson, ghcr.io) via serviceaccount team/builder', username: 'sa-user', password: 'sa-pass' },
    ]);
  });

  it('an empty list counts as none; the deprecated serviceAccount field names the account', () => {
    const result = credentialsForPod({ namespace: 'team', podSpec: { serviceAccount: 'builder', imagePullSecrets: [] } }, imageRef('ghcr.io/a/b'), manifests(sacred, builder));
    assert.equal(result.origin, 'service-account');
    assert.equal(result.credentials.length, 1);
  });

  it('a list holding only an unnamed entry blocks the service account and kubelet skips the entry', () => {
    const result = credentialsForPod({ namespace: 'team', podSpec: { serviceAccountName: 'builder', imagePullSecrets: [{}] } }, imageRef('ghcr.io/a/b'), manifests(sacred, builder));
    assert.equal(result.origin, 'pod');
    assert.deepEqual(result.credentials, []);
    assert.deepEqual(result.problems.map((p) => [p.code, p.message]), [['pull-secret-unnamed', 'the pod spec: imagePullSecrets[0] has no name; kubelet skips it']]);
  });

  it('the default service account, when absent from the manifests, is assumed to have no secrets', () => {
    const result = credentialsForPod({ namespace: 'team', podSpec: {} }, imageRef('ghcr.io/a/b'), manifests(regcred));
    assert.equal(result.origin, 'none');
    assert.equal(result.serviceAccount, 'default');
    assert.deepEqual(result.credentials, []);
    assert.deepEqual(result.problems.map((p) => [p.code, p.severity, p.message]), [
      ['service-account-assumed', 'info', 'serviceaccount team/default is not among the manifests; assuming it has no imagePullSecrets (Kubernetes creates it empty)'],
    ]);
  });

  it('a named service account that does not exist: warning from manifests, error from the cluster', () => {
    const fromManifests = credentialsForPod({ namespace: 'team', podSpec: { serviceAccountName: 'ghost' } }, imageRef('ghcr.io/a/b'), manifests());
    assert.deepEqual(fromManifests.problems.map((p) => [p.code, p.severity]), [['service-account-missing', 'info']]);
    const cluster = pullObjectsFromValues([], { defaultNamespace: 'team', description: 'the cluster', authoritative: true });
    const fromCluster = credentialsForPod({ namespace: 'team', podSpec: { serviceAccountName: 'ghost' } }, imageRef('ghcr.io/a/b'), cluster);
    assert.deepEqual(fromCluster.problems.map((p) => [p.code, p.severity, p.message]), [
      ['service-account-missing', 'error', 'serviceaccount team/ghost does not exist; the API server rejects the pods ("error looking up service account")'],
    ]);
  });
});

describe('missing secrets are data, not errors', () => {
  it('not among the manifests: info, pull-secret-missing, listed as unresolved', () => {
    const result = credentialsForPod(
      { namespace: 'team', podSpec: { imagePullSecrets: [{ name: 'elsewhere' }, { name: 'regcred' }] } },
      imageRef('ghcr.io/team/api'),
      manifests(regcred),
    );
    assert.deepEqual(result.unresolvedSecrets, ['elsewhere']);
    assert.equal(result.credentials.length, 1);
    assert.deepEqual(result.problems, [
      {
        code: 'pull-secret-missing',
        cause: 'pull-secret-missing',
        severity: 'info',
        secret: { namespace: 'team', name: 'elsewhere' },
        list: 'pod',
        index: 0,
        message: 'secret team/elsewhere (from the pod spec) is not among the manifests; if it is not in the cluster either, kubelet pulls without it',
      },
    ]);
  });

  it('absent from the cluster: warning, kubelet pulls without it', () => {
    const cluster = pullObjectsFromValues([], { defaultNamespace: 'team', description: 'the cluster', authoritative: true });
    const sa = pullObjectsFromValues([serviceAccount('default', ['gone'])], { defaultNamespace: 'team' });
    const result = credentialsForPod({ namespace: 'team', podSpec: {} }, imageRef('ghcr.io/a/b'), layeredPullObjects(sa, cluster));
    assert.deepEqual(result.problems.map((p) => [p.code, p.severity, p.message]), [
      [
        'pull-secret-missing',
        'warning',
        'secret team/gone (from serviceaccount team/default) does not exist; kubelet ignores it ("Unable to retrieve some image pull secrets") and pulls without it',
      ],
    ]);
    assert.deepEqual(result.credentials, []);
  });
});

describe('one keyring over all pull secrets', () => {
  const hub = dockerConfigJsonSecret('hub', { auths: { 'https://index.docker.io/v1/': { auth: b64('hub:1') } } });
  const org = dockerConfigJsonSecret('org', { auths: { 'ghcr.io/org': { auth: b64('org:2') }, 'ghcr.io': { auth: b64('any:3') } } });
  const wide = dockerConfigJsonSecret('wide', { auths: { 'ghcr.io': { auth: b64('wide:4') } } });
  const pod = { namespace: 'team', podSpec: { imagePullSecrets: [{ name: 'hub' }, { name: 'wide' }, { name: 'org' }, { name: 'wide' }] } };
  const secrets = podPullSecrets(pod, manifests(hub, org, wide));

  it('orders by key specificity across secrets, then by secret order for the same key; repeats dropped', () => {
    assert.deepEqual(secrets.secretNames, ['hub', 'wide', 'org']);
    assert.deepEqual(
      credentialsForImage(secrets, imageRef('ghcr.io/org/app')).credentials.map((c) => c.source),
      [
        'secret team/org (.dockerconfigjson, ghcr.io/org)',
        'secret team/wide (.dockerconfigjson, ghcr.io)',
        'secret team/org (.dockerconfigjson, ghcr.io)',
      ],
    );
  });

  it('serves Docker Hub images from https://index.docker.io/v1/ and nothing else from other registries', () => {
    assert.deepEqual(credentialsForImage(secrets, imageRef('docker.io/library/nginx')).credentials.map((c) => c.username), ['hub']);
    assert.deepEqual(credentialsForImage(secrets, imageRef('quay.io/x/y')).credentials, []);
  });

  it('a secret kubelet cannot decode blocks every image of the pod', () => {
    const broken = dockerConfigJsonSecret('broken', { auths: { 'other.io': { auth: '%%%' } } });
    const blocked = credentialsForPod(
      { namespace: 'team', podSpec: { imagePullSecrets: [{ name: 'wide' }, { name: 'broken' }] } },
      imageRef('ghcr.io/a/b'),
      manifests(wide, broken),
    );
    assert.deepEqual(blocked.credentials, []);
    assert.equal(blocked.blockedBy?.code, 'auth-invalid');
    assert.deepEqual(blocked.blockedBy?.secret, { namespace: 'team', name: 'broken' });
  });
});

describe('object sources', () => {
  it('indexes manifest objects by namespace, defaulting to the given one', () => {
    const objects = [
      { ...regcred, metadata: { name: 'regcred' } },
      dockerConfigJsonSecret('regcred', { auths: { 'ghcr.io': { auth: b64('other-ns:x') } } }, { namespace: 'other' }),
    ].map((value) => ({ value }) as unknown as ManifestObject);
    const source = pullObjectsFromManifests(objects, 'team');
    assert.equal(source.description, 'the manifests');
    assert.equal(source.authoritative, false);
    const result = credentialsForPod({ namespace: 'team', podSpec: { imagePullSecrets: [{ name: 'regcred' }] } }, imageRef('ghcr.io/a/b'), source);
    assert.deepEqual(result.credentials.map((c) => c.username), ['pod-user']);
  });

  it('layered sources prefer the first (manifests about to be applied over the cluster)', () => {
    const cluster = pullObjectsFromValues([dockerConfigJsonSecret('regcred', { auths: { 'ghcr.io': { auth: b64('old:x') } } })], {
      defaultNamespace: 'team',
      description: 'the cluster',
      authoritative: true,
    });
    const source = layeredPullObjects(manifests(regcred), cluster);
    assert.equal(source.description, 'the manifests and the cluster');
    assert.equal(source.authoritative, true);
    const result = credentialsForPod({ namespace: 'team', podSpec: { imagePullSecrets: [{ name: 'regcred' }] } }, imageRef('ghcr.io/a/b'), source);
    assert.deepEqual(result.credentials.map((c) => c.username), ['pod-user']);
  });
});
