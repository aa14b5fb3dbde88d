import {
  Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node as YamlNode,
  parseAllDocuments,
  type ParsedNode,
  Scalar,
  type Tags,
  visit,
} from 'yaml';
import { DocumentAbort, type DocumentRead } from '../document-read.js';
import type { LoadLimits } from '../load-limits.js';
import type { LineIndex } from '../line-index.js';
import { LocTreeLocator, type LocNode } from '../node-locator.js';
import { MERGE_KEY, resolvePlainScalar } from '../resolve-plain-scalar.js';
import { goYamlTabProblem } from './go-yaml-tabs.js';
import { relaxFlowIndentation } from './relax-flow-indentation.js';

/**
 * Reads one document (a chunk of the stream) with `yaml`: the exact reader, used for anything
 * the fast reader declines (syntax errors, tags, anchors, merge keys, duplicate keys) and as the
 * reference the fast reader is tested against. `start`/`end` are offsets of the chunk in `text`.
 */
export function readWithExactReader(
  text: string,
  start: number,
  end: number,
  limits: LoadLimits,
  lines: LineIndex,
): DocumentRead {
  // A lone CR breaks a line for go-yaml as LF does; `yaml` reads LF and CRLF only. Same length, same offsets.
  // kubectl's splitter ends every line with a line break, the last one of a file too.
  const chunk = end === text.length && end > start && text.charCodeAt(end - 1) !== 10 ? `${text.slice(start, end)}\n` : text.slice(start, end);
  const source = chunk.includes('\r') ? chunk.replace(/\r(?!\n)/g, '\n') : chunk;
  let docs: Document.Parsed[];
  // `yaml` makes an Error for every problem it meets, one per line of a broken document of many
  // lines, and capturing their stacks took seconds on 20,000 lines; only the first message is used.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    docs = parseAllDocuments(source, YAML_OPTIONS) as Document.Parsed[];
  } catch (error) {
    if (error instanceof RangeError) {
      return rejected(start, `nesting is too deep to read (more than ${limits.maxDepth} levels)`);
    }
    throw error;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  let doc = docs[0];
  if (doc === undefined) return { kind: 'empty' };
  let toOriginal: ((offset: number) => number) | undefined;
  let parsed = source;
  if (doc.errors.length > 0) {
    // go-yaml does not check indentation inside flow collections and quoted scalars; `yaml` does.
    const relaxed = relaxFlowIndentation(source);
    const retried = relaxed === undefined ? undefined : parseQuietly(relaxed.source);
    if (retried !== undefined && retried.length === 1 && retried[0]!.errors.length === 0) {
      doc = retried[0]!;
      parsed = relaxed!.source;
      toOriginal = relaxed!.toOriginal;
    }
  }
  if (doc.errors.length > 0) {
    // go-yaml reads the first node of a document and ends it there (an implicit document end):
    // after a flow collection or a quoted scalar at the root, the rest of the piece is never read.
    const rootEnd = flowRootEnd(doc);
    const head = rootEnd === undefined || peekedLineFails(parsed, rootEnd) ? undefined : parseQuietly(parsed.slice(0, rootEnd));
    if (head !== undefined && head.length === 1 && head[0]!.errors.length === 0) {
      doc = head[0]!;
      parsed = parsed.slice(0, rootEnd);
    }
  }
  const error = doc.errors[0];
  // `yaml` turns its own stack overflow on very deep nesting into a document error.
  if (error !== undefined && error.message.includes('Maximum call stack size exceeded')) {
    return rejected(start, `nesting is too deep to read (more than ${limits.maxDepth} levels)`);
  }
  if (error !== undefined) {
    const opening = error.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, error.pos[0]) : undefined;
    if (opening !== undefined) {
      // `yaml` points at where the text ran out, often the next `---`; the opening quote is the mistake.
      const quote = source.charAt(opening);
      return { kind: 'problem', problem: { code: 'yaml-syntax', offset: start + opening, message: `this ${quote === "'" ? 'single' : 'double'}-quoted string is never closed (missing ${quote})` } };
    }
    return { kind: 'problem', problem: { code: 'yaml-syntax', offset: start + error.pos[0], message: syntaxMessage(error.message) } };
  }
  const tab = goYamlTabProblem(parsed, doc);
  if (tab !== undefined) {
    return { kind: 'problem', problem: { code: 'yaml-syntax', offset: start + (toOriginal ? toOriginal(tab.offset) : tab.offset), message: tab.message } };
  }
  const contents = doc.contents as ParsedNode | null;
  if (contents === null || isEmptyScalar(contents)) return { kind: 'empty' };
  const builder = new Builder(start, limits, lines, parsed, toOriginal);
  try {
    const { value, loc } = builder.build(contents, 0);
    return { kind: 'value', value, locator: new LocTreeLocator(loc) };
  } catch (abort) {
    if (abort instanceof DocumentAbort) return { kind: 'problem', problem: abort.problem };
    if (abort instanceof RangeError) {
      return rejected(start, `nesting is too deep to read (more than ${limits.maxDepth} levels)`);
    }
    throw abort;
  }
}

