// Applies TextEdits to one YAML document (or JSON file) by replacing and inserting text at the byte
// ranges of `yaml`'s nodes: comments, key order, quoting and the formatting of everything else
// stay as written, byte for byte, and CRLF files keep CRLF. A new entry takes the indentation of
// its siblings and the style of its map (block, flow, JSON). Docs: ../../docs/render.md.
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode, parseAllDocuments, type Pair, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { JsonPath } from '../manifests/model.js';
import { resolvePlainScalar } from '../manifests/resolve-plain-scalar.js';
import type { NewValue, TextEdit } from './text-edit.js';

/** An edit that could not be made, at an offset of the whole text. */
export interface EditProblem {
  offset: number;
  message: string;
}

interface Splice {
  start: number;
  end: number;
  text: string;
  order: number;
}

// As the exact reader reads (YAML 1.1, duplicate keys allowed: the last one counts, as in kubectl).
const YAML_OPTIONS = { version: '1.1' as const, prettyErrors: false, uniqueKeys: false, merge: true };

export interface DocumentText {
  text: string;
  start: number;
  end: number;
  /** The file is JSON: new keys and strings are written as JSON. */
  json: boolean;
}

/**
 * The text of the document `text.slice(start, end)` with the edits made, or the problems that
 * stopped it (then nothing of the document is changed).
 */
