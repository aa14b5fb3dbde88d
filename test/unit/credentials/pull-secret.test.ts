// Reading pull secrets as the API server stores them and kubelet decodes them
// (pkg/credentialprovider/config.go @ 78fc8e44, secrets/secrets.go @ 09284d92, ValidateSecret).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPullSecret } from '../../../src/credentials/pull-secret.js';
import { b64, dockercfgSecret, dockerConfigJsonSecret } from './support.js';

function entriesOf(secret: Record<string, unknown>): [string, string, string][] {
  return readPullSecret(secret, 'default').entries.map((e) => [e.configKey, e.username, e.password]);
}

function codesOf(secret: Record<string, unknown>): string[] {
  return readPullSecret(secret, 'default').problems.map((p) => p.code);
}

describe('kubernetes.io/dockerconfigjson', () => {
  it('reads auths from base64 data, auth winning over username/password', () => {
    const secret = dockerConfigJsonSecret('regcred', {
      auths: {
        'ghcr.io': { auth: b64('octo:ghp_token'), username: 'ignored', password: 'ignored' },
        'quay.io': { username: 'robot+ci', password: 'quay-pass' },
      },
    });
    const reading = readPullSecret(secret, 'default');
    assert.equal(reading.namespace, 'team');
    assert.equal(reading.name, 'regcred');
    assert.equal(reading.key, '.dockerconfigjson');
    assert.equal(reading.breaksPulls, false);
    assert.deepEqual(reading.problems, []);
    assert.deepEqual(entriesOf(secret), [
      ['ghcr.io', 'octo', 'ghp_token'],
      ['quay.io', 'robot+ci', 'quay-pass'],
    ]);
  });

  it('reads stringData, which replaces data on write', () => {
    const secret = dockerConfigJsonSecret('regcred', { auths: { 'ghcr.io': { username: 'a', password: 'from-data' } } });
    secret['stringData'] = { '.dockerconfigjson': JSON.stringify({ auths: { 'ghcr.io': { username: 'a', password: 'from-stringData' } } }) };
    assert.deepEqual(entriesOf(secret), [['ghcr.io', 'a', 'from-stringData']]);
    const onlyStringData = dockerConfigJsonSecret('regcred', { auths: { 'r.io': { auth: b64('u:p') } } }, { via: 'stringData' });
    assert.deepEqual(entriesOf(onlyStringData), [['r.io', 'u', 'p']]);
  });

  it('splits auth at the first colon; passwords may hold colons', () => {
    const secret = dockerConfigJsonSecret('s', { auths: { 'r.io': { auth: b64('user:pa:ss') } } });
    assert.deepEqual(entriesOf(secret), [['r.io', 'user', 'pa:ss']]);
  });

  it('accepts unpadded auth (RawStdEncoding) and padded auth with trailing spaces trimmed only for the choice', () => {
    const unpadded = b64('ab:c').replace(/=+$/, '');
    assert.notEqual(unpadded, b64('ab:c'));
    assert.deepEqual(entriesOf(dockerConfigJsonSecret('s', { auths: { 'r.io': { auth: unpadded } } })), [['r.io', 'ab', 'c']]);
  });

  it('matches field names case-insensitively, like Go', () => {
    const secret = dockerConfigJsonSecret('s', { Auths: { 'r.io': { Username: 'U', PASSWORD: 'P' } } });
    assert.deepEqual(entriesOf(secret), [['r.io', 'U', 'P']]);
  });

  it('an auth that is not base64 breaks every pull of the pod, with the entry and the offset', () => {
    const secret = dockerConfigJsonSecret('regcred', { auths: { 'ghcr.io': { auth: 'not base64!' } } });
    const reading = readPullSecret(secret, 'default');
    assert.equal(reading.breaksPulls, true);
    assert.deepEqual(reading.entries, []);
    assert.deepEqual(
      reading.problems.map((p) => [p.code, p.severity, p.entry, p.message]),
      [
        [
          'auth-invalid',
          'error',
          'ghcr.io',
          'secret team/regcred (.dockerconfigjson): auths["ghcr.io"].auth is not valid base64 (illegal base64 data at input byte 3); kubelet cannot decode this secret and fails every image pull of pods that use it',
        ],
      ],
    );
  });

  it('an auth without a colon breaks pulls', () => {
    const reading = readPullSecret(dockerConfigJsonSecret('s', { auths: { 'r.io': { auth: b64('tokenonly') } } }), 'default');
    assert.equal(reading.breaksPulls, true);
    assert.match(reading.problems[0]?.message ?? '', /auths\["r\.io"\]\.auth does not decode to "username:password" \(no ":" in it\)/);
  });

  it('type errors in fields break pulls; unknown fields of any type do not', () => {
    assert.deepEqual(codesOf(dockerConfigJsonSecret('s', { auths: { 'r.io': { username: 5, password: 'p' } } })), ['secret-json-shape']);
    assert.deepEqual(codesOf(dockerConfigJsonSecret('s', { auths: ['r.io'] })), ['secret-json-shape']);
    assert.deepEqual(codesOf(dockerConfigJsonSecret('s', { auths: { 'r.io': 'user:pass' } })), ['secret-json-shape']);
    assert.deepEqual(codesOf(dockerConfigJsonSecret('s', { auths: {}, HttpHeaders: { 'X-Meta': 1 } })), ['secret-json-shape']);
    assert.deepEqual(codesOf(dockerConfigJsonSecret('s', { auths: { 'r.io': { username: 'u', password: 'p', extra: { any: 1 } } } })), []);
  });

  it('identitytoken and registrytoken are ignored by kubelet and reported', () => {
    const only = readPullSecret(dockerConfigJsonSecret('acr', { auths: { 'x.azurecr.io': { identitytoken: 'eyJ.refresh' } } }), 'default');
    assert.deepEqual(only.entries.map((e) => [e.username, e.password, e.ignoredTokens]), [['', '', ['identitytoken']]]);
    assert.deepEqual(
      only.problems.map((p) => [p.code, p.severity, p.message]),
      [
        [
          'token-ignored',
          'error',
          'secret team/acr (.dockerconfigjson) entry "x.azurecr.io" only has identitytoken, which docker uses and kubelet ignores: kubelet pulls anonymously; store a username and password (or auth) instead',
        ],
      ],
    );
    const both = readPullSecret(dockerConfigJsonSecret('s', { auths: { 'r.io': { auth: b64('u:p'), registrytoken: 'tok' } } }), 'default');
    assert.deepEqual(both.problems.map((p) => [p.code, p.severity]), [['token-ignored', 'info']]);
  });

  it('an entry without credentials (a credsStore leftover) is reported', () => {
    const reading = readPullSecret(dockerConfigJsonSecret('s', { auths: { 'https://index.docker.io/v1/': {} }, credsStore: 'desktop' }), 'default');
    assert.deepEqual(reading.entries.map((e) => [e.configKey, e.username, e.password]), [['https://index.docker.io/v1/', '', '']]);
    assert.deepEqual(reading.problems.map((p) => [p.code, p.entry]), [['entry-without-credentials', 'https://index.docker.io/v1/']]);
  });

  it('no auths: nothing to use; legacy-looking keys are called out', () => {
    const legacy = readPullSecret(dockerConfigJsonSecret('s', { 'ghcr.io': { auth: b64('u:p') } }), 'default');
    assert.deepEqual(legacy.entries, []);
    assert.deepEqual(
      legacy.problems.map((p) => [p.code, p.message]),
      [
        [
          'secret-no-auths',
          'secret team/s (.dockerconfigjson) has no "auths" object; its keys look like registries, i.e. the legacy .dockercfg format, which kubelet does not read under this type',
        ],
      ],
    );
    assert.deepEqual(codesOf(dockerConfigJsonSecret('s', 'null')), ['secret-no-auths']);
  });

  it('data that is not base64 or not JSON is rejected by the API server', () => {
    const notBase64 = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'team' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': '{"auths":{}}' } };
    assert.deepEqual(
      readPullSecret(notBase64, 'default').problems.map((p) => [p.code, p.key, p.message]),
      [
        [
          'secret-data-invalid',
          '.dockerconfigjson',
          'secret team/s: data[".dockerconfigjson"] is not valid base64 (illegal base64 data at input byte 0); the API server rejects this Secret (put plain text under stringData instead)',
        ],
      ],
    );
    assert.deepEqual(codesOf(dockerConfigJsonSecret('s', '{"auths": {')), ['secret-json-invalid']);
    assert.deepEqual(codesOf(dockerConfigJsonSecret('s', '[1]')), ['secret-json-invalid']);
    assert.deepEqual(codesOf(dockerConfigJsonSecret('s', '')), ['secret-json-invalid']);
  });

  it('the type decides: Opaque secrets with a docker config are ignored by kubelet', () => {
    const opaque = dockerConfigJsonSecret('s', { auths: { 'r.io': { auth: b64('u:p') } } }, { type: 'Opaque' });
    const reading = readPullSecret(opaque, 'default');
    assert.deepEqual(reading.entries, []);
    assert.deepEqual(
      reading.problems.map((p) => p.message),
      ['secret team/s holds .dockerconfigjson but has type Opaque; kubelet only reads it for image pulls when the type is kubernetes.io/dockerconfigjson'],
    );
    const noType = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'plain' }, data: { token: b64('x') } };
    assert.deepEqual(readPullSecret(noType, 'apps').problems.map((p) => p.message), [
      'secret apps/plain has type Opaque and no docker config; kubelet ignores it for image pulls',
    ]);
  });

  it('a missing key is reported', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockercfg': b64('{}') } };
    assert.deepEqual(readPullSecret(secret, 'ns').problems.map((p) => p.message), [
      'secret ns/s has type kubernetes.io/dockerconfigjson but no .dockerconfigjson key (it holds .dockercfg, the key of type kubernetes.io/dockercfg); the API server rejects it',
    ]);
  });
});

