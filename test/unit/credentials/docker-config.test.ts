// The developer's docker config.json as the comparison set: auths, credsStore and credHelpers.
// Helpers are real executables: the test writes `docker-credential-pgtest`, a small shell script
// speaking the docker-credential-helpers protocol, and puts it on PATH. That is the protocol, not
// a mock of a server. Real cloud helpers (docker-credential-ecr-login, -gcloud, -acr-env) cannot
// run here: they need cloud accounts and metadata endpoints, so their answers are not tested.
import assert from 'node:assert/strict';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { processCredentialHelper } from '../../../src/gateways/local/credential-helper-process.js';
import { sharedCredentialHelper, type CredentialHelper } from '../../../src/credentials/credential-helper.js';
import { dockerConfigCredentials, dockerServerAddress } from '../../../src/credentials/docker-config-credentials.js';
import { dockerConfigPath, readDockerConfig } from '../../../src/gateways/local/docker-config-file.js';
import { parseDockerConfig } from '../../../src/credentials/docker-config.js';
import { b64, imageRef } from './support.js';

const HELPER_SCRIPT = `#!/bin/sh
# docker-credential-pgtest: answers "get" per server URL; logs each call to $PGTEST_LOG.
[ "$1" = "get" ] || { echo "unsupported verb $1"; exit 1; }
server=$(cat)
echo "$server" >> "$PGTEST_LOG"
case "$server" in
  helper.example.com) printf '{"ServerURL":"%s","Username":"helper-user","Secret":"helper-secret"}\\n' "$server" ;;
  token.example.com) printf '{"ServerURL":"%s","Username":"<token>","Secret":"refresh-token"}\\n' "$server" ;;
  https://index.docker.io/v1/) printf '{"ServerURL":"%s","Username":"hub-user","Secret":"hub-secret"}\\n' "$server" ;;
  slowish.example.com) sleep 0.3; printf '{"Username":"slow-user","Secret":"slow-secret"}' ;;
  slow.example.com) exec sleep 5 ;;
  missing.example.com) echo "credentials not found in native keychain"; exit 1 ;;
  broken.example.com) echo "error getting credentials: keychain locked"; exit 1 ;;
  garbage.example.com) echo "this is not json" ;;
  *) echo "credentials not found in native keychain"; exit 1 ;;
esac
`;

let dir: string;
let log: string;
let helper: CredentialHelper;

