// A line on stderr while a directory walk takes long (`pullguard lint ~`), so that a slow walk is
// seen for what it is instead of looking hung. Only on a terminal, and only after a second: a walk
// of a repository ends well before that and should print nothing.
import type { WalkProgress } from '../gateways/files/walk-directory.js';

interface Terminal {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface WalkProgressLine {
  update(progress: WalkProgress): void;
  clear(): void;
}

const QUIET_MS = 1000;
const REDRAW_MS = 100;

export function walkProgressLine(stream: Terminal, now: () => number = Date.now): WalkProgressLine {
  if (stream.isTTY !== true) return { update() {}, clear() {} };
  const started = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update({ entries, files }) {
      const time = now();
      if (time - started < QUIET_MS || time - last < REDRAW_MS) return;
      last = time;
      drawn = true;
      const count = (n: number): string => n.toLocaleString('en-US');
      stream.write(`\r\x1b[Kpullguard: searching folders: ${count(entries)} entries, ${count(files)} manifest files (narrow the paths to go faster)`);
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
