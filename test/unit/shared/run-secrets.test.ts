// Every place a credential is read registers it with the run's redactor, before anything could
// print it: docker config files, DOCKER_AUTH_CONFIG, credential helpers, pull secrets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerConfig } from '../../../src/credentials/docker-config.js';
import { dockerConfigCredentials } from '../../../src/credentials/docker-config-credentials.js';
import { decodeDockerConfigJson } from '../../../src/credentials/kubelet-docker-config.js';
import { readPullSecret } from '../../../src/credentials/pull-secret.js';
import { REDACTED } from '../../../src/shared/redactor.js';
import { runSecrets } from '../../../src/shared/run-secrets.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** A value no other test registers, so that the assertion is about this registration. */
let counter = 0;
function fresh(label: string): string {
  counter++;
  return `${label}-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`;
}

function assertRegistered(secret: string, what: string): void {
  assert.equal(runSecrets.redact(`[${secret}]`), `[${REDACTED}]`, what);
}

describe('secrets are registered as they are read', () => {
  it('docker config.json: password, auth, identitytoken, registrytoken', () => {
    const password = fresh('pw');
    const authPassword = fresh('auth-pw');
    const identity = fresh('idt');
    const registry = fresh('rgt');
    parseDockerConfig(
      JSON.stringify({
        auths: {
          'a.example': { username: 'u', password },
          'b.example': { auth: b64(`user:${authPassword}`) },
          'c.example': { identitytoken: identity, registrytoken: registry },
        },
      }),
      '/home/dev/.docker/config.json',
    );
    assertRegistered(password, 'password');
    assertRegistered(b64(`user:${authPassword}`), 'auth field');
    assertRegistered(identity, 'identitytoken');
    assertRegistered(registry, 'registrytoken');
  });

  it('a credential helper answer and DOCKER_AUTH_CONFIG', async () => {
    const helperSecret = fresh('helper');
    const { config } = parseDockerConfig(JSON.stringify({ credsStore: 'pgtest' }), '/home/dev/.docker/config.json');
    await dockerConfigCredentials(config, { domain: 'ghcr.io' }, { helper: { get: async () => ({ kind: 'found', username: 'octo', secret: helperSecret }) } });
    assertRegistered(helperSecret, 'helper secret');
    const envPassword = fresh('env');
    await dockerConfigCredentials(undefined, { domain: 'ghcr.io' }, {
      helper: { get: () => assert.fail('not asked') },
      authConfigEnv: JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`octo:${envPassword}`) } } }),
    });
    assertRegistered(envPassword, 'DOCKER_AUTH_CONFIG password');
  });

  it('pull secrets: passwords, auth fields, the tokens kubelet ignores, and the whole docker config', () => {
    const password = fresh('ps');
    const ignored = fresh('ignored-token');
    decodeDockerConfigJson({ auths: { 'ghcr.io': { username: 'octo', password, identitytoken: ignored } } });
    assertRegistered(password, 'password');
    assertRegistered(ignored, 'identitytoken kubelet ignores');

    const fromAuth = fresh('from-auth');
    const json = JSON.stringify({ auths: { 'quay.io': { auth: b64(`robot:${fromAuth}`) } } });
    readPullSecret({ kind: 'Secret', metadata: { name: 'regcred' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64(json) } }, 'default');
    assertRegistered(fromAuth, 'password inside auth');
    assertRegistered(b64(json), 'the .dockerconfigjson value');
  });
});
