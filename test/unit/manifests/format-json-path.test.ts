import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatJsonPath } from '../../../src/manifests/format-json-path.js';

describe('formatJsonPath', () => {
  const cases: [(string | number)[], string][] = [
    [[], ''],
    [['spec', 'template', 'spec', 'containers', 0, 'image'], 'spec.template.spec.containers[0].image'],
    [['metadata', 'annotations', 'pullguard.dev/ignore'], 'metadata.annotations["pullguard.dev/ignore"]'],
    [['items', 3, 'spec'], 'items[3].spec'],
    [['a b'], '["a b"]'],
  ];
  for (const [path, expected] of cases) {
    it(`${JSON.stringify(path)} → ${expected || '(empty)'}`, () => assert.equal(formatJsonPath(path), expected));
  }
});
