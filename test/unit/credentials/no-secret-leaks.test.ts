// No credential (password, auth, identity token, registry token, helper secret) may appear in a
// credential's `source`, a problem (any field), a helper failure message or a thrown error, even
// when the broken input has the secret right next to the error. Every secret below contains
// "S3CRET"; base64 forms are checked too. Real cloud helpers cannot run here; the helper is a
// script written by the test that speaks the protocol.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { processCredentialHelper } from '../../../src/gateways/local/credential-helper-process.js';
import { credentialsForPod } from '../../../src/credentials/credentials-for-pod.js';
import { dockerConfigCredentials } from '../../../src/credentials/docker-config-credentials.js';
import { parseDockerConfig } from '../../../src/credentials/docker-config.js';
import { pullObjectsFromValues } from '../../../src/credentials/pull-object-source.js';
import { readPullSecret } from '../../../src/credentials/pull-secret.js';
import { b64, dockercfgSecret, dockerConfigJsonSecret, imageRef } from './support.js';

const PASSWORD = 'pw-S3CRET-1a';
const AUTH_PASSWORD = 'auth-S3CRET-2b';
const IDENTITY_TOKEN = 'idt-S3CRET-3c';
const REGISTRY_TOKEN = 'rgt-S3CRET-4d';
const NO_COLON = 'tok-S3CRET-5e';
const HELPER_SECRET = 'hlp-S3CRET-6f';
const LONG_TOKEN = `S3CRET${'x'.repeat(40)}`;
const FORBIDDEN = [
  'S3CRET',
  b64(`user:${AUTH_PASSWORD}`),
  b64(`user:${PASSWORD}`),
  b64(NO_COLON),
  b64(PASSWORD),
  b64(`{"auths":{"r.io":{"password":"${PASSWORD}" oops}}}`),
];

function assertClean(label: string, text: string): void {
  for (const secret of FORBIDDEN) {
    assert.ok(!text.includes(secret), `${label} leaks a secret: ${text}`);
  }
}

/** Runs `fn`; a thrown error's message and stack must be clean too. */
function outputOf(label: string, fn: () => unknown): string {
  try {
    return JSON.stringify(fn());
  } catch (error) {
    const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    assertClean(`${label} (thrown)`, text);
    throw error;
  }
}

const brokenSecrets: Record<string, unknown>[] = [
  dockerConfigJsonSecret('json-syntax', `{"auths":{"r.io":{"password":"${PASSWORD}" oops}}}`),
  dockerConfigJsonSecret('json-syntax-2', `{"auths":{"r.io":{"password":${PASSWORD}}}}`),
  dockerConfigJsonSecret('auth-not-base64', { auths: { 'r.io': { auth: `${AUTH_PASSWORD}!` } } }),
  dockerConfigJsonSecret('auth-no-colon', { auths: { 'r.io': { auth: b64(NO_COLON) } } }),
  dockerConfigJsonSecret('auth-padded-wrong', { auths: { 'r.io': { auth: `${b64(`user:${AUTH_PASSWORD}`)}=` } } }),
  dockerConfigJsonSecret('type-error', { auths: { 'r.io': { username: 'u', password: [PASSWORD] } } }),
  dockerConfigJsonSecret('tokens-only', { auths: { 'r.io': { identitytoken: IDENTITY_TOKEN, registrytoken: REGISTRY_TOKEN } } }),
  dockerConfigJsonSecret('legacy-in-new', { 'r.io': { password: PASSWORD } }),
  dockerConfigJsonSecret('opaque', { auths: { 'r.io': { password: PASSWORD } } }, { type: 'Opaque' }),
  dockerConfigJsonSecret('userinfo-key', { auths: { [`https://user:${PASSWORD}@r.io`]: { auth: 'x!' } } }),
  dockercfgSecret('new-in-legacy', { auths: { 'r.io': { auth: b64(`user:${AUTH_PASSWORD}`) } } }),
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'data-not-base64', namespace: 'team' },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': `{"auths":{"r.io":{"password":"${PASSWORD}"}}}` },
  },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'stringdata-not-string', namespace: 'team' },
    type: 'kubernetes.io/dockerconfigjson',
    stringData: { '.dockerconfigjson': { auths: { 'r.io': { password: PASSWORD } } } },
  },
];

