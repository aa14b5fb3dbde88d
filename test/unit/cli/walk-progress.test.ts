import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { walkProgressLine } from '../../../src/cli/walk-progress.js';

function terminal(isTTY: boolean): { writes: string[]; write(text: string): void; isTTY: boolean } {
  const writes: string[] = [];
  return { writes, isTTY, write: (text) => void writes.push(text) };
}

describe('walkProgressLine', () => {
  it('stays quiet for the first second, then redraws at most every 100 ms, and erases the line', () => {
    const tty = terminal(true);
    let time = 0;
    const line = walkProgressLine(tty, () => time);
    time = 999;
    line.update({ entries: 500, files: 3 }); // a walk this short prints nothing
    time = 1000;
    line.update({ entries: 12_345, files: 67 });
    time = 1050;
    line.update({ entries: 13_000, files: 70 }); // too soon: skipped
    time = 1100;
    line.update({ entries: 1_234_567, files: 89 });
    line.clear();
    line.clear(); // once erased, nothing more to erase
    assert.deepEqual(tty.writes, [
      '\r\x1b[Kpullguard: searching folders: 12,345 entries, 67 manifest files (narrow the paths to go faster)',
      '\r\x1b[Kpullguard: searching folders: 1,234,567 entries, 89 manifest files (narrow the paths to go faster)',
      '\r\x1b[K',
    ]);
  });

  it('erases nothing when it never drew', () => {
    const tty = terminal(true);
    const line = walkProgressLine(tty, () => 0);
    line.update({ entries: 1, files: 1 });
    line.clear();
    assert.deepEqual(tty.writes, []);
  });

  it('writes nothing when stderr is not a terminal (CI logs, pipes)', () => {
    const pipe = terminal(false);
    let time = 0;
    const line = walkProgressLine(pipe, () => time);
    time = 5000;
    line.update({ entries: 1, files: 1 });
    line.clear();
    assert.deepEqual(pipe.writes, []);
  });
});
