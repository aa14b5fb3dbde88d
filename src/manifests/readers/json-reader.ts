import type { JsonPath } from '../../manifests/model.js';
import type { DocumentRead } from '../document-read.js';
import type { LoadLimits } from '../load-limits.js';
import type { NodeLocation, NodeLocator } from '../node-locator.js';
import { OffsetIndexBuilder, type OffsetIndexLocator } from '../offset-index.js';

/**
 * Reads one JSON value at `start` (up to the end of the text), as kubectl's decoder reads JSON:
 * values from JSON.parse (duplicate keys: the last wins, like Go's encoding/json), positions from
 * a scan of the text made only when a position is first asked for.
 */
export function readJsonDocument(text: string, start: number, limits: LoadLimits): DocumentRead {
  let value: unknown;
  try {
    value = JSON.parse(start === 0 ? text : text.slice(start));
  } catch {
    const scanned = scanJson(text, start, limits, false);
    if ('error' in scanned) return { kind: 'problem', problem: { code: scanned.code, offset: scanned.offset, message: scanned.error } };
    // JSON.parse and the scanner disagree only on inputs the scanner accepts more loosely.
    return { kind: 'problem', problem: { code: 'yaml-syntax', offset: start, message: 'invalid JSON' } };
  }
  return checkedDepth(value, text, start, limits);
}

function checkedDepth(value: unknown, text: string, start: number, limits: LoadLimits): DocumentRead {
  const depth = maxDepth(value, limits.maxDepth);
  if (depth > limits.maxDepth) {
    // The scanner stops at the first collection too deep, which is where the message should point.
    const scanned = scanJson(text, start, limits, true);
    const offset = 'error' in scanned && scanned.code === 'input-rejected' ? scanned.offset : start;
    return {
      kind: 'problem',
      problem: { code: 'input-rejected', offset, message: `collections nest deeper than ${limits.maxDepth} levels; document not read` },
    };
  }
  return { kind: 'value', value, locator: new LazyJsonLocator(text, start, limits) };
}

/** What kubectl's JSON decoder makes of a stream that starts with `{`. */
export interface JsonStreamRead {
  documents: DocumentRead[];
  /** The JSON error that stopped the decoder, at its offset. */
  failure?: DocumentRead;
  /** Where kubectl goes on reading the rest as YAML (after at most one JSON value), if it does. */
  yamlFrom?: number;
}

/**
 * kubectl's YAMLOrJSONDecoder on a stream it takes for JSON (apimachinery pkg/util/yaml): JSON
 * values one after the other (`{...}\n{...}` is two documents); when one fails to decode after
 * at most one good value, the stream is ambiguous and the rest, from the end of that value past
 * white space up to the first line break, is read as YAML; after two good values the error stops it.
 */
export function readJsonStream(text: string, limits: LoadLimits): JsonStreamRead {
  try {
    return { documents: [checkedDepth(JSON.parse(text), text, 0, limits)] };
  } catch {
    // Not one JSON value: several, or an error, read value by value below.
  }
  const documents: DocumentRead[] = [];
  let at = 0;
  for (;;) {
    const valueStart = skipJsonBlanks(text, at);
    if (valueStart >= text.length) return { documents };
    const scanned = scanJson(text, valueStart, limits, true);
    if ('error' in scanned) {
      const failure: DocumentRead = { kind: 'problem', problem: { code: scanned.code, offset: scanned.offset, message: scanned.error } };
      if (documents.length > 1 || scanned.code === 'input-rejected') return { documents, failure };
      return { documents, failure, yamlFrom: afterWhiteSpaceLine(text, at) };
    }
    documents.push(checkedDepth(JSON.parse(text.slice(valueStart, scanned.end)), text, valueStart, limits));
    at = scanned.end;
  }
}

function skipJsonBlanks(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else return i;
  }
}

/** apimachinery's consumeWhitespace: white space (Go's unicode.IsSpace) up to and including the first line break. */
function afterWhiteSpaceLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && isGoSpace(text.charCodeAt(i))) {
    i++;
    if (text.charCodeAt(i - 1) === 10) break;
  }
  return i;
}

/** Go's unicode.IsSpace. */
function isGoSpace(c: number): boolean {
  if (c <= 0xff) return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * Whether kubectl's decoder takes the stream for JSON: the first non-space character (Go's
 * unicode.IsSpace; a byte order mark is none) of its first 4096 bytes is `{`.
 */
export function kubectlReadsJson(text: string): boolean {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    if (bytes > 4096) return false;
    if (!isGoSpace(c)) return c === 123;
  }
  return false;
}

class LazyJsonLocator implements NodeLocator {
  #index: OffsetIndexLocator | undefined;

