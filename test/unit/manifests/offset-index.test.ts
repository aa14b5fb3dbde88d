// The line reader keeps no key list for a mapping whose own key order (Object.keys) is its source
// order; mappings with array-index keys ("80"), which JavaScript orders first, keep one. Every
// position must still be the exact reader's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonPath, ManifestObject } from '../../../src/manifests/model.js';
import { readManifestText, type ReaderStats } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';

const CONFIG_MAP = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: tcp-services',
  '  labels: {app: ingress, "9000": tcp, z: last}',
  'data:',
  '  web: "default/web:80"',
  '  "9000": "default/example-go:8080"',
  '  "22": "default/ssh:22"',
  '  "010": not-an-index',
  '  after: [1, {"5": five, b: bee}]',
  '',
].join('\n');

/** Every path of a value, containers and leaves alike, in the value's own order. */
function allPaths(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const paths: JsonPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...allPaths(item, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...allPaths(item, [...prefix, key]));
  }
  return paths;
}

function positions(object: ManifestObject): string[] {
  return allPaths(object.value).map((path) => {
    const value = object.positionOf(path);
    const key = object.keyPositionOf(path);
    return `${path.join('.')} ${value.line}:${value.column} key ${key.line}:${key.column}`;
  });
}

describe('positions of mappings with array-index keys', () => {
  it('agree with the exact reader, read by the line reader', () => {
    const stats: ReaderStats = { line: 0, events: 0, exact: 0, json: 0 };
    const fast = readManifestText(CONFIG_MAP, 'cm.yaml', FULL_YAML_READERS, { stats });
    const exact = readManifestText(CONFIG_MAP, 'cm.yaml', FULL_YAML_READERS, { reader: 'exact' });
    assert.deepEqual(stats, { line: 1, events: 0, exact: 0, json: 0 });
    assert.deepEqual(fast.objects[0]?.value, exact.objects[0]?.value);
    assert.deepEqual(positions(fast.objects[0]!), positions(exact.objects[0]!));
  });

  it('finds each key at its own line, not at its place in Object.keys', () => {
    const object = readManifestText(CONFIG_MAP, 'cm.yaml', FULL_YAML_READERS).objects[0]!;
    assert.deepEqual(Object.keys(object.value['data'] as object), ['22', '9000', 'web', '010', 'after']);
    assert.deepEqual(object.keyPositionOf(['data', '22']), { line: 9, column: 3 });
    assert.deepEqual(object.keyPositionOf(['data', '9000']), { line: 8, column: 3 });
    assert.deepEqual(object.keyPositionOf(['data', 'web']), { line: 7, column: 3 });
    assert.deepEqual(object.positionOf(['metadata', 'labels', 'z']), { line: 5, column: 42 });
    assert.deepEqual(object.positionOf(['data', 'after', 1, 'b']), { line: 11, column: 29 });
    // A path that is not there: its nearest existing ancestor.
    assert.deepEqual(object.positionOf(['data', 'missing']), { line: 7, column: 3 });
  });
});
