// Runs the built CLI (`node bin/pullguard.js`, which loads the esbuild bundle in dist/) as a user
// would: a separate process, its own working directory, stdin, environment and exit code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/control-plane/repo-root.js';

export const ROOT = repoRoot();
export const BIN = join(ROOT, 'bin/pullguard.js');
export const FIXTURES = join(ROOT, 'test/fixtures/cli');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Working directory; defaults to test/fixtures/cli. */
  cwd?: string;
  input?: string | Buffer;
  /** Added to a minimal environment (no NO_COLOR, FORCE_COLOR or CI from the test run's own). */
  env?: Record<string, string>;
  /** The script to run instead of bin/pullguard.js (a kubectl-pullguard link). */
  script?: string;
}

/**
 * The HOME of every run unless a test gives its own: empty, so that no run ever reads this
 * machine's kubeconfig (check would read its cluster) or docker config.
 */
let emptyHome: string | undefined;
function isolatedHome(): string {
  if (emptyHome === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'pullguard-cli-home-'));
    emptyHome = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return emptyHome;
}

export function runCli(args: readonly string[], options: CliOptions = {}): CliRun {
  assert.ok(existsSync(join(ROOT, 'dist/pullguard.js')), 'dist/pullguard.js is missing: run `node scripts/build.mjs` first');
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: isolatedHome(), ...options.env };
  const result = spawnSync(process.execPath, [options.script ?? BIN, ...args], {
    cwd: options.cwd ?? FIXTURES,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error !== undefined) throw result.error;
  assert.equal(result.signal, null, `pullguard was killed by ${String(result.signal)}; stderr:\n${result.stderr}`);
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Asserts a user error: exit code 2, nothing on stdout, and no stack trace or internal-error text on stderr. */
export function assertUserError(run: CliRun, lines: readonly string[]): void {
  assert.equal(run.stdout, '', 'a user error prints nothing on stdout');
  assert.deepEqual(run.stderr.split('\n'), [...lines, '']);
  assert.doesNotMatch(run.stderr, /\n\s+at |internal error|Error:/);
  assert.equal(run.code, 2);
}
