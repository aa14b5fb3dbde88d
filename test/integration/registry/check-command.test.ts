// `pullguard check` end to end: the built CLI against real docker-registry instances (no auth and
// htpasswd) started here, on manifests written into a temp dir. The registries run on loopback,
// which the remote target rightly flags (localhost-registry-on-remote), so the temp dir's
// .pullguard.yaml turns that rule off; it also exercises `registries:` (plainHttp).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Finding, ImageVerdict, Report } from '../../../src/core/types.js';
import { FORMAT_NAMES } from '../../../src/formatters/formatter.js';
import { standardImages, startRegistryFixture, type RegistryFixture } from '../../support/registry/registry-fixture.js';
import { runCli, type CliRun } from '../../support/registry/run-cli.js';
import { makeTempDir, removeTempDir } from '../../support/registry/temp-dir.js';

const ALICE = { user: 'alice', password: 'wonderland-7d1e' };
const WRONG_PASSWORD = 'stale-pass-93ab';

/** The image value is always at line 14, column 18. */
function deployment(name: string, image: string, pullSecret?: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  selector:',
    `    matchLabels: {app: ${name}}`,
    '  template:',
    '    metadata:',
    `      labels: {app: ${name}}`,
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: ${image}`,
    ...(pullSecret === undefined ? [] : ['      imagePullSecrets:', `        - name: ${pullSecret}`]),
    '',
  ].join('\n');
}

function dockerConfigJson(host: string, user: string, password: string): string {
  return JSON.stringify({ auths: { [host]: { username: user, password, auth: Buffer.from(`${user}:${password}`).toString('base64') } } });
}

function pullSecret(name: string, host: string, password: string): string {
  const data = Buffer.from(dockerConfigJson(host, ALICE.user, password)).toString('base64');
  return ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}`, 'type: kubernetes.io/dockerconfigjson', 'data:', `  .dockerconfigjson: ${data}`, ''].join('\n');
}

function parseReport(run: CliRun): Report {
  assert.equal(run.stderr, '', 'check wrote to stderr');
  return JSON.parse(run.stdout) as Report;
}

function registryFindings(report: Report): Finding[] {
  return report.findings.filter((f) => f.ruleId === 'image-pull');
}

