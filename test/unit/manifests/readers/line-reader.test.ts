// The line reader takes repeated plain keys and values from a cache (ScalarCache). A cached
// scalar must read exactly as the text would, across documents, in block and flow style, and
// scalars that do not read as themselves (booleans, numbers, null) must never come from it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readManifestText, type ReaderStats } from '../../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../../src/manifests/readers/full-yaml-readers.js';

const DOCUMENT = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: same',
  'data:',
  '  same: same',
  '  on: yes',
  '  "on": "yes"',
  '  0x10: 0x10',
  '  "17": 1_000',
  '  null-ish: null',
  '  flow: {same: same, on: on, 0o17: 0o17, x: [same, yes, ~, 0x10]}',
  '  a-long-key-that-repeats-itself: a long value that repeats itself',
  '',
].join('\n');

describe('scalar cache of the line reader', () => {
  it('reads repeated scalars as the exact reader does, document after document', () => {
    const text = Array.from({ length: 3 }, () => `---\n${DOCUMENT}`).join('');
    const stats: ReaderStats = { line: 0, events: 0, exact: 0, json: 0 };
    const fast = readManifestText(text, 'cm.yaml', FULL_YAML_READERS, { stats });
    const exact = readManifestText(text, 'cm.yaml', FULL_YAML_READERS, { reader: 'exact' });
    assert.deepEqual(stats, { line: 3, events: 0, exact: 0, json: 0 });
    assert.equal(fast.objects.length, 3);
    for (let i = 0; i < 3; i++) assert.deepEqual(fast.objects[i]?.value, exact.objects[i]?.value);
    assert.deepEqual(fast.objects[2]?.value['data'], {
      '17': 1000,
      same: 'same',
      true: true,
      on: 'yes',
      '16': 16,
      'null-ish': null,
      flow: { same: 'same', true: true, '15': 15, x: ['same', true, null, 16] },
      'a-long-key-that-repeats-itself': 'a long value that repeats itself',
    });
  });
});
