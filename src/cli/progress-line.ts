// One line on stderr that counts registry checks while they run, redrawn in place, and erased
// before the report is printed. Only on a terminal: a CI log or a pipe gets no carriage returns.
export interface ProgressLine {
  update(done: number, total: number): void;
  clear(): void;
}

interface Terminal {
  write(text: string): unknown;
  isTTY?: boolean;
}

const NO_PROGRESS: ProgressLine = { update() {}, clear() {} };
/** Redraws at most this often: a fast run should not spend its time repainting. */
const REDRAW_MS = 100;

export function progressLine(stream: Terminal, label: string, now: () => number = Date.now): ProgressLine {
  if (stream.isTTY !== true) return NO_PROGRESS;
  let drawn = false;
  let last = -Infinity;
  return {
    update(done, total) {
      const time = now();
      if (done < total && time - last < REDRAW_MS) return;
      last = time;
      drawn = true;
      stream.write(`\r\x1b[K${label} ${done}/${total}`);
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