function calls(): string[] {
  try {
    return readFileSync(log, 'utf8').split('\n').filter((line) => line !== '');
  } catch {
    return [];
  }
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pullguard-cred-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'docker-credential-pgtest'), HELPER_SCRIPT);
  chmodSync(join(bin, 'docker-credential-pgtest'), 0o755);
  log = join(dir, 'calls.log');
  helper = processCredentialHelper({
    timeoutMs: 2000,
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`, PGTEST_LOG: log },
  });
});

after(() => rmSync(dir, { recursive: true, force: true }));

function config(json: unknown) {
  const parsed = parseDockerConfig(JSON.stringify(json), '/home/dev/.docker/config.json');
  assert.deepEqual(parsed.problems, []);
  return parsed.config;
}

describe('docker config.json auths', () => {
  const file = config({
    auths: {
      'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
      'https://ghcr.io/v2/': { auth: b64('octo:ghp') },
      'registry.local:5000': { username: 'local', password: 'pw', identitytoken: 'idt' },
      'docker.io': { auth: b64('never:used') },
    },
  });
  const none: CredentialHelper = { get: () => assert.fail('no helper is configured') };

  it('Docker Hub is looked up under https://index.docker.io/v1/ only', async () => {
    assert.equal(dockerServerAddress(imageRef('docker.io/library/nginx')), 'https://index.docker.io/v1/');
    const result = await dockerConfigCredentials(file, imageRef('docker.io/library/nginx'), { helper: none });
    assert.deepEqual(result, {
      serverAddress: 'https://index.docker.io/v1/',
      via: 'auths',
      credentials: [{ source: 'docker config.json (auths: https://index.docker.io/v1/)', username: 'hubuser', password: 'hubpass' }],
      problems: [],
    });
  });

  it('other registries match a key whose host[:port] equals the registry (scheme and path dropped)', async () => {
    const ghcr = await dockerConfigCredentials(file, imageRef('ghcr.io/octo/app'), { helper: none });
    assert.deepEqual(ghcr.credentials, [{ source: 'docker config.json (auths: https://ghcr.io/v2/)', username: 'octo', password: 'ghp' }]);
    const local = await dockerConfigCredentials(file, imageRef('registry.local:5000/app'), { helper: none });
    assert.deepEqual(local.credentials, [{ source: 'docker config.json (auths: registry.local:5000)', username: 'local', password: 'pw', identityToken: 'idt' }]);
    const other = await dockerConfigCredentials(file, imageRef('quay.io/a/b'), { helper: none });
    assert.deepEqual([other.via, other.credentials], ['none', []]);
  });

  it('docker.io alone as a key does not serve Docker Hub for docker (it does for kubelet)', async () => {
    const only = config({ auths: { 'docker.io': { auth: b64('u:p') } } });
    assert.deepEqual((await dockerConfigCredentials(only, imageRef('docker.io/library/nginx'), { helper: none })).credentials, []);
  });

  it('reports auth values docker cannot decode: padded base64 and a user are required', () => {
    const parsed = parseDockerConfig(
      JSON.stringify({ auths: { 'a.io': { auth: b64('u:pp').replace(/=+$/, '') }, 'b.io': { auth: b64(':p') }, 'c.io': { auth: b64('ok:yes') } } }),
      'cfg.json',
    );
    assert.deepEqual(parsed.config.auths.map((e) => e.configKey), ['c.io']);
    assert.deepEqual(parsed.problems.map((p) => p.message), [
      'docker config cfg.json: auths["a.io"].auth is not valid base64 (illegal base64 data at input byte 4)',
      'docker config cfg.json: auths["b.io"].auth does not decode to "username:password" with a non-empty username',
    ]);
  });

  it('DOCKER_AUTH_CONFIG entries come first, by exact key', async () => {
    const env = JSON.stringify({ auths: { 'ghcr.io': { auth: b64('env-user:env-pass') } } });
    const result = await dockerConfigCredentials(file, imageRef('ghcr.io/octo/app'), { helper: none, authConfigEnv: env });
    assert.deepEqual(result.credentials, [{ source: 'DOCKER_AUTH_CONFIG (auths: ghcr.io)', username: 'env-user', password: 'env-pass' }]);
    const broken = await dockerConfigCredentials(file, imageRef('ghcr.io/octo/app'), { helper: none, authConfigEnv: '{"auths":{"ghcr.io":{}}}' });
    assert.equal(broken.via, 'auths');
    assert.deepEqual(broken.problems.map((p) => p.message), ['DOCKER_AUTH_CONFIG has no auth for "ghcr.io"; docker ignores it']);
  });
});

describe('credential helpers through the real protocol', () => {
  it('credHelpers for the registry wins over credsStore and over auths', async () => {
    const file = config({
      credsStore: 'absent-default-store',
      credHelpers: { 'helper.example.com': 'pgtest' },
      auths: { 'helper.example.com': { auth: b64('file-user:file-pass') } },
    });
    const result = await dockerConfigCredentials(file, imageRef('helper.example.com/app'), { helper });
    assert.deepEqual(result, {
      serverAddress: 'helper.example.com',
      via: 'credHelpers',
      credentials: [{ source: 'docker config.json (credHelpers: pgtest)', username: 'helper-user', password: 'helper-secret' }],
      problems: [],
    });
  });

  it('credsStore serves every other registry; Docker Hub is asked for https://index.docker.io/v1/', async () => {
    const file = config({ credsStore: 'pgtest' });
    const result = await dockerConfigCredentials(file, imageRef('docker.io/library/redis'), { helper });
    assert.deepEqual(result.credentials, [{ source: 'docker config.json (credsStore: pgtest)', username: 'hub-user', password: 'hub-secret' }]);
    assert.ok(calls().includes('https://index.docker.io/v1/'));
  });

  it('the <token> username makes the secret an identity token', async () => {
    const result = await dockerConfigCredentials(config({ credsStore: 'pgtest' }), imageRef('token.example.com/app'), { helper });
    assert.deepEqual(result.credentials, [{ source: 'docker config.json (credsStore: pgtest)', identityToken: 'refresh-token' }]);
  });

  it('"credentials not found in native keychain" means anonymous, and the file auths are not used', async () => {
    const file = config({ credsStore: 'pgtest', auths: { 'missing.example.com': { auth: b64('file:only') } } });
    const result = await dockerConfigCredentials(file, imageRef('missing.example.com/app'), { helper });
    assert.deepEqual([result.via, result.credentials, result.problems], ['credsStore', [], []]);
  });

  it('failures are reported in one line with the helper output, not thrown', async () => {
    const file = config({ credsStore: 'pgtest' });
    const broken = await dockerConfigCredentials(file, imageRef('broken.example.com/app'), { helper });
    assert.deepEqual(broken.problems.map((p) => [p.code, p.message]), [
      [
        'credential-helper-failed',
        'docker-credential-pgtest get failed (exit 1): error getting credentials: keychain locked (for broken.example.com, from /home/dev/.docker/config.json)',
      ],
    ]);
    const garbage = await dockerConfigCredentials(file, imageRef('garbage.example.com/app'), { helper });
    assert.deepEqual(garbage.problems.map((p) => p.message), [
      'docker-credential-pgtest get printed something that is not JSON (for garbage.example.com, from /home/dev/.docker/config.json)',
    ]);
    const absent = await dockerConfigCredentials(config({ credsStore: 'pullguard-absent' }), imageRef('x.io/a'), { helper });
    assert.deepEqual(absent.problems.map((p) => p.message), [
      'docker-credential-pullguard-absent is not installed (not found on PATH) (for x.io, from /home/dev/.docker/config.json)',
    ]);
  });

  it('a helper that does not answer is stopped at the time limit', async () => {
    const quick = processCredentialHelper({ timeoutMs: 300, env: { ...process.env, PATH: `${join(dir, 'bin')}${delimiter}${process.env['PATH'] ?? ''}`, PGTEST_LOG: log } });
    const started = Date.now();
    const outcome = await quick.get('pgtest', 'slow.example.com');
    assert.deepEqual(outcome, { kind: 'failed', message: 'docker-credential-pgtest get did not answer within 300 ms' });
    assert.ok(Date.now() - started < 2000, 'the helper was killed, not waited for');
  });

  it('helper names with a path separator are refused without running anything', async () => {
    const result = await dockerConfigCredentials(config({ credsStore: '../evil' }), imageRef('x.io/a'), { helper });
    assert.deepEqual(result.problems.map((p) => p.message), ['docker config /home/dev/.docker/config.json: credsStore names "../evil", which is not a helper name']);
  });

  it('runs once per helper and server, sharing an in-flight run', async () => {
    const shared = sharedCredentialHelper(helper);
    const before = calls().filter((c) => c === 'slowish.example.com').length;
    const [a, b] = await Promise.all([shared.get('pgtest', 'slowish.example.com'), shared.get('pgtest', 'slowish.example.com')]);
    const c = await shared.get('pgtest', 'slowish.example.com');
    assert.deepEqual(a, { kind: 'found', username: 'slow-user', secret: 'slow-secret' });
    assert.deepEqual(b, a);
    assert.deepEqual(c, a);
    assert.equal(calls().filter((call) => call === 'slowish.example.com').length - before, 1);
  });
});

describe('locating config.json', () => {
  it('$DOCKER_CONFIG/config.json, else ~/.docker/config.json', () => {
    assert.equal(dockerConfigPath({ DOCKER_CONFIG: join('/cfg', 'docker') }, '/home/dev'), join('/cfg', 'docker', 'config.json'));
    assert.equal(dockerConfigPath({}, join('/home', 'dev')), join('/home', 'dev', '.docker', 'config.json'));
  });

  it('reads the file; a missing file is no config and no problem', async () => {
    const configDir = join(dir, 'docker-config');
    mkdirSync(configDir);
    const missing = await readDockerConfig({ DOCKER_CONFIG: configDir }, dir);
    assert.deepEqual(missing, { path: join(configDir, 'config.json'), problems: [] });
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ credHelpers: { 'gcr.io': 'gcloud' }, auths: { 'a.io': {} } }));
    const read = await readDockerConfig({ DOCKER_CONFIG: configDir }, dir);
    assert.deepEqual(read.problems, []);
    assert.deepEqual([...(read.config?.credHelpers ?? [])], [['gcr.io', 'gcloud']]);
    assert.deepEqual(read.config?.auths.map((e) => e.configKey), ['a.io']);
    appendFileSync(join(configDir, 'config.json'), '}');
    const broken = await readDockerConfig({ DOCKER_CONFIG: configDir }, dir);
    assert.deepEqual(broken.problems.map((p) => p.code), ['docker-config-invalid']);
  });
});
