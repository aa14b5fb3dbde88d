// Fuzzing the manifest readers, the rules and every output format with random and mutated
// manifests (test/support/fuzz/), through the library for most cases and through the built CLI
// for a sample. Whatever the input: the exit code is 0, 1 or 2, nothing prints a stack trace, and
// every finding has a file and a line (and a column) inside the input.
//
// A random seed per run explores new inputs each time; a failure prints the seed and the case:
//   PULLGUARD_FUZZ_SEED=1234 npm test -- fuzz        the same run again
//   PULLGUARD_FUZZ_CASE=1234:567 npm test -- fuzz    that one case only
//   PULLGUARD_FUZZ_SECONDS=60 npm test -- fuzz       a longer run (default: 8 s of library cases, then
//                                                    up to 16 CLI cases or 8 s, whichever ends first)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { lint } from '../../src/commands/lint.js';
import { isPullguardError } from '../../src/shared/errors.js';
import { exitCodeFor } from '../../src/core/exit-code.js';
import { DEFAULT_CONFIG } from '../../src/core/pullguard-config.js';
import type { Report } from '../../src/core/types.js';
import { FORMAT_NAMES } from '../../src/formatters/formatter.js';
import { getFormatter } from '../../src/formatters/index.js';
import { RULES } from '../../src/rules/index.js';
import { fuzzInput, MUTATION_NAMES, type FuzzInput } from '../support/fuzz/manifest-inputs.js';
import { Random } from '../support/fuzz/random.js';
import { BIN } from './run-cli.js';

const SEED = Number(process.env['PULLGUARD_FUZZ_SEED'] ?? Math.floor(Math.random() * 0x7fffffff));
const ONLY_CASE = /^(\d+):(\d+)$/.exec(process.env['PULLGUARD_FUZZ_CASE'] ?? '');
const BUDGET_MS = Number(process.env['PULLGUARD_FUZZ_SECONDS'] ?? 8) * 1000;
const LIBRARY_MAX_CASES = 20_000;
/** Every run reads at least this many cases through the library, however slow the machine. */
const LIBRARY_MIN_CASES = 50;
const CLI_MAX_CASES = 16;
/** Every run spawns at least this many CLI processes, however slow the machine. */
const CLI_MIN_CASES = 4;
/** Case numbers of the CLI sample start here, so that they are other inputs than the library's. */
const CLI_FIRST_CASE = 1_000_000;

/** A line of a JavaScript stack trace, as `internal error` output would show it. */
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

const work = mkdtempSync(join(tmpdir(), 'pullguard-fuzz-'));
after(() => rmSync(work, { recursive: true, force: true }));

