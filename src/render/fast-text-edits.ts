// The common edits of a block-style YAML document made from the reader's positions, without
// parsing the document again: a one-line scalar replaced, and a `key: value` entry added after a
// one-line scalar entry or at the end of a block map. Anything else (flow collections, block
// scalars, aliases, lists to append to, lone CR line breaks) returns undefined and goes to the
// full editor (apply-text-edits.ts). What this produces is checked by reading it back
// (verify-rendered.ts), so a wrong guess costs time, never a wrong file.
import type { JsonPath, ManifestObject, Position } from '../manifests/model.js';
import { resolvePlainScalar } from '../manifests/resolve-plain-scalar.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { isPlainSafe } from './apply-text-edits.js';
import type { NewValue, TextEdit } from './text-edit.js';

export interface LocatedEdit {
  edit: TextEdit;
  object: ManifestObject;
}

/** 0-based offsets of line starts, for positions → offsets. */
export class LineStarts {
  readonly #starts: number[] = [0];
  readonly #bom: boolean;

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
    this.#bom = text.charCodeAt(0) === 0xfeff;
  }

  offset({ line, column }: Position): number {
    return (this.#starts[line - 1] ?? this.text.length) + column - 1 + (line === 1 && this.#bom ? 1 : 0);
  }
}

interface Splice {
  at: number;
  end: number;
  text: string;
  order: number;
}

