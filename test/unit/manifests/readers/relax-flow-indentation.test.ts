import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relaxFlowIndentation } from '../../../../src/manifests/readers/relax-flow-indentation.js';

describe('relaxFlowIndentation', () => {
  it('indents the lines inside a flow collection or quoted scalar one column past the line that opened it', () => {
    const text = 'a:\n  args: ["\n  x\n  "]\n  b: 1\n';
    const relaxed = relaxFlowIndentation(text)!;
    assert.equal(relaxed.source, 'a:\n  args: ["\n   x\n   "]\n  b: 1\n');
    // Offsets map back: the "x" and the closing quote, a padding space, and the line after.
    assert.equal(relaxed.toOriginal(relaxed.source.indexOf('x')), text.indexOf('x'));
    assert.equal(relaxed.toOriginal(relaxed.source.indexOf('"]')), text.indexOf('"]'));
    assert.equal(relaxed.toOriginal(relaxed.source.indexOf('   x')), text.indexOf('  x'));
    assert.equal(relaxed.toOriginal(relaxed.source.indexOf('b:')), text.indexOf('b:'));
    assert.equal(relaxed.toOriginal(3), 3);
  });

  it('changes nothing when no line needs it, nor inside block scalars, comments or plain scalars', () => {
    assert.equal(relaxFlowIndentation('a: [1,\n    2]\nb: "x\n  y"\n'), undefined);
    assert.equal(relaxFlowIndentation('a: |\n  ["not flow\n  x\nb: it\'s [fine]\nc: 1 # "no quote\nd: 2\n'), undefined);
  });

  it('pads single-quoted scalars with doubled quotes and CRLF line breaks', () => {
    assert.equal(relaxFlowIndentation("k:\n  v: 'it''s\n  more'\n")?.source, "k:\n  v: 'it''s\n   more'\n");
    assert.equal(relaxFlowIndentation('k: {a:\r\nb}\r\n')?.source, 'k: {a:\r\n b}\r\n');
  });
});
