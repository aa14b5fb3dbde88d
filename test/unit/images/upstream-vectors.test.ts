// Test vectors of distribution/reference, re-typed as facts (inputs and expected outcomes only):
// - reference_test.go @ ff14fafe2236e51c2894ac07d4bdfc778e96d682 (v0.6 line: the length limit excludes the domain)
// - normalize_test.go @ 4894124079e525c3c3c5c8aacaa653b5499004e9
// - regexp_test.go @ 00a09fa3799203fc887e667b0d82142ee831939a
// `parseReferenceString` is upstream's `Parse`, `parseImageReference` its `ParseNormalizedNamed`,
// `matchName` its `anchoredNameRegexp`, `matchReferenceGrammar` its `referenceRegexp`, `scanDomain`
// its `^domainAndPort$`.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageReference } from '../../../src/images/parse-image-reference.js';
import { matchName, matchReferenceGrammar, parseReferenceString } from '../../../src/images/match-reference.js';
import { scanDomain } from '../../../src/images/reference-grammar.js';
import { familiarName } from '../../../src/images/familiar-name.js';
import type { ImageReferenceErrorCode } from '../../../src/images/types.js';

const F64 = 'f'.repeat(64);
const F128 = 'f'.repeat(128);

describe('reference_test.go TestReferenceParse (Parse)', () => {
  // [input, expected error code or name, domain, tag, digest]
  type Ok = { input: string; name: string; domain?: string; tag?: string; digest?: string };
  const valid: Ok[] = [
    { input: 'test_com', name: 'test_com' },
    { input: 'test.com:tag', name: 'test.com', tag: 'tag' },
    { input: 'test.com:5000', name: 'test.com', tag: '5000' },
    { input: 'test.com/repo:tag', domain: 'test.com', name: 'test.com/repo', tag: 'tag' },
    { input: 'test:5000/repo', domain: 'test:5000', name: 'test:5000/repo' },
    { input: 'test:5000/repo:tag', domain: 'test:5000', name: 'test:5000/repo', tag: 'tag' },
    { input: `test:5000/repo@sha256:${F64}`, domain: 'test:5000', name: 'test:5000/repo', digest: `sha256:${F64}` },
    { input: `test:5000/repo:tag@sha256:${F64}`, domain: 'test:5000', name: 'test:5000/repo', tag: 'tag', digest: `sha256:${F64}` },
    { input: 'lowercase:Uppercase', name: 'lowercase', tag: 'Uppercase' },
    { input: `${'a/'.repeat(127)}a:tag-puts-this-over-max`, domain: 'a', name: `${'a/'.repeat(127)}a`, tag: 'tag-puts-this-over-max' },
    { input: 'sub-dom1.foo.com/bar/baz/quux', domain: 'sub-dom1.foo.com', name: 'sub-dom1.foo.com/bar/baz/quux' },
    { input: 'sub-dom1.foo.com/bar/baz/quux:some-long-tag', domain: 'sub-dom1.foo.com', name: 'sub-dom1.foo.com/bar/baz/quux', tag: 'some-long-tag' },
    { input: 'b.gcr.io/test.example.com/my-app:test.example.com', domain: 'b.gcr.io', name: 'b.gcr.io/test.example.com/my-app', tag: 'test.example.com' },
    { input: 'xn--n3h.com/myimage:xn--n3h.com', domain: 'xn--n3h.com', name: 'xn--n3h.com/myimage', tag: 'xn--n3h.com' },
    { input: `xn--7o8h.com/myimage:xn--7o8h.com@sha512:${F128}`, domain: 'xn--7o8h.com', name: 'xn--7o8h.com/myimage', tag: 'xn--7o8h.com', digest: `sha512:${F128}` },
    { input: 'foo_bar.com:8080', name: 'foo_bar.com', tag: '8080' },
    { input: 'foo/foo_bar.com:8080', domain: 'foo', name: 'foo/foo_bar.com', tag: '8080' },
    { input: '192.168.1.1', name: '192.168.1.1' },
    { input: '192.168.1.1:tag', name: '192.168.1.1', tag: 'tag' },
    { input: '192.168.1.1:5000', name: '192.168.1.1', tag: '5000' },
    { input: '192.168.1.1/repo', domain: '192.168.1.1', name: '192.168.1.1/repo' },
    { input: '192.168.1.1:5000/repo', domain: '192.168.1.1:5000', name: '192.168.1.1:5000/repo' },
    { input: '192.168.1.1:5000/repo:5050', domain: '192.168.1.1:5000', name: '192.168.1.1:5000/repo', tag: '5050' },
    { input: '[2001:db8::1]/repo', domain: '[2001:db8::1]', name: '[2001:db8::1]/repo' },
    { input: '[2001:db8:1:2:3:4:5:6]/repo:tag', domain: '[2001:db8:1:2:3:4:5:6]', name: '[2001:db8:1:2:3:4:5:6]/repo', tag: 'tag' },
    { input: '[2001:db8::1]:5000/repo', domain: '[2001:db8::1]:5000', name: '[2001:db8::1]:5000/repo' },
    { input: '[2001:db8::1]:5000/repo:tag', domain: '[2001:db8::1]:5000', name: '[2001:db8::1]:5000/repo', tag: 'tag' },
    { input: `[2001:db8::1]:5000/repo@sha256:${F64}`, domain: '[2001:db8::1]:5000', name: '[2001:db8::1]:5000/repo', digest: `sha256:${F64}` },
    { input: `[2001:db8::1]:5000/repo:tag@sha256:${F64}`, domain: '[2001:db8::1]:5000', name: '[2001:db8::1]:5000/repo', tag: 'tag', digest: `sha256:${F64}` },
    { input: '[2001:db8::]:5000/repo', domain: '[2001:db8::]:5000', name: '[2001:db8::]:5000/repo' },
    { input: '[::1]:5000/repo', domain: '[::1]:5000', name: '[::1]:5000/repo' },
    { input: `example.com/${'a'.repeat(255)}:tag`, domain: 'example.com', name: `example.com/${'a'.repeat(255)}`, tag: 'tag' },
  ];
  for (const tc of valid) {
    it(`accepts ${tc.input.slice(0, 60)}`, () => {
      const result = parseReferenceString(tc.input);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.match.name, tc.name);
      assert.equal(result.match.domain, tc.domain ?? '');
      assert.equal(result.match.tag, tc.tag);
      assert.equal(result.match.digest, tc.digest);
    });
  }

  // Upstream error → our code: ErrNameEmpty → name-empty, ErrReferenceInvalidFormat → reference-invalid-format
  // (our digest-invalid where the digest's shape is wrong), digest.ErrDigestInvalidLength → digest-invalid,
  // digest.ErrDigestUnsupported → digest-unsupported-algorithm, ErrNameContainsUppercase →
  // name-contains-uppercase, ErrNameTooLong → name-too-long.
  const invalid: Array<[string, ImageReferenceErrorCode]> = [
    ['', 'name-empty'],
    [':justtag', 'reference-invalid-format'],
    [`@sha256:${F64}`, 'reference-invalid-format'],
    ['repo@sha256:ffffffffffffffffffffffffffffffffff', 'digest-invalid'],
    [`validname@invaliddigest:${F64}`, 'digest-unsupported-algorithm'],
    ['Uppercase:tag', 'name-contains-uppercase'],
    ['test:5000/Uppercase/lowercase:tag', 'name-contains-uppercase'],
    [`domain/${'a'.repeat(256)}:tag`, 'name-too-long'],
    ['aa/asdf$$^/aa', 'reference-invalid-format'],
    ['[2001:db8::1]', 'reference-invalid-format'],
    ['[2001:db8::1]:5000', 'reference-invalid-format'],
    ['[2001:db8::1]:tag', 'reference-invalid-format'],
    ['[fe80::1%eth0]:5000/repo', 'reference-invalid-format'],
    ['[fe80::1%@invalidzone]:5000/repo', 'reference-invalid-format'],
  ];
  for (const [input, code] of invalid) {
    it(`rejects ${JSON.stringify(input.slice(0, 60))} with ${code}`, () => {
      const result = parseReferenceString(input);
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.error.code, code);
    });
  }

  it('Uppercase/lowercase:tag is read as domain "Uppercase" and passes (upstream FIXME)', () => {
    const result = parseReferenceString('Uppercase/lowercase:tag');
    assert.ok(result.ok);
    assert.equal(result.match.domain, 'Uppercase');
  });
});

