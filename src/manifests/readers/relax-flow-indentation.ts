/**
 * go-yaml v2 (kubectl) does not check indentation inside flow collections and quoted scalars:
 * `args: ["\n  echo hello\n"]` with the closing `"]` back at the key's column is applied by
 * kubectl, while `yaml` and js-yaml hold such lines to the YAML 1.2 rule (indented more than the
 * enclosing block) and fail. This finds the lines that begin inside a flow collection or a quoted
 * scalar and indents them one column past the line that opened it, which changes no value (leading
 * white space of those lines is folded away) and no structure; the exact reader parses the relaxed
 * text only after the original failed, and maps offsets back with `toOriginal`.
 */
export interface RelaxedText {
  source: string;
  /** The offset in the original text of an offset in `source`. */
  toOriginal(offset: number): number;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

export function relaxFlowIndentation(text: string): RelaxedText | undefined {
  const length = text.length;
  // Each padded line: its start in the relaxed text, and the spaces added before it (cumulative).
  const paddedAt: number[] = [];
  const addedBefore: number[] = [];
  const parts: string[] = [];
  let copiedUpTo = 0;
  let added = 0;

  let flowDepth = 0;
  let quote = 0; // 0, or the code of the open quote
  let regionIndent = -1; // indentation of the line that opened the outermost flow collection or quote
  let blockScalarIndent = -1; // while > -1: lines indented more than this are block scalar content
  let i = 0;
  while (i < length) {
    // At a line start.
    const lineStart = i;
    let indent = 0;
    while (i < length && text.charCodeAt(i) === SPACE) i++;
    indent = i - lineStart;
    const blank = i >= length || text.charCodeAt(i) === LF || text.charCodeAt(i) === CR;
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) {
        i = lineEnd(text, i);
        i = nextLine(text, i);
        continue;
      }
      blockScalarIndent = -1;
    }
    const inside = flowDepth > 0 || quote !== 0;
    if (inside && indent <= regionIndent) {
      const pad = regionIndent + 1 - indent;
      parts.push(text.slice(copiedUpTo, lineStart), ' '.repeat(pad));
      copiedUpTo = lineStart;
      paddedAt.push(lineStart + added + pad);
      added += pad;
      addedBefore.push(added);
    }
    if (!inside) regionIndent = indent;
    let atNodeStart = !inside || flowDepth > 0;
    const end = lineEnd(text, i);
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (quote !== 0) {
        if (quote === 34 /* " */ && c === 92 /* \ */) i++;
        else if (c === quote) {
          if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
          else {
            quote = 0;
            atNodeStart = false;
          }
        }
        continue;
      }
      if (c === SPACE || c === TAB) continue;
      if (c === 35 /* # */ && (i === lineStart || isBlank(text.charCodeAt(i - 1)))) break;
      if (atNodeStart && (c === 34 || c === 39)) {
        quote = c;
        continue;
      }
      if (atNodeStart && (c === 91 /* [ */ || c === 123 /* { */)) {
        flowDepth++;
        continue;
      }
      if (flowDepth > 0 && (c === 93 /* ] */ || c === 125 /* } */)) {
        flowDepth--;
        atNodeStart = false;
        continue;
      }
      if (flowDepth > 0 && c === 44 /* , */) {
        atNodeStart = true;
        continue;
      }
      const next = i + 1 < length ? text.charCodeAt(i + 1) : LF;
      if ((c === 45 /* - */ || c === 63 /* ? */ || c === 58 /* : */) && (isBlank(next) || (flowDepth > 0 && c === 58))) {
        atNodeStart = true;
        continue;
      }
      if (atNodeStart && flowDepth === 0 && (c === 124 /* | */ || c === 62 /* > */)) {
        blockScalarIndent = indent;
        break;
      }
      if (atNodeStart && (c === 38 /* & */ || c === 33 /* ! */)) {
        // An anchor or a tag: the node itself follows it.
        while (i + 1 < end && !isBlank(text.charCodeAt(i + 1))) i++;
        continue;
      }
      // Inside a plain scalar: quotes and brackets are text until the scalar ends.
      atNodeStart = false;
      if (flowDepth === 0) {
        // A block plain scalar may still hold `: ` (a mapping value); find it.
        while (i + 1 < end) {
          const d = text.charCodeAt(i + 1);
          if (d === 58 && isBlank(i + 2 < length ? text.charCodeAt(i + 2) : LF)) break;
          if (d === 35 && isBlank(text.charCodeAt(i))) break;
          i++;
        }
      } else {
        while (i + 1 < end) {
          const d = text.charCodeAt(i + 1);
          if (d === 44 || d === 93 || d === 125 || d === 58 || d === 35) break;
          i++;
        }
      }
    }
    i = nextLine(text, end);
    if (flowDepth === 0 && quote === 0) regionIndent = -1;
  }
  if (paddedAt.length === 0) return undefined;
  parts.push(text.slice(copiedUpTo));
  return {
    source: parts.join(''),
    toOriginal(offset: number): number {
      // The last padded line that starts at or before `offset`.
      let low = 0;
      let high = paddedAt.length - 1;
      let found = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (paddedAt[mid]! - (addedBefore[mid]! - (mid > 0 ? addedBefore[mid - 1]! : 0)) <= offset) {
          found = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      if (found < 0) return offset;
      const padStart = paddedAt[found]! - (addedBefore[found]! - (found > 0 ? addedBefore[found - 1]! : 0));
      // An offset inside the added spaces belongs to the original line start.
      if (offset < paddedAt[found]!) return padStart - (found > 0 ? addedBefore[found - 1]! : 0);
      return offset - addedBefore[found]!;
    },
  };
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) break;
    i++;
  }
  return i;
}

function nextLine(text: string, end: number): number {
  if (end >= text.length) return text.length;
  if (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF) return end + 2;
  return end + 1;
}
