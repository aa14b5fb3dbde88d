// A unified diff of two texts (`diff -u` format, 3 lines of context), for `render --diff`. Lines
// are compared by a shortest edit script (Myers' O(ND) algorithm): render changes few lines of a
// file, so D stays small however long the file. Pure.

export interface DiffLabels {
  from: string;
  to: string;
}

const CONTEXT = 3;

/** The diff of `before` → `after`, or '' when they are equal. */
export function unifiedDiff(before: string, after: string, labels: DiffLabels): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  // A last line without its line break differs from the same text with one.
  const script = editScript(keys(a), keys(b));
  const hunks = groupHunks(script, a.lines.length, b.lines.length);
  let out = `--- ${labels.from}\n+++ ${labels.to}\n`;
  for (const hunk of hunks) {
    out += `@@ -${range(hunk.aStart, hunk.aCount)} +${range(hunk.bStart, hunk.bCount)} @@\n`;
    for (const line of hunk.lines) {
      const text = line.side === '-' || line.side === ' ' ? a.lines[line.a!]! : b.lines[line.b!]!;
      out += `${line.side}${text}\n`;
      const unterminated = line.side === '+' ? line.b === b.lines.length - 1 && !b.finalNewline : line.a === a.lines.length - 1 && !a.finalNewline;
      if (unterminated) out += '\\ No newline at end of file\n';
    }
  }
  return out;
}

function keys(side: { lines: string[]; finalNewline: boolean }): string[] {
  if (side.finalNewline || side.lines.length === 0) return side.lines;
  const copy = side.lines.slice();
  copy[copy.length - 1] += '\u0000';
  return copy;
}

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === '') return { lines: [], finalNewline: true };
  const finalNewline = text.endsWith('\n');
  const lines = (finalNewline ? text.slice(0, -1) : text).split('\n');
  return { lines, finalNewline };
}

type Op = { side: ' '; a: number; b: number } | { side: '-'; a: number; b?: undefined } | { side: '+'; b: number; a?: undefined };

/** The shortest edit script from a to b (deletions before insertions at each change). */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  // Walk back through the saved frontiers.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ side: ' ', a: --x, b: --y });
    if (d === 0) break;
    if (x === prevX) ops.push({ side: '+', b: --y });
    else ops.push({ side: '-', a: --x });
  }
  while (x > 0 && y > 0) ops.push({ side: ' ', a: --x, b: --y });
  ops.reverse();
  return reorder(ops);
}

/** Within each run of changes, deletions first, as diff prints them. */
function reorder(ops: Op[]): Op[] {
  const out: Op[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.side === ' ') {
      out.push(ops[i++]!);
      continue;
    }
    const minus: Op[] = [];
    const plus: Op[] = [];
    while (i < ops.length && ops[i]!.side !== ' ') (ops[i]!.side === '-' ? minus : plus).push(ops[i++]!);
    out.push(...minus, ...plus);
  }
  return out;
}

interface Hunk {
  aStart: number;
  aCount: number;
  bStart: number;
  bCount: number;
  lines: Op[];
}

function groupHunks(ops: readonly Op[], aLength: number, bLength: number): Hunk[] {
  const hunks: Hunk[] = [];
  const changed = ops.map((op, i) => (op.side === ' ' ? -1 : i)).filter((i) => i >= 0);
  let start = 0;
  while (start < changed.length) {
    let end = start;
    // Changes closer than twice the context share a hunk.
    while (end + 1 < changed.length && changed[end + 1]! - changed[end]! <= 2 * CONTEXT + 1) end++;
    const from = Math.max(0, changed[start]! - CONTEXT);
    const to = Math.min(ops.length - 1, changed[end]! + CONTEXT);
    const lines = ops.slice(from, to + 1);
    const aLines = lines.filter((op) => op.side !== '+');
    const bLines = lines.filter((op) => op.side !== '-');
    hunks.push({
      aStart: aLines.length > 0 ? aLines[0]!.a! + 1 : positionBefore(ops, from, 'a', aLength),
      aCount: aLines.length,
      bStart: bLines.length > 0 ? bLines[0]!.b! + 1 : positionBefore(ops, from, 'b', bLength),
      bCount: bLines.length,
      lines,
    });
    start = end + 1;
  }
  return hunks;
}

/** For an empty side of a hunk, diff names the line before it (0 at the start). */
function positionBefore(ops: readonly Op[], from: number, side: 'a' | 'b', _length: number): number {
  for (let i = from - 1; i >= 0; i--) {
    const value = ops[i]![side];
    if (value !== undefined) return value + 1;
  }
  return 0;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}
