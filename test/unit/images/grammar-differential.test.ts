// The linear scanners must accept exactly what distribution/reference's regular expressions accept,
// with the same captures. The expressions below are the regexp.go constants as listed in
// shared/docs/registry.md §1, written as JS regexps for this comparison only (`[[:xdigit:]]` →
// `[0-9a-fA-F]`; `\w` is ASCII in both engines; both use leftmost-first submatch semantics). They
// backtrack, so inputs here stay short.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchName, matchReferenceGrammar, parseReferenceString } from '../../../src/images/match-reference.js';
import { validateDigest } from '../../../src/images/validate-digest.js';

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tag = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = `${host}${optionalPort}`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const referenceRegexp = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digestPat}))?$`);

/** reference.go `Parse` written over the regexps, mapped to our error codes. */
function parseWithRegexps(s: string): string {
  if (s === '') return 'name-empty';
  const m = referenceRegexp.exec(s);
  if (!m) {
    const lower = s.toLowerCase();
    if (lower !== s && referenceRegexp.test(lower)) return 'name-contains-uppercase';
    return 'invalid';
  }
  const name = anchoredNameRegexp.exec(m[1] ?? '');
  const path = name ? (name[2] ?? '') : (m[1] ?? '');
  if (path.length > 255) return 'name-too-long';
  if (m[3] !== undefined) {
    const problem = validateDigest(m[3]);
    if (problem) return problem.code;
  }
  return `ok ${name?.[1] ?? ''}|${path}|${m[2] ?? ''}|${m[3] ?? ''}`;
}

function parseWithScanners(s: string): string {
  const result = parseReferenceString(s);
  if (!result.ok) {
    const { code } = result.error;
    // Shape problems are ErrReferenceInvalidFormat upstream; we name the part.
    return code === 'reference-invalid-format' || code === 'tag-invalid' || code === 'digest-invalid' ? invalidOrDigest(s, code) : code;
  }
  const m = result.match;
  return `ok ${m.domain}|${m.path}|${m.tag ?? ''}|${m.digest ?? ''}`;
}

/** A go-digest length/case failure after a regexp match keeps its digest code; shape failures are "invalid". */
function invalidOrDigest(s: string, code: string): string {
  return code === 'digest-invalid' && referenceRegexp.test(s) ? 'digest-invalid' : 'invalid';
}

/** Small deterministic PRNG (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'a', 'b', '0', '9', 'A', 'Z', 'x', '.', '_', '__', '-', '--', '/', ':', '@', '[', ']', ' ', '~', 'com', 'localhost',
  '5000', '[::1]', '[fd00::1]', 'sha256:', 'sha512:', 'md5:', `${'f'.repeat(32)}`, `${'a'.repeat(64)}`, 'ABCDEF', 'v1.0',
];

function generate(next: () => number): string {
  const count = 1 + Math.floor(next() * 8);
  let s = '';
  for (let i = 0; i < count; i++) s += PIECES[Math.floor(next() * PIECES.length)] ?? '';
  return s;
}

describe('scanners agree with the upstream regexps', () => {
  it('on 30,000 generated strings (verdict, domain, path, tag, digest)', () => {
    const next = random(1755);
    let accepted = 0;
    for (let i = 0; i < 30_000; i++) {
      const s = generate(next);
      const expected = parseWithRegexps(s);
      assert.equal(parseWithScanners(s), expected, `input ${JSON.stringify(s)}`);
      if (expected.startsWith('ok')) accepted++;
    }
    // The generator must exercise both outcomes, or the comparison proves little.
    assert.ok(accepted > 3_000, `only ${accepted} accepted inputs`);
  });

  it('on every string of length ≤ 4 over a small alphabet', () => {
    const alphabet = ['a', 'A', '0', '.', '_', '-', '/', ':', '@', '[', ']'];
    const walk = (prefix: string, depth: number): void => {
      const expected = parseWithRegexps(prefix);
      assert.equal(parseWithScanners(prefix), expected, `input ${JSON.stringify(prefix)}`);
      const name = anchoredNameRegexp.exec(prefix);
      const mine = matchName(prefix);
      assert.equal(mine.ok, name !== null, `name ${JSON.stringify(prefix)}`);
      if (name && mine.ok) assert.deepEqual([mine.match.domain, mine.match.path], [name[1] ?? '', name[2] ?? '']);
      assert.equal(matchReferenceGrammar(prefix).ok, referenceRegexp.test(prefix), `reference ${JSON.stringify(prefix)}`);
      if (depth === 0) return;
      for (const c of alphabet) walk(prefix + c, depth - 1);
    };
    walk('', 4);
  });
});
