// Plain scalars resolve as kubectl reads them (go-yaml v2's YAML 1.1 rules, via sigs.k8s.io/yaml).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MERGE_KEY, resolvePlainScalar } from '../../../src/manifests/resolve-plain-scalar.js';

const CASES: [string, unknown][] = [
  ['', null],
  ['~', null],
  ['null', null],
  ['yes', true],
  ['On', true],
  ['n', false],
  ['OFF', false],
  ['0', 0],
  ['-0', 0],
  ['8080', 8080],
  ['+12', 12],
  ['-12', -12],
  ['1_000', 1000],
  ['123456789012345', 123456789012345],
  ['1234567890123456', 1234567890123456],
  ['9223372036854775807', 9223372036854775807],
  ['-9223372036854775808', -9223372036854775808],
  ['18446744073709551615', 18446744073709551615],
  ['0755', 493],
  ['0o17', 15],
  ['0x1F', 31],
  ['0b101', 5],
  ['1e3', 1000],
  ['.5', 0.5],
  ['1.', 1],
  ['-.inf', Number.NEGATIVE_INFINITY],
  ['1:20', '1:20'],
  ['2001-12-14', '2001-12-14'],
  ['08', 8], // not octal, so go-yaml's float rule reads it
  ['nginx:1.27', 'nginx:1.27'],
  ['<<', MERGE_KEY],
];

describe('resolvePlainScalar', () => {
  for (const [source, expected] of CASES) {
    it(`${JSON.stringify(source)} → ${String(expected)}`, () => {
      assert.equal(resolvePlainScalar(source), expected);
    });
  }

  it('reads NaN', () => {
    assert.ok(Number.isNaN(resolvePlainScalar('.nan')));
  });
});
