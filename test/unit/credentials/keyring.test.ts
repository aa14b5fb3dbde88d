// Kubelet's keyring matching, as facts. The tables re-type the cases of kubernetes/kubernetes
// pkg/credentialprovider/keyring_test.go (TestURLsMatch, TestDockerKeyringForGlob, TestKeyringMiss,
// TestKeyringMissWithDockerHubCredentials, TestKeyringHitWith*DockerHub, TestIsDefaultRegistryMatch,
// TestDockerKeyringLookup, TestIssue3797) from the newest stored version (the one with the
// `*kubernetes.io` part-count cases; the stored commit 6fbbec6 has the same tables without them),
// plus the Docker Hub key facts of registry.md §4.4.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createKeyring, keyringKey } from '../../../src/credentials/keyring.js';
import { isDefaultRegistryMatch } from '../../../src/images/docker-hub.js';
import { matchesHostGlob } from '../../../src/images/host-glob.js';

describe('URLsMatch (upstream TestURLsMatch)', () => {
  const cases: [glob: string, target: string, match: boolean][] = [
    // match when there is no path component
    ['*.kubernetes.io', 'prefix.kubernetes.io', true],
    ['prefix.*.io', 'prefix.kubernetes.io', true],
    ['prefix.kubernetes.*', 'prefix.kubernetes.io', true],
    ['*-good.kubernetes.io', 'prefix-good.kubernetes.io', true],
    // match with path components
    ['*.kubernetes.io/blah', 'prefix.kubernetes.io/blah', true],
    ['prefix.*.io/foo', 'prefix.kubernetes.io/foo/bar', true],
    // match with path components and ports
    ['*.kubernetes.io:1111/blah', 'prefix.kubernetes.io:1111/blah', true],
    ['prefix.*.io:1111/foo', 'prefix.kubernetes.io:1111/foo/bar', true],
    // no match when number of parts mismatch
    ['*.kubernetes.io', 'kubernetes.io', false],
    ['*.*.kubernetes.io', 'prefix.kubernetes.io', false],
    ['*.*.kubernetes.io', 'kubernetes.io', false],
    ['*kubernetes.io', 'a.kubernetes.io', false],
    // match when number of parts match
    ['*kubernetes.io', 'kubernetes.io', true],
    ['*.*.*.kubernetes.io', 'a.b.c.kubernetes.io', true],
    // no match when some parts mismatch
    ['kubernetes.io', 'kubernetes.com', false],
    ['k*.io', 'quay.io', false],
    // no match when ports mismatch
    ['*.kubernetes.io:1234/blah', 'prefix.kubernetes.io:1111/blah', false],
    ['prefix.*.io/foo', 'prefix.kubernetes.io:1111/foo/bar', false],
    // registry.md §4.4 facts
    ['*.azurecr.io', 'x.azurecr.io/app', true],
    ['*.azurecr.io', 'azurecr.io/app', false],
    ['*.azurecr.io', 'a.b.azurecr.io/app', false],
    ['*.io', 'a.k8s.io/app', false],
    ['registry.example.com', 'registry.example.com:443/app', false], // no port is the empty port
    ['quay.io/team', 'quay.io/teamwork/app', true], // string prefix, not path segments
  ];
  for (const [glob, target, match] of cases) {
    it(`${glob} vs ${target} → ${match}`, () => assert.equal(matchesHostGlob(target, glob), match));
  }
});

// A keyring with one entry under `configKey`, looked up with `image`; returns the values found.
function lookupOne(configKey: string, image: string): string[] {
  return createKeyring([{ configKey, value: 'foo:bar' }]).lookup(image);
}

