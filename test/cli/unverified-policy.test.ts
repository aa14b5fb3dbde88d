// `check` on a machine that reaches no registry (a proxy that refuses every connection): the
// images cannot be verified, and by default that is exit code 1, so that such a CI run cannot pass
// by accident; `--unverified allow` or `unverified: allow` in .pullguard.yaml accept it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runCli } from './run-cli.js';

let proxy = '';
let dir = '';
before(async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  proxy = `http://127.0.0.1:${address.port}`;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  dir = mkdtempSync(join(tmpdir(), 'pullguard-unverified-'));
  writeFileSync(join(dir, 'allow.yaml'), 'unverified: allow\n');
  writeFileSync(join(dir, 'bad.yaml'), 'unverified: maybe\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

const EXAMPLE = join(ROOT, 'examples/webapi/fixed');

function check(args: readonly string[]) {
  return runCli(['check', EXAMPLE, '--target', 'aks', '--no-docker-config', '--no-color', ...args], {
    env: { HTTPS_PROXY: proxy, HTTP_PROXY: proxy, NO_PROXY: '' },
  });
}

const COUNTS = '✖ 1 warning in 2 files (3 objects, 1 container checked; 1 image: 1 not verified (1 connection-refused))';
const FAILS = '1 image could not be verified from this machine (1 connection-refused): exit code 1; to accept that, pass --unverified allow or set "unverified: allow" in .pullguard.yaml';
const ALLOWED = '1 image could not be verified from this machine (1 connection-refused); the unverified policy is "allow", so this does not change the exit code';

function lastLines(stdout: string): string[] {
  return stdout.trimEnd().split('\n').slice(-2);
}

describe('check: images that could not be verified', () => {
  it('by default: exit code 1 and a summary that says why', () => {
    const run = check([]);
    assert.equal(run.stderr, '');
    assert.deepEqual(lastLines(run.stdout), [COUNTS, FAILS]);
    assert.equal(run.code, 1);
  });

  it('--fail-on never does not let an unverified run pass', () => {
    const run = check(['--fail-on', 'never']);
    assert.deepEqual(lastLines(run.stdout), [COUNTS, FAILS]);
    assert.equal(run.code, 1);
  });

  it('--unverified allow: exit code 0, and the summary still says so', () => {
    const run = check(['--unverified', 'allow']);
    assert.deepEqual(lastLines(run.stdout), [COUNTS, ALLOWED]);
    assert.equal(run.code, 0);
  });

  it('unverified: allow in .pullguard.yaml, and --unverified fail overriding it', () => {
    const allowed = check(['-c', join(dir, 'allow.yaml')]);
    assert.deepEqual(lastLines(allowed.stdout), [COUNTS, ALLOWED]);
    assert.equal(allowed.code, 0);
    const failed = check(['-c', join(dir, 'allow.yaml'), '--unverified', 'fail']);
    assert.deepEqual(lastLines(failed.stdout), [COUNTS, FAILS]);
    assert.equal(failed.code, 1);
  });

  it('JSON: summary.images counts them by cause, with the policy', () => {
    for (const [args, policy, code] of [[[], 'fail', 1], [['--unverified', 'allow'], 'allow', 0]] as const) {
      const run = check(['-o', 'json', ...args]);
      const report = JSON.parse(run.stdout) as { summary: { images: unknown } };
      assert.deepEqual(report.summary.images, { checked: 1, verified: 0, failed: 0, unverified: 1, unverifiedByCause: { 'connection-refused': 1 }, nodeIdentity: 0, unverifiedPolicy: policy });
      assert.equal(run.code, code);
    }
  });

  it('a wrong value is a usage or configuration error with the expected values', () => {
    const flag = check(['--unverified', 'yes']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /"yes" is not a policy.*expected one of fail, allow\./);
    const config = check(['-c', join(dir, 'bad.yaml')]);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /bad\.yaml:1:13: unverified: expected one of fail, allow, got "maybe"/);
  });

  it('check --help says what the policy is and how to change it', () => {
    const help = runCli(['check', '--help']).stdout;
    assert.match(help, /--unverified <policy>/);
    assert.match(help, /By default \(--unverified fail\) any\nsuch image makes the exit code 1/);
  });
});
