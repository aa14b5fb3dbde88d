import { EVENT_ID, type Event, getScalarValue, parseEvents, SCALAR_STYLE, type ScalarEvent } from 'js-yaml';
import type { DocumentRead } from '../document-read.js';
import type { LoadLimits } from '../load-limits.js';
import { OffsetIndexBuilder } from '../offset-index.js';
import { MERGE_KEY, resolvePlainScalar } from '../resolve-plain-scalar.js';

/**
 * The read-only fast path: js-yaml's flat event stream (with source offsets) turned into plain
 * values and a compact offset index. It returns undefined, and the caller falls back to the
 * exact `yaml` reader, for anything it cannot reproduce exactly: syntax errors (so that `yaml`
 * reports them precisely), tags, anchors and aliases, merge keys, duplicate or non-string keys,
 * empty sequence items. Positions agree with the `yaml` reader node for node (tested on the
 * corpus); scalars go through the same YAML 1.1 resolver.
 */
export function readWithEventReader(text: string, start: number, end: number, limits: LoadLimits): DocumentRead | undefined {
  // kubectl's splitter ends every line with a line break, the last one of a file too.
  const source = withFinalLineBreak(start === 0 && end === text.length ? text : text.slice(start, end), end === text.length);
  // go-yaml refuses tabs in places js-yaml takes them (goYamlTabProblem); the exact reader checks.
  if (source.includes('\t')) return undefined;
  let events: Event[];
  try {
    events = parseEvents(source, { maxDepth: limits.maxDepth });
  } catch (error) {
    // Too deep is a verdict, not a decline: the `yaml` reader would only overflow its stack on it.
    const at = depthExceededAt(error);
    if (at === undefined) return undefined;
    return {
      kind: 'problem',
      problem: { code: 'input-rejected', offset: start + at, message: `collections nest deeper than ${limits.maxDepth} levels; document not read` },
    };
  }
  let documents = 0;
  for (const event of events) if (event.type === EVENT_ID.DOCUMENT) documents++;
  if (documents === 0) return { kind: 'empty' };
  if (documents > 1 || events[0]?.type !== EVENT_ID.DOCUMENT) return undefined;
  const root = events[1];
  if (root === undefined) return undefined;
  if (root.type === EVENT_ID.SCALAR && root.valueStart < 0 && root.anchorStart < 0 && root.tagStart < 0) {
    return { kind: 'empty' };
  }
  const builder = new FastBuilder(source, start, events);
  try {
    const value = builder.node(-1);
    return { kind: 'value', value, locator: builder.index.build() };
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

const DECLINE = Symbol('decline');

/** The chunk offset where js-yaml stopped for `maxDepth`, or undefined for any other error. */
function depthExceededAt(error: unknown): number | undefined {
  if (!(error instanceof Error) || !/^nesting exceeded maxDepth\b/.test((error as { reason?: string }).reason ?? '')) return undefined;
  const position = (error as { mark?: { position?: number } }).mark?.position;
  return typeof position === 'number' ? position : 0;
}

class FastBuilder {
  readonly index = new OffsetIndexBuilder();
  readonly #source: string;
  readonly #base: number;
  readonly #events: Event[];
  #next = 1;
  /** End (chunk offset) of the last scalar read: the lower bound when looking for a block scalar's indicator. */
  #lastEnd = 0;

  constructor(source: string, base: number, events: Event[]) {
    this.#source = source;
    this.#base = base;
    this.#events = events;
  }

  /** Reads the node at the cursor. `keyOffset` is the absolute offset of its key, -1 for none. */
  node(keyOffset: number): unknown {
    const event = this.#events[this.#next++];
    if (event === undefined) throw DECLINE;
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        if (event.anchorStart >= 0 || event.tagStart >= 0) throw DECLINE;
        const index = this.index.open(this.#base + this.#scalarOffset(event, keyOffset), keyOffset);
        this.index.close(index);
        return this.#scalarValue(event);
      }
      case EVENT_ID.MAPPING: {
        if (event.anchorStart >= 0 || event.tagStart >= 0) throw DECLINE;
        const index = this.index.open(this.#base + event.start, keyOffset);
        const value: Record<string, unknown> = {};
        const keys: string[] = [];
        for (;;) {
          const keyEvent = this.#events[this.#next++];
          if (keyEvent === undefined) throw DECLINE;
          if (keyEvent.type === EVENT_ID.POP) break;
          if (keyEvent.type !== EVENT_ID.SCALAR || keyEvent.anchorStart >= 0 || keyEvent.tagStart >= 0) throw DECLINE;
          if (keyEvent.valueStart < 0 || keyEvent.style === SCALAR_STYLE.LITERAL_BLOCK || keyEvent.style === SCALAR_STYLE.FOLDED_BLOCK) {
            throw DECLINE;
          }
          // go-yaml refuses an implicit key that spans lines (js-yaml accepts it in flow mappings).
          const lineBreak = this.#source.indexOf('\n', keyEvent.valueStart);
          if (lineBreak >= 0 && lineBreak < keyEvent.valueEnd) throw DECLINE;
          const key = keyString(this.#scalarValue(keyEvent));
          if (key === undefined || key === '__proto__' || Object.hasOwn(value, key)) throw DECLINE;
          const keyStart = keyEvent.style === SCALAR_STYLE.PLAIN ? keyEvent.valueStart : keyEvent.valueStart - 1;
          keys.push(key);
          value[key] = this.node(this.#base + keyStart);
        }
        this.index.setKeys(index, keys);
        this.index.close(index);
        return value;
      }
      case EVENT_ID.SEQUENCE: {
        if (event.anchorStart >= 0 || event.tagStart >= 0) throw DECLINE;
        const index = this.index.open(this.#base + event.start, keyOffset);
        const value: unknown[] = [];
        for (;;) {
          const item = this.#events[this.#next];
          if (item === undefined) throw DECLINE;
          if (item.type === EVENT_ID.POP) {
            this.#next++;
            break;
          }
          // An empty item's position depends on where its dash is, which events do not say.
          if (item.type === EVENT_ID.SCALAR && item.valueStart < 0) throw DECLINE;
          value.push(this.node(-1));
        }
        this.index.close(index);
        return value;
      }
      default:
        throw DECLINE;
    }
  }

  #scalarValue(event: ScalarEvent): unknown {
    if (event.valueStart < 0) {
      this.#lastEnd = Math.max(this.#lastEnd, 0);
      return null;
    }
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
    this.#lastEnd = quoted ? event.valueEnd + 1 : event.valueEnd;
    if (event.style === SCALAR_STYLE.PLAIN) {
      const value = resolvePlainScalar(event.fast ? this.#source.slice(event.valueStart, event.valueEnd) : getScalarValue(this.#source, event));
      // `.inf` and `.nan`: kubectl fails to convert them to JSON; the exact reader reports it.
      if (typeof value === 'number' && !Number.isFinite(value)) throw DECLINE;
      return value;
    }
    // JSON's \/ escape is YAML 1.2; go-yaml refuses it and the exact reader says so.
    if (event.style === SCALAR_STYLE.DOUBLE_QUOTED && !event.fast && this.#source.slice(event.valueStart, event.valueEnd).includes('\\/')) {
      throw DECLINE;
    }
    return getScalarValue(this.#source, event);
  }

  /** The offset (in the chunk) where `yaml` puts a scalar: at its quote, its block indicator, or after an empty value's colon. */
  #scalarOffset(event: ScalarEvent, keyOffset: number): number {
    switch (event.style) {
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED:
        return event.valueStart - 1;
      case SCALAR_STYLE.LITERAL_BLOCK:
      case SCALAR_STYLE.FOLDED_BLOCK:
        return this.#blockIndicator(event.valueStart);
      default:
        return event.valueStart >= 0 ? event.valueStart : this.#emptyValueOffset(keyOffset);
    }
  }

  /** `key:` with nothing after it: `yaml` puts the null after the colon and the blanks that follow it. */
  #emptyValueOffset(keyOffset: number): number {
    if (keyOffset < 0) throw DECLINE;
    const source = this.#source;
    let i = this.#lastEnd;
    for (; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      if (c === 35 /* # */) {
        while (i < source.length && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
        continue;
      }
      break;
    }
    if (source.charCodeAt(i) !== 58 /* : */) return keyOffset - this.#base;
    i++;
    while (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9) i++;
    this.#lastEnd = i;
    return i;
  }

  /**
   * A block scalar's content starts on the line after its header; `yaml` points at the `|` or `>`.
   * The header line ends with the indicator, optional chomping/indentation digits and an
   * optional comment; the leftmost such indicator after the previous token is the one.
   */
  #blockIndicator(contentStart: number): number {
    const source = this.#source;
    let headerEnd = contentStart;
    if (source.charCodeAt(headerEnd - 1) === 10) headerEnd--;
    if (source.charCodeAt(headerEnd - 1) === 13) headerEnd--;
    let lineStart = headerEnd;
    while (lineStart > 0 && source.charCodeAt(lineStart - 1) !== 10 && source.charCodeAt(lineStart - 1) !== 13) lineStart--;
    const from = Math.max(lineStart, Math.min(this.#lastEnd, headerEnd));
    const header = source.slice(from, headerEnd);
    const match = BLOCK_HEADER.exec(header);
    if (match === null) throw DECLINE;
    return from + match.index;
  }
}

const BLOCK_HEADER = /[|>][-+0-9]{0,2}(?:[ \t]+(?:#.*)?)?$/;

function keyString(key: unknown): string | undefined {
  if (typeof key === 'string') return key;
  if (key === MERGE_KEY || key === null) return undefined;
  if (typeof key === 'number' || typeof key === 'boolean') return String(key);
  return undefined;
}

/** The chunk as kubectl passes it on: when it runs to the end of the file, with a final line break. */
function withFinalLineBreak(source: string, atEnd: boolean): string {
  return atEnd && source.length > 0 && source.charCodeAt(source.length - 1) !== 10 ? `${source}\n` : source;
}
