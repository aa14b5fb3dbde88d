import type { DocumentRead } from '../document-read.js';
import type { LoadLimits } from '../load-limits.js';
import { isArrayIndexKey, OffsetIndexBuilder } from '../offset-index.js';
import { MERGE_KEY, resolvePlainScalar } from '../resolve-plain-scalar.js';

/**
 * The fastest reader, for the YAML that manifests are almost always written in: block mappings
 * and sequences (indentless ones too), plain and quoted scalars (over several lines too), one-line
 * flow collections and flow sequences whose `[` ends its line, literal and folded block scalars,
 * comments, duplicate keys, anchors on block mappings and their aliases, and the collection keys
 * kubectl refuses (as a problem). It reads a line at a time, builds plain values and the offset
 * index directly, and returns undefined the moment it meets anything else (tabs, tags, other
 * anchors, merge keys, explicit keys, escapes JSON does not have...), so that the event reader or
 * `yaml` reads that document instead. Values, problems and positions agree with the `yaml` reader
 * node for node (tested on the corpus), and values with kubectl's decoder (the differential test).
 */
export function readWithLineReader(
  text: string,
  start: number,
  end: number,
  limits: LoadLimits,
  scalars: ScalarCache = new ScalarCache(),
): DocumentRead | undefined {
  try {
    return new SimpleReader(text, start, end, limits, scalars).read();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

const DECLINE = Symbol('decline');
function decline(): never {
  throw DECLINE;
}

interface Frame {
  kind: 'map' | 'seq';
  indent: number;
  node: number;
  map?: Record<string, unknown>;
  /** Source order of the keys, kept only once a key is an array index (see OffsetIndexBuilder). */
  keys?: string[];
  seq?: unknown[];
  /** A `key:` whose value is on the following lines (or is empty). */
  /** A `-` with nothing but a comment after it: the item is on the following lines. */
  pendingItem?: boolean;
  pendingKey?: string;
  pendingKeyOffset?: number;
  pendingEmptyOffset?: number;
  /** An anchor (`key: &name`) for the block mapping that is the pending key's value. */
  pendingAnchor?: string;
  /** The anchor of this mapping, registered when it closes. */
  anchor?: string;
}

/** An anchored node, once read: its value and its node in the offset index. */
interface Anchored {
  value: unknown;
  node: number;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;

class SimpleReader {
  readonly #text: string;
  readonly #end: number;
  readonly #limits: LoadLimits;
  readonly #scalars: ScalarCache;
  readonly #index = new OffsetIndexBuilder();
  readonly #stack: Frame[] = [];
  #root: unknown = undefined;
  #hasRoot = false;
  /** Anchors of block mappings read so far in this document. */
  #anchors: Map<string, Anchored> | undefined;
  /** Index nodes that aliases added, for the same billion-laughs limit as the exact reader's. */
  #aliasExpansion = 0;
  /**
   * The first value kubectl cannot convert to JSON (a collection as a mapping key), in document
   * order. The reading goes on, since a syntax error anywhere would be the verdict instead: the
   * problem is the document's only when the reader gets to its end.
   */
  #conversionProblem: { offset: number; message: string } | undefined;
  /** Start of the line being read, and its end (before the line break). */
  #pos: number;
  #lineEnd = 0;

  constructor(text: string, start: number, end: number, limits: LoadLimits, scalars: ScalarCache) {
    this.#text = text;
    this.#scalars = scalars;
    this.#pos = start;
    this.#end = end;
    this.#limits = limits;
  }

  read(): DocumentRead {
    let sawMarker = false;
    while (this.#pos < this.#end) {
      const lineStart = this.#pos;
      this.#findLineEnd();
      const text = this.#text;
      let i = lineStart;
      while (i < this.#lineEnd && text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i === this.#lineEnd || c === HASH) {
        this.#nextLine();
        continue;
      }
      if (c === TAB) decline();
      if (i === lineStart && (c === DASH || c === 46) && this.#isMarker(lineStart)) {
        // `---` opens the document (once, before any content); `...` may only close it.
        if (c === DASH && (sawMarker || this.#hasRoot)) decline();
        if (c !== DASH) {
          this.#nextLine();
          if (this.#restHasContent()) decline();
          break;
        }
        sawMarker = true;
        if (!this.#onlyCommentFrom(lineStart + 3)) decline();
        this.#nextLine();
        continue;
      }
      this.#line(lineStart, i - lineStart);
    }
    while (this.#stack.length > 0) this.#closeTop();
    if (this.#conversionProblem !== undefined) return { kind: 'problem', problem: { code: 'yaml-syntax', ...this.#conversionProblem } };
    if (!this.#hasRoot) return { kind: 'empty' };
    return { kind: 'value', value: this.#root, locator: this.#index.build({ value: this.#root }) };
  }

  // ----- lines ---------------------------------------------------------------------------------

  #findLineEnd(): void {
    // Lone CRs never reach this reader (readManifestText checks), so LF ends every line.
    const text = this.#text;
    let i = text.indexOf('\n', this.#pos);
    if (i < 0 || i > this.#end) i = this.#end;
    if (i > this.#pos && text.charCodeAt(i - 1) === CR) i--;
    this.#lineEnd = i;
  }

  #nextLine(): void {
    const text = this.#text;
    let i = this.#lineEnd;
    if (text.charCodeAt(i) === CR) i++;
    if (text.charCodeAt(i) === LF) i++;
    this.#pos = i;
  }

  #isMarker(lineStart: number): boolean {
    const text = this.#text;
    const c = text.charCodeAt(lineStart);
    if (text.charCodeAt(lineStart + 1) !== c || text.charCodeAt(lineStart + 2) !== c) return false;
    const after = lineStart + 3;
    if (after >= this.#lineEnd) return true;
    const a = text.charCodeAt(after);
    return a === SPACE || a === TAB;
  }

  #onlyCommentFrom(i: number): boolean {
    const text = this.#text;
    let j = i;
    while (j < this.#lineEnd && text.charCodeAt(j) === SPACE) j++;
    if (j === this.#lineEnd) return true;
    return text.charCodeAt(j) === HASH && j > i;
  }

  #restHasContent(): boolean {
    const text = this.#text;
    while (this.#pos < this.#end) {
      this.#findLineEnd();
      let i = this.#pos;
      while (i < this.#lineEnd && text.charCodeAt(i) === SPACE) i++;
      if (i < this.#lineEnd && text.charCodeAt(i) !== HASH) return true;
      this.#nextLine();
    }
    return false;
  }

  /** One content line: `indent` spaces, then a sequence entry or a mapping entry. */
  #line(lineStart: number, indent: number): void {
    const text = this.#text;
    const c = lineStart + indent;
    const isEntry = text.charCodeAt(c) === DASH && this.#isBlankAt(c + 1);
    this.#popTo(indent, isEntry);
    const top = this.#stack[this.#stack.length - 1];
    if (top !== undefined && top.pendingItem === true) {
      // The item of a `- # comment` line: a mapping or a scalar indented below the dash.
      top.pendingItem = undefined;
      const code = text.charCodeAt(c);
      if (isEntry || code === 124 /* | */ || code === 62 /* > */) decline();
      if (this.#startsMappingEntry(c)) {
        const map = this.#newFrame('map', indent, c, -1);
        (top.seq as unknown[]).push(map.map);
        this.#entry(map, c);
      } else (top.seq as unknown[]).push(this.#inlineValue(c, -1, top.indent));
      return;
    }
    if (isEntry) {
      let seq: Frame;
      if (top !== undefined && top.kind === 'seq' && top.indent === indent) seq = top;
      else if (top !== undefined && top.kind === 'map' && top.pendingKey !== undefined && indent >= top.indent) {
        seq = this.#openChild(top, 'seq', indent, c);
      } else if (top === undefined && !this.#hasRoot) seq = this.#openRoot('seq', indent, c);
      else decline();
      this.#item(seq, c + 1);
      return;
    }
    let map: Frame;
    if (top !== undefined && top.kind === 'map' && top.indent === indent && top.pendingKey === undefined) map = top;
    else if (top !== undefined && top.kind === 'map' && top.pendingKey !== undefined && indent > top.indent) {
      if (!this.#startsMappingEntry(c)) {
        // `key:` with its value on the next line (`resources:\n  {}`, a long string): one value, no mapping.
        const code = text.charCodeAt(c);
        if (code === 124 /* | */ || code === 62 /* > */ || top.pendingAnchor !== undefined) decline();
        const key = top.pendingKey;
        const value = this.#inlineValue(c, top.pendingKeyOffset as number, top.indent);
        top.pendingKey = undefined;
        this.#setEntry(top, key, value);
        return;
      }
      map = this.#openChild(top, 'map', indent, c);
    } else if (top === undefined && !this.#hasRoot) map = this.#openRoot('map', indent, c);
    else decline();
    this.#entry(map, c);
  }

  #isBlankAt(i: number): boolean {
    if (i >= this.#lineEnd) return true;
    const c = this.#text.charCodeAt(i);
    return c === SPACE;
  }

  /** Closes the collections a line at `indent` ends, and settles a pending `key:` it shows to be empty. */
  #popTo(indent: number, isEntry: boolean): void {
    for (;;) {
      const top = this.#stack[this.#stack.length - 1];
      if (top === undefined) return;
      // An empty item (`-` and nothing below it): rare, and its position subtle; the full readers decide.
      if (top.pendingItem === true) {
        if (indent > top.indent) return;
        decline();
      }
      if (top.pendingKey !== undefined) {
        // The value goes on below: a deeper line, or an indentless sequence at the key's indent.
        if (indent > top.indent || (isEntry && indent === top.indent)) return;
        this.#resolvePendingAsNull(top);
      }
      if (top.indent > indent || (top.indent === indent && top.kind === 'seq' && !isEntry)) {
        this.#closeTop();
        continue;
      }
      return;
    }
  }

  #closeTop(): void {
    const top = this.#stack.pop() as Frame;
    if (top.pendingItem === true) decline();
    if (top.pendingKey !== undefined) this.#resolvePendingAsNull(top);
    if (top.keys !== undefined) this.#index.setKeys(top.node, top.keys);
    this.#index.close(top.node);
    // Registered once closed: an alias inside the anchored mapping itself is an error the full readers report.
    if (top.anchor !== undefined) (this.#anchors ??= new Map()).set(top.anchor, { value: top.map, node: top.node });
  }

  #resolvePendingAsNull(frame: Frame): void {
    // An anchored empty value: rare, left to the full readers.
    if (frame.pendingAnchor !== undefined) decline();
    const node = this.#index.open(frame.pendingEmptyOffset as number, frame.pendingKeyOffset as number);
    this.#index.close(node);
    this.#setEntry(frame, frame.pendingKey as string, null);
    frame.pendingKey = undefined;
  }

  #openRoot(kind: 'map' | 'seq', indent: number, offset: number): Frame {
    const frame = this.#newFrame(kind, indent, offset, -1);
    this.#root = kind === 'map' ? frame.map : frame.seq;
    this.#hasRoot = true;
    return frame;
  }

  /** A collection that is the value of the pending key of `parent`. */
  #openChild(parent: Frame, kind: 'map' | 'seq', indent: number, offset: number): Frame {
    const key = parent.pendingKey as string;
    const frame = this.#newFrame(kind, indent, offset, parent.pendingKeyOffset as number);
    if (parent.pendingAnchor !== undefined) {
      // Anchors are read on block mappings only (`matchLabels: &labels`); the rest goes to the full readers.
      if (kind !== 'map') decline();
      frame.anchor = parent.pendingAnchor;
      parent.pendingAnchor = undefined;
    }
    parent.pendingKey = undefined;
    this.#setEntry(parent, key, kind === 'map' ? frame.map : frame.seq);
    return frame;
  }

  #newFrame(kind: 'map' | 'seq', indent: number, offset: number, keyOffset: number): Frame {
    if (this.#stack.length >= this.#limits.maxDepth) decline();
    const node = this.#index.open(offset, keyOffset);
    const frame: Frame = kind === 'map' ? { kind, indent, node, map: {} } : { kind, indent, node, seq: [] };
    this.#stack.push(frame);
    return frame;
  }

  #setEntry(frame: Frame, key: string, value: unknown): void {
    const map = frame.map as Record<string, unknown>;
    if (frame.keys !== undefined) frame.keys.push(key);
    // A duplicate key replaces the earlier value, as in kubectl's go-yaml (not strict); the key
    // list then tells the index that the later entry is the one (keys.lastIndexOf).
    else if (isArrayIndexKey(key) || Object.hasOwn(map, key)) frame.keys = [...Object.keys(map), key];
    map[key] = value;
  }

  /** A sequence item after its dash (`from` is just past the `-`). */
  #item(seq: Frame, from: number): void {
    const text = this.#text;
    let i = from;
    while (i < this.#lineEnd && text.charCodeAt(i) === SPACE) i++;
    if (i < this.#lineEnd && text.charCodeAt(i) === TAB) decline();
    if (i >= this.#lineEnd || text.charCodeAt(i) === HASH) {
      if (i === from && i < this.#lineEnd) decline();
      seq.pendingItem = true;
      this.#nextLine();
      return;
    }
    const c = text.charCodeAt(i);
    if (c === DASH && this.#isBlankAt(i + 1)) decline();
    if (this.#startsMappingEntry(i)) {
      const lineStart = this.#lineStartOf(from);
      const map = this.#newFrame('map', i - lineStart, i, -1);
      (seq.seq as unknown[]).push(map.map);
      this.#entry(map, i);
      return;
    }
    (seq.seq as unknown[]).push(this.#inlineValue(i, -1, seq.indent));
  }

  #lineStartOf(i: number): number {
    const text = this.#text;
    let j = i;
    while (j > 0 && text.charCodeAt(j - 1) !== LF && text.charCodeAt(j - 1) !== CR) j--;
    return j;
  }

  /** Whether a mapping entry (`key: ...`) starts at `i`. */
  #startsMappingEntry(i: number): boolean {
    const text = this.#text;
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = this.#quotedEnd(i);
      let j = close;
      while (j < this.#lineEnd && text.charCodeAt(j) === SPACE) j++;
      return text.charCodeAt(j) === COLON;
    }
    for (let j = i; j < this.#lineEnd; j++) {
      const d = text.charCodeAt(j);
      if (d === COLON && this.#isBlankAt(j + 1)) return true;
      if (d === HASH && text.charCodeAt(j - 1) === SPACE) return false;
    }
    return false;
  }

  /** A mapping entry starting at `i` (the key) in `map`. */
  #entry(map: Frame, i: number): void {
    const text = this.#text;
    let key: string;
    let colon: number;
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = this.#quotedEnd(i);
      key = this.#quotedValue(i, close);
      colon = close;
      while (colon < this.#lineEnd && text.charCodeAt(colon) === SPACE) colon++;
      if (text.charCodeAt(colon) !== COLON || !this.#isBlankAt(colon + 1)) decline();
    } else {
      if (!this.#plainMayStartAt(i)) decline();
      colon = -1;
      let hash = 0;
      for (let j = i; j < this.#lineEnd; j++) {
        const d = text.charCodeAt(j);
        if (d === COLON && this.#isBlankAt(j + 1)) {
          colon = j;
          break;
        }
        if (d === TAB || (d === HASH && text.charCodeAt(j - 1) === SPACE)) decline();
        hash = (Math.imul(hash, 31) + d) | 0;
      }
      if (colon < 0) decline();
      let keyEnd = colon;
      while (keyEnd > i && text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      key = this.#scalars.key(text, i, keyEnd, hash);
    }
    if (key === '__proto__') decline();
    let v = colon + 1;
    while (v < this.#lineEnd && text.charCodeAt(v) === SPACE) v++;
    if (v >= this.#lineEnd || text.charCodeAt(v) === HASH) {
      if (v < this.#lineEnd && v === colon + 1) decline();
      map.pendingKey = key;
      map.pendingKeyOffset = i;
      map.pendingEmptyOffset = v;
      this.#nextLine();
      return;
    }
    const first = text.charCodeAt(v);
    if (first === TAB) decline();
    if (first === 38 /* & */ || first === 42 /* * */) {
      this.#anchorOrAlias(map, key, i, v);
      return;
    }
    const value = this.#inlineValue(v, i, map.indent);
    this.#setEntry(map, key, value);
  }

  /**
   * `key: &name` with a block mapping below it, or `key: *name`: the anchors and aliases of
   * manifests (`matchLabels: &labels` ... `labels: *labels`). An alias is the anchored value itself,
   * as in the exact reader, and its index node gets a copy of the anchor's children, so that a
   * path through it finds the anchored entries. Anchors anywhere else, names beyond go-yaml's
   * letters, digits, `_` and `-`, and unknown anchors go to the full readers.
   */
  #anchorOrAlias(map: Frame, key: string, keyOffset: number, at: number): void {
    const text = this.#text;
    let end = at + 1;
    for (; end < this.#lineEnd; end++) {
      const d = text.charCodeAt(end);
      if (!((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95 || d === DASH)) break;
    }
    if (end === at + 1 || !this.#onlyCommentFrom(end)) decline();
    const name = text.slice(at + 1, end);
    if (text.charCodeAt(at) === 38) {
      map.pendingKey = key;
      map.pendingKeyOffset = keyOffset;
      map.pendingEmptyOffset = at;
      map.pendingAnchor = name;
      this.#nextLine();
      return;
    }
    const target = this.#anchors?.get(name);
    if (target === undefined) decline();
    this.#aliasExpansion += this.#index.alias(target.node, at, keyOffset);
    if (this.#aliasExpansion > this.#limits.maxAliasExpansion) decline();
    this.#setEntry(map, key, target.value);
    this.#nextLine();
  }

  /**
   * A value that starts on the current line at `i`: a scalar, a one-line flow collection or a
   * block scalar. Moves to the next line to read. `parentIndent` bounds a block scalar's content.
   */
  #inlineValue(i: number, keyOffset: number, parentIndent: number): unknown {
    const text = this.#text;
    const c = text.charCodeAt(i);
    if (c === 124 /* | */ || c === 62 /* > */) return this.#blockScalar(i, keyOffset, parentIndent);
    let value: unknown;
    let after: number;
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const flow = c === 91 && this.#skipSpaces(i + 1) >= this.#lineEnd ? this.#multiLineFlowSequence(i, keyOffset) : this.#flow(i, keyOffset, 0);
      value = flow.value;
      after = flow.end;
    } else if (c === 34 || c === 39) {
      const close = this.#quotedEndOnLine(i);
      if (close < 0) {
        value = this.#multiLineQuoted(i);
        after = this.#pos;
        this.#pos = this.#lineStartOf(after);
      } else {
        value = this.#quotedValue(i, close);
        after = close;
      }
      this.#leaf(i, keyOffset);
    } else {
      if (!this.#plainMayStartAt(i)) decline();
      let end = i;
      let hash = 0;
      let comment = false;
      for (let j = i; j < this.#lineEnd; j++) {
        const d = text.charCodeAt(j);
        if (d === SPACE) {
          if (text.charCodeAt(j + 1) === HASH) {
            comment = true;
            break;
          }
          continue;
        }
        if (d === TAB) decline();
        if (d === COLON && this.#isBlankAt(j + 1)) decline();
        end = j + 1;
        hash = (Math.imul(hash, 31) + d) | 0;
      }
      const more = comment ? undefined : this.#plainContinuation(parentIndent);
      if (more === undefined) value = this.#scalars.value(text, i, end, hash);
      else {
        value = resolvePlainScalar(text.slice(i, end) + more);
        if (typeof value === 'number' && !Number.isFinite(value)) decline();
      }
      this.#leaf(i, keyOffset);
      after = more === undefined ? end : this.#lineEnd;
    }
    if (!this.#onlyCommentFrom(after)) decline();
    this.#nextLine();
    // A deeper line after this one (a multi-line plain scalar, or an error) finds no collection
    // to join in #line and declines there.
    return value;
  }

  /**
   * The folded continuation lines of a plain scalar whose first line is the current one (YAML
   * line folding: a line break is a space, each blank line a line break), or undefined when the
   * next content line is not indented past `parentIndent`. Leaves the reader on the last line read.
   */
  #plainContinuation(parentIndent: number): string | undefined {
    const text = this.#text;
    let folded: string | undefined;
    let breaks = 0;
    let p = this.#lineEnd;
    if (text.charCodeAt(p) === CR) p++;
    if (text.charCodeAt(p) === LF) p++;
    while (p < this.#end) {
      let lineEnd = text.indexOf('\n', p);
      if (lineEnd < 0 || lineEnd > this.#end) lineEnd = this.#end;
      if (lineEnd > p && text.charCodeAt(lineEnd - 1) === CR) lineEnd--;
      let s = p;
      while (s < lineEnd && text.charCodeAt(s) === SPACE) s++;
      if (s === lineEnd) {
        breaks++;
      } else {
        if (s - p <= parentIndent) break;
        const first = text.charCodeAt(s);
        // A comment line ends the scalar; rare enough to leave to the full readers.
        if (first === HASH || first === TAB) decline();
        let end = s;
        for (let j = s; j < lineEnd; j++) {
          const d = text.charCodeAt(j);
          if (d === SPACE) {
            if (text.charCodeAt(j + 1) === HASH) decline();
            continue;
          }
          if (d === TAB) decline();
          if (d === COLON && (j + 1 >= lineEnd || text.charCodeAt(j + 1) === SPACE)) decline();
          end = j + 1;
        }
        folded = (folded ?? '') + (breaks === 0 ? ' ' : '\n'.repeat(breaks)) + text.slice(s, end);
        breaks = 0;
        this.#pos = p;
        this.#lineEnd = lineEnd;
      }
      if (lineEnd >= this.#end) break;
      p = lineEnd;
      if (text.charCodeAt(p) === CR) p++;
      if (text.charCodeAt(p) === LF) p++;
    }
    return folded;
  }

  /** Index just past the closing quote of a quoted scalar at `i` that closes on its line, else -1. */
  #quotedEndOnLine(i: number): number {
    const text = this.#text;
    const quote = text.charCodeAt(i);
    for (let j = i + 1; j < this.#lineEnd; j++) {
      const d = text.charCodeAt(j);
      if (d === quote) {
        if (quote === 39 && text.charCodeAt(j + 1) === 39) {
          j++;
          continue;
        }
        return j + 1;
      }
      if (d === 92 /* \ */ && quote === 34) j++;
    }
    return -1;
  }

  /**
   * A quoted scalar at `i` that goes on over the next lines (go-yaml checks no indentation in
   * them). Lines fold as in plain scalars, their leading and trailing blanks dropped. Double-quoted
   * ones with escapes go to the full readers (an escaped line break joins lines differently).
   * Returns the value with #pos just past the closing quote and #lineEnd at the end of its line.
   */
  #multiLineQuoted(i: number): string {
    const text = this.#text;
    const quote = text.charCodeAt(i);
    let value = '';
    let breaks = -1;
    let from = i + 1;
    let lineEnd = this.#lineEnd;
    for (;;) {
      // The part of the line from `from`: up to the closing quote or the line end.
      let j = from;
      let close = -1;
      for (; j < lineEnd; j++) {
        const d = text.charCodeAt(j);
        if (d === quote) {
          if (quote === 39 && text.charCodeAt(j + 1) === 39) {
            j++;
            continue;
          }
          close = j;
          break;
        }
        if (d === TAB || (quote === 34 && (d === 92 || d < 32))) decline();
      }
      let start = from;
      if (breaks >= 0) while (start < j && text.charCodeAt(start) === SPACE) start++;
      let stop = j;
      if (close < 0) while (stop > start && text.charCodeAt(stop - 1) === SPACE) stop--;
      const part = quote === 39 ? text.slice(start, stop).replaceAll("''", "'") : text.slice(start, stop);
      if (breaks < 0) value = part;
      else if (part !== '' || close >= 0) {
        value += (breaks === 0 ? ' ' : '\n'.repeat(breaks)) + part;
        breaks = 0;
      } else breaks++;
      if (close >= 0) {
        this.#pos = close + 1;
        this.#lineEnd = lineEnd;
        return value;
      }
      if (breaks < 0) breaks = 0;
      // The next line.
      let p = lineEnd;
      if (text.charCodeAt(p) === CR) p++;
      if (text.charCodeAt(p) === LF) p++;
      if (p >= this.#end) decline();
      lineEnd = text.indexOf('\n', p);
      if (lineEnd < 0 || lineEnd > this.#end) lineEnd = this.#end;
      if (lineEnd > p && text.charCodeAt(lineEnd - 1) === CR) lineEnd--;
      // A document marker inside a quoted scalar is an error for go-yaml.
      if ((text.charCodeAt(p) === DASH || text.charCodeAt(p) === 46) && this.#isMarkerAt(p, lineEnd)) decline();
      from = p;
    }
  }

  #isMarkerAt(lineStart: number, lineEnd: number): boolean {
    const text = this.#text;
    const c = text.charCodeAt(lineStart);
    if (text.charCodeAt(lineStart + 1) !== c || text.charCodeAt(lineStart + 2) !== c) return false;
    return lineStart + 3 >= lineEnd || text.charCodeAt(lineStart + 3) === SPACE || text.charCodeAt(lineStart + 3) === TAB;
  }

  #leaf(offset: number, keyOffset: number): void {
    const node = this.#index.open(offset, keyOffset);
    this.#index.close(node);
  }

  /** ns-plain-first: a plain scalar may not start with an indicator (`-?:` only before a non-blank). */
  #plainMayStartAt(i: number): boolean {
    const c = this.#text.charCodeAt(i);
    switch (c) {
      case DASH:
      case 63 /* ? */:
      case COLON:
        return !this.#isBlankAt(i + 1) && this.#text.charCodeAt(i + 1) !== TAB;
      case 44: // ,
      case 91: // [
      case 93: // ]
      case 123: // {
      case 125: // }
      case HASH:
      case 38: // &
      case 42: // *
      case 33: // !
      case 124: // |
      case 62: // >
      case 39: // '
      case 34: // "
      case 37: // %
      case 64: // @
      case 96: // `
        return false;
      default:
        return true;
    }
  }

  /** Index just past the closing quote of a one-line quoted scalar starting at `i`. */
  #quotedEnd(i: number): number {
    const text = this.#text;
    const quote = text.charCodeAt(i);
    let j = i + 1;
    for (;;) {
      if (j >= this.#lineEnd) decline();
      const d = text.charCodeAt(j);
      if (d === quote) {
        if (quote === 39 && text.charCodeAt(j + 1) === 39) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      if (d === 92 /* \ */ && quote === 34) j++;
      j++;
    }
  }

  #quotedValue(start: number, end: number): string {
    const text = this.#text;
    const body = text.slice(start + 1, end - 1);
    if (text.charCodeAt(start) === 39) return body.includes("''") ? body.replaceAll("''", "'") : body;
    if (!body.includes('\\')) {
      if (/[\u0000-\u001f\u007f]/.test(body)) decline();
      return body;
    }
    // Only the escapes YAML 1.1 shares with JSON; the others (\x, \e, \N, ...) go to the full
    // readers, and so does JSON's \/, which go-yaml (YAML 1.1) refuses.
    if (/\\[^"\\bfnrtu]/.test(body)) decline();
    try {
      return JSON.parse(text.slice(start, end)) as string;
    } catch {
      decline();
    }
  }

  /**
   * A one-line flow collection at `i`; returns its value and the index after its closing bracket.
   * `inKey`: the collection is itself a mapping key, which makes the document a problem (below).
   */
  #flow(i: number, keyOffset: number, depth: number, inKey = false): { value: unknown; end: number } {
    if (this.#stack.length + depth >= this.#limits.maxDepth) decline();
    const text = this.#text;
    const node = this.#index.open(i, keyOffset);
    const isMap = text.charCodeAt(i) === 123;
    const close = isMap ? 125 : 93;
    const map: Record<string, unknown> = {};
    let keys: string[] | undefined;
    const seq: unknown[] = [];
    let j = this.#skipSpaces(i + 1);
    if (text.charCodeAt(j) === close) {
      this.#index.close(node);
      return { value: isMap ? map : seq, end: j + 1 };
    }
    for (;;) {
      if (isMap) {
        const keyStart = j;
        // undefined: a collection as the key (`{{args.name}}` in an Argo template), which go-yaml
        // reads and kubectl's conversion to JSON refuses.
        let key: string | undefined;
        const c = text.charCodeAt(j);
        if (c === 91 || c === 123) {
          j = this.#skipSpaces(this.#flow(j, -1, depth + 1, true).end);
        } else if (c === 34 || c === 39) {
          const end = this.#quotedEnd(j);
          key = this.#quotedValue(j, end);
          j = this.#skipSpaces(end);
        } else {
          const end = this.#flowPlainEnd(j);
          key = this.#scalars.key(text, j, end, hashOf(text, j, end));
          j = this.#skipSpaces(end);
        }
        if (key === '__proto__') decline();
        let value: unknown = null;
        if (text.charCodeAt(j) === COLON && text.charCodeAt(j + 1) === SPACE) {
          j = this.#skipSpaces(j + 1);
          const entry = this.#flowNode(j, keyStart, depth);
          value = entry.value;
          j = this.#skipSpaces(entry.end);
        } else {
          // An entry without a value (`{a}`: null) only where the document is refused anyway, so
          // that neither its value nor its position is ever used.
          const d = text.charCodeAt(j);
          if (!((key === undefined || inKey) && (d === 44 || d === close))) decline();
        }
        if (key === undefined) {
          // After the entry's value, as the exact reader meets it: a refused key inside the value comes first.
          this.#conversionProblem ??= { offset: keyStart, message: 'a mapping key is a collection (kubectl cannot convert it to JSON)' };
        } else {
          if (keys !== undefined) keys.push(key);
          else if (isArrayIndexKey(key) || Object.hasOwn(map, key)) keys = [...Object.keys(map), key];
          map[key] = value;
        }
      } else {
        const entry = this.#flowNode(j, -1, depth);
        seq.push(entry.value);
        j = this.#skipSpaces(entry.end);
      }
      const d = text.charCodeAt(j);
      if (d === close) break;
      if (d !== 44 /* , */) decline();
      j = this.#skipSpaces(j + 1);
      if (text.charCodeAt(j) === close) decline();
    }
    if (keys !== undefined) this.#index.setKeys(node, keys);
    this.#index.close(node);
    return { value: isMap ? map : seq, end: j + 1 };
  }

  /**
   * A flow sequence whose `[` ends its line (`args: [` and an item or a few per line, Istio's
   * samples): quoted or plain scalars, each on one line, a trailing comma allowed. go-yaml checks
   * no indentation inside flow collections, so neither does this. Nested collections, comments,
   * blank lines and scalars over several lines go to the full readers. Leaves the reader on the
   * line of the closing bracket.
   */
  #multiLineFlowSequence(open: number, keyOffset: number): { value: unknown[]; end: number } {
    if (this.#stack.length >= this.#limits.maxDepth) decline();
    const text = this.#text;
    const node = this.#index.open(open, keyOffset);
    const seq: unknown[] = [];
    let j = this.#nextFlowLine();
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === 91 || c === 123 || c === 44 || c === 93 || c === 125) decline();
      const entry = this.#flowNode(j, -1, 0, true);
      seq.push(entry.value);
      j = this.#skipSpaces(entry.end);
      if (j >= this.#lineEnd) j = this.#nextFlowLine();
      const d = text.charCodeAt(j);
      if (d === 93) break;
      if (d !== 44) decline();
      j = this.#skipSpaces(j + 1);
      if (j >= this.#lineEnd) j = this.#nextFlowLine();
      if (text.charCodeAt(j) === 93) break;
    }
    this.#index.close(node);
    return { value: seq, end: j + 1 };
  }

  /** Moves on to the next line inside a flow collection; returns where its content starts. */
  #nextFlowLine(): number {
    const text = this.#text;
    this.#nextLine();
    if (this.#pos >= this.#end) decline();
    this.#findLineEnd();
    const start = this.#pos;
    if ((text.charCodeAt(start) === DASH || text.charCodeAt(start) === 46) && this.#isMarker(start)) decline();
    const j = this.#skipSpaces(start);
    if (j >= this.#lineEnd) decline();
    const c = text.charCodeAt(j);
    if (c === HASH || c === TAB) decline();
    return j;
  }

  /** `endsAtLineEnd`: a plain scalar may end with its line (in a flow over several lines). */
  #flowNode(j: number, keyOffset: number, depth: number, endsAtLineEnd = false): { value: unknown; end: number } {
    const text = this.#text;
    const c = text.charCodeAt(j);
    if (c === 91 || c === 123) return this.#flow(j, keyOffset, depth + 1);
    if (c === 34 || c === 39) {
      const end = this.#quotedEnd(j);
      const value = this.#quotedValue(j, end);
      this.#leaf(j, keyOffset);
      return { value, end };
    }
    const end = this.#flowPlainEnd(j, endsAtLineEnd);
    const value = this.#scalars.value(text, j, end, hashOf(text, j, end));
    this.#leaf(j, keyOffset);
    return { value, end };
  }

  /**
   * End of a plain scalar inside a flow collection (trailing spaces excluded). One that reaches
   * the line end is declined (it may go on over the next line) unless `endsAtLineEnd`, whose
   * caller then declines anything but `,` or `]` next.
   */
  #flowPlainEnd(j: number, endsAtLineEnd = false): number {
    const text = this.#text;
    if (!this.#plainMayStartAt(j)) decline();
    let end = j;
    for (let k = j; k < this.#lineEnd; k++) {
      const d = text.charCodeAt(k);
      if (d === 44 || d === 91 || d === 93 || d === 123 || d === 125) return end;
      if (d === TAB) decline();
      if (d === SPACE) {
        if (text.charCodeAt(k + 1) === HASH) decline();
        continue;
      }
      if (d === COLON) {
        const n = text.charCodeAt(k + 1);
        if (n === SPACE || n === 44 || n === 93 || n === 125 || k + 1 >= this.#lineEnd) return end;
      }
      end = k + 1;
    }
    if (endsAtLineEnd && end > j) return end;
    decline();
  }

  #skipSpaces(j: number): number {
    const text = this.#text;
    while (j < this.#lineEnd && text.charCodeAt(j) === SPACE) j++;
    return j;
  }

  /** A literal (`|`) or folded (`>`) block scalar whose header is at `i`. */
  #blockScalar(i: number, keyOffset: number, parentIndent: number): string {
    const text = this.#text;
    const folded = text.charCodeAt(i) === 62;
    let j = i + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    const k = text.charCodeAt(j);
    if (k === DASH) {
      chomp = 'strip';
      j++;
    } else if (k === 43 /* + */) {
      chomp = 'keep';
      j++;
    }
    // Explicit indentation indicators and anything else after the header go to the full readers.
    if (!this.#onlyCommentFrom(j)) decline();
    this.#leaf(i, keyOffset);
    this.#nextLine();

    const lines: string[] = [];
    let contentIndent = -1;
    let leadingBlankMax = 0;
    while (this.#pos < this.#end) {
      this.#findLineEnd();
      const lineStart = this.#pos;
      let s = lineStart;
      while (s < this.#lineEnd && text.charCodeAt(s) === SPACE) s++;
      const spaces = s - lineStart;
      // go-yaml refuses a tab before the indentation (before the first content, anywhere).
      if (text.charCodeAt(s) === TAB && (contentIndent < 0 || spaces < contentIndent)) decline();
      if (s === this.#lineEnd) {
        // A blank line: empty, or content spaces beyond the indentation.
        if (contentIndent < 0) {
          leadingBlankMax = Math.max(leadingBlankMax, spaces);
          lines.push('');
        } else lines.push(spaces > contentIndent ? text.slice(lineStart + contentIndent, this.#lineEnd) : '');
        this.#nextLine();
        continue;
      }
      if (contentIndent < 0) {
        if (spaces <= parentIndent) break;
        if (leadingBlankMax > spaces) decline();
        contentIndent = spaces;
      }
      if (spaces < contentIndent) break;
      lines.push(text.slice(lineStart + contentIndent, this.#lineEnd));
      this.#nextLine();
    }
    // A file that ends without a line break reads as if it had one: kubectl's splitter ends
    // every line it passes on with one. An empty scalar made of indented blank lines is rare and
    // subtle: the full readers decide.
    if (contentIndent < 0 && leadingBlankMax > 0) decline();
    // Trailing empty lines are subject to chomping.
    let last = lines.length;
    while (last > 0 && lines[last - 1] === '') last--;
    const trailing = lines.length - last;
    const body = lines.slice(0, last);
    let value = folded ? foldLines(body) : body.join('\n');
    if (chomp === 'keep') value += body.length > 0 ? '\n'.repeat(trailing + 1) : '\n'.repeat(trailing);
    else if (chomp === 'clip' && body.length > 0) value += '\n';
    return value;
  }
}

/** YAML line folding of a folded block scalar's lines (YAML 1.2 §8.1.3). */
function foldLines(lines: string[]): string {
  let value = '';
  let empties = 0;
  let previous: 'none' | 'normal' | 'spaced' = 'none';
  for (const line of lines) {
    if (line === '') {
      empties++;
      continue;
    }
    const spaced = line.charCodeAt(0) === SPACE || line.charCodeAt(0) === TAB;
    if (previous === 'none') value += '\n'.repeat(empties);
    else if (!spaced && previous === 'normal') value += empties === 0 ? ' ' : '\n'.repeat(empties);
    else value += '\n'.repeat(empties + 1);
    value += line;
    previous = spaced ? 'spaced' : 'normal';
    empties = 0;
  }
  return value;
}

/**
 * The same few dozen keys make up almost every mapping of a manifest, and many values repeat
 * (kinds, pull policies, port names, images). One seen before is taken from a table instead of
 * being cut out of the text and resolved again, and for keys matched against the engine's table
 * of property names again: a third of this reader's time on big files, and a repeated value is
 * one string instead of thousands for the garbage collector. Only scalars that read as
 * themselves (strings) are kept, so a hit is exactly what the text would give. One cache serves
 * the documents of one text, so that nothing of a text outlives its reading.
 */
export class ScalarCache {
  readonly #keys: (string | undefined)[] = new Array<string | undefined>(KEY_CACHE_SIZE);
  readonly #values: (string | undefined)[] = new Array<string | undefined>(VALUE_CACHE_SIZE);

  /** The plain key at `start`..`end` of `text`; `hash` is any hash of its characters (it picks the slot). */
  key(text: string, start: number, end: number, hash: number): string {
    const slot = hash & (KEY_CACHE_SIZE - 1);
    const cached = this.#keys[slot];
    if (cached !== undefined && cached.length === end - start && text.startsWith(cached, start)) return cached;
    const source = text.slice(start, end);
    const key = keyString(resolvePlainScalar(source));
    if (key === source) this.#keys[slot] = key;
    return key;
  }

  /** The value of the plain scalar at `start`..`end` of `text`, as key(). */
  value(text: string, start: number, end: number, hash: number): unknown {
    const slot = hash & (VALUE_CACHE_SIZE - 1);
    const cached = this.#values[slot];
    if (cached !== undefined && cached.length === end - start && text.startsWith(cached, start)) return cached;
    const source = text.slice(start, end);
    const value = resolvePlainScalar(source);
    if (value === source) this.#values[slot] = source;
    // `.inf` and `.nan`: kubectl fails to convert them to JSON; the exact reader reports it.
    else if (typeof value === 'number' && !Number.isFinite(value)) decline();
    return value;
  }
}

const KEY_CACHE_SIZE = 1024;
const VALUE_CACHE_SIZE = 4096;

function hashOf(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

function keyString(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number' || typeof key === 'boolean') return String(key);
  if (key === MERGE_KEY) decline();
  decline();
}