describe('reference_test.go TestWithNameFailure (name only)', () => {
  it('example.com/ + 256 × "a" is too long; the domain is not counted', () => {
    const result = parseReferenceString(`example.com/${'a'.repeat(256)}`);
    assert.equal(!result.ok && result.error.code, 'name-too-long');
  });
});

describe('reference_test.go TestDomainAndPath (WithName / splitDomain)', () => {
  const cases: Array<[string, string, string]> = [
    ['test.com/foo', 'test.com', 'foo'],
    ['test_com/foo', '', 'test_com/foo'],
    ['test:8080/foo', 'test:8080', 'foo'],
    ['test.com:8080/foo', 'test.com:8080', 'foo'],
    ['test-com:8080/foo', 'test-com:8080', 'foo'],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
  ];
  for (const [input, domain, path] of cases) {
    it(input, () => {
      const result = matchName(input);
      assert.ok(result.ok);
      assert.deepEqual([result.match.domain, result.match.path], [domain, path]);
    });
  }
});

describe('normalize_test.go TestValidateReferenceName (ParseNormalizedNamed)', () => {
  const valid = [
    'docker/docker',
    'library/debian',
    'debian',
    'docker.io/docker/docker',
    'docker.io/library/debian',
    'docker.io/debian',
    'index.docker.io/docker/docker',
    'index.docker.io/library/debian',
    'index.docker.io/debian',
    '127.0.0.1:5000/docker/docker',
    '127.0.0.1:5000/library/debian',
    '127.0.0.1:5000/debian',
    '192.168.0.1',
    '192.168.0.1:80',
    '192.168.0.1:8/debian',
    '192.168.0.2:25000/debian',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    '[fc00::1]:5000/docker',
    '[fc00::1]:5000/docker/docker',
    '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
    'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    'Docker/docker',
    'DOCKER/docker',
  ];
  const invalid = [
    'https://github.com/docker/docker',
    'docker/Docker',
    '-docker',
    '-docker/docker',
    '-docker.io/docker/docker',
    'docker///docker',
    'docker.io/docker/Docker',
    'docker.io/docker///docker',
    '[fc00::1]',
    '[fc00::1]:5000',
    'fc00::1:5000/debian',
    '[fe80::1%eth0]:5000/debian',
    '[2001:db8:3:4::192.0.2.33]:5000/debian',
    '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
  ];
  for (const input of valid) it(`accepts ${input}`, () => assert.ok(parseImageReference(input).ok));
  for (const input of invalid) it(`rejects ${input}`, () => assert.equal(parseImageReference(input).ok, false));
});

