// `pullguard lint -` with a terminal as stdin, under a real pseudo-terminal (util-linux `script`):
// one line on stderr says that it waits for input and how to end it; piped input gets no such line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { STDIN_HINT } from '../../src/cli/stdin-hint.js';
import { BIN, runCli } from './run-cli.js';

const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typed\n';

/** Runs `pullguard ARGS` on a pseudo-terminal, types `typed` after a pause, then Ctrl-D; returns what the terminal showed. */
function onTerminal(args: readonly string[], typed: string): { code: number | null; screen: string } {
  const command = [process.execPath, BIN, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  // The pauses let the program start and print before the "typing", as a person would.
  const feeder = `sleep 1; printf '%s' "$TYPED"; sleep 0.5; printf '\\004'; sleep 3`;
  const result = spawnSync('sh', ['-c', `(${feeder}) | script -qec "$CMD" /dev/null`], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: '/tmp', TYPED: typed, CMD: command, TERM: 'dumb' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error !== undefined) throw result.error;
  return { code: result.status, screen: result.stdout.replace(/\r\n/g, '\n') };
}

describe('lint - on a terminal', () => {
  it('says on stderr that it reads standard input and how to end it, then reads what is typed', { timeout: 40_000 }, () => {
    assert.equal(spawnSync('script', ['--version']).status, 0, 'util-linux `script` is needed to run pullguard on a pseudo-terminal');
    const { code, screen } = onTerminal(['lint', '-', '--no-color'], MANIFEST);
    assert.equal(code, 0, screen);
    assert.deepEqual(screen.split('\n'), [
      STDIN_HINT.trimEnd(),
      ...MANIFEST.trimEnd().split('\n'), // the terminal's echo of the typing
      '✔ No problems found in 1 file (1 object, 0 containers checked)',
      '',
    ]);
  });

  it('prints no such line when stdin is a pipe', () => {
    const run = runCli(['lint', '-'], { input: MANIFEST });
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
  });
});
