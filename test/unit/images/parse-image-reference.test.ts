import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageReference } from '../../../src/images/parse-image-reference.js';
import type { ImageReference, ImageReferenceErrorCode } from '../../../src/images/types.js';

const HEX64 = '0123456789abcdef'.repeat(4);
const TAG_RULE = 'tags may use letters, digits, "_", "." and "-" (max 128)';
const PATH_RULE = 'path components are lowercase letters and digits joined by ".", "_", "__" or "-"';
const HOST_RULE =
  'registry hosts are DNS names (letters, digits and "-", dot-separated, no "-" at either end of a label), IPv4 addresses or [IPv6] addresses, optionally followed by ":port"';
const DIGEST_RULE = 'a digest is ALGORITHM:HEX, e.g. "sha256:" followed by 64 lowercase hex digits';
const EXAMPLE = 'expected e.g. "nginx" or "registry.example.com/team/app"';

function ok(input: string): ImageReference {
  const result = parseImageReference(input);
  assert.ok(result.ok, `expected ${JSON.stringify(input)} to parse: ${JSON.stringify(result)}`);
  return result.reference;
}

function error(input: string): { code: ImageReferenceErrorCode; offset?: number; message: string } {
  const result = parseImageReference(input);
  assert.ok(!result.ok, `expected ${JSON.stringify(input)} to be rejected`);
  return result.error;
}