describe('normalize_test.go TestValidateRemoteName', () => {
  const valid = ['docker/docker', 'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev', 'docker-rules/docker', 'docker---rules/docker', 'doc/docker', 'd/docker', 'jess/t', 'dock__er/docker'];
  const invalid = [
    'docker/Docker',
    'docker///docker',
    '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    '-docker/docker',
    'docker-/docker',
    '-docker-/docker',
    '____/____',
    '_docker/_docker',
    'dock..er/docker',
    'dock_.er/docker',
    'dock-.er/docker',
    'docker/',
    'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255/docker',
  ];
  for (const input of valid) it(`accepts ${input}`, () => assert.ok(parseImageReference(input).ok));
  for (const input of invalid) it(`rejects ${input.slice(0, 40)}`, () => assert.equal(parseImageReference(input).ok, false));
});

describe('normalize_test.go TestParseRepositoryInfo (familiar, full, domain, path)', () => {
  // [path, familiar, full, ambiguous, domain]
  const cases: Array<[string, string, string, string, string]> = [
    ['fooo/bar', 'fooo/bar', 'docker.io/fooo/bar', 'index.docker.io/fooo/bar', 'docker.io'],
    ['library/ubuntu', 'ubuntu', 'docker.io/library/ubuntu', 'library/ubuntu', 'docker.io'],
    ['nonlibrary/ubuntu', 'nonlibrary/ubuntu', 'docker.io/nonlibrary/ubuntu', '', 'docker.io'],
    ['other/library', 'other/library', 'docker.io/other/library', '', 'docker.io'],
    ['private/moonbase', '127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase', '', '127.0.0.1:8000'],
    ['privatebase', '127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase', '', '127.0.0.1:8000'],
    ['private/moonbase', 'example.com/private/moonbase', 'example.com/private/moonbase', '', 'example.com'],
    ['privatebase', 'example.com/privatebase', 'example.com/privatebase', '', 'example.com'],
    ['private/moonbase', 'example.com:8000/private/moonbase', 'example.com:8000/private/moonbase', '', 'example.com:8000'],
    ['privatebasee', 'example.com:8000/privatebasee', 'example.com:8000/privatebasee', '', 'example.com:8000'],
    ['library/ubuntu-12.04-base', 'ubuntu-12.04-base', 'docker.io/library/ubuntu-12.04-base', 'index.docker.io/library/ubuntu-12.04-base', 'docker.io'],
    ['library/foo', 'foo', 'docker.io/library/foo', 'docker.io/foo', 'docker.io'],
    ['library/foo/bar', 'library/foo/bar', 'docker.io/library/foo/bar', '', 'docker.io'],
    ['store/foo/bar', 'store/foo/bar', 'docker.io/store/foo/bar', '', 'docker.io'],
    ['bar', 'Foo/bar', 'Foo/bar', '', 'Foo'],
    ['bar', 'FOO/bar', 'FOO/bar', '', 'FOO'],
  ];
  for (const [path, familiar, full, ambiguous, domain] of cases) {
    for (const input of [familiar, full, ambiguous].filter((s) => s !== '')) {
      it(input, () => {
        const result = parseImageReference(input);
        assert.ok(result.ok, JSON.stringify(result));
        assert.equal(result.reference.name, full);
        assert.equal(result.reference.domain, domain);
        assert.equal(result.reference.path, path);
        assert.equal(familiarName(result.reference), familiar);
      });
    }
  }
});

