// The package as a user gets it: `npm pack`, then `npm install --global` of the tarball into a
// temporary prefix, then `pullguard`, `kubectl-pullguard` and `kubectl pullguard` from that prefix,
// run from a folder outside the checkout so that nothing of the work tree can stand in for what
// the tarball lacks. The dependencies come from the npm cache (or the registry the first time).
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { VERSION } from '../../src/version.js';
import { FIXTURES, ROOT, runCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'pullguard-packed-'));
const prefix = join(scratch, 'prefix');
const packageDir = join(prefix, 'lib', 'node_modules', 'pullguard');
const bin = join(prefix, 'bin');
// The installed commands first; node for their `#!/usr/bin/env node` line; then the system's (kubectl).
const PATH = [bin, dirname(process.execPath), process.env['PATH'] ?? '/usr/bin:/bin'].join(delimiter);

after(() => rmSync(scratch, { recursive: true, force: true }));

function npm(args: string[]): string {
  const result = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, timeout: 300_000 });
  assert.equal(result.status, 0, `npm ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function installed(command: string, args: string[], cwd = FIXTURES): Run {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { PATH, HOME: process.env['HOME'] ?? scratch },
    timeout: 60_000,
  });
  if (result.error !== undefined) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface PackEntry {
  filename: string;
  files: { path: string }[];
}

let packed: PackEntry;

before(() => {
  packed = (JSON.parse(npm(['pack', '--json', '--pack-destination', scratch])) as PackEntry[])[0]!;
  mkdirSync(prefix);
  npm(['install', '--global', '--prefix', prefix, join(scratch, packed.filename), '--no-audit', '--no-fund', '--prefer-offline']);
});

describe('the packed tarball', () => {
  it('is named after the package and its version', () => {
    assert.equal(packed.filename, `pullguard-${VERSION}.tgz`);
  });

  it('holds what runs and what explain reads, and nothing else', () => {
    const paths = packed.files.map((file) => file.path);
    for (const path of ['LICENSE', 'README.md', 'package.json', 'bin/pullguard.js', 'dist/pullguard.js', 'build/src/index.js', 'build/src/index.d.ts', 'docs/rules/latest-tag.md', 'docs/causes/image-not-found.md', 'docs/json-output.md']) {
      assert.ok(paths.includes(path), `${path} is missing from the tarball`);
    }
    const strays = paths.filter(
      (path) =>
        !/^(LICENSE|README\.md|package\.json|bin\/pullguard\.js)$/.test(path) &&
        !/^dist\/[\w-]+\.js$/.test(path) &&
        !/^build\/src\/[\w/-]+\.(js|d\.ts)$/.test(path) &&
        !/^docs\/(rules|causes)\/[\w-]+\.md$/.test(path) &&
        path !== 'docs/json-output.md',
    );
    assert.deepEqual(strays, []);
  });

  it('ships the Apache-2.0 text that package.json names', () => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { license: string; repository: { type: string; url: string } };
    assert.equal(manifest.license, 'Apache-2.0');
    assert.deepEqual(manifest.repository, { type: 'git', url: 'git+https://github.com/pullguard/pullguard.git' });
    const license = readFileSync(join(packageDir, 'LICENSE'), 'utf8');
    assert.match(license, /^\s+Apache License\n\s+Version 2\.0, January 2004\n/);
    assert.match(license, /END OF TERMS AND CONDITIONS/);
  });
});

describe('pullguard installed from the tarball', () => {
  it('prints its version', () => {
    assert.deepEqual(installed('pullguard', ['--version'], scratch), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('lints a fixture exactly as the checkout does, exit code 1 for errors', () => {
    const run = installed('pullguard', ['lint', 'webapi-incident', '--target', 'aks', '--no-color']);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^webapi-incident\/webapi-deployment\.cloud\.yaml\n {2}19:18 {2}error {4}"REGISTRY_URL\/webapi:latest" still contains/);
    assert.match(run.stdout, /\n✖ 4 errors, 1 warning in 3 files \(4 objects, 2 containers checked\)\n$/);
    assert.deepEqual(run, { ...runCli(['lint', 'webapi-incident', '--target', 'aks', '--no-color']), code: 1 });
  });

  it('exits 0 on clean manifests', () => {
    const run = installed('pullguard', ['lint', 'webapi-fixed', '--target', 'aks', '--fail-on', 'error', '-o', 'json']);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    assert.equal((JSON.parse(run.stdout) as { summary: { errors: number } }).summary.errors, 0);
  });

  it('explains a rule from the docs inside the package', () => {
    assert.deepEqual(installed('pullguard', ['explain', 'latest-tag', '--format', 'markdown'], scratch), {
      code: 0,
      stdout: readFileSync(join(ROOT, 'docs/rules/latest-tag.md'), 'utf8'),
      stderr: '',
    });
  });

  it('runs as kubectl-pullguard, naming itself `kubectl pullguard`', () => {
    assert.deepEqual(installed('kubectl-pullguard', ['--version'], scratch), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const help = installed('kubectl-pullguard', ['lint', '--help'], scratch);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: kubectl pullguard lint \[options\] \[paths\.\.\.\]\n/);
    const json = installed('kubectl-pullguard', ['lint', 'webapi-incident', '-o', 'json']);
    assert.equal(json.code, 1);
    assert.equal((JSON.parse(json.stdout) as { findings: unknown[] }).findings.length, 5);
  });

  it('runs as a plugin of kubectl itself: `kubectl pullguard`', () => {
    assert.deepEqual(installed('kubectl', ['pullguard', '--version'], scratch), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const run = installed('kubectl', ['pullguard', 'lint', '--bogus'], scratch);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^pullguard: error: unknown option '--bogus'\nhint: run `kubectl pullguard lint --help` for usage\n/);
  });

  it('is importable as a library by its package name', () => {
    const run = installed(process.execPath, ['--input-type=module', '-e', "const lib = await import('pullguard'); console.log(typeof lib.lint, typeof lib.check);"], join(prefix, 'lib'));
    assert.deepEqual(run, { code: 0, stdout: 'function function\n', stderr: '' });
  });
});
