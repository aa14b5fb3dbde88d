// Document boundaries of a YAML stream: only `---` and `...` at the start of a line split it, and
// the split skips the lines in between without looking at them (indexOf), so lines that merely
// start with a dash or hold `---` elsewhere must not split.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitYamlDocuments } from '../../../src/manifests/split-yaml-documents.js';

function spans(text: string): [number, number][] {
  return splitYamlDocuments(text).map((chunk) => [chunk.start, chunk.end]);
}

describe('splitYamlDocuments', () => {
  it('does not split at indentless sequence items', () => {
    assert.deepEqual(spans('items:\n- a\n- b\n---\nitems:\n- c\n'), [[0, 15], [15, 30]]);
  });

  it('splits at `---` followed by a space, a tab or the line end, not at `----`', () => {
    assert.deepEqual(spans('a: 1\n----\nb: 2\n--- # two\nc: 3\n'), [[0, 15], [15, 30]]);
    assert.deepEqual(spans('---\na: 1\n--- \n---\t\nb: 2\n'), [[0, 9], [9, 14], [14, 24]]);
  });

  it('does not split at `---` inside a line, and keeps a last document without a line break', () => {
    assert.deepEqual(spans('a: x---y\nb: ---\n---\nc: 1'), [[0, 16], [16, 24]]);
  });

  it('ends a document at `...` and leaves the comments after it to the next prologue', () => {
    assert.deepEqual(spans('# prologue\na: 1\n...\n# between\n---\nb: 2\n...\n'), [[0, 20], [20, 43]]);
  });

  it('splits a block scalar at a marker in column 0', () => {
    assert.deepEqual(spans('a: |\n  text\n---\nb: 1\n'), [[0, 12], [12, 21]]);
  });

  it('splits CRLF text at the same lines', () => {
    assert.deepEqual(spans('a: 1\r\n- x\r\n---\r\nb: 2\r\n'), [[0, 11], [11, 22]]);
  });
});
