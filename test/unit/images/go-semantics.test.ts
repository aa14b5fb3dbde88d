// The Go behaviours the credential code reproduces, as facts: encoding/base64 (StdEncoding and
// RawStdEncoding, non-strict), net/url.Parse host/path, net.SplitHostPort, path/filepath.Match.
// Expected values are what the Go standard library returns for the same input (Go docs and
// kubelet's own use of them); offsets are Go's CorruptInputError values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeGoRawStdBase64, decodeGoStdBase64 } from '../../../src/credentials/go-base64.js';
import { goPathMatch } from '../../../src/images/go-path-match.js';
import { parseGoUrl, splitGoHostname, splitGoHostPort } from '../../../src/images/go-url.js';

function std(input: string): string | number {
  const result = decodeGoStdBase64(input);
  return result.ok ? result.bytes.toString('utf8') : result.offset;
}

function raw(input: string): string | number {
  const result = decodeGoRawStdBase64(input);
  return result.ok ? result.bytes.toString('utf8') : result.offset;
}

describe('Go base64 decoding', () => {
  const stdCases: [string, string | number][] = [
    ['', ''],
    ['Zm9v', 'foo'],
    ['Zm9vYg==', 'foob'],
    ['Zm9vYmE=', 'fooba'],
    ['Zm9v\nYmE=\r\n', 'fooba'], // newlines are skipped anywhere
    ['Zm9vYg', 4], // padding required: error at the start of the short quantum
    ['Zm9vYmE', 4],
    ['Zm9vY===', 5], // padding after one character of a quantum
    ['Zm9vYg=', 7], // "==" expected, input ended: Go reports len(src)
    ['Zm9vYg=x', 6],
    ['Zm9vYg==x', 8], // trailing data after padding
    ['Zm9v Yg==', 4], // a space is not skipped
    ['Zm9v*g==', 4],
    ['Zm9=', 'fo'],
  ];
  for (const [input, expected] of stdCases) {
    it(`StdEncoding ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(std(input), expected));
  }
  const rawCases: [string, string | number][] = [
    ['Zm9vYg', 'foob'],
    ['Zm9vYmE', 'fooba'],
    ['Zm9vYg==', 6], // '=' is not part of the raw alphabet
    ['Zm9vY', 4], // one character left over
    ['Zm9v', 'foo'],
  ];
  for (const [input, expected] of rawCases) {
    it(`RawStdEncoding ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(raw(input), expected));
  }
});

describe('Go url.Parse (host and path)', () => {
  const cases: [string, { host: string; path: string } | undefined][] = [
    ['https://index.docker.io/v1/', { host: 'index.docker.io', path: '/v1/' }],
    ['https://Registry.Example.com:443/a', { host: 'Registry.Example.com:443', path: '/a' }], // case and default port kept
    ['https://*.azurecr.io', { host: '*.azurecr.io', path: '' }],
    ['https://user:pw@host.io/x', { host: 'host.io', path: '/x' }],
    ['https://host.io/a%20b', { host: 'host.io', path: '/a b' }],
    ['https://host.io/a?x=1#frag', { host: 'host.io', path: '/a' }],
    ['https://[::1]:5000/p', { host: '[::1]:5000', path: '/p' }],
    ['https://host.io:abc', undefined], // invalid port
    ['https://ho st.io', undefined], // space in host
    ['https://host.io/%zz', undefined], // bad escape in path
    ['https://ho%41st.io', undefined], // escaped ASCII in a host
    ['https://host.io/\u0007', undefined], // control character
    ['https://[::1', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)}`, () => {
      const parsed = parseGoUrl(input);
      assert.deepEqual(parsed === undefined ? undefined : { host: parsed.host, path: parsed.path }, expected);
    });
  }
  it('Hostname/Port split', () => {
    assert.deepEqual(splitGoHostname('[::1]:5000'), { hostname: '::1', port: '5000' });
    assert.deepEqual(splitGoHostname('host.io'), { hostname: 'host.io', port: '' });
  });
});

describe('Go net.SplitHostPort as kubelet uses it (error → whole host, empty port)', () => {
  const cases: [string, { host: string; port: string }][] = [
    ['registry:5000', { host: 'registry', port: '5000' }],
    ['registry', { host: 'registry', port: '' }],
    ['registry:', { host: 'registry', port: '' }],
    ['[::1]:5000', { host: '::1', port: '5000' }],
    ['a:b:c', { host: 'a:b:c', port: '' }], // too many colons
    ['[::1]', { host: '[::1]', port: '' }], // missing port
  ];
  for (const [input, expected] of cases) {
    it(input, () => assert.deepEqual(splitGoHostPort(input), expected));
  }
});

describe('Go filepath.Match', () => {
  const cases: [string, string, boolean][] = [
    ['*', 'anything', true],
    ['*', '', true],
    ['prefix-*', 'prefix-good', true],
    ['*-good', 'prefix-good', true],
    ['k*', 'quay', false],
    ['?uay', 'quay', true],
    ['[a-c]', 'b', true],
    ['[^a-c]', 'b', false],
    ['[^a-c]', 'd', true],
    ['\\*', '*', true],
    ['\\*', 'x', false],
    ['Quay', 'quay', false], // case-sensitive
    ['[', '[', false], // ErrBadPattern → no match
    ['[]', ']', false],
    ['a\\', 'a', false],
    ['[z-a]', 'm', false], // inverted range matches nothing
  ];
  for (const [pattern, name, expected] of cases) {
    it(`${pattern} vs ${JSON.stringify(name)} → ${expected}`, () => assert.equal(goPathMatch(pattern, name), expected));
  }
});
