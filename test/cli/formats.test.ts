// Every `--format` of `pullguard lint` from the built binary, on the incident manifests: the shape
// each consumer (a terminal, jq, GitHub code scanning, a JUnit reader, a workflow log, a PR comment)
// relies on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Log } from 'sarif';
import { compileSchema, readRepoFile, schemaErrors } from '../unit/formatters/schema-validation.js';
import { runCli } from './run-cli.js';

const ESC = '\u001b';
const INCIDENT_SUMMARY = '4 errors, 1 warning in 3 files (4 objects, 2 containers checked)';

function lint(format: string, env: Record<string, string> = {}, extra: string[] = []): string {
  const run = runCli(['lint', 'webapi-incident', '--format', format, ...extra], { env });
  assert.equal(run.code, 1);
  assert.equal(run.stderr, '');
  return run.stdout;
}

describe('pullguard lint --format text', () => {
  it('groups findings under their file, one row each with line:column, severity and rule, then the verdict', () => {
    const lines = lint('text', { NO_COLOR: '1' }).split('\n');
    assert.equal(lines[0], 'webapi-incident/webapi-deployment.cloud.yaml');
    assert.match(lines[1]!, /^ {2}19:18 {2}error {4}"REGISTRY_URL\/webapi:latest" still contains .+ {2}invalid-image-reference$/);
    assert.equal(lines[2], `${' '.repeat(18)}Deployment/webapi (namespace webapi), container webapi`);
    assert.match(lines[3]!, /^ {18}fix: Replace "REGISTRY_URL" with the registry/);
    assert.equal(lines[4], '');
    assert.equal(lines[5], 'webapi-incident/webapi-deployment.yaml');
    const rows = lines.filter((line) => /^ {2}\d+:\d+ /.test(line)).map((line) => line.replace(/^ {2}(\d+:\d+) .* {2}(\S+)$/, '  $1 $2'));
    assert.deepEqual(rows, ['  19:18 invalid-image-reference', '  10:27 target-mismatch', '  23:18 local-only-image', '  23:18 latest-tag', '  24:28 never-pull-on-remote']);
    assert.deepEqual(lines.slice(-3), ['', `✖ ${INCIDENT_SUMMARY}`, '']);
  });

  it('has no colour with NO_COLOR or when stdout is not a terminal, and colour with FORCE_COLOR or --color', () => {
    const plain = lint('text', { NO_COLOR: '1' });
    assert.ok(!plain.includes(ESC));
    assert.equal(lint('text'), plain, 'a pipe is not a terminal');
    assert.equal(lint('text', { FORCE_COLOR: '1' }, ['--no-color']), plain, '--no-color wins over FORCE_COLOR');

    const coloured = lint('text', { FORCE_COLOR: '1' });
    assert.ok(coloured.startsWith(`${ESC}[4mwebapi-incident/webapi-deployment.cloud.yaml${ESC}[24m\n`), JSON.stringify(coloured.slice(0, 80)));
    assert.ok(coloured.includes(`${ESC}[31merror  ${ESC}[39m`), 'errors in red');
    assert.ok(coloured.includes(`${ESC}[33mwarning${ESC}[39m`), 'warnings in yellow');
    assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), plain, 'the same text once the colour codes are removed');
    assert.equal(lint('text', {}, ['--color']), coloured);
    assert.equal(lint('text', { FORCE_COLOR: '0' }), plain, 'FORCE_COLOR=0 does not force colour');
  });
});

describe('pullguard lint --format sarif', () => {
  it('is valid SARIF 2.1.0 with one result per finding at its file, line and UTF-16 column', () => {
    const log = JSON.parse(lint('sarif')) as Log;
    const validate = compileSchema(JSON.parse(readRepoFile('test/fixtures/sarif/sarif-schema-2.1.0.json')) as object, { strict: false });
    assert.equal(schemaErrors(validate, log), '');
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'pullguard');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const results = (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      return `${location?.artifactLocation?.uri}:${location?.region?.startLine}:${location?.region?.startColumn} ${result.level} ${result.ruleId}`;
    });
    assert.deepEqual(results, [
      'webapi-incident/webapi-deployment.cloud.yaml:19:18 error invalid-image-reference',
      'webapi-incident/webapi-deployment.yaml:10:27 error target-mismatch',
      'webapi-incident/webapi-deployment.yaml:23:18 error local-only-image',
      'webapi-incident/webapi-deployment.yaml:23:18 warning latest-tag',
      'webapi-incident/webapi-deployment.yaml:24:28 error never-pull-on-remote',
    ]);
    for (const result of run.results ?? []) {
      assert.equal(run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id, result.ruleId, 'ruleIndex points at the rule');
    }
  });
});