export function applyTextEdits(doc: DocumentText, edits: readonly TextEdit[]): { text: string } | { problems: EditProblem[] } {
  const source = doc.text.slice(doc.start, doc.end);
  if (edits.length === 0) return { text: source };
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let parsed: Document.Parsed | undefined;
  try {
    parsed = parseAllDocuments(source, YAML_OPTIONS)[0] as Document.Parsed | undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (parsed === undefined || parsed.errors.length > 0 || parsed.contents === null) {
    const at = parsed?.errors[0]?.pos[0] ?? 0;
    return { problems: [{ offset: doc.start + at, message: `render cannot edit this document: ${parsed?.errors[0]?.message.split('\n')[0] ?? 'no content'}` }] };
  }
  const editor = new DocumentEditor(source, parsed.contents as YamlNode, doc.json);
  const problems: EditProblem[] = [];
  edits.forEach((edit, order) => {
    const problem = editor.plan(edit, order);
    if (problem !== undefined) problems.push({ offset: doc.start + problem.offset, message: problem.message });
  });
  if (problems.length > 0) return { problems };
  return { text: editor.result() };
}

class DocumentEditor {
  readonly #splices: Splice[] = [];
  readonly #newline: string;
  readonly #sequenceIndent: number;

  constructor(
    readonly source: string,
    readonly root: YamlNode,
    readonly json: boolean,
  ) {
    this.#newline = source.includes('\r\n') ? '\r\n' : '\n';
    this.#sequenceIndent = sequenceIndentOf(root, source);
  }

  plan(edit: TextEdit, order: number): EditProblem | undefined {
    const found = this.#find(edit.path);
    if ('problem' in found) return found.problem;
    const { node } = found;
    if (edit.op === 'set') {
      if (!isScalar(node) || node.range == null) return { offset: offsetOf(node), message: `expected a text value at ${describe(edit.path)}` };
      this.#splices.push({ start: node.range[0], end: node.range[1], text: this.#scalarLike(node, edit.value), order });
      return undefined;
    }
    if (edit.op === 'add') {
      if (isEmptyValue(node, this.source)) return this.#fillEmpty(node, edit.key, edit.value, order, edit.path);
      if (!isMap(node)) return { offset: offsetOf(node), message: `expected a map at ${describe(edit.path)}` };
      this.#add(node, edit.key, edit.value, edit.after, order);
      return undefined;
    }
    if (!isSeq(node)) return { offset: offsetOf(node), message: `expected a list at ${describe(edit.path)}` };
    this.#append(node, edit.value, order);
    return undefined;
  }

  result(): string {
    // From the end, so that earlier offsets hold; at one offset, the edit asked first ends up first.
    const splices = [...this.#splices].sort((a, b) => b.start - a.start || b.order - a.order);
    let text = this.source;
    for (const s of splices) text = text.slice(0, s.start) + s.text + text.slice(s.end);
    return text;
  }

  #find(path: JsonPath): { node: YamlNode } | { problem: EditProblem } {
    let node: YamlNode = this.root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      let next: unknown;
      if (isMap(node)) {
        next = pairOf(node, String(segment))?.value ?? undefined;
        if (next === undefined) {
          const merged = node.items.some((p) => isPair(p) && isScalar(p.key) && p.key.source === '<<');
          return { problem: { offset: offsetOf(node), message: `${describe(path.slice(0, i + 1))} is not written here${merged ? ' (it comes from a merge key <<, which render does not edit)' : ''}` } };
        }
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
      }
      if (next === undefined || next === null) return { problem: { offset: offsetOf(node), message: `${describe(path.slice(0, i + 1))} is not written here` } };
      if (isAlias(next)) {
        return { problem: { offset: offsetOf(next as YamlNode), message: `${describe(path.slice(0, i + 1))} is a YAML alias (*${next.source}): render does not edit through aliases, which would change every place that uses the anchor` } };
      }
      node = next as YamlNode;
    }
    return { node };
  }

  /** A scalar's new text in the quoting style of the one it replaces, when that style can hold it. */
  #scalarLike(node: Scalar, value: string): string {
    if (this.json || node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
    if (node.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
    if (node.type === Scalar.PLAIN && isPlainSafe(value)) return value;
    const text = JSON.stringify(value);
    // A block scalar's range ends with its line break; the quoted text replaces only the content.
    const original = this.source.slice(node.range![0], node.range![1]);
    return original.endsWith('\n') ? text + this.#newline : text;
  }

  #scalar(value: string): string {
    return this.json || !isPlainSafe(value) ? JSON.stringify(value) : value;
  }

  #key(key: string): string {
    return this.json ? JSON.stringify(key) : this.#scalar(key);
  }

  #add(map: YAMLMap, key: string, value: NewValue, after: string | undefined, order: number): void {
    const pairs = map.items.filter((p): p is Pair => isPair(p));
    const anchor = (after === undefined ? undefined : pairOf(map, after)) ?? pairs[pairs.length - 1];
    if (anchor === undefined) {
      // Only a flow map can be empty: `{}` becomes `{key: value}`.
      const [start, end] = map.range!;
      const close = this.source.lastIndexOf('}', end);
      this.#splices.push({ start: start + 1, end: close >= start ? close : start + 1, text: `${this.#key(key)}: ${this.#flow(value)}`, order });
      return;
    }
    const keyNode = anchor.key as YamlNode;
    const valueEnd = endOf(anchor);
    if (map.flow || this.json) {
      const keyStart = offsetOf(keyNode);
      const lineStart = this.source.lastIndexOf('\n', keyStart - 1) + 1;
      const before = this.source.slice(lineStart, keyStart);
      const separator = /^\s*$/.test(before) ? `,${this.#newline}${before}` : ', ';
      this.#splices.push({ start: valueEnd, end: valueEnd, text: `${separator}${this.#key(key)}: ${this.#flow(value)}`, order });
      return;
    }
    const column = columnOf(this.source, offsetOf(keyNode));
    const entry = this.#blockEntry(key, value, column, this.#childIndent(map, column));
    this.#insertLineAfter(valueEnd, entry, order);
  }

  /** `annotations:` with nothing (or only comments) after it becomes a block map holding the entry. */
  #fillEmpty(node: YamlNode, key: string, value: NewValue, order: number, path: JsonPath): EditProblem | undefined {
    const pair = parentPairOf(this.root, node);
    const parentMap = pair === undefined ? undefined : mapOf(this.root, pair);
    if (pair === undefined || parentMap === undefined || parentMap.flow || this.json) {
      return { offset: offsetOf(node), message: `${describe(path)} is written empty in a flow collection: render does not fill it` };
    }
    const keyNode = pair.key as YamlNode;
    const column = columnOf(this.source, offsetOf(keyNode));
    const step = this.#childIndent(parentMap, column);
    const entry = this.#blockEntry(key, value, column + step, step);
    this.#insertLineAfter(keyNode.range![1], entry, order);
    return undefined;
  }

  #append(seq: YAMLSeq, value: NewValue, order: number): void {
    const items = seq.items as YamlNode[];
    const last = items[items.length - 1];
    if (seq.flow || this.json || last === undefined) {
      const [start, end] = seq.range!;
      if (last === undefined) {
        const close = this.source.lastIndexOf(']', end);
        this.#splices.push({ start: start + 1, end: close >= start ? close : start + 1, text: this.#flow(value), order });
        return;
      }
      const lastStart = offsetOf(last);
      const lineStart = this.source.lastIndexOf('\n', lastStart - 1) + 1;
      const before = this.source.slice(lineStart, lastStart);
      const separator = /^\s*$/.test(before) ? `,${this.#newline}${before}` : ', ';
      this.#splices.push({ start: last.range![1], end: last.range![1], text: `${separator}${this.#flow(value)}`, order });
      return;
    }
    // A block item: `- ` at the column of the other dashes.
    const firstStart = offsetOf(items[0]!);
    const dash = this.source.lastIndexOf('-', firstStart - 1);
    const column = columnOf(this.source, dash);
    const itemEnd = last.range![1];
    this.#insertLineAfter(itemEnd, this.#blockItem(value, column), order);
  }

  /** Inserts whole lines after the line on which the node ending at `end` ends. */
  #insertLineAfter(end: number, lines: string, order: number): void {
    const nl = this.#newline;
    if (end > 0 && this.source[end - 1] === '\n') {
      this.#splices.push({ start: end, end, text: lines + nl, order });
      return;
    }
    let at = end;
    while (at < this.source.length && this.source[at] !== '\n' && this.source[at] !== '\r') at++;
    this.#splices.push({ start: at, end: at, text: nl + lines, order });
  }

  /** `key: value` at `column`, nested values indented by `step`; without the final line break. */
  #blockEntry(key: string, value: NewValue, column: number, step: number): string {
    const pad = ' '.repeat(column);
    if (typeof value === 'string') return `${pad}${this.#key(key)}: ${this.#scalar(value)}`;
    if (Array.isArray(value)) {
      const items = (value as readonly NewValue[]).map((item) => this.#blockItem(item, column + this.#sequenceIndent, step));
      return `${pad}${this.#key(key)}:${this.#newline}${items.join(this.#newline)}`;
    }
    const entries = Object.entries(value).map(([k, v]) => this.#blockEntry(k, v, column + step, step));
    return `${pad}${this.#key(key)}:${this.#newline}${entries.join(this.#newline)}`;
  }

  #blockItem(value: NewValue, column: number, step = 2): string {
    const pad = ' '.repeat(column);
    if (typeof value === 'string') return `${pad}- ${this.#scalar(value)}`;
    if (Array.isArray(value)) return `${pad}- ${this.#flow(value)}`;
    const entries = Object.entries(value).map(([k, v]) => this.#blockEntry(k, v, column + 2, step));
    return `${pad}- ${entries.join(this.#newline).slice(column + 2)}`;
  }

  #flow(value: NewValue): string {
    if (typeof value === 'string') return this.#scalar(value);
    if (Array.isArray(value)) return `[${(value as readonly NewValue[]).map((v) => this.#flow(v)).join(', ')}]`;
    return `{${Object.entries(value).map(([k, v]) => `${this.#key(k)}: ${this.#flow(v)}`).join(', ')}}`;
  }

  /** How much deeper than its own keys the map's nested entries go: as its own keys sit below their parent's key. */
  #childIndent(map: YAMLMap, column: number): number {
    const parent = parentPairOf(this.root, map);
    if (parent !== undefined) {
      const step = column - columnOf(this.source, offsetOf(parent.key as YamlNode));
      if (step > 0) return step;
    }
    return 2;
  }
}