describe('parseImageReference: normalisation', () => {
  it('nginx → docker.io/library/nginx:latest with every field', () => {
    assert.deepEqual(ok('nginx'), {
      original: 'nginx',
      domain: 'docker.io',
      path: 'library/nginx',
      name: 'docker.io/library/nginx',
      tag: 'latest',
      explicitDomain: false,
      explicitTag: false,
      normalized: 'docker.io/library/nginx:latest',
    });
  });

  it('a digest without a tag implies no tag', () => {
    assert.deepEqual(ok(`registry.example.com:5000/team/app@sha256:${HEX64}`), {
      original: `registry.example.com:5000/team/app@sha256:${HEX64}`,
      domain: 'registry.example.com:5000',
      path: 'team/app',
      name: 'registry.example.com:5000/team/app',
      digest: `sha256:${HEX64}`,
      explicitDomain: true,
      explicitTag: false,
      normalized: `registry.example.com:5000/team/app@sha256:${HEX64}`,
    });
  });

  // [input, domain, path, normalized, explicitDomain, explicitTag]
  const table: Array<[string, string, string, string, boolean, boolean]> = [
    ['nginx:1.27', 'docker.io', 'library/nginx', 'docker.io/library/nginx:1.27', false, true],
    ['library/nginx', 'docker.io', 'library/nginx', 'docker.io/library/nginx:latest', false, false],
    ['docker.io/nginx', 'docker.io', 'library/nginx', 'docker.io/library/nginx:latest', true, false],
    ['index.docker.io/nginx', 'docker.io', 'library/nginx', 'docker.io/library/nginx:latest', true, false],
    ['index.docker.io/team/app:v1', 'docker.io', 'team/app', 'docker.io/team/app:v1', true, true],
    // Only index.docker.io is canonicalised: the API host stays its own domain, without library/.
    ['registry-1.docker.io/foo', 'registry-1.docker.io', 'foo', 'registry-1.docker.io/foo:latest', true, false],
    ['registry.hub.docker.com/library/nginx', 'registry.hub.docker.com', 'library/nginx', 'registry.hub.docker.com/library/nginx:latest', true, false],
    ['team/app', 'docker.io', 'team/app', 'docker.io/team/app:latest', false, false],
    ['localhost/app', 'localhost', 'app', 'localhost/app:latest', true, false],
    ['localhost:5000/app:v1', 'localhost:5000', 'app', 'localhost:5000/app:v1', true, true],
    // A single element is always a Docker Hub name: "localhost:5000" is repository localhost, tag 5000.
    ['localhost:5000', 'docker.io', 'library/localhost', 'docker.io/library/localhost:5000', false, true],
    ['localhost', 'docker.io', 'library/localhost', 'docker.io/library/localhost:latest', false, false],
    ['example.com', 'docker.io', 'library/example.com', 'docker.io/library/example.com:latest', false, false],
    ['myhost:5000/app', 'myhost:5000', 'app', 'myhost:5000/app:latest', true, false],
    ['127.0.0.1:5000/app', '127.0.0.1:5000', 'app', '127.0.0.1:5000/app:latest', true, false],
    ['[::1]:5000/app', '[::1]:5000', 'app', '[::1]:5000/app:latest', true, false],
    ['[::1]/app', '[::1]', 'app', '[::1]/app:latest', true, false],
    ['[fd00:1:2::3]:5000/a/b:c', '[fd00:1:2::3]:5000', 'a/b', '[fd00:1:2::3]:5000/a/b:c', true, true],
    // Uppercase hosts are hosts (normalize.go: an uppercase first element is a domain).
    ['Registry.Example.com/app', 'Registry.Example.com', 'app', 'Registry.Example.com/app:latest', true, false],
    ['LOCALHOST/app', 'LOCALHOST', 'app', 'LOCALHOST/app:latest', true, false],
    ['Foo/bar', 'Foo', 'bar', 'Foo/bar:latest', true, false],
    // Tags may be uppercase.
    ['team/app:V1.0_RC-2', 'docker.io', 'team/app', 'docker.io/team/app:V1.0_RC-2', false, true],
    // No valid host, but a valid path as a whole: upstream accepts it (empty domain); the first
    // component is what a runtime connects to.
    ['my_registry.local/app', 'my_registry.local', 'app', 'my_registry.local/app:latest', true, false],
    // A 64-hex repository is fine with a host (normalize_test.go).
    [`docker.io/${HEX64}`, 'docker.io', `library/${HEX64}`, `docker.io/library/${HEX64}:latest`, true, false],
    // A single element "sha256:HEX" is repository "sha256" with a 64-character tag.
    [`sha256:${HEX64}`, 'docker.io', 'library/sha256', `docker.io/library/sha256:${HEX64}`, false, true],
    [`nginx:1.27@sha256:${HEX64}`, 'docker.io', 'library/nginx', `docker.io/library/nginx:1.27@sha256:${HEX64}`, false, true],
    [`nginx@sha384:${HEX64}${HEX64.slice(0, 32)}`, 'docker.io', 'library/nginx', `docker.io/library/nginx@sha384:${HEX64}${HEX64.slice(0, 32)}`, false, false],
    [`nginx@sha512:${HEX64}${HEX64}`, 'docker.io', 'library/nginx', `docker.io/library/nginx@sha512:${HEX64}${HEX64}`, false, false],
    ['a/b/c/d/e', 'docker.io', 'a/b/c/d/e', 'docker.io/a/b/c/d/e:latest', false, false],
    ['team/my__app.v2--beta', 'docker.io', 'team/my__app.v2--beta', 'docker.io/team/my__app.v2--beta:latest', false, false],
  ];
  for (const [input, domain, path, normalized, explicitDomain, explicitTag] of table) {
    it(`${input.slice(0, 50)} → ${normalized.slice(0, 60)}`, () => {
      const ref = ok(input);
      assert.deepEqual(
        { domain: ref.domain, path: ref.path, name: ref.name, normalized: ref.normalized, explicitDomain: ref.explicitDomain, explicitTag: ref.explicitTag },
        { domain, path, name: `${domain}/${path}`, normalized, explicitDomain, explicitTag },
      );
    });
  }

  it('sets tag to "latest" only when neither tag nor digest is written', () => {
    assert.equal(ok('nginx').tag, 'latest');
    assert.equal(ok(`nginx@sha256:${HEX64}`).tag, undefined);
    assert.equal(ok('nginx:1').tag, '1');
  });
});