describe('normalize_test.go TestParseReferenceWithTagAndDigest', () => {
  it('keeps both tag and digest', () => {
    const short = 'busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';
    const result = parseImageReference(short);
    assert.ok(result.ok);
    assert.equal(result.reference.normalized, `docker.io/library/${short}`);
    assert.equal(result.reference.tag, 'latest');
    assert.equal(result.reference.digest, 'sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa');
  });
  it('rejects -foo (TestInvalidReferenceComponents)', () => assert.equal(parseImageReference('-foo').ok, false));
});

describe('normalize_test.go TestParseAnyReference (the named cases) and TestNormalizedSplitHostname', () => {
  const equivalents: Array<[string, string]> = [
    ['redis', 'docker.io/library/redis:latest'],
    ['redis:latest', 'docker.io/library/redis:latest'],
    ['docker.io/library/redis:latest', 'docker.io/library/redis:latest'],
    ['redis@sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c', 'docker.io/library/redis@sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c'],
    ['dmcgowan/myapp', 'docker.io/dmcgowan/myapp:latest'],
    ['dmcgowan/myapp:latest', 'docker.io/dmcgowan/myapp:latest'],
    ['docker.io/mcgowan/myapp:latest', 'docker.io/mcgowan/myapp:latest'],
    ['dmcgowan/myapp@sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c', 'docker.io/dmcgowan/myapp@sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c'],
    ['dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9', 'docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9:latest'],
    ['dbcc1', 'docker.io/library/dbcc1:latest'],
  ];
  for (const [input, normalized] of equivalents) {
    it(input.slice(0, 60), () => {
      const result = parseImageReference(input);
      assert.ok(result.ok);
      assert.equal(result.reference.normalized, normalized);
    });
  }
  it('a bare 64-hex string is an identifier, not a name', () => {
    const result = parseImageReference('dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c');
    assert.equal(!result.ok && result.error.code, 'hex-identifier');
  });
  const splits: Array<[string, string, string]> = [
    ['test.com/foo', 'test.com', 'foo'],
    ['test_com/foo', 'docker.io', 'test_com/foo'],
    ['docker/migrator', 'docker.io', 'docker/migrator'],
    ['test.com:8080/foo', 'test.com:8080', 'foo'],
    ['test-com:8080/foo', 'test-com:8080', 'foo'],
    ['foo', 'docker.io', 'library/foo'],
    ['xn--n3h.com/foo', 'xn--n3h.com', 'foo'],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
    ['docker.io/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar'],
  ];
  for (const [input, domain, path] of splits) {
    it(`splits ${input}`, () => {
      const result = parseImageReference(input);
      assert.ok(result.ok);
      assert.deepEqual([result.reference.domain, result.reference.path], [domain, path]);
    });
  }
});