describe('Keyring hits for glob keys (upstream TestDockerKeyringForGlob; lookup of target + "/foo/bar")', () => {
  const cases: [configKey: string, target: string][] = [
    ['https://hello.kubernetes.io', 'hello.kubernetes.io'],
    ['https://*.docker.io', 'prefix.docker.io'],
    ['https://prefix.*.io', 'prefix.docker.io'],
    ['https://prefix.docker.*', 'prefix.docker.io'],
    ['https://*.docker.io/path', 'prefix.docker.io/path'],
    ['https://prefix.*.io/path', 'prefix.docker.io/path/subpath'],
    ['https://prefix.docker.*/path', 'prefix.docker.io/path'],
    ['https://*.docker.io:8888', 'prefix.docker.io:8888'],
    ['https://prefix.*.io:8888', 'prefix.docker.io:8888'],
    ['https://prefix.docker.*:8888', 'prefix.docker.io:8888'],
    ['https://*.docker.io/path:1111', 'prefix.docker.io/path:1111'],
    ['https://*.docker.io/v1/', 'prefix.docker.io/path:1111'],
    ['https://*.docker.io/v2/', 'prefix.docker.io/path:1111'],
    ['https://prefix.docker.*/path:1111', 'prefix.docker.io/path:1111'],
    ['prefix.docker.io:1111', 'prefix.docker.io:1111/path'],
    ['*.docker.io:1111', 'prefix.docker.io:1111/path'],
  ];
  for (const [configKey, target] of cases) {
    it(`${configKey} serves ${target}/foo/bar`, () => assert.deepEqual(lookupOne(configKey, `${target}/foo/bar`), ['foo:bar']));
  }
});

describe('Keyring misses (upstream TestKeyringMiss, TestKeyringMissWithDockerHubCredentials)', () => {
  const cases: [configKey: string, lookup: string][] = [
    ['https://hello.kubernetes.io', 'world.mesos.org/foo/bar'],
    ['https://*.docker.com', 'prefix.docker.io'],
    ['https://suffix.*.io', 'prefix.docker.io'],
    ['https://prefix.docker.c*', 'prefix.docker.io'],
    ['https://prefix.*.io/path:1111', 'prefix.docker.io/path/subpath:1111'],
    ['suffix.*.io', 'prefix.docker.io'],
    ['https://index.docker.io/v1/', 'world.mesos.org/foo/bar'],
  ];
  for (const [configKey, lookup] of cases) {
    it(`${configKey} does not serve ${lookup}/foo/bar`, () => assert.deepEqual(lookupOne(configKey, `${lookup}/foo/bar`), []));
  }
});

describe('Docker Hub credentials (upstream TestKeyringHitWith*DockerHub, registry.md §4.4)', () => {
  it('https://index.docker.io/v1/ serves an unqualified name (google/docker-registry) once', () =>
    assert.deepEqual(lookupOne('https://index.docker.io/v1/', 'google/docker-registry'), ['foo:bar']));
  it('https://index.docker.io/v1/ serves a single-component name (jenkins)', () =>
    assert.deepEqual(lookupOne('https://index.docker.io/v1/', 'jenkins'), ['foo:bar']));
  it('https://index.docker.io/v1/ serves index.docker.io/v1//google/docker-registry', () =>
    assert.deepEqual(lookupOne('https://index.docker.io/v1/', 'index.docker.io/v1//google/docker-registry'), ['foo:bar']));

  // What kubelet looks up for `nginx` is docker.io/library/nginx.
  const hubKeys: [configKey: string, serves: boolean][] = [
    ['docker.io', true],
    ['https://docker.io', true],
    ['https://index.docker.io/v1/', true], // via the default-registry fallback
    ['index.docker.io', true],
    ['https://index.docker.io/v2/', true],
    ['registry-1.docker.io', false],
    ['registry.hub.docker.com', false],
    ['docker.io/library', true],
    ['docker.io/other', false],
  ];
  for (const [configKey, serves] of hubKeys) {
    it(`${configKey} ${serves ? 'serves' : 'never serves'} docker.io/library/nginx`, () =>
      assert.deepEqual(lookupOne(configKey, 'docker.io/library/nginx'), serves ? ['foo:bar'] : []));
  }
  it('the index.docker.io fallback is not used once another key matched', () => {
    const keyring = createKeyring([
      { configKey: 'https://index.docker.io/v1/', value: 'index' },
      { configKey: 'docker.io', value: 'docker.io' },
    ]);
    assert.deepEqual(keyring.lookup('docker.io/library/nginx'), ['docker.io']);
  });
});