function isEmptyValue(node: YamlNode, source: string): boolean {
  return isScalar(node) && node.value === null && node.range != null && source.slice(node.range[0], node.range[1]).trim() === '';
}

/** The map holding `pair`. */
function mapOf(root: YamlNode, pair: Pair): YAMLMap | undefined {
  let found: YAMLMap | undefined;
  const walk = (node: unknown): void => {
    if (found !== undefined) return;
    if (isMap(node)) {
      if (node.items.includes(pair)) {
        found = node;
        return;
      }
      for (const p of node.items) if (isPair(p)) walk(p.value);
    } else if (isSeq(node)) for (const item of node.items) walk(item);
  };
  walk(root);
  return found;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const p of map.items) {
    if (isPair(p) && isScalar(p.key) && String(p.key.value) === key) found = p;
  }
  return found;
}

function parentPairOf(root: YamlNode, target: YamlNode): Pair | undefined {
  let found: Pair | undefined;
  const walk = (node: unknown): boolean => {
    if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p)) continue;
        if (p.value === target) {
          found = p;
          return true;
        }
        if (walk(p.value)) return true;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (walk(item)) return true;
    }
    return false;
  };
  walk(root);
  return found;
}

/** Columns the document's block lists sit to the right of their key (0: `- ` under the key, 2: indented); 2 when it has none. */
function sequenceIndentOf(root: YamlNode, source: string): number {
  let indent: number | undefined;
  const walk = (node: unknown): void => {
    if (indent !== undefined) return;
    if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p)) continue;
        if (isSeq(p.value) && !p.value.flow && p.value.items.length > 0 && p.key !== null) {
          const first = offsetOf(p.value.items[0] as YamlNode);
          const dash = source.lastIndexOf('-', first - 1);
          indent = columnOf(source, dash) - columnOf(source, offsetOf(p.key as YamlNode));
          return;
        }
        walk(p.value);
      }
    } else if (isSeq(node)) for (const item of node.items) walk(item);
  };
  walk(root);
  return indent === undefined || indent < 0 ? 2 : indent;
}

function endOf(pair: Pair): number {
  const value = pair.value as YamlNode | null;
  if (value !== null && value.range != null) return value.range[1];
  const key = pair.key as YamlNode;
  return key.range![1];
}

function offsetOf(node: YamlNode): number {
  return node.range?.[0] ?? 0;
}

function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

function describe(path: JsonPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Text YAML reads back as the same string without quotes, in block and in flow context. */
export function isPlainSafe(value: string): boolean {
  if (!/^[A-Za-z0-9_./][A-Za-z0-9_./:@+=-]*$/.test(value)) return false;
  if (value.endsWith(':')) return false;
  return resolvePlainScalar(value) === value;
}