describe('regexp_test.go TestDomainRegexp (^domainAndPort$)', () => {
  const cases: Array<[string, boolean]> = [
    ['test.com', true],
    ['test.com:10304', true],
    ['test.com:http', false],
    ['localhost', true],
    ['localhost:8080', true],
    ['a', true],
    ['a.b', true],
    ['ab.cd.com', true],
    ['a-b.com', true],
    ['-ab.com', false],
    ['ab-.com', false],
    ['ab.c-om', true],
    ['ab.-com', false],
    ['ab.com-', false],
    ['0101.com', true],
    ['001a.com', true],
    ['b.gbc.io:443', true],
    ['b.gbc.io', true],
    ['xn--n3h.com', true],
    ['Asdf.com', true],
    ['192.168.1.1:75050', true],
    ['192.168.1.1:750050', true],
    ['[fd00:1:2::3]:75050', true],
    ['[fd00:1:2::3]75050', false],
    ['[fd00:1:2::3]::75050', false],
    ['[fd00:1:2::3%eth0]:75050', false],
    ['[fd00123123123]:75050', true],
    ['[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:75050', true],
    ['[2001:0db8:85a3:0000:0000:8a2e:0370:7334]:750505', true],
    ['fd00:1:2::3:75050', false],
  ];
  for (const [input, match] of cases) it(`${input} → ${match}`, () => assert.equal(scanDomain(input) === undefined, match));
});

describe('regexp_test.go TestFullNameRegexp (anchoredNameRegexp)', () => {
  // [input, domain, path] or [input, false]
  const cases: Array<[string, string, string] | [string, false]> = [
    ['', false],
    ['short', '', 'short'],
    ['simple/name', 'simple', 'name'],
    ['library/ubuntu', 'library', 'ubuntu'],
    ['docker/stevvooe/app', 'docker', 'stevvooe/app'],
    ['aa/aa/aa/aa/aa/aa/aa/aa/aa/bb/bb/bb/bb/bb/bb', 'aa', 'aa/aa/aa/aa/aa/aa/aa/aa/bb/bb/bb/bb/bb/bb'],
    ['aa/aa/bb/bb/bb', 'aa', 'aa/bb/bb/bb'],
    ['a/a/a/a', 'a', 'a/a/a'],
    ['a/a/a/a/', false],
    ['a//a/a', false],
    ['a', '', 'a'],
    ['a/aa', 'a', 'aa'],
    ['a/aa/a', 'a', 'aa/a'],
    ['foo.com', '', 'foo.com'],
    ['foo.com/', false],
    ['foo.com:8080/bar', 'foo.com:8080', 'bar'],
    ['foo.com:http/bar', false],
    ['foo.com/bar', 'foo.com', 'bar'],
    ['foo.com/bar/baz', 'foo.com', 'bar/baz'],
    ['localhost:8080/bar', 'localhost:8080', 'bar'],
    ['sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com', 'bar/baz/quux'],
    ['blog.foo.com/bar/baz', 'blog.foo.com', 'bar/baz'],
    ['a^a', false],
    ['aa/asdf$$^/aa', false],
    ['asdf$$^/aa', false],
    ['aa-a/a', 'aa-a', 'a'],
    [`${'a/'.repeat(128)}a`, 'a', `${'a/'.repeat(127)}a`],
    ['a-/a/a/a', false],
    ['foo.com/a-/a/a', false],
    ['-foo/bar', false],
    ['foo/bar-', false],
    ['foo-/bar', false],
    ['foo/-bar', false],
    ['_foo/bar', false],
    ['foo_bar', '', 'foo_bar'],
    ['foo_bar.com', '', 'foo_bar.com'],
    ['foo_bar.com:8080', false],
    ['foo_bar.com:8080/app', false],
    ['foo.com/foo_bar', 'foo.com', 'foo_bar'],
    ['____/____', false],
    ['_docker/_docker', false],
    ['docker_/docker_', false],
    ['b.gcr.io/test.example.com/my-app', 'b.gcr.io', 'test.example.com/my-app'],
    ['xn--n3h.com/myimage', 'xn--n3h.com', 'myimage'],
    ['xn--7o8h.com/myimage', 'xn--7o8h.com', 'myimage'],
    ['example.com/xn--7o8h.com/myimage', 'example.com', 'xn--7o8h.com/myimage'],
    ['example.com/some_separator__underscore/myimage', 'example.com', 'some_separator__underscore/myimage'],
    ['example.com/__underscore/myimage', false],
    ['example.com/..dots/myimage', false],
    ['example.com/.dots/myimage', false],
    ['example.com/nodouble..dots/myimage', false],
    ['docker./docker', false],
    ['.docker/docker', false],
    ['docker-/docker', false],
    ['-docker/docker', false],
    ['do..cker/docker', false],
    ['do__cker:8080/docker', false],
    ['do__cker/docker', '', 'do__cker/docker'],
    ['registry.io/foo/project--id.module--name.ver---sion--name', 'registry.io', 'foo/project--id.module--name.ver---sion--name'],
    ['Asdf.com/foo/bar', 'Asdf.com', 'foo/bar'],
    ['Foo/FarB', false],
  ];
  for (const tc of cases) {
    it(`${tc[0].slice(0, 50)} → ${tc[1] === false ? 'no match' : `[${tc[1]}, ${tc[2]}]`}`, () => {
      const result = matchName(tc[0]);
      if (tc[1] === false) assert.equal(result.ok, false);
      else {
        assert.ok(result.ok);
        assert.deepEqual([result.match.domain, result.match.path], [tc[1], tc[2]]);
      }
    });
  }
});