describe('isDefaultRegistryMatch (upstream TestIsDefaultRegistryMatch)', () => {
  const cases: [image: string, expected: boolean][] = [
    ['foo/bar', true],
    ['docker.io/foo/bar', true],
    ['index.docker.io/foo/bar', true],
    ['foo', true],
    ['', false],
    ['registry.tld/foo/bar', false],
    ['registry:5000/foo/bar', false],
    ['myhostdocker.io/foo/bar', false],
  ];
  for (const [image, expected] of cases) {
    it(`${JSON.stringify(image)} → ${expected}`, () => assert.equal(isDefaultRegistryMatch(image), expected));
  }
});

describe('Lookup order (upstream TestDockerKeyringLookup, TestIssue3797)', () => {
  const keyring = createKeyring([
    { configKey: 'bar.example.com/pong', value: 'grace' },
    { configKey: 'bar.example.com', value: 'ada' },
  ]);
  const cases: [image: string, expected: string[]][] = [
    ['bar.example.com', ['ada']], // direct match
    ['bar.example.com/pong', ['grace', 'ada']], // deeper match first
    ['bar.example.com/ping', ['ada']], // no direct match, deeper path ignored
    ['bar.example.com/pongz', ['grace', 'ada']], // match first part of path token
    ['bar.example.com/pong/pang', ['grace', 'ada']], // regardless of sub-path
    ['example.com', []],
    ['foo.example.com', []],
  ];
  for (const [image, expected] of cases) {
    it(`${image} → ${JSON.stringify(expected)}`, () => assert.deepEqual(keyring.lookup(image), expected));
  }

  const quay = createKeyring([{ configKey: 'https://quay.io/v1/', value: 'rex' }]);
  for (const image of ['quay.io', 'quay.io/foo', 'quay.io/foo/bar']) {
    it(`https://quay.io/v1/ serves ${image}`, () => assert.deepEqual(quay.lookup(image), ['rex']));
  }
});

describe('Keyring index (BasicDockerKeyring.Add)', () => {
  it('normalises keys: scheme and /v1/, /v2/ dropped, host alone for an empty path', () => {
    assert.equal(keyringKey('https://index.docker.io/v1/'), 'index.docker.io');
    assert.equal(keyringKey('http://registry.local:5000/v2/'), 'registry.local:5000');
    assert.equal(keyringKey('quay.io/team/'), 'quay.io/team/');
    assert.equal(keyringKey('ghcr.io'), 'ghcr.io');
    assert.equal(keyringKey('https://ho st'), undefined);
  });

  it('keeps every credential of a key, in the order added, and tries the more specific key first', () => {
    const keyring = createKeyring([
      { configKey: 'ghcr.io', value: 'first secret, ghcr.io' },
      { configKey: 'https://ghcr.io', value: 'second secret, same key' },
      { configKey: 'ghcr.io/team', value: 'third secret, ghcr.io/team' },
      { configKey: '*.io', value: 'glob' },
    ]);
    assert.deepEqual(keyring.index, ['ghcr.io/team', 'ghcr.io', '*.io']);
    assert.deepEqual(keyring.lookup('ghcr.io/team/app'), ['third secret, ghcr.io/team', 'first secret, ghcr.io', 'second secret, same key', 'glob']);
  });

  it('sorts in reverse byte order, so a literal label comes before a glob with the same suffix', () => {
    const keyring = createKeyring([
      { configKey: '*.azurecr.io', value: 'glob' },
      { configKey: 'team.azurecr.io', value: 'exact' },
    ]);
    assert.deepEqual(keyring.lookup('team.azurecr.io/api'), ['exact', 'glob']);
  });

  it('reports keys that Go cannot parse and skips them', () => {
    const keyring = createKeyring([
      { configKey: 'bad host.io', value: 'x' },
      { configKey: 'good.io', value: 'y' },
    ]);
    assert.deepEqual(keyring.rejectedKeys, ['bad host.io']);
    assert.deepEqual(keyring.lookup('good.io/app'), ['y']);
  });
});