// YAML 1.1 as go-yaml v2 reads it; explicit tags go through yaml's 1.1 schema, minus the
// timestamp and sexagesimal tags that go-yaml leaves as strings in untyped values.
const YAML_OPTIONS = {
  version: '1.1' as const,
  prettyErrors: false,
  uniqueKeys: false,
  merge: true,
  customTags: (tags: Tags) =>
    tags.filter(
      (tag) =>
        typeof tag !== 'object' || (tag.tag !== 'tag:yaml.org,2002:timestamp' && !('format' in tag && tag.format === 'TIME')),
    ),
};

/** The end of the root node when it is a flow collection or a quoted scalar followed by more (where `yaml` failed). */
function flowRootEnd(doc: Document.Parsed): number | undefined {
  const root = doc.contents as ParsedNode | null;
  if (root === null) return undefined;
  const flow = isMap(root) || isSeq(root) ? root.flow === true : isScalar(root) && (root.type === Scalar.QUOTE_DOUBLE || root.type === Scalar.QUOTE_SINGLE);
  if (!flow) return undefined;
  const end = root.range[1];
  return doc.errors.every((error) => error.pos[0] >= end) ? end : undefined;
}

/**
 * Whether go-yaml's scanner fails on the line of the next token after `from`, which it reads
 * ahead to know whether that token starts a key: a character no token starts with, or a quoted
 * scalar that is never closed.
 */
function peekedLineFails(source: string, from: number): boolean {
  let i = from;
  for (;;) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) while (i < source.length && source.charCodeAt(i) !== 10) i++;
    else break;
  }
  if (i >= source.length) return false;
  const lineEnd = source.indexOf('\n', i) < 0 ? source.length : source.indexOf('\n', i);
  let blankBefore = true;
  while (i < lineEnd) {
    const c = source.charCodeAt(i);
    if (c === 35 && blankBefore) return false;
    if (blankBefore && (c === 64 /* @ */ || c === 96) /* ` */) return true;
    if ((c === 34 || c === 39) && blankOrFlow(source.charCodeAt(i - 1))) {
      const close = closingQuote(source, i);
      if (close < 0) return true;
      i = close + 1;
      blankBefore = false;
      continue;
    }
    blankBefore = blankOrFlow(c);
    i++;
  }
  return false;
}

function blankOrFlow(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 58 || Number.isNaN(c);
}