describe('parseImageReference: errors say what and where', () => {
  // [input, code, offset, message]
  const table: Array<[string, ImageReferenceErrorCode, number, string]> = [
    ['', 'name-empty', 0, 'image reference is empty; expected e.g. "nginx:1.27" or "registry.example.com/team/app:v1"'],
    ['myapp/web:v1 2', 'tag-invalid', 12, `tag "v1 2" contains an invalid character " " at offset 12; ${TAG_RULE}`],
    // YAML-ish: a trailing space that survived quoting.
    ['nginx:1.0 ', 'tag-invalid', 9, `tag "1.0 " contains an invalid character " " at offset 9; ${TAG_RULE}`],
    ['registry.example.com/app:v1 ', 'tag-invalid', 27, `tag "v1 " contains an invalid character " " at offset 27; ${TAG_RULE}`],
    [' nginx', 'reference-invalid-format', 0, `repository name " nginx" contains an invalid character " " at offset 0; ${PATH_RULE}`],
    ['app\t', 'reference-invalid-format', 3, `repository name "app\\t" contains an invalid character U+0009 at offset 3; ${PATH_RULE}`],
    ['naïve', 'reference-invalid-format', 2, `repository name "naïve" contains an invalid character "ï" at offset 2; ${PATH_RULE}`],
    [':tag', 'reference-invalid-format', 0, `repository name is missing at offset 0 (found ":" where the name should start); ${EXAMPLE}`],
    [`@sha256:${HEX64}`, 'reference-invalid-format', 0, `repository name is missing at offset 0 (found "@" where the name should start); ${EXAMPLE}`],
    ['nginx:', 'tag-invalid', 6, `tag "" is empty after ":" at offset 6; ${TAG_RULE}`],
    ['nginx:-1', 'tag-invalid', 6, 'tag "-1" starts with "-" at offset 6; a tag must start with a letter, digit or "_"'],
    ['nginx:.1', 'tag-invalid', 6, 'tag ".1" starts with "." at offset 6; a tag must start with a letter, digit or "_"'],
    [`nginx:${'a'.repeat(129)}`, 'tag-invalid', 134, `tag "${'a'.repeat(80)}…" is 129 characters long at offset 134; ${TAG_RULE}`],
    ['nginx:1:2', 'reference-invalid-format', 5, `repository name "nginx:1" contains an invalid character ":" at offset 5; ${PATH_RULE}`],
    ['my___app', 'reference-invalid-format', 2, `repository name "my___app" has the separator "___" at offset 2; ${PATH_RULE}`],
    ['my..app', 'reference-invalid-format', 2, `repository name "my..app" has the separator ".." at offset 2; ${PATH_RULE}`],
    ['my._app', 'reference-invalid-format', 2, `repository name "my._app" has the separator "._" at offset 2; ${PATH_RULE}`],
    ['_app', 'reference-invalid-format', 0, `repository name "_app" has the path component "_app" starting with "_" at offset 0; ${PATH_RULE}`],
    ['app_', 'reference-invalid-format', 3, `repository name "app_" has the path component "app_" ending with "_" at offset 3; ${PATH_RULE}`],
    ['team//app', 'reference-invalid-format', 5, 'repository name "team//app" has an empty path component (nothing between two "/", or a leading or trailing "/") at offset 5'],
    ['team/', 'reference-invalid-format', 5, 'repository name "team/" has an empty path component (nothing between two "/", or a leading or trailing "/") at offset 5'],
    ['MyApp', 'name-contains-uppercase', 0, 'repository name must be lowercase: "MyApp" contains the uppercase letter "M" at offset 0'],
    ['team/MyApp:v1', 'name-contains-uppercase', 5, 'repository name must be lowercase: "team/MyApp" contains the uppercase letter "M" at offset 5'],
    ['docker.io/MyApp', 'name-contains-uppercase', 10, 'repository name must be lowercase: "MyApp" contains the uppercase letter "M" at offset 10'],
    ['REGISTRY.example.com/App', 'name-contains-uppercase', 21, 'repository name must be lowercase: "App" contains the uppercase letter "A" at offset 21'],
    [
      'Foo_Bar/app',
      'name-contains-uppercase',
      0,
      'repository name "Foo_Bar/app" contains the uppercase letter "F" at offset 0; repository names must be lowercase (the first component is not a valid registry host either, so it is read as part of the name)',
    ],
    ['example.com:/app', 'reference-invalid-format', 11, 'registry host "example.com:" has an empty port after ":" at offset 11'],
    ['example.com:abc/app', 'reference-invalid-format', 12, 'registry host "example.com:abc" has a port "abc" that is not a number (invalid character "a") at offset 12'],
    ['exa_mple.com:5000/app', 'reference-invalid-format', 3, `registry host "exa_mple.com:5000" contains an invalid character "_" at offset 3; ${HOST_RULE}`],
    ['-example.com/app', 'reference-invalid-format', 0, `registry host "-example.com" has a label starting with "-" at offset 0; ${HOST_RULE}`],
    ['example-.com/app', 'reference-invalid-format', 7, `registry host "example-.com" has a label ending with "-" at offset 7; ${HOST_RULE}`],
    ['example..com/app', 'reference-invalid-format', 8, `registry host "example..com" has an empty label (a leading, trailing or doubled ".") at offset 8; ${HOST_RULE}`],
    ['[::g]/app', 'reference-invalid-format', 3, `registry host "[::g]" has an invalid character "g" in the IPv6 address at offset 3; ${HOST_RULE}`],
    ['[::1/app', 'reference-invalid-format', 0, `registry host "[::1" has an IPv6 address with no closing "]" at offset 0; ${HOST_RULE}`],
    ['fe80::1/app', 'reference-invalid-format', 4, 'registry host "fe80::1" has more than one ":" at offset 4; an IPv6 address must be written in brackets, e.g. [fd00::1]:5000'],
    ['[::1]:5000', 'reference-invalid-format', 0, '"[::1]:5000" is a registry host without a repository at offset 0; add the repository path, e.g. "[::1]:5000/app:v1"'],
    ['https://registry.example.com/app', 'reference-invalid-format', 0, 'image references have no URL scheme: remove "https://" at offset 0 (e.g. "registry.example.com/app")'],
    ['nginx@', 'digest-invalid', 6, `digest "" is empty after "@" at offset 6; ${DIGEST_RULE}`],
    ['nginx@sha256', 'digest-invalid', 6, `digest "sha256" has no ":" at offset 6; ${DIGEST_RULE}`],
    ['nginx@:abc', 'digest-invalid', 6, `digest ":abc" has no algorithm before ":" at offset 6; ${DIGEST_RULE}`],
    ['nginx@sha256:xyz', 'digest-invalid', 13, `digest "sha256:xyz" has a non-hex character "x" at offset 13; ${DIGEST_RULE}`],
    ['nginx@sha256:abc', 'digest-invalid', 13, 'digest "sha256:abc" has 3 hex digits at offset 13; sha256 needs exactly 64'],
    [`nginx@sha256:${HEX64.slice(0, 63)}`, 'digest-invalid', 13, `digest "sha256:${HEX64.slice(0, 63)}" has 63 hex digits at offset 13; sha256 needs exactly 64`],
    [`nginx@sha256:${HEX64}0`, 'digest-invalid', 13, `digest "sha256:${HEX64}0" has 65 hex digits at offset 13; sha256 needs exactly 64`],
    [`nginx@sha256:${HEX64.toUpperCase()}`, 'digest-invalid', 23, `digest "sha256:${HEX64.toUpperCase()}" has the uppercase hex digit "A" at offset 23; digests are lowercase hex`],
    [`nginx@SHA256:${HEX64}`, 'digest-invalid', 6, 'digest algorithm "SHA256" contains the uppercase letter "S" at offset 6; algorithm names are lowercase, e.g. sha256'],
    [`nginx@sha256:${HEX64}@x`, 'digest-invalid', 77, `digest "sha256:${HEX64}@x" contains a second "@" at offset 77; a reference has at most one digest`],
    [
      `nginx@md5:${HEX64.slice(0, 32)}`,
      'digest-unsupported-algorithm',
      6,
      `digest "md5:${HEX64.slice(0, 32)}" has the unsupported algorithm "md5" at offset 6; supported algorithms: sha256, sha384, sha512`,
    ],
    [
      `nginx@sha1:${HEX64.slice(0, 40)}`,
      'digest-unsupported-algorithm',
      6,
      `digest "sha1:${HEX64.slice(0, 40)}" has the unsupported algorithm "sha1" at offset 6; supported algorithms: sha256, sha384, sha512`,
    ],
    [
      HEX64,
      'hex-identifier',
      0,
      `invalid repository name "${HEX64}" at offset 0: cannot specify 64-byte hexadecimal strings (this is an image ID, not a name; reference content by digest with NAME@sha256:0123456789ab…)`,
    ],
  ];
  for (const [input, code, offset, message] of table) {
    it(`${JSON.stringify(input.length > 50 ? `${input.slice(0, 50)}…` : input)}: ${code} at ${offset}`, () => {
      assert.deepEqual(error(input), { code, offset, message });
    });
  }
});

