// The command line itself: mistakes get one line and a hint with exit code 2, never a stack trace;
// --version, --help, the kubectl plugin name, and a reader that closes the pipe early.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Report } from '../../src/core/types.js';
import { TARGET_IDS } from '../../src/detect/target-profile.js';
import { VERSION } from '../../src/version.js';
import { assertUserError, BIN, runCli } from './run-cli.js';

const scratch: string[] = [];
after(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pullguard-usage-'));
  scratch.push(dir);
  return dir;
}

const LINT_HINT = 'hint: run `pullguard lint --help` for usage';

describe('pullguard: mistakes on the command line', () => {
  const cases: { name: string; args: string[]; lines: string[] }[] = [
    {
      name: 'an unknown flag',
      args: ['lint', 'warnings-only', '--bogus'],
      lines: ["pullguard: error: unknown option '--bogus'", LINT_HINT],
    },
    {
      name: 'a mistyped flag, with the suggestion on the same line',
      args: ['lint', 'warnings-only', '--formt', 'json'],
      lines: ["pullguard: error: unknown option '--formt' (did you mean --format?)", LINT_HINT],
    },
    {
      name: 'an unknown target, with the nearest one',
      args: ['lint', 'warnings-only', '--target', 'minikub'],
      lines: [
        `pullguard: error: option '-t, --target <target>' argument 'minikub' is invalid. "minikub" is not a target (did you mean "minikube"?); expected one of ${TARGET_IDS.join(', ')}.`,
        LINT_HINT,
      ],
    },
    {
      name: 'an unknown format',
      args: ['lint', 'warnings-only', '-o', 'xml'],
      lines: [
        `pullguard: error: option '-o, --format <format>' argument 'xml' is invalid. "xml" is not a format; expected one of text, json, sarif, junit, github, markdown.`,
        LINT_HINT,
      ],
    },
    {
      name: 'an unknown --fail-on level',
      args: ['lint', 'warnings-only', '--fail-on', 'errors'],
      lines: [
        `pullguard: error: option '--fail-on <level>' argument 'errors' is invalid. "errors" is not a level (did you mean "error"?); expected one of error, warning, info, never.`,
        LINT_HINT,
      ],
    },
    {
      name: 'a flag without its value',
      args: ['lint', 'warnings-only', '--target'],
      lines: ["pullguard: error: option '-t, --target <target>' argument missing", LINT_HINT],
    },
    {
      name: 'an unknown command',
      args: ['lnt', 'warnings-only'],
      lines: ["pullguard: error: unknown command 'lnt' (did you mean lint?)", 'hint: run `pullguard --help` for usage'],
    },
  ];
  for (const { name, args, lines } of cases) {
    it(`${name}: exit 2, one line and a hint`, () => {
      assertUserError(runCli(args), lines);
    });
  }
});

describe('pullguard --version and --help', () => {
  it('--version and -V print the version alone', () => {
    for (const flag of ['--version', '-V']) {
      const run = runCli([flag]);
      assert.equal(run.stdout, `${VERSION}\n`);
      assert.equal(run.stderr, '');
      assert.equal(run.code, 0);
    }
  });

  it('lint --help names every target, the exit codes and stdin, and ends with a newline', () => {
    const run = runCli(['lint', '--help']);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^Usage: pullguard lint \[options\] \[paths\.\.\.\]\n/);
    assert.ok(run.stdout.includes(`Targets: ${TARGET_IDS.join(', ')}.\n`), run.stdout);
    assert.match(run.stdout, /-t, --target <target>/);
    assert.match(run.stdout, /Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error\./);
    assert.match(run.stdout, /or - for stdin/);
    assert.ok(run.stdout.endsWith('RULE-ID\n'));
    assert.equal(runCli(['help', 'lint']).stdout, run.stdout);
  });

  it('--help lists the lint command', () => {
    const run = runCli(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: pullguard \[options\] \[command\]\n/);
    assert.match(run.stdout, /\n {2}lint \[options\] \[paths\.\.\.\] +check manifests for a target, without a cluster\n/);
  });

  it('without a command prints the help on stderr and exits 2', () => {
    const run = runCli([]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^Usage: pullguard \[options\] \[command\]\n/);
  });
});

describe('pullguard as a kubectl plugin', () => {
  it('runs as kubectl-pullguard and names itself `kubectl pullguard` in usage and hints', () => {
    const link = join(scratchDir(), 'kubectl-pullguard');
    symlinkSync(BIN, link);
    const json = runCli(['lint', 'webapi-incident', '-o', 'json'], { script: link });
    assert.equal(json.code, 1);
    assert.equal((JSON.parse(json.stdout) as Report).findings.length, 5);
    assert.match(runCli(['lint', '--help'], { script: link }).stdout, /^Usage: kubectl pullguard lint \[options\] \[paths\.\.\.\]\n/);
    assertUserError(runCli(['lint', '--bogus'], { script: link }), [
      "pullguard: error: unknown option '--bogus'",
      'hint: run `kubectl pullguard lint --help` for usage',
    ]);
  });
});

describe('pullguard output into a pipe closed early', () => {
  it('exits with the verdict, without an EPIPE error, when the reader stops reading (`| head -1`)', async () => {
    const dir = scratchDir();
    // Enough findings that the report is larger than a pipe's buffer, so that a write meets the closed end.
    for (let i = 0; i < 300; i++) {
      writeFileSync(join(dir, `app-${String(i).padStart(3, '0')}.yaml`), `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app-${i}\nspec:\n  containers:\n    - name: app\n      image: app-${i}:latest\n      imagePullPolicy: Never\n`);
    }
    const child = spawn(process.execPath, [BIN, 'lint', '.'], { cwd: dir, env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const firstChunk = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    assert.match(firstChunk, /^app-000\.yaml\n/);
    assert.equal(stderr, '');
    assert.equal(code, 1);
  });
});