describe('no secret in pull-secret problems or sources', () => {
  it('broken secrets: every problem, field by field', () => {
    let problems = 0;
    for (const secret of brokenSecrets) {
      const name = (secret['metadata'] as { name: string }).name;
      const reading = readPullSecret(secret, 'team');
      problems += reading.problems.length;
      assert.ok(reading.problems.length > 0, `${name} produces a problem`);
      assertClean(name, outputOf(name, () => reading.problems));
    }
    assert.ok(problems >= brokenSecrets.length);
  });

  it('working secrets: sources name the secret and entry, never the values', () => {
    const good = dockerConfigJsonSecret('good', {
      auths: { 'r.io': { auth: b64(`user:${AUTH_PASSWORD}`) }, [`https://u:${PASSWORD}@r.io/team`]: { username: 'u', password: PASSWORD } },
    });
    const objects = pullObjectsFromValues([good, ...brokenSecrets.slice(6, 8)], { defaultNamespace: 'team' });
    const result = credentialsForPod(
      { namespace: 'team', podSpec: { imagePullSecrets: [{ name: 'good' }, { name: 'tokens-only' }, { name: 'legacy-in-new' }, { name: 'absent' }] } },
      imageRef('r.io/team/app'),
      objects,
    );
    assert.deepEqual(result.credentials.map((c) => c.source), [
      'secret team/good (.dockerconfigjson, https://…@r.io/team)',
      'secret team/good (.dockerconfigjson, r.io)',
      'secret team/tokens-only (.dockerconfigjson, r.io)',
    ]);
    assert.equal(result.credentials[1]?.password, AUTH_PASSWORD);
    for (const credential of result.credentials) assertClean('source', credential.source);
    assertClean('problems', JSON.stringify(result.problems));
  });

  it('a pod blocked by a broken secret reports it without values', () => {
    const objects = pullObjectsFromValues(brokenSecrets, { defaultNamespace: 'team' });
    const result = credentialsForPod({ namespace: 'team', podSpec: { imagePullSecrets: [{ name: 'auth-not-base64' }] } }, imageRef('r.io/a'), objects);
    assert.equal(result.blockedBy?.code, 'auth-invalid');
    assertClean('blockedBy', JSON.stringify(result));
  });
});

describe('no secret in docker config problems or helper failures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pullguard-leak-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'docker-credential-pgleak'),
    `#!/bin/sh
server=$(cat)
echo "stderr may say ${HELPER_SECRET}" >&2
case "$server" in
  json.example.com) printf '{"Username":"u","Secret":"${HELPER_SECRET}"}'; exit 1 ;;
  long.example.com) echo "token ${LONG_TOKEN} rejected"; exit 1 ;;
  quiet.example.com) exit 3 ;;
esac
`,
  );
  chmodSync(join(dir, 'docker-credential-pgleak'), 0o755);
  const helper = processCredentialHelper({ env: { ...process.env, PATH: `${dir}${delimiter}${process.env['PATH'] ?? ''}` } });

  it('config.json that docker cannot read', () => {
    const texts = [
      `{"auths":{"r.io":{"password":"${PASSWORD}" oops}}}`,
      JSON.stringify({ auths: { 'r.io': { auth: `${AUTH_PASSWORD}!` } } }),
      JSON.stringify({ auths: { 'r.io': { auth: b64(NO_COLON) } } }),
      JSON.stringify({ auths: { 'r.io': { identitytoken: [IDENTITY_TOKEN] } } }),
      JSON.stringify({ auths: { [`https://u:${PASSWORD}@r.io`]: { auth: 'x!' } } }),
    ];
    for (const text of texts) {
      const parsed = parseDockerConfig(text, 'config.json');
      assert.ok(parsed.problems.length > 0);
      assertClean('docker config', JSON.stringify(parsed.problems));
    }
  });

  it('helpers that fail with a secret on stdout or stderr', async () => {
    const config = parseDockerConfig(JSON.stringify({ credsStore: 'pgleak' }), 'config.json').config;
    const messages: string[] = [];
    for (const registry of ['json.example.com', 'long.example.com', 'quiet.example.com']) {
      const result = await dockerConfigCredentials(config, imageRef(`${registry}/app`), { helper });
      assert.deepEqual(result.credentials, []);
      messages.push(...result.problems.map((p) => p.message));
    }
    assert.deepEqual(messages, [
      'docker-credential-pgleak get failed (exit 1): (JSON output withheld) (for json.example.com, from config.json)',
      'docker-credential-pgleak get failed (exit 1): token … rejected (for long.example.com, from config.json)',
      'docker-credential-pgleak get failed (exit 3): no message on stdout (for quiet.example.com, from config.json)',
    ]);
    for (const message of messages) assertClean('helper failure', message);
  });

  it('DOCKER_AUTH_CONFIG that docker ignores', async () => {
    for (const env of [`{"auths":{"r.io":{"auth":"${AUTH_PASSWORD}!"}}}`, `{"auths":{"r.io":{"auth":"${b64(NO_COLON)}"}}}`, `{"auths": ${PASSWORD}`]) {
      const result = await dockerConfigCredentials(undefined, imageRef('r.io/a'), { helper, authConfigEnv: env });
      assert.equal(result.problems.length, 1);
      assertClean('DOCKER_AUTH_CONFIG', JSON.stringify(result));
    }
  });
});