describe('parseImageReference: repository length (path only, domain excluded, reference v0.6)', () => {
  const LENGTH_RULE = 'repository name must not be more than 255 characters (the registry host is not counted)';
  it('accepts a 255-character path behind a long host', () => {
    const host = `${'h'.repeat(60)}.example.com:5000`;
    const ref = ok(`${host}/${'a'.repeat(255)}`);
    assert.equal(ref.path.length, 255);
  });
  it('rejects a 256-character path and points at its start', () => {
    const input = `example.com/${'a'.repeat(256)}`;
    assert.deepEqual(error(input), {
      code: 'name-too-long',
      offset: 12,
      message: `repository name "${'a'.repeat(80)}…" is 256 characters long at offset 12; ${LENGTH_RULE}`,
    });
  });
  it('counts the implied "library/" of a single-element name', () => {
    ok('a'.repeat(247));
    assert.deepEqual(error('a'.repeat(248)), {
      code: 'name-too-long',
      offset: 0,
      message: `repository name "${'a'.repeat(80)}…" (with the implied "library/" prefix) is 256 characters long at offset 0; ${LENGTH_RULE}`,
    });
  });
  it('counts a Docker Hub namespace path whole', () => {
    ok(`team/${'a'.repeat(250)}`);
    assert.equal(error(`team/${'a'.repeat(251)}`).code, 'name-too-long');
  });
});