describe('pullguard lint --format junit', () => {
  it('is JUnit XML: one suite per file, one failure per finding typed by rule', () => {
    const xml = lint('junit');
    const lines = xml.split('\n');
    assert.equal(lines[0], '<?xml version="1.0" encoding="UTF-8"?>');
    assert.equal(lines[1], '<testsuites name="pullguard" tests="3" failures="3" errors="0">');
    assert.deepEqual(
      [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)].map((m) => `${m[1]} ${m[2]}/${m[3]}`),
      ['webapi-incident/webapi-deployment.cloud.yaml 1/1', 'webapi-incident/webapi-deployment.yaml 2/2'],
    );
    assert.deepEqual(
      [...xml.matchAll(/<failure message="[^"]*" type="([^"]+)">(\w+) at (\d+:\d+):/g)].map((m) => `${m[3]} ${m[2]} ${m[1]}`),
      ['19:18 error invalid-image-reference', '10:27 error target-mismatch', '23:18 error local-only-image', '23:18 warning latest-tag', '24:28 error never-pull-on-remote'],
    );
    assert.equal(lines.at(-2), '</testsuites>');
    assert.equal(lines.at(-1), '');
  });
});

describe('pullguard lint --format github', () => {
  it('prints one workflow command per finding with file, line and col, then the verdict', () => {
    const lines = lint('github').split('\n');
    assert.equal(lines.length, 7);
    const commands = lines.slice(0, 5).map((line) => /^::(\w+) (file=[^:]+,line=\d+,col=\d+,title=[\w-]+)::/.exec(line)?.slice(1, 3).join(' '));
    assert.deepEqual(commands, [
      'error file=webapi-incident/webapi-deployment.cloud.yaml,line=19,col=18,title=invalid-image-reference',
      'error file=webapi-incident/webapi-deployment.yaml,line=10,col=27,title=target-mismatch',
      'error file=webapi-incident/webapi-deployment.yaml,line=23,col=18,title=local-only-image',
      'warning file=webapi-incident/webapi-deployment.yaml,line=23,col=18,title=latest-tag',
      'error file=webapi-incident/webapi-deployment.yaml,line=24,col=28,title=never-pull-on-remote',
    ]);
    assert.match(lines[4]!, /::imagePullPolicy: Never makes .+%0AFix: Push "webapi:latest" to a registry/, 'the fix follows an escaped line break');
    assert.equal(lines[5], `pullguard: ${INCIDENT_SUMMARY}`);
    assert.equal(lines[6], '');
  });

  it('leaves the location out for stdin, which has no file in the repository', () => {
    const run = runCli(['lint', '-', '-o', 'github'], { input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n' });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^::warning title=missing-tag::"busybox" has no tag/);
  });
});

describe('pullguard lint --format markdown', () => {
  it('is a heading, the verdict, the target and a table with one row per finding', () => {
    const lines = lint('markdown').split('\n');
    assert.deepEqual(lines.slice(0, 8), [
      '## pullguard',
      '',
      `❌ **4 errors, 1 warning in 3 files** (4 objects, 2 containers checked)`,
      '',
      'Target: `remote` · pullguard 0.1.0',
      '',
      '| Location | Severity | Rule | Object | Message |',
      '| --- | --- | --- | --- | --- |',
    ]);
    const rows = lines.slice(8).filter((line) => line.startsWith('| `'));
    assert.deepEqual(
      rows.map((row) => /^\| `([^`]+)` \| (\w+) \| \[([\w-]+)\]/.exec(row)?.slice(1, 4).join(' ')),
      [
        'webapi-incident/webapi-deployment.cloud.yaml:19:18 error invalid-image-reference',
        'webapi-incident/webapi-deployment.yaml:10:27 error target-mismatch',
        'webapi-incident/webapi-deployment.yaml:23:18 error local-only-image',
        'webapi-incident/webapi-deployment.yaml:23:18 warning latest-tag',
        'webapi-incident/webapi-deployment.yaml:24:28 error never-pull-on-remote',
      ],
    );
  });
});

describe('pullguard lint: a clean run in every format', () => {
  const clean = (format: string): string => {
    const run = runCli(['lint', 'webapi-fixed', '--target', 'aks', '--format', format]);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    return run.stdout;
  };
  const VERDICT = 'No problems found in 2 files (3 objects, 1 container checked)';

  it('says so in each consumer’s terms', () => {
    assert.equal(clean('text'), `✔ ${VERDICT}\n`);
    assert.equal(clean('github'), `pullguard: ${VERDICT}\n`);
    assert.match(clean('markdown'), /^## pullguard\n\n✅ \*\*No problems found in 2 files\*\* \(3 objects, 1 container checked\)\n/);
    assert.match(clean('junit'), new RegExp(`<testsuites name="pullguard" tests="1" failures="0" errors="0">\\n.*\\n {4}<testcase classname="pullguard" name="${VERDICT.replace(/[()]/g, '\\$&')}"/>`));
    assert.deepEqual((JSON.parse(clean('sarif')) as Log).runs[0]?.results, []);
    assert.deepEqual((JSON.parse(clean('json')) as { findings: unknown[] }).findings, []);
  });
});