describe('kubernetes.io/dockercfg', () => {
  it('reads the legacy bare map', () => {
    const secret = dockercfgSecret('legacy', { 'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass'), email: 'a@b.c' } });
    const reading = readPullSecret(secret, 'default');
    assert.equal(reading.key, '.dockercfg');
    assert.deepEqual(reading.problems, []);
    assert.deepEqual(entriesOf(secret), [['https://index.docker.io/v1/', 'hubuser', 'hubpass']]);
  });

  it('an {"auths": ...} body under .dockercfg is read as a registry named "auths"', () => {
    const reading = readPullSecret(dockercfgSecret('wrong', { auths: { 'ghcr.io': { auth: b64('u:p') } } }), 'default');
    assert.deepEqual(reading.entries.map((e) => [e.configKey, e.username]), [['auths', '']]);
    assert.deepEqual(reading.problems.map((p) => p.code), ['secret-json-shape']);
    assert.match(reading.problems[0]?.message ?? '', /kubelet reads "auths" as the name of a registry/);
  });

  it('a null entry is an empty entry, not an error (Go calls UnmarshalJSON with null)', () => {
    const reading = readPullSecret(dockercfgSecret('s', { 'r.io': null }), 'default');
    assert.equal(reading.breaksPulls, false);
    assert.deepEqual(reading.entries.map((e) => e.configKey), ['r.io']);
  });
});