function closingQuote(source: string, open: number): number {
  const quote = source.charCodeAt(open);
  for (let i = open + 1; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (quote === 34 && c === 92) i++;
    else if (c === quote) {
      if (quote === 39 && source.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return -1;
}

function parseQuietly(source: string): Document.Parsed[] | undefined {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseAllDocuments(source, YAML_OPTIONS) as Document.Parsed[];
  } catch {
    return undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** The offset of the quoted scalar that runs up to `end` (where `yaml` reports its missing closing quote). */
function unclosedQuoteStart(doc: Document.Parsed, end: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if ((node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) && range !== undefined && range !== null && range[1] === end) {
        found = range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function isEmptyScalar(node: ParsedNode): boolean {
  return isScalar(node) && node.value === null && node.range[0] === node.range[1] && !node.tag && !node.anchor;
}

function rejected(offset: number, message: string): DocumentRead {
  return { kind: 'problem', problem: { code: 'input-rejected', offset, message } };
}

/** `yaml` messages end with " at line L, column C" when pretty; without it they are one clean line. */
function syntaxMessage(message: string): string {
  const firstLine = message.split('\n', 1)[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, '');
}

interface Built {
  value: unknown;
  loc: LocNode;
  /** Nodes this value stands for once aliases are expanded. */
  size: number;
}

const IN_PROGRESS = Symbol('in progress');

/** go-yaml's anchor and alias names (scannerc.go, is_alpha): ASCII letters, digits, `_` and `-`. */
const GO_YAML_ANCHOR = /^[0-9A-Za-z_-]+$/;

function anchorNameMessage(name: string): string {
  return `the anchor name "${name}" holds characters kubectl refuses: only letters, digits, "_" and "-" (go-yaml: "did not find expected alphabetic or numeric character")`;
}

class Builder {
  readonly #base: number;
  readonly #limits: LoadLimits;
  readonly #lines: LineIndex;
  readonly #anchors = new Map<string, Built | typeof IN_PROGRESS>();
  #aliasExpansion = 0;

  readonly #toOriginal: ((offset: number) => number) | undefined;
  /** The text the node ranges refer to (the chunk, or its relaxed copy). */
  readonly #parsed: string;

  constructor(base: number, limits: LoadLimits, lines: LineIndex, parsed: string, toOriginal?: (offset: number) => number) {
    this.#base = base;
    this.#toOriginal = toOriginal;
    this.#parsed = parsed;
    this.#limits = limits;
    this.#lines = lines;
  }

  build(node: YamlNode | Alias, depth: number): Built {
    if (isAlias(node)) return this.#alias(node);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && !GO_YAML_ANCHOR.test(anchor)) {
      // `yaml` takes any character but flow indicators; go-yaml stops at the first one that is not a letter, digit, `_` or `-`.
      const at = node.range ? this.#parsed.lastIndexOf(`&${anchor}`, node.range[0]) : -1;
      this.#syntax(at < 0 ? this.#offset(node) : this.#offset({ range: [at, at, at] }), anchorNameMessage(anchor));
    }
    if (anchor) this.#anchors.set(anchor, IN_PROGRESS);
    const built = this.#node(node, depth);
    if (anchor) this.#anchors.set(anchor, built);
    return built;
  }

  #offset(node: { range?: [number, number, number] | null }): number {
    const offset = node.range?.[0] ?? 0;
    return this.#base + (this.#toOriginal === undefined ? offset : this.#toOriginal(offset));
  }

  #alias(node: Alias): Built {
    const target = this.#anchors.get(node.source);
    const offset = this.#offset(node);
    if (!GO_YAML_ANCHOR.test(node.source)) this.#syntax(offset, anchorNameMessage(node.source));
    if (target === undefined) this.#syntax(offset, `unknown anchor "${node.source}" referenced`);
    if (target === IN_PROGRESS) this.#syntax(offset, `anchor "${node.source}" value contains itself`);
    this.#aliasExpansion += target.size;
    if (this.#aliasExpansion > this.#limits.maxAliasExpansion) {
      throw new DocumentAbort({
        code: 'input-rejected',
        offset,
        message: `aliases expand to more than ${this.#limits.maxAliasExpansion} nodes (a "billion laughs" alias bomb?); document not read`,
      });
    }
    const loc: LocNode = { v: offset, k: -1 };
    if (target.loc.map) loc.map = target.loc.map;
    if (target.loc.seq) loc.seq = target.loc.seq;
    return { value: target.value, loc, size: target.size };
  }

  #node(node: YamlNode, depth: number): Built {
    const offset = this.#offset(node);
    if (isScalar(node)) {
      const value = this.#scalar(node);
      if (typeof value === 'number' && !Number.isFinite(value)) {
        // go-yaml reads `.inf` and `.nan` as floats; encoding/json then refuses them and kubectl stops.
        this.#syntax(offset, `${String(node.source ?? value)} is ${Number.isNaN(value) ? 'not a number' : 'an infinite number'}, which kubectl cannot convert to JSON (quote it to keep the text)`);
      }
      return { value, loc: { v: offset, k: -1 }, size: 1 };
    }
    if (depth >= this.#limits.maxDepth) {
      throw new DocumentAbort({
        code: 'input-rejected',
        offset,
        message: `collections nest deeper than ${this.#limits.maxDepth} levels; document not read`,
      });
    }
    if (isSeq(node)) {
      const value: unknown[] = [];
      const seq: LocNode[] = [];
      let size = 1;
      for (const item of node.items) {
        if (isPair(item)) this.#syntax(offset, 'unexpected mapping entry in a sequence');
        const built = this.build(item as YamlNode, depth + 1);
        value.push(built.value);
        seq.push(built.loc);
        size += built.size;
      }
      return { value, loc: { v: offset, k: -1, seq }, size };
    }
    if (isMap(node)) return this.#map(node.items, offset, depth);
    this.#syntax(offset, 'unsupported YAML node');
  }

  #map(pairs: readonly unknown[], offset: number, depth: number): Built {
    const value: Record<string, unknown> = {};
    const map = new Map<string, LocNode>();
    let size = 1;
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | Alias | null;
      const valueNode = pair.value as YamlNode | Alias | null;
      const keyOffset = keyNode ? this.#offset(keyNode) : this.#offset(valueNode ?? { range: null });
      if (keyNode !== null && isScalar(keyNode) && this.#isMultiLineImplicitKey(keyNode)) {
        this.#syntax(keyOffset, 'this mapping key spans more than one line, which kubectl refuses (go-yaml: keys without "?" fit on one line)');
      }
      const keyValue = keyNode === null ? null : this.build(keyNode, depth + 1).value;
      const built: Built =
        valueNode === null
          ? { value: null, loc: { v: keyOffset, k: -1 }, size: 1 }
          : this.build(valueNode, depth + 1);
      size += built.size;
      if (keyValue === MERGE_KEY) {
        this.#merge(built, value, map);
        continue;
      }
      // A duplicate key is no error: kubectl's go-yaml v2 decodes without its strict mode
      // (sigs.k8s.io/yaml Unmarshal), and the later entry replaces the earlier one, value and position.
      const key = this.#keyString(keyValue, keyOffset);
      setEntry(value, map, key, built.value, { ...built.loc, k: keyOffset });
    }
    return { value, loc: { v: offset, k: -1, map }, size };
  }

  /** go-yaml v2 merge: entries are written in order, so explicit keys after `<<` win; in a list of maps the first wins. */
  #merge(resolved: Built, value: Record<string, unknown>, map: Map<string, LocNode>): void {
    const sources: Built[] = [];
    if (resolved.loc.map) sources.push(resolved);
    else if (resolved.loc.seq && Array.isArray(resolved.value)) {
      for (let i = resolved.value.length - 1; i >= 0; i--) {
        const itemLoc = resolved.loc.seq[i] as LocNode;
        if (!itemLoc.map) this.#syntax(itemLoc.v, 'map merge requires map or sequence of maps as the value');
        sources.push({ value: resolved.value[i], loc: itemLoc, size: 0 });
      }
    } else this.#syntax(resolved.loc.v, 'map merge requires map or sequence of maps as the value');
    for (const source of sources) {
      const entries = source.value as Record<string, unknown>;
      for (const [key, loc] of source.loc.map as Map<string, LocNode>) setEntry(value, map, key, entries[key], loc);
    }
  }

  #isMultiLineImplicitKey(node: Scalar): boolean {
    const range = node.range;
    if (range === undefined || range === null) return false;
    const lineBreak = this.#parsed.indexOf('\n', range[0]);
    if (lineBreak < 0 || lineBreak >= range[1]) return false;
    let before = range[0] - 1;
    while (before >= 0 && (this.#parsed.charCodeAt(before) === 32 || this.#parsed.charCodeAt(before) === 9)) before--;
    return this.#parsed.charAt(before) !== '?';
  }

  #keyString(key: unknown, offset: number): string {
    if (typeof key === 'string') return key;
    if (typeof key === 'number' || typeof key === 'boolean' || typeof key === 'bigint') return String(key);
    if (key === null) this.#syntax(offset, 'a mapping key is null (kubectl cannot convert it to JSON)');
    this.#syntax(offset, 'a mapping key is a collection (kubectl cannot convert it to JSON)');
  }

  #scalar(node: Scalar): unknown {
    if (node.tag === undefined && node.type === Scalar.PLAIN) return resolvePlainScalar(String(node.source ?? ''));
    if (node.type === Scalar.QUOTE_DOUBLE && node.range) {
      const at = this.#parsed.slice(node.range[0], node.range[1]).search(/(?<!\\)(?:\\\\)*\\\//);
      if (at >= 0) {
        const offset = this.#base + (this.#toOriginal ? this.#toOriginal(node.range[0]) : node.range[0]);
        this.#syntax(offset, 'the escape \\/ is YAML 1.2 (and JSON); kubectl\'s YAML 1.1 parser refuses it: write / alone');
      }
    }
    const value = node.value;
    // go-yaml decodes !!binary, and kubectl sends the bytes as a JSON string.
    if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
    if (typeof value === 'symbol') return String(node.source ?? '<<');
    const expected = node.tag === undefined ? undefined : RESOLVED_TYPE_OF_TAG[node.tag];
    if (expected !== undefined) return this.#taggedScalar(node, value, expected);
    return value;
  }

  /** go-yaml `resolve` for an explicit !!int, !!float or !!bool: the text must resolve to that type (an int is a float too). */
  #taggedScalar(node: Scalar, value: unknown, expected: 'int' | 'float' | 'bool'): unknown {
    const text = node.type === Scalar.PLAIN ? String(node.source ?? '') : String(value);
    const resolved = resolvePlainScalar(text);
    const fits =
      expected === 'bool'
        ? typeof resolved === 'boolean'
        : typeof resolved === 'number' && (expected === 'float' || Number.isInteger(resolved));
    if (!fits) {
      const offset = this.#base + (this.#toOriginal ? this.#toOriginal(node.range?.[0] ?? 0) : (node.range?.[0] ?? 0));
      this.#syntax(offset, `cannot decode "${text}" as a !!${expected} (kubectl's go-yaml refuses it)`);
    }
    return resolved;
  }

  #syntax(offset: number, message: string): never {
    throw new DocumentAbort({ code: 'yaml-syntax', offset, message });
  }
}

const RESOLVED_TYPE_OF_TAG: Record<string, 'int' | 'float' | 'bool'> = {
  'tag:yaml.org,2002:int': 'int',
  'tag:yaml.org,2002:float': 'float',
  'tag:yaml.org,2002:bool': 'bool',
};

function setEntry(value: Record<string, unknown>, map: Map<string, LocNode>, key: string, entry: unknown, loc: LocNode): void {
  if (key === '__proto__') Object.defineProperty(value, key, { value: entry, enumerable: true, writable: true, configurable: true });
  else value[key] = entry;
  map.set(key, loc);
}
