// `.pullguard.yaml` with several mistakes, through the built CLI: every one is reported at once,
// each with file:line:column and what was expected, exit code 2, nothing on stdout, no stack trace.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TARGET_IDS } from '../../src/detect/target-profile.js';
import { assertUserError, runCli } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'pullguard-config-errors-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';

describe('pullguard with a settings file holding several mistakes', () => {
  writeFileSync(join(scratch, 'pod.yaml'), POD);
  writeFileSync(
    join(scratch, 'settings.yaml'),
    ['target: azure', 'rules:', '  latest-tags: off', '  missing-tag: fatal', 'registries:', '  localhost:5000:', '    plainHttp: yes please', 'platforms:', 'failon: error', ''].join('\n'),
  );
  const expected = [
    'pullguard: settings.yaml: 6 errors',
    `  settings.yaml:1:9: target: expected one of ${TARGET_IDS.join(', ')}, got "azure"`,
    '  settings.yaml:3:3: unknown rule "latest-tags" (did you mean "latest-tag"?)',
    '  settings.yaml:4:16: rules.missing-tag: expected one of off, error, warning, info, got "fatal"',
    '  settings.yaml:7:16: registries.localhost:5000.plainHttp: expected true or false, got "yes please"',
    '  settings.yaml:8:11: platforms: expected a list of strings, got nothing',
    '  settings.yaml:9:1: unknown key "failon" (did you mean "failOn"?); expected one of target, failOn, rules, registries, platforms, unverified, clusters',
    'hint: Run `pullguard explain --list` to see every rule id.',
  ];

  it('lint reports all of them and exits 2', () => {
    assertUserError(runCli(['lint', 'pod.yaml', '--config', 'settings.yaml'], { cwd: scratch }), expected);
  });

  it('check reports the same before asking any registry', () => {
    assertUserError(runCli(['check', 'pod.yaml', '--config', 'settings.yaml'], { cwd: scratch }), expected);
  });

  it('a single mistake stays one line', () => {
    writeFileSync(join(scratch, 'one.yaml'), 'target: aks\nfailOn: errors\n');
    assertUserError(runCli(['lint', 'pod.yaml', '--config', 'one.yaml'], { cwd: scratch }), [
      'pullguard: one.yaml:2:9: failOn: expected one of error, warning, info, never, got "errors" (did you mean "error"?)',
    ]);
  });
});

describe('pullguard with a settings file it cannot read', () => {
  it('names a directory given as --config for what it is', () => {
    assertUserError(runCli(['lint', 'pod.yaml', '--config', '.'], { cwd: scratch }), [
      'pullguard: .: cannot read config file: it is a directory, expected a YAML file (EISDIR)',
    ]);
  });
});