describe('pullguard check against real registries', () => {
  let open: RegistryFixture;
  let locked: RegistryFixture;
  let dir: string;
  /** An empty docker config, so the user's own ~/.docker/config.json never enters a test. */
  let noDockerConfig: NodeJS.ProcessEnv;
  const outputs: string[] = [];

  function write(relative: string, text: string): void {
    const file = join(dir, relative);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }

  async function check(args: string[], env: NodeJS.ProcessEnv = noDockerConfig): Promise<CliRun> {
    const run = await runCli(['check', ...args], { cwd: dir, env });
    outputs.push(run.stdout, run.stderr);
    return run;
  }

  before(async () => {
    [open, locked] = await Promise.all([
      startRegistryFixture('none'),
      startRegistryFixture('htpasswd', { users: { [ALICE.user]: ALICE.password } }),
    ]);
    await Promise.all([open.seed(standardImages()), locked.seed(standardImages())]);
    dir = makeTempDir('check-command');
    noDockerConfig = { DOCKER_CONFIG: join(dir, 'no-docker-config') };
    write(
      '.pullguard.yaml',
      ['rules:', '  localhost-registry-on-remote: off', 'registries:', `  "${open.registry.host}":`, '    plainHttp: true', ''].join('\n'),
    );
    const o = open.registry.host;
    const l = locked.registry.host;
    write('present/web.yaml', deployment('web', `${o}/test/oci-index:v1`));
    write('present/worker.yaml', deployment('worker', `${o}/test/oci-index:v1`));
    write('missing/api.yaml', deployment('api', `${o}/test/docker-single:v9`));
    write('with-secret/regcred.yaml', pullSecret('regcred', l, ALICE.password));
    write('with-secret/app.yaml', deployment('app', `${l}/test/oci-index:v1`, 'regcred'));
    write('stale-secret/regcred.yaml', pullSecret('regcred', l, WRONG_PASSWORD));
    write('stale-secret/app.yaml', deployment('app', `${l}/test/oci-index:v1`, 'regcred'));
    write('secret-elsewhere/app.yaml', deployment('app', `${l}/test/docker-single:v1`, 'regcred'));
    write('secrets/regcred.yaml', pullSecret('regcred', l, ALICE.password));
    write('docker-login/config.json', dockerConfigJson(l, ALICE.user, ALICE.password));
  });

  after(async () => {
    await Promise.all([open?.stop(), locked?.stop()]);
    if (dir !== undefined) removeTempDir(dir);
  });

  it('passes an image that exists, asking the registry once for two uses', async () => {
    const before = open.registry.requests().length;
    const run = await check(['present', '--target', 'remote', '--format', 'json']);
    const report = parseReport(run);
    assert.equal(run.code, 0);
    assert.deepEqual(report.findings, []);
    assert.equal(report.images?.length, 1);
    const verdict = report.images?.[0] as ImageVerdict;
    assert.equal(verdict.status, 'ok', verdict.summary);
    assert.equal(verdict.image, `${open.registry.host}/test/oci-index:v1`);
    assert.equal(verdict.credentialSource, 'anonymous');
    assert.equal(verdict.mediaType, 'application/vnd.oci.image.index.v1+json');
    // As the index writes them (the fixture's arm64 entry carries variant v8).
    assert.deepEqual(verdict.platforms, ['linux/amd64', 'linux/arm64/v8']);
    assert.deepEqual(verdict.locations, [
      { file: 'present/web.yaml', line: 14, column: 18 },
      { file: 'present/worker.yaml', line: 14, column: 18 },
    ]);
    // The ping and one GET of the index (GET, not HEAD: the platforms are in its body).
    const logged = (await open.registry.waitForRequests(before + 2)).slice(before);
    assert.deepEqual(logged.map((r) => `${r.method} ${r.uri} ${r.status}`), ['GET /v2/ 200', 'GET /v2/test/oci-index/manifests/v1 200']);
  });

  it('reports a missing tag as image-not-found at the image, with exit code 1', async () => {
    const run = await check(['missing', '--target', 'remote', '--format', 'json']);
    const report = parseReport(run);
    assert.equal(run.code, 1);
    const image = `${open.registry.host}/test/docker-single:v9`;
    assert.deepEqual(registryFindings(report), [
      {
        ruleId: 'image-pull',
        severity: 'error',
        message: `${image}: tag "v9" does not exist in repository "test/docker-single" on ${open.registry.host}`,
        file: 'missing/api.yaml',
        line: 14,
        column: 18,
        object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
        container: 'app',
        image,
        path: 'spec.template.spec.containers[0].image',
        remediation: `Push ${image} to ${open.registry.host}, or fix the repository or tag to one that exists.`,
        cause: 'image-not-found',
      },
    ]);
    assert.equal(report.images?.[0]?.status, 'image-not-found');
    assert.equal(report.summary.errors, 1);
  });

  it('uses the dockerconfigjson Secret the pod names against the htpasswd registry', async () => {
    const run = await check(['with-secret', '--target', 'remote', '--format', 'json']);
    const report = parseReport(run);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(registryFindings(report), []);
    const verdict = report.images?.[0] as ImageVerdict;
    assert.equal(verdict.status, 'ok', verdict.summary);
    assert.equal(verdict.credentialSource, `secret default/regcred (.dockerconfigjson, ${locked.registry.host})`);
  });

  it('takes the Secret from a --pull-secret file', async () => {
    // Without the file, the refusal is about the secret the pod names (docs/causes/pull-secret-missing.md).
    const without = parseReport(await check(['secret-elsewhere', '--target', 'remote', '--format', 'json']));
    assert.equal(without.images?.[0]?.status, 'pull-secret-missing');
    assert.match(without.images?.[0]?.summary ?? '', /^pull secret default\/regcred, which the pod names, is not among the manifests, and without it \S+ refuses the pull \(unauthorized with anonymous credentials\)$/);
    const finding = registryFindings(without)[0];
    assert.equal(finding?.cause, 'pull-secret-missing');
    assert.match(finding?.remediation ?? '', /^Create secret regcred in namespace default with credentials for \S+ \(`kubectl create secret docker-registry regcred -n default /);
    const run = await check(['secret-elsewhere', '--pull-secret', 'secrets/regcred.yaml', '--target', 'remote', '--format', 'json']);
    const report = parseReport(run);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(report.images?.[0]?.status, 'ok', report.images?.[0]?.summary);
  });

  it('reports a wrong password in the Secret as unauthorized, naming the Secret', async () => {
    const run = await check(['stale-secret', '--target', 'remote', '--format', 'json']);
    const report = parseReport(run);
    assert.equal(run.code, 1);
    const findings = registryFindings(report);
    assert.equal(findings.length, 1);
    const source = `secret default/regcred (.dockerconfigjson, ${locked.registry.host})`;
    assert.equal(findings[0]?.cause, 'unauthorized');
    assert.equal(
      findings[0]?.message,
      `${locked.registry.host}/test/oci-index:v1: ${locked.registry.host} rejected credential ${source} (UNAUTHORIZED: authentication required)`,
    );
    assert.equal(findings[0]?.remediation, `Renew the credentials of ${source}: the registry rejected them.`);
    assert.equal(report.images?.[0]?.evidence?.httpStatus, 401);
  });

  it('says when docker on this machine could pull what the nodes cannot', async () => {
    const run = await check(['stale-secret', '--target', 'remote', '--format', 'json'], { DOCKER_CONFIG: join(dir, 'docker-login') });
    const report = parseReport(run);
    assert.equal(run.code, 1);
    assert.equal(report.images?.[0]?.status, 'unauthorized');
    assert.match(
      report.images?.[0]?.summary ?? '',
      new RegExp(`; docker on this machine can pull it with docker config\\.json \\(auths: ${locked.registry.host.replace(/\./g, '\\.')}\\), which the nodes do not have`),
    );
    const quiet = parseReport(await check(['stale-secret', '--no-docker-config', '--format', 'json'], { DOCKER_CONFIG: join(dir, 'docker-login') }));
    assert.doesNotMatch(quiet.images?.[0]?.summary ?? '', /docker on this machine/);
  });

  it('checks the node platforms from --platform', async () => {
    const run = await check(['present', '--platform', 'linux/arm64,linux/s390x', '--format', 'json']);
    const report = parseReport(run);
    assert.equal(run.code, 1);
    assert.deepEqual(registryFindings(report).map((f) => [f.file, f.cause, f.severity]), [
      ['present/web.yaml', 'platform-mismatch', 'error'],
      ['present/worker.yaml', 'platform-mismatch', 'error'],
    ]);
    assert.match(report.images?.[0]?.summary ?? '', /linux\/s390x/);
  });

  it('prints the image table after the findings in text output', async () => {
    const run = await check(['missing', '--target', 'remote']);
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n');
    const table = lines.indexOf('Images');
    assert.ok(table > 0, run.stdout);
    assert.ok(lines.findIndex((l) => l.includes('image-pull')) < table);
    assert.match(lines[table + 2] ?? '', new RegExp(`^  ${open.registry.host.replace(/\./g, '\\.')}/test/docker-single:v9  image-not-found  tag "v9" does not exist`));
  });

  it('rejects a malformed --platform with exit code 2 and one line', async () => {
    const run = await check(['present', '--platform', 'linux']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'pullguard: --platform: "linux" is not a platform\nhint: Write os/architecture[/variant], e.g. linux/amd64,linux/arm64.\n');
  });

  it('never prints a password, a Basic credential or secret data, in any format', async () => {
    const material = [ALICE.password, WRONG_PASSWORD];
    for (const password of [ALICE.password, WRONG_PASSWORD]) {
      material.push(Buffer.from(`${ALICE.user}:${password}`).toString('base64'));
      material.push(Buffer.from(dockerConfigJson(locked.registry.host, ALICE.user, password)).toString('base64'));
    }
    for (const format of FORMAT_NAMES) {
      for (const target of ['stale-secret', 'with-secret']) {
        await check([target, '--target', 'remote', '--format', format], { DOCKER_CONFIG: join(dir, 'docker-login') });
      }
    }
    assert.ok(outputs.length >= FORMAT_NAMES.length * 4);
    const all = outputs.join('\n');
    assert.ok(all.includes(locked.registry.host), 'the outputs do not even name the registry');
    for (const secret of material) assert.ok(!all.includes(secret), 'a secret reached the output');
  });
});