  constructor(
    readonly text: string,
    readonly start: number,
    readonly limits: LoadLimits,
  ) {}

  locate(path: JsonPath): NodeLocation {
    if (this.#index === undefined) {
      const scanned = scanJson(this.text, this.start, this.limits, true);
      if ('error' in scanned) return { value: this.start, key: undefined, exact: false };
      this.#index = scanned.index;
    }
    return this.#index.locate(path);
  }
}

function maxDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest - 1;
}

type Scanned = { index: OffsetIndexLocator; end: number } | { error: string; offset: number; code: 'yaml-syntax' | 'input-rejected' };

/** A JSON scanner (RFC 8259) that records where each node sits, or says precisely what was expected where. */
function scanJson(text: string, start: number, limits: LoadLimits, stopAfterValue: boolean): Scanned {
  const builder = new OffsetIndexBuilder();
  let i = start;
  const length = text.length;
  const fail = (message: string, at = i): Scanned => ({ error: `JSON: ${message}`, offset: at, code: 'yaml-syntax' });

  const skipBlanks = (): void => {
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || (c === 0xfeff && i === 0)) i++;
      else break;
    }
  };
  const describe = (): string => (i >= length ? 'the end of the file' : JSON.stringify(text.charAt(i)));

  // Explicit stack of open containers, so that depth is bounded by a check, not by the call stack.
  const stack: { node: number; keys: string[] | undefined; keyOffset: number }[] = [];

  const scanString = (): string | Scanned => {
    const begin = i;
    i++;
    for (;;) {
      if (i >= length) return fail('unterminated string', begin);
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        const e = text.charAt(i + 1);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('expected 4 hex digits after \\u', i);
          i += 6;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else return fail(`invalid escape \\${e}`, i);
        continue;
      }
      if (c < 0x20) return fail('control character in a string (escape it)', i);
      i++;
    }
    i++;
    return JSON.parse(text.slice(begin, i)) as string;
  };

  skipBlanks();
  let keyOffset = -1;
  for (;;) {
    // Expect a value at i.
    skipBlanks();
    const valueStart = i;
    const c = text.charAt(i);
    if (c === '{' || c === '[') {
      if (stack.length >= limits.maxDepth) {
        return { error: `collections nest deeper than ${limits.maxDepth} levels; document not read`, offset: i, code: 'input-rejected' };
      }
      const node = builder.open(valueStart, keyOffset);
      i++;
      skipBlanks();
      const keys: string[] | undefined = c === '{' ? [] : undefined;
      if (keys) builder.setKeys(node, keys);
      stack.push({ node, keys, keyOffset });
      const close = c === '{' ? '}' : ']';
      if (text.charAt(i) === close) {
        i++;
        builder.close(node);
        stack.pop();
      } else if (keys) {
        if (text.charAt(i) !== '"') return fail(`expected a property name in double quotes or '}', found ${describe()}`);
        keyOffset = i;
        const key = scanString();
        if (typeof key !== 'string') return key;
        keys.push(key);
        skipBlanks();
        if (text.charAt(i) !== ':') return fail(`expected ':' after a property name, found ${describe()}`);
        i++;
        continue;
      } else {
        keyOffset = -1;
        continue;
      }
    } else if (c === '"') {
      const node = builder.open(valueStart, keyOffset);
      const s = scanString();
      if (typeof s !== 'string') return s;
      builder.close(node);
    } else {
      const literal = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)/.exec(text.slice(i, i + 512));
      if (literal === null) return fail(`expected a value, found ${describe()}`);
      const node = builder.open(valueStart, keyOffset);
      i += literal[0].length;
      builder.close(node);
    }
    // After a value: close containers or move to the next entry.
    for (;;) {
      const valueEnd = i;
      skipBlanks();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (stopAfterValue) return { index: builder.build(), end: valueEnd };
        if (i < length) return fail(`expected the end of the file after the JSON value, found ${describe()}`);
        return { index: builder.build(), end: i };
      }
      const close = top.keys ? '}' : ']';
      const ch = text.charAt(i);
      if (ch === ',') {
        i++;
        skipBlanks();
        if (top.keys) {
          if (text.charAt(i) !== '"') return fail(`expected a property name in double quotes, found ${describe()}`);
          keyOffset = i;
          const key = scanString();
          if (typeof key !== 'string') return key;
          top.keys.push(key);
          skipBlanks();
          if (text.charAt(i) !== ':') return fail(`expected ':' after a property name, found ${describe()}`);
          i++;
        } else keyOffset = -1;
        break;
      }
      if (ch === close) {
        i++;
        builder.close(top.node);
        stack.pop();
        continue;
      }
      return fail(`expected ',' or '${close}', found ${describe()}`);
    }
  }
}
