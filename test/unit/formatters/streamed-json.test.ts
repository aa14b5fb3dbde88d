import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinChunks } from '../../../src/formatters/formatter.js';
import { STREAMED_ARRAY, streamedJson } from '../../../src/formatters/streamed-json.js';

const ITEMS = [{ a: 1, b: ['x', { c: 'line\nbreak "quoted"' }] }, { a: 2, b: [] }, { a: 3, b: {} }];

describe('streamedJson', () => {
  it('writes the bytes of one JSON.stringify(value, null, 2), at any depth', () => {
    const documents: [unknown, (items: unknown) => unknown][] = [
      [STREAMED_ARRAY, (items) => items],
      [{ results: STREAMED_ARRAY, after: true }, (items) => ({ results: items, after: true })],
      [{ runs: [{ tool: { name: 'x' }, results: STREAMED_ARRAY, properties: { target: 'aks' } }] }, (items) => ({ runs: [{ tool: { name: 'x' }, results: items, properties: { target: 'aks' } }] })],
      [{ a: { b: { c: { d: STREAMED_ARRAY } } } }, (items) => ({ a: { b: { c: { d: items } } } })],
    ];
    for (const [frame, whole] of documents) {
      for (const items of [ITEMS, ITEMS.slice(0, 1), []]) {
        assert.equal(joinChunks(streamedJson(frame, items, (item) => item)), JSON.stringify(whole(items), null, 2));
      }
    }
  });

  it('refuses a frame without the marker or with two', () => {
    assert.throws(() => joinChunks(streamedJson({ a: [] }, ITEMS, (i) => i)), /exactly once/);
    assert.throws(() => joinChunks(streamedJson({ a: STREAMED_ARRAY, b: STREAMED_ARRAY }, ITEMS, (i) => i)), /exactly once/);
  });
});
