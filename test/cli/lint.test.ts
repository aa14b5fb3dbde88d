// `pullguard lint` end to end: the built binary on the fixture directories of test/fixtures/cli,
// asserting the JSON contract, the exact findings and the exit codes.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Finding, Report } from '../../src/core/types.js';
import { JSON_REPORT_SCHEMA } from '../../src/formatters/json-report-schema.js';
import { VERSION } from '../../src/version.js';
import { compileSchema, schemaErrors } from '../unit/formatters/schema-validation.js';
import { assertUserError, FIXTURES, ROOT, runCli } from './run-cli.js';

const validateReport = compileSchema(JSON_REPORT_SCHEMA, { strict: false });

/** `--format json`, parsed and checked against the published schema. */
function lintJson(args: readonly string[], options: Parameters<typeof runCli>[1] = {}): { code: number; report: Report; stderr: string } {
  const run = runCli(['lint', '--format', 'json', ...args], options);
  assert.ok(run.stdout.endsWith('}\n'), `not a JSON report:\n${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(run.stdout) as Report;
  assert.equal(schemaErrors(validateReport, report), '');
  return { code: run.code, report, stderr: run.stderr };
}

/** What a finding's identity is: rule, severity and place. */
function where(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`);
}

const scratch: string[] = [];
after(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function scratchDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pullguard-cli-'));
  scratch.push(dir);
  // Settings discovery stops at a repository root; this keeps a stray .pullguard.yaml above /tmp out.
  mkdirSync(join(dir, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const INCIDENT = [
  'webapi-incident/webapi-deployment.cloud.yaml:19:18 error invalid-image-reference',
  'webapi-incident/webapi-deployment.yaml:10:27 error target-mismatch',
  'webapi-incident/webapi-deployment.yaml:23:18 error local-only-image',
  'webapi-incident/webapi-deployment.yaml:23:18 warning latest-tag',
  'webapi-incident/webapi-deployment.yaml:24:28 error never-pull-on-remote',
];

describe('pullguard lint --format json', () => {
  it('reports the incident manifests exactly, for a remote cluster by default', () => {
    const { code, report, stderr } = lintJson(['webapi-incident']);
    assert.equal(code, 1);
    assert.equal(stderr, '');
    assert.equal(report.target, 'remote');
    assert.deepEqual(where(report.findings), INCIDENT);
    assert.deepEqual(report.summary, { errors: 4, warnings: 1, infos: 0, files: 3, objects: 4, containers: 2, imageSites: 2, fallbackImageSites: 0, skippedDocuments: 0, ignored: 0 });
  });

  it('keeps the schemaVersion 1 contract: field order, tool, and every field of a finding', () => {
    const { report } = lintJson(['webapi-incident']);
    assert.deepEqual(Object.keys(report), ['schemaVersion', 'tool', 'target', 'findings', 'summary']);
    assert.equal(report.schemaVersion, 1);
    assert.deepEqual(report.tool, { name: 'pullguard', version: VERSION });
    const never = report.findings.find((f) => f.ruleId === 'never-pull-on-remote');
    assert.deepEqual(Object.keys(never ?? {}), ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'object', 'container', 'image', 'path', 'remediation']);
    assert.deepEqual(never?.object, { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'webapi', name: 'webapi' });
    assert.equal(never?.container, 'webapi');
    assert.equal(never?.image, 'webapi:latest');
    assert.equal(never?.path, 'spec.template.spec.containers[0].imagePullPolicy');
    assert.match(never?.message ?? '', /ErrImageNeverPull/);
    const mismatch = report.findings.find((f) => f.ruleId === 'target-mismatch');
    assert.equal(mismatch?.path, 'metadata.annotations["pullguard.dev/target"]');
    assert.equal(mismatch?.container, undefined, 'optional fields are absent, never null');
  });

  it('reports the same findings for the example in examples/webapi/incident, and passes the fixed one', () => {
    const incident = lintJson(['examples/webapi/incident'], { cwd: ROOT });
    assert.deepEqual(where(incident.report.findings), INCIDENT.map((line) => line.replace('webapi-incident/', 'examples/webapi/incident/')));
    assert.equal(incident.code, 1);
    // The fixed example's own .pullguard.yaml (target: aks) applies when lint runs in its folder.
    const fixed = lintJson([], { cwd: join(ROOT, 'examples/webapi/fixed') });
    assert.equal(fixed.report.target, 'aks');
    assert.deepEqual(fixed.report.findings, []);
    assert.equal(fixed.code, 0);
  });

  it('passes the fixed manifests for AKS, from their folder, with their .pullguard.yaml read but not linted', () => {
    const { code, report } = lintJson([], { cwd: join(FIXTURES, 'webapi-fixed') });
    assert.equal(code, 0);
    assert.equal(report.target, 'aks');
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.summary, { errors: 0, warnings: 0, infos: 0, files: 2, objects: 3, containers: 1, imageSites: 1, fallbackImageSites: 0, skippedDocuments: 0, ignored: 0 });
  });

  it('reports a syntax error where it is and still checks the other documents of the file', () => {
    const { code, report } = lintJson(['broken']);
    assert.equal(code, 1);
    assert.deepEqual(where(report.findings), ['broken/app.yaml:6:9 error yaml-syntax', 'broken/app.yaml:16:24 error never-pull-on-remote']);
    assert.equal(report.findings[0]?.message, 'this double-quoted string is never closed (missing ")');
    assert.deepEqual(report.findings[0]?.object, { apiVersion: '', kind: '' });
  });
});

describe('pullguard lint: exit codes and --fail-on', () => {
  const cases: { args: string[]; code: number }[] = [
    // Errors and a warning.
    { args: ['webapi-incident'], code: 1 },
    { args: ['webapi-incident', '--fail-on', 'error'], code: 1 },
    { args: ['webapi-incident', '--fail-on', 'warning'], code: 1 },
    { args: ['webapi-incident', '--fail-on', 'never'], code: 0 },
    // Warnings only.
    { args: ['warnings-only'], code: 0 },
    { args: ['warnings-only', '--fail-on', 'error'], code: 0 },
    { args: ['warnings-only', '--fail-on', 'warning'], code: 1 },
    { args: ['warnings-only', '--fail-on', 'info'], code: 1 },
    { args: ['warnings-only', '--fail-on', 'never'], code: 0 },
    // Nothing at all.
    { args: ['webapi-fixed', '--target', 'aks', '--fail-on', 'info'], code: 0 },
  ];
  for (const { args, code } of cases) {
    it(`lint ${args.join(' ')} → ${code}`, () => {
      const run = runCli(['lint', ...args]);
      assert.equal(run.code, code, run.stdout + run.stderr);
      assert.equal(run.stderr, '');
    });
  }

  it('reports the warnings it does not fail on', () => {
    const { code, report } = lintJson(['warnings-only']);
    assert.equal(code, 0);
    assert.deepEqual(where(report.findings), [
      'warnings-only/web.yaml:17:18 warning latest-tag',
      'warnings-only/web.yaml:19:18 warning missing-tag',
    ]);
  });
});

describe('pullguard lint: --target and settings', () => {
  it('--target changes the verdict: the incident Deployment is fine for a local cluster', () => {
    const { code, report } = lintJson(['webapi-incident/webapi-deployment.yaml', '--target', 'docker-desktop']);
    assert.equal(report.target, 'docker-desktop');
    assert.deepEqual(where(report.findings), ['webapi-incident/webapi-deployment.yaml:23:18 warning latest-tag']);
    assert.equal(code, 0);
  });

  it('finds .pullguard.yaml in a parent of the working directory: its target and rule severities apply', () => {
    const { code, report } = lintJson([], { cwd: join(FIXTURES, 'project/k8s') });
    assert.equal(report.target, 'kind');
    // latest-tag is off and missing-tag raised to an error by the settings; Never is fine on kind.
    assert.deepEqual(where(report.findings), ['apps/worker.yaml:15:22 error missing-tag', 'apps/worker.yaml:21:32 info never-pull-on-remote']);
    assert.equal(code, 1);
  });

  it('--target wins over the target of .pullguard.yaml, whose rule severities still apply', () => {
    const { report } = lintJson(['--target', 'remote'], { cwd: join(FIXTURES, 'project/k8s') });
    assert.equal(report.target, 'remote');
    assert.deepEqual(where(report.findings), [
      'apps/worker.yaml:15:22 error missing-tag',
      'apps/worker.yaml:20:22 error local-only-image',
      'apps/worker.yaml:21:32 error never-pull-on-remote',
    ]);
  });

  it('--config replaces the discovered file: its target, failOn and severities', () => {
    const { code, report } = lintJson(['--config', '../../configs/strict.yaml'], { cwd: join(FIXTURES, 'project/k8s') });
    assert.equal(report.target, 'eks');
    assert.deepEqual(where(report.findings), [
      'apps/worker.yaml:15:22 warning missing-tag',
      'apps/worker.yaml:18:22 warning latest-tag',
      'apps/worker.yaml:20:22 error local-only-image',
      'apps/worker.yaml:21:32 warning never-pull-on-remote',
    ]);
    assert.equal(code, 1);
  });

  it('failOn from the settings decides the exit code, and --fail-on overrides it', () => {
    const dir = scratchDir({ '.pullguard.yaml': 'failOn: warning\n', 'k8s/web.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n' });
    assert.equal(runCli(['lint'], { cwd: dir }).code, 1);
    assert.equal(runCli(['lint', '--fail-on', 'error'], { cwd: join(dir, 'k8s') }).code, 0);
  });

  it('a settings mistake exits 2 with file:line:column, a hint and no stack trace', () => {
    const run = runCli(['lint'], { cwd: join(FIXTURES, 'bad-config') });
    assertUserError(run, [
      'pullguard: .pullguard.yaml:3:3: unknown rule "latest-tagg" (did you mean "latest-tag"?)',
      'hint: Run `pullguard explain --list` to see every rule id.',
    ]);
  });

  it('shows a discovered settings file relative to the working directory', () => {
    const run = runCli(['lint', '.'], { cwd: join(FIXTURES, 'bad-config') });
    assert.match(run.stderr, /^pullguard: \.pullguard\.yaml:3:3: /);
    const nested = scratchDir({ '.pullguard.yaml': 'target: akss\n', 'deploy/app.yaml': 'kind: x\n' });
    assertUserError(runCli(['lint'], { cwd: join(nested, 'deploy') }), [
      `pullguard: ../.pullguard.yaml:1:9: target: expected one of kind, minikube, docker-desktop, k3d, k3s, microk8s, rancher-desktop, orbstack, colima, aks, eks, gke, openshift, remote, got "akss" (did you mean "aks"?)`,
    ]);
  });

  it('invalid YAML in the settings exits 2 at its position', () => {
    const dir = scratchDir({ '.pullguard.yaml': 'target: kind\nrules: [\n', 'app.yaml': 'kind: x\n' });
    const run = runCli(['lint'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^pullguard: \.pullguard\.yaml:3:1: invalid YAML: .+\n$/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it('a --config file that does not exist exits 2 and names it', () => {
    assertUserError(runCli(['lint', 'warnings-only', '--config', 'nowhere.yaml']), ['pullguard: nowhere.yaml: config file not found']);
  });
});

describe('pullguard lint: paths and stdin', () => {
  it('lints the current directory when no path is given', () => {
    const { report } = lintJson([], { cwd: join(FIXTURES, 'webapi-incident') });
    assert.deepEqual(where(report.findings), INCIDENT.map((line) => line.replace('webapi-incident/', '')));
  });

  it('a path that does not exist exits 2 with one line and a hint', () => {
    assertUserError(runCli(['lint', 'warnings-only', 'missing.yaml']), [
      'pullguard: missing.yaml: no such file or directory',
      'hint: Pass files or directories of Kubernetes manifests, or - to read stdin.',
    ]);
  });

  it('a directory without manifests exits 2 and says so', () => {
    assertUserError(runCli(['lint', 'no-manifests']), [
      'pullguard: no manifest files (.yaml, .yml, .json) found in no-manifests',
      'hint: Pass the files or directories that hold your Kubernetes manifests, or - to read stdin.',
    ]);
  });

  it('reads - from stdin, as <stdin>, beside files', () => {
    const deployment = runCli(['lint', '-', 'warnings-only', '--format', 'json'], {
      input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: piped\nspec:\n  containers:\n    - name: app\n      image: app:dev\n      imagePullPolicy: Never\n',
    });
    const report = JSON.parse(deployment.stdout) as Report;
    assert.deepEqual(where(report.findings), [
      '<stdin>:8:14 error local-only-image',
      '<stdin>:9:24 error never-pull-on-remote',
      'warnings-only/web.yaml:17:18 warning latest-tag',
      'warnings-only/web.yaml:19:18 warning missing-tag',
    ]);
    assert.equal(report.summary.files, 2);
    assert.equal(deployment.code, 1);
  });

  it('empty stdin (the command before the pipe failed) exits 2 instead of reporting no problems', () => {
    assertUserError(runCli(['lint', '-'], { input: '\n  \n' }), [
      'pullguard: stdin is empty: nothing to check',
      'hint: Did the command before the pipe fail? Run it on its own to see its error.',
    ]);
  });

  it('refuses an alias bomb on stdin with one clear finding', () => {
    const levels = ['  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [i, name] of [...'bcdefghi'].entries()) levels.push(`  ${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`);
    const run = runCli(['lint', '-'], { input: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n${levels.join('\n')}\n` });
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^<stdin>\n {2}11:10 {2}error {4}aliases expand to more than 100000 nodes \(a "billion laughs" alias bomb\?\); document not read {2}yaml-syntax\n/);
  });

  it('turns refused input into a finding at its position and checks the other files', () => {
    const dir = scratchDir({ 'a-binary.yaml': 'apiVersion: v1\nkind: \u0000\n', 'b.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n' });
    const { code, report } = lintJson([], { cwd: dir });
    assert.deepEqual(where(report.findings), ['a-binary.yaml:2:7 error yaml-syntax', 'b.yaml:8:14 warning missing-tag']);
    assert.equal(report.findings[0]?.message, 'binary file (NUL byte); not a manifest');
    assert.equal(code, 1);
  });
});
