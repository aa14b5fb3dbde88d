// Document boundaries as kubectl reads a stream: apimachinery cuts it at every line that starts
// with `---` (dropping that line when something came before it), and go-yaml reads the first YAML
// document of each piece. The split skips the lines in between without looking at them
// (indexOf), so lines that merely start with a dash or hold `---` elsewhere must not split.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitYamlDocuments } from '../../../src/manifests/split-yaml-documents.js';

function spans(text: string): [number, number][] {
  return splitYamlDocuments(text).map((chunk) => [chunk.start, chunk.end]);
}

function refusals(text: string): [number, string][] {
  return splitYamlDocuments(text).flatMap((chunk) => (chunk.refused ? [[chunk.refused.offset, chunk.refused.message.slice(0, 30)] as [number, string]] : []));
}

describe('splitYamlDocuments', () => {
  it('cuts at a `---` line and drops it; keeps a `---` line that nothing came before', () => {
    assert.deepEqual(spans('a: 1\n---\nb: 2\n'), [[0, 5], [9, 14]]);
    assert.deepEqual(spans('---\na: 1\n---\n---\nb: 2\n'), [[0, 9], [13, 22]]);
  });

  it('does not cut at indentless sequence items', () => {
    assert.deepEqual(spans('items:\n- a\n- b\n---\nitems:\n- c\n'), [[0, 15], [19, 30]]);
  });

  it('cuts at `---` followed by white space or a comment, even without a space (`---#`)', () => {
    assert.deepEqual(spans('a: 1\n--- # two\nc: 3\n---#three\nd: 4\n---\t\ne: 5'), [[0, 5], [15, 20], [30, 35], [40, 44]]);
  });

  it('refuses other content after `---`, on the document the line ends (kubectl never decodes it)', () => {
    assert.deepEqual(refusals('a: 1\n----\nb: 2\n'), [[8, 'kubectl accepts only a comment']]);
    assert.deepEqual(spans('a: 1\n----\nb: 2\n'), [[0, 5], [10, 15]]);
    assert.deepEqual(refusals('--- x\nb: 2\n'), [[4, 'kubectl accepts only a comment']]);
  });

  it('does not cut at `---` inside a line, and keeps a last document without a line break', () => {
    assert.deepEqual(spans('a: x---y\nb: ---\n---\nc: 1'), [[0, 16], [20, 24]]);
  });

  it('ends a document at `...` and never reads the rest of its piece', () => {
    assert.deepEqual(spans('# prologue\na: 1\n...\nx: dropped\n---\nb: 2\n...\n'), [[0, 20], [35, 44]]);
  });

  it('refuses a piece that starts with a directive or with `...`', () => {
    assert.deepEqual(refusals('%YAML 1.1\n---\na: 1\n'), [[0, 'kubectl does not accept YAML d']]);
    assert.deepEqual(refusals('a: 1\n---\n# c\n...\nb: 1\n'), [[13, 'a document end marker ("...") ']]);
  });

  it('skips a byte order mark at the start of each piece, not one after a kept `---` line', () => {
    assert.deepEqual(spans('\ufeffa: 1\n---\n\ufeffb: 2\n'), [[1, 6], [11, 16]]);
    assert.deepEqual(spans('---\n\ufeffb: 2\n'), [[0, 10]]);
  });

  it('splits a block scalar at a `---` line in column 0', () => {
    assert.deepEqual(spans('a: |\n  text\n---\nb: 1\n'), [[0, 12], [16, 21]]);
  });

  it('splits CRLF text at the same lines; after a lone CR, `---` ends the first document of the piece', () => {
    assert.deepEqual(spans('a: 1\r\n- x\r\n---\r\nb: 2\r\n'), [[0, 11], [16, 22]]);
    assert.deepEqual(spans('a: 1\r---\rb: 1\r'), [[0, 5]]);
  });
});