function describeCase(seed: number, index: number, input: FuzzInput): string {
  const preview = input.bytes.subarray(0, 600).toString('latin1').replace(/[^\x20-\x7e\n]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `fuzz case ${seed}:${index} (replay: PULLGUARD_FUZZ_CASE=${seed}:${index}); made by ${input.recipe.join(' → ')}; ${input.bytes.length} bytes, starting:\n${preview}`;
}

/** Lines the input can have, whatever the line-break convention: findings must point inside it. */
function maxLine(bytes: Buffer): number {
  let breaks = 0;
  for (const byte of bytes) if (byte === 0x0a || byte === 0x0d) breaks++;
  // U+2028/U+2029 and U+0085 are line breaks to some readers; each takes two or three bytes.
  return breaks + bytes.length / 2 + 1;
}

function assertFindingsPointInside(report: Report, bytes: Buffer, files: readonly string[], context: string): void {
  const limit = maxLine(bytes);
  for (const finding of report.findings) {
    assert.ok(files.includes(finding.file), `finding without the input's file (${JSON.stringify(finding.file)}): ${context}`);
    assert.ok(Number.isInteger(finding.line) && finding.line >= 1 && finding.line <= limit, `finding at line ${finding.line}: ${context}`);
    assert.ok(Number.isInteger(finding.column) && finding.column >= 1, `finding at column ${finding.column}: ${context}`);
    assert.ok(typeof finding.ruleId === 'string' && finding.ruleId !== '' && typeof finding.message === 'string' && finding.message !== '', context);
    assert.doesNotMatch(finding.message, STACK_LINE, context);
  }
  const { errors, warnings, infos } = report.summary;
  assert.equal(errors + warnings + infos, report.findings.length, context);
}

/** One case through the library: the same path the CLI takes, minus the process. */
async function libraryCase(seed: number, index: number): Promise<'report' | 'usage-error'> {
  const random = Random.forCase(seed, index);
  const input = fuzzInput(random);
  const context = describeCase(seed, index, input);
  // Most cases arrive on stdin; some as a file, where the name (.json or not) changes nothing but the display.
  const asFile = random.chance(0.25);
  const file = asFile ? `case-${index}.${random.pick(['yaml', 'yml', 'json', 'txt'])}` : '<stdin>';
  if (asFile) writeFileSync(join(work, file), input.bytes);
  let report: Report;
  try {
    report = await lint({
      paths: [asFile ? file : '-'],
      cwd: work,
      stdin: Readable.from([input.bytes]),
      config: DEFAULT_CONFIG,
      target: random.pick(['remote', 'kind', 'aks', 'openshift']),
    });
  } catch (error) {
    // A usage error (empty stdin, nothing to read) is exit code 2 with one line; anything else is a crash.
    if (isPullguardError(error)) {
      assert.doesNotMatch(error.message, STACK_LINE, context);
      return 'usage-error';
    }
    assert.fail(`${context}\nthrew ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    if (asFile) rmSync(join(work, file), { force: true });
  }
  assert.ok([0, 1].includes(exitCodeFor(report.summary, 'error')), context);
  assertFindingsPointInside(report, input.bytes, [file], context);
  const format = random.pick(FORMAT_NAMES);
  let output: string;
  try {
    output = getFormatter(format)!(report, { color: random.chance(0.3), rules: RULES.map((rule) => rule.meta) });
  } catch (error) {
    assert.fail(`${context}\n--format ${format} threw ${error instanceof Error ? error.stack : String(error)}`);
  }
  assert.doesNotMatch(output, STACK_LINE, `${context}\n--format ${format}`);
  return 'report';
}

describe('fuzz: manifest readers, rules and formats', () => {
  it('every mutation kind is drawn from (the generator covers what it claims)', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 3000; index++) for (const step of fuzzInput(Random.forCase(7, index)).recipe) seen.add(step);
    assert.deepEqual(MUTATION_NAMES.filter((name) => !seen.has(name)), []);
  });

  it(`through the library: random and mutated manifests (seed ${SEED})`, { timeout: 300_000 }, async () => {
    if (ONLY_CASE !== null) {
      await libraryCase(Number(ONLY_CASE[1]), Number(ONLY_CASE[2]));
      return;
    }
    const started = Date.now();
    const outcomes = { report: 0, 'usage-error': 0 };
    let index = 0;
    while (index < LIBRARY_MAX_CASES && (index < LIBRARY_MIN_CASES || Date.now() - started < BUDGET_MS)) {
      outcomes[await libraryCase(SEED, index)]++;
      index++;
    }
    console.log(`# fuzz: ${index} library cases, seed ${SEED}, ${JSON.stringify(outcomes)}`);
  });

  it(`through the built CLI: a sample of the same kind of input (seed ${SEED})`, { timeout: 300_000 }, () => {
    const first = ONLY_CASE === null ? CLI_FIRST_CASE : Number(ONLY_CASE[2]);
    const seed = ONLY_CASE === null ? SEED : Number(ONLY_CASE[1]);
    const count = ONLY_CASE === null ? CLI_MAX_CASES : 1;
    const started = Date.now();
    const codes = new Set<number>();
    for (let index = first; index < first + count; index++) {
      if (index - first >= CLI_MIN_CASES && Date.now() - started > BUDGET_MS) break;
      const random = Random.forCase(seed, index);
      const input = fuzzInput(random);
      const format = random.pick(['json', 'json', ...FORMAT_NAMES]);
      const context = `${describeCase(seed, index, input)}\n(pullguard lint - --format ${format})`;
      const result = spawnSync(process.execPath, [BIN, 'lint', '-', '--format', format], {
        cwd: work,
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: work },
        input: input.bytes,
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 256 * 1024 * 1024,
      });
      assert.equal(result.error, undefined, context);
      assert.equal(result.signal, null, context);
      const code = result.status ?? -1;
      codes.add(code);
      assert.ok([0, 1, 2].includes(code), `exit code ${code}: ${context}\n${result.stderr}`);
      assert.doesNotMatch(result.stderr, STACK_LINE, context);
      assert.doesNotMatch(result.stderr, /internal error/, context);
      assert.doesNotMatch(result.stdout, STACK_LINE, context);
      if (code === 2) {
        assert.equal(result.stdout, '', context);
        assert.match(result.stderr, /^pullguard: /, context);
      } else if (format === 'json') {
        const report = JSON.parse(result.stdout) as Report;
        assertFindingsPointInside(report, input.bytes, ['<stdin>'], context);
        assert.equal(code, report.summary.errors > 0 ? 1 : 0, context);
      }
    }
    console.log(`# fuzz: CLI exit codes seen: ${[...codes].sort().join(', ')}`);
  });
});