describe('regexp_test.go TestReferenceRegexp (referenceRegexp)', () => {
  const D = 'sha256:be178c0543eb17f5f3043021c9e5fcf30285e557a4fc309cce97ff9ca6182912';
  // [input, name, tag, digest] or [input, false]
  const cases: Array<[string, string, string, string] | [string, false]> = [
    ['registry.com:8080/myapp:tag', 'registry.com:8080/myapp', 'tag', ''],
    [`registry.com:8080/myapp@${D}`, 'registry.com:8080/myapp', '', D],
    [`registry.com:8080/myapp:tag2@${D}`, 'registry.com:8080/myapp', 'tag2', D],
    ['registry.com:8080/myapp@sha256:badbadbadbad', false],
    ['registry.com:8080/myapp:invalid~tag', false],
    ['bad_hostname.com:8080/myapp:tag', false],
    [`localhost:8080@${D}`, 'localhost', '8080', D],
    [`localhost:8080/name@${D}`, 'localhost:8080/name', '', D],
    [`localhost:http/name@${D}`, false],
    [`localhost@${D}`, 'localhost', '', D],
    ['registry.com:8080/myapp@bad', false],
    ['registry.com:8080/myapp@2bad', false],
  ];
  for (const tc of cases) {
    it(tc[0].slice(0, 60), () => {
      const result = matchReferenceGrammar(tc[0]);
      if (tc[1] === false) assert.equal(result.ok, false);
      else {
        assert.ok(result.ok);
        assert.deepEqual([result.match.name, result.match.tag ?? '', result.match.digest ?? ''], [tc[1], tc[2], tc[3]]);
      }
    });
  }
});

describe('regexp_test.go TestIdentifierRegexp (through ParseNormalizedNamed)', () => {
  const cases: Array<[string, boolean]> = [
    ['da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf9821', true],
    ['7EC43B381E5AEFE6E04EFB0B3F0693FF2A4A50652D64AEC573905F2DB5889A1C', false],
    ['da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf', false],
    ['sha256:da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf9821', false],
    ['da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf98218482', false],
  ];
  for (const [input, isIdentifier] of cases) {
    it(`${input.slice(0, 24)}… identifier=${isIdentifier}`, () => {
      const result = parseImageReference(input);
      assert.equal(!result.ok && result.error.code === 'hex-identifier', isIdentifier);
    });
  }
});
