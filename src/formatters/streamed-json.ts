// `JSON.stringify(value, null, 2)` of a document with one large array in it, written piece by
// piece: the document is stringified with a marker in place of the array, and the array's
// items are stringified one at a time at the marker's indentation. The bytes are those of the
// one-call stringify; only one item's JSON exists at a time.

const MARKER = '\u0000pullguard-streamed-array\u0000';
const MARKER_JSON = JSON.stringify(MARKER);

/** `document` with `MARKER` as the value of the array to stream (exactly one occurrence). */
export function* streamedJson<T>(document: unknown, items: Iterable<T>, toJson: (item: T) => unknown): Generator<string> {
  const text = JSON.stringify(document, null, 2);
  const at = text.indexOf(MARKER_JSON);
  if (at < 0 || text.indexOf(MARKER_JSON, at + 1) >= 0) throw new Error('streamedJson: the document must hold the marker exactly once');
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = /^ */.exec(text.slice(lineStart, at))?.[0] ?? '';
  // Wrapped in as many arrays as the item is deep, stringify indents it as the whole document
  // would; the wrappers' brackets are then cut off (the slice shares the string, no copy).
  const depth = indent.length / 2 + 1;
  // `[\n  ` + `[\n    ` + ... before the item (its own indentation kept), `\n  ]` + `\n]` after it.
  let tail = 0;
  for (let level = 0; level < depth; level++) tail += 2 + 2 * level;
  const head = tail;
  yield text.slice(0, at);
  let first = true;
  for (const item of items) {
    let wrapped: unknown = toJson(item);
    for (let level = 0; level < depth; level++) wrapped = [wrapped];
    const json = JSON.stringify(wrapped, null, 2);
    yield `${first ? '[\n' : ',\n'}${json.slice(head, json.length - tail)}`;
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
  yield text.slice(at + MARKER_JSON.length);
}

export const STREAMED_ARRAY = MARKER;
