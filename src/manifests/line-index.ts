import type { Position } from '../manifests/model.js';

/**
 * Turns 0-based offsets of a text into 1-based line/column positions.
 *
 * Lines break at LF, CRLF and a lone CR (YAML's b-break; editors agree). Columns count UTF-16
 * code units, as JavaScript strings, VS Code and GitHub's web views do; the SARIF formatter must
 * therefore declare `run.columnKind: "utf16CodeUnits"` rather than rely on a default. A byte
 * order mark at the start of the text is invisible in editors, so it takes no column.
 */
export class LineIndex {
  readonly #text: string;
  #starts: Int32Array | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  position(offset: number): Position {
    const starts = (this.#starts ??= computeLineStarts(this.#text));
    const clamped = Math.max(0, Math.min(offset, this.#text.length));
    // Binary search for the last line start <= offset.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo] as number;
    let column = clamped - lineStart + 1;
    if (lo === 0 && this.#text.charCodeAt(0) === 0xfeff && clamped > 0) column -= 1;
    return { line: lo + 1, column };
  }
}

function computeLineStarts(text: string): Int32Array {
  // Most files have LF breaks only: indexOf finds them several times faster than a loop in JS.
  if (!text.includes('\r')) return lfLineStarts(text);
  const starts: number[] = [0];
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return Int32Array.from(starts);
}

function lfLineStarts(text: string): Int32Array {
  let starts = new Int32Array(1024);
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (count === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = i + 1;
  }
  return starts.slice(0, count);
}