describe('parseImageReference: hostile input', () => {
  // Linear scanners: these finish in one pass. No time is asserted (the suite never asserts times).
  const N = 10_000;
  const inputs: Array<[string, string, ImageReferenceErrorCode | 'ok']> = [
    ['a long valid path', 'a'.repeat(200) + '/b'.repeat(Math.floor((N - 200) / 2)), 'name-too-long'],
    ['alternating separators with a bad end', `${'a-'.repeat(N / 2)}!`, 'reference-invalid-format'],
    ['dots then a colon', `${'a.'.repeat(N / 2)}:`, 'reference-invalid-format'],
    ['host labels then a bad port', `${'a.'.repeat(N / 2)}com:x/app`, 'reference-invalid-format'],
    ['brackets and colons', `[${':'.repeat(N)}`, 'reference-invalid-format'],
    ['all uppercase', 'A'.repeat(N), 'name-contains-uppercase'],
    ['uppercase host that is not a host', `${'A_'.repeat(N / 2)}a/b`, 'name-contains-uppercase'],
    ['a huge tag', `nginx:${'a'.repeat(N)}`, 'tag-invalid'],
    ['a huge digest', `nginx@sha256:${'a'.repeat(N)}`, 'digest-invalid'],
    ['many @', '@'.repeat(N), 'reference-invalid-format'],
    ['many slashes', '/'.repeat(N), 'reference-invalid-format'],
    ['underscore runs', `a${'_'.repeat(N)}a`, 'reference-invalid-format'],
  ];
  for (const [what, input, expected] of inputs) {
    it(`${what} (${input.length} characters) → ${expected}`, () => {
      const result = parseImageReference(input);
      assert.equal(result.ok ? 'ok' : result.error.code, expected);
      if (!result.ok) assert.ok(result.error.message.length < 600, 'messages quote a bounded part of the input');
    });
  }
});
