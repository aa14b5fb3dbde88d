import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressLine } from '../../../src/cli/progress-line.js';

function terminal(isTTY: boolean): { writes: string[]; write(text: string): void; isTTY: boolean } {
  const writes: string[] = [];
  return { writes, isTTY, write: (text) => void writes.push(text) };
}

describe('progressLine', () => {
  it('redraws one line in place on a terminal, at most every 100 ms, always the last count, and erases it', () => {
    const tty = terminal(true);
    let time = 0;
    const line = progressLine(tty, 'checking images', () => time);
    line.update(1, 3);
    time = 50;
    line.update(2, 3); // too soon: skipped
    time = 60;
    line.update(3, 3); // the last one is always drawn
    line.clear();
    assert.deepEqual(tty.writes, ['\r\x1b[Kchecking images 1/3', '\r\x1b[Kchecking images 3/3', '\r\x1b[K']);
  });

  it('writes nothing when stderr is not a terminal (CI logs, pipes)', () => {
    const pipe = terminal(false);
    const line = progressLine(pipe, 'checking images');
    line.update(1, 1);
    line.clear();
    assert.deepEqual(pipe.writes, []);
  });

  it('erases nothing when it never drew', () => {
    const tty = terminal(true);
    progressLine(tty, 'checking images').clear();
    assert.deepEqual(tty.writes, []);
  });
});