/** The text of the chunk with the edits made, or undefined when an edit needs the full editor. */
export function fastTextEdits(lines: LineStarts, start: number, end: number, edits: readonly LocatedEdit[]): string | undefined {
  const text = lines.text;
  const chunk = text.slice(start, end);
  if (/\r(?!\n)/.test(chunk) || chunk.includes('\t')) return undefined;
  const newline = chunk.includes('\r\n') ? '\r\n' : '\n';
  const splices: Splice[] = [];
  for (let order = 0; order < edits.length; order++) {
    const { edit, object } = edits[order]!;
    const path = edit.path.slice(object.itemPath?.length ?? 0);
    if (edit.op === 'set') {
      const span = scalarAt(text, lines.offset(object.positionOf(path)), valueAt(object.value, path));
      if (span === undefined) return undefined;
      splices.push({ at: span.start, end: span.end, text: scalarText(span.style, edit.value), order });
      continue;
    }
    if (edit.op !== 'add' || typeof edit.value === 'object' && Array.isArray(edit.value)) return undefined;
    const map = valueAt(object.value, path);
    if (!isPlainObject(map) || Object.keys(map).length === 0) return undefined;
    if (edit.after !== undefined && Object.hasOwn(map, edit.after)) {
      const after = [...path, edit.after];
      const keyAt = lines.offset(object.keyPositionOf(after));
      const column = blockColumn(text, keyAt);
      const span = column === undefined ? undefined : scalarAt(text, lines.offset(object.positionOf(after)), map[edit.after]);
      if (column === undefined || span === undefined || lineOf(text, span.start) !== lineOf(text, keyAt)) return undefined;
      const lineEnd = endOfLine(text, span.end);
      if (!/^[ ]*(#.*)?$/.test(text.slice(span.end, lineEnd))) return undefined;
      const entry = blockEntry(edit.key, edit.value, column, 2, newline);
      if (entry === undefined) return undefined;
      splices.push({ at: lineEnd, end: lineEnd, text: newline + entry, order });
      continue;
    }
    const mapAt = lines.offset(object.positionOf(path));
    const column = blockColumn(text, mapAt);
    if (column === undefined || path.length === 0) return undefined;
    const parentKey = lines.offset(object.keyPositionOf(path));
    const parentColumn = parentKey === mapAt ? -1 : parentKey - lineStartOf(text, parentKey);
    const step = parentColumn >= 0 && column > parentColumn ? column - parentColumn : 2;
    const entry = blockEntry(edit.key, edit.value, column, step, newline);
    if (entry === undefined) return undefined;
    const after = endOfBlock(text, mapAt, column, end);
    splices.push(after.atLineStart ? { at: after.offset, end: after.offset, text: entry + newline, order } : { at: after.offset, end: after.offset, text: newline + entry, order });
  }
  splices.sort((a, b) => b.at - a.at || b.order - a.order);
  let out = chunk;
  for (const s of splices) out = out.slice(0, s.at - start) + s.text + out.slice(s.end - start);
  return out;
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isPlainObject(node) && typeof segment === 'string' && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

type Style = 'plain' | 'double' | 'single';

/** The one-line scalar at `at` whose value is `expected`, or undefined. */
function scalarAt(text: string, at: number, expected: unknown): { start: number; end: number; style: Style } | undefined {
  if (typeof expected !== 'string' && typeof expected !== 'number' && typeof expected !== 'boolean') return undefined;
  const lineEnd = endOfLine(text, at);
  const quote = text[at];
  if (quote === '"' || quote === "'") {
    let i = at + 1;
    while (i < lineEnd) {
      if (quote === '"' && text[i] === '\\') i += 2;
      else if (text[i] === quote) {
        if (quote === "'" && text[i + 1] === "'") i += 2;
        else break;
      } else i++;
    }
    if (i >= lineEnd) return undefined;
    const source = text.slice(at, i + 1);
    let value: unknown;
    try {
      value = quote === '"' ? JSON.parse(source) : source.slice(1, -1).replace(/''/g, "'");
    } catch {
      return undefined;
    }
    return value === expected ? { start: at, end: i + 1, style: quote === '"' ? 'double' : 'single' } : undefined;
  }
  if ('|>&*!{[@`%'.includes(quote ?? '|')) return undefined;
  let stop = text.indexOf(' #', at);
  if (stop < 0 || stop > lineEnd) stop = lineEnd;
  let scalarEnd = stop;
  while (scalarEnd > at && text[scalarEnd - 1] === ' ') scalarEnd--;
  if (text[scalarEnd - 1] === '\r') scalarEnd--;
  const source = text.slice(at, scalarEnd);
  return resolvePlainScalar(source) === expected ? { start: at, end: scalarEnd, style: 'plain' } : undefined;
}

function scalarText(style: Style, value: string): string {
  if (style === 'double') return JSON.stringify(value);
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return isPlainSafe(value) ? value : JSON.stringify(value);
}

/** The column of a block mapping key at `at` (only spaces and `- ` before it on its line), else undefined. */
function blockColumn(text: string, at: number): number | undefined {
  const lineStart = lineStartOf(text, at);
  if (!/^[ ]*(-[ ]+)*$/.test(text.slice(lineStart, at))) return undefined;
  const c = text[at];
  if (c === undefined || '{["\'&*!?#|>-'.includes(c)) return undefined;
  return at - lineStart;
}

/** Where a block map whose keys sit at `column` ends: after its last line of content. */
function endOfBlock(text: string, mapAt: number, column: number, end: number): { offset: number; atLineStart: boolean } {
  let lastContentEnd = endOfLine(text, mapAt);
  let lineStart = nextLine(text, lastContentEnd);
  while (lineStart < end) {
    const lineEnd = endOfLine(text, lineStart);
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (content !== '' && !content.startsWith('#')) {
      if (indent < column || (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(line))) break;
      lastContentEnd = lineEnd;
    }
    lineStart = nextLine(text, lineEnd);
  }
  if (text[lastContentEnd] === '\n') return { offset: lastContentEnd + 1, atLineStart: true };
  if (text[lastContentEnd] === '\r' && text[lastContentEnd + 1] === '\n') return { offset: lastContentEnd + 2, atLineStart: true };
  return { offset: lastContentEnd, atLineStart: false };
}

function blockEntry(key: string, value: NewValue, column: number, step: number, newline: string): string | undefined {
  if (!isPlainSafe(key) && !key.includes('/')) return undefined;
  const pad = ' '.repeat(column);
  if (typeof value === 'string') return `${pad}${key}: ${isPlainSafe(value) ? value : JSON.stringify(value)}`;
  if (Array.isArray(value)) return undefined;
  const entries: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    const entry = blockEntry(k, v, column + step, step, newline);
    if (entry === undefined) return undefined;
    entries.push(entry);
  }
  return `${pad}${key}:${newline}${entries.join(newline)}`;
}

function endOfLine(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  const end = i < 0 ? text.length : i;
  return end > at && text[end - 1] === '\r' ? end - 1 : end;
}

function nextLine(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r') return lineEnd + 2;
  return lineEnd + 1;
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineOf(text: string, at: number): number {
  return lineStartOf(text, at);
}
