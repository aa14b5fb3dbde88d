// Kubelet's URLsMatchStr semantics (pkg/credentialprovider keyring.go): the one registry glob that
// lint (missing-pull-secret, registry access) and check (keyring, node identity) share.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createKeyring } from '../../../src/credentials/keyring.js';
import { matchNodeIdentityRegistry } from '../../../src/credentials/node-identity.js';
import { goPathMatch } from '../../../src/images/go-path-match.js';
import { matchesHostGlob, matchesHostPattern } from '../../../src/images/host-glob.js';

describe('matchesHostGlob', () => {
  // [target, glob, expected]
  const table: Array<[string, string, boolean]> = [
    ['x.azurecr.io', '*.azurecr.io', true],
    ['x.azurecr.io/team/app', '*.azurecr.io', true],
    ['azurecr.io', '*.azurecr.io', false],
    ['a.b.azurecr.io', '*.azurecr.io', false],
    ['a.k8s.io', '*.io', false],
    ['k8s.io', '*.io', true],
    ['myreg.azurecr.cn', '*.azurecr.io', false],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com', '*.dkr.ecr.*.amazonaws.com', true],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/app', '*.dkr.ecr.*.amazonaws.com', true],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', '*.dkr.ecr.*.amazonaws.com', false],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', '*.dkr.ecr.*.amazonaws.com.cn', true],
    ['public.ecr.aws', '*.dkr.ecr.*.amazonaws.com', false],
    ['us-central1-docker.pkg.dev/p/r/i', '*-docker.pkg.dev', true],
    ['docker.pkg.dev', '*-docker.pkg.dev', false],
    ['gcr.io/project/app', 'gcr.io', true],
    ['eu.gcr.io/project/app', '*.gcr.io', true],
    ['eu.gcr.io', 'gcr.io', false],
    // Ports must be equal; no port is "" (host does not match host:443).
    ['registry.io:8080/path/app', 'registry.io:8080/path', true],
    ['registry.io/path/app', 'registry.io:8080/path', false],
    ['registry.io:443', 'registry.io', false],
    ['registry.io', 'registry.io:443', false],
    ['image-registry.openshift-image-registry.svc:5000/ns/app', 'image-registry.openshift-image-registry.svc:5000', true],
    ['image-registry.openshift-image-registry.svc/ns/app', 'image-registry.openshift-image-registry.svc:5000', false],
    // The glob path is a plain string prefix (/foo matches /foobar).
    ['registry.io/foobar', 'registry.io/foo', true],
    ['registry.io/bar/foo', 'registry.io/foo', false],
    ['registry.io', 'registry.io/', false],
    // URLsMatchStr puts "https://" before each side and strips nothing: a scheme becomes the host
    // "https:". The keyring drops schemes and /v1/ when it files a key (keyringKey), not here.
    ['docker.io/library/nginx', 'https://docker.io', false],
    ['http://docker.io/library/nginx', 'docker.io', false],
    // Case-sensitive, as Go's filepath.Match.
    ['Registry.io', 'registry.io', false],
    // filepath.Match syntax inside one part.
    // url.Parse reads "?" as the start of the query: the glob's host is `reg`, one part.
    ['reg1.example.com', 'reg?.example.com', false],
    ['reg', 'reg?.example.com', true],
    ['regb.example.com', 'reg[a-c].example.com', true],
    ['regd.example.com', 'reg[a-c].example.com', false],
    // "^" is no character of a host for url.Parse: the glob matches nothing.
    ['regd.example.com', 'reg[^a-c].example.com', false],
    // A backslash is no character of a host: url.Parse rejects the glob, which then matches nothing,
    // not even the starred name it seems to escape.
    ['reg*.example.com', 'reg\\*.example.com', false],
    ['regx.example.com', 'reg\\*.example.com', false],
    // A leading "[" starts an IPv6 literal for url.Parse: `[a-c].io` is a broken one (".io" is no
    // port), so it matches nothing, while the same class inside a part works.
    ['b.io', '[a-c].io', false],
    ['b.example.io', '[a-c].example.io', false],
    ['xb.io', 'x[a-c].io', true],
    // A malformed glob never matches (kubelet treats filepath.ErrBadPattern as no match).
    ['reg[.example.com', 'reg[.example.com', false],
    // IPv6 and IPv4 hosts.
    ['[::1]:5000/app', '[::1]:5000', true],
    ['127.0.0.1:5000/app', '127.0.0.1:5000', true],
    ['127.0.0.1:5000/app', '127.0.0.*:5000', true],
  ];
  for (const [target, glob, expected] of table) {
    it(`${target} ${expected ? 'matches' : 'does not match'} ${glob}`, () => assert.equal(matchesHostGlob(target, glob), expected));
  }
});

describe('goPathMatch (Go path.Match on one label)', () => {
  const table: Array<[string, string, boolean]> = [
    ['*', '', true],
    ['*', 'anything', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['*x', 'xxxx', true],
    ['[]a]', ']', false],
    ['[-a]', '-', false],
    ['[a-]', 'a', false],
    ['[\\]]', ']', true],
    ['[^]', 'a', false],
    ['\\', '\\', false],
  ];
  for (const [pattern, text, expected] of table) {
    it(`${JSON.stringify(pattern)} vs ${JSON.stringify(text)} → ${expected}`, () => assert.equal(goPathMatch(pattern, text), expected));
  }
});

describe('matchesHostPattern (local-registry conventions: no port in the pattern = any port)', () => {
  const table: Array<[string, string, boolean]> = [
    ['k3d-myregistry:5000', 'k3d-*', true],
    ['k3d-myregistry', 'k3d-*', true],
    ['k3d-myregistry.localhost:12345', 'k3d-*.localhost', true],
    ['k3d-myregistry.localhost:12345', 'k3d-*', false],
    ['localhost:5001', 'localhost:5001', true],
    ['localhost:5002', 'localhost:5001', false],
    ['kind-registry:5000', 'kind-registry:5000', true],
    ['registry.example.com:5000', 'k3d-*', false],
  ];
  for (const [host, pattern, expected] of table) {
    it(`${host} ${expected ? 'matches' : 'does not match'} ${pattern}`, () => assert.equal(matchesHostPattern(host, pattern), expected));
  }
});

// The three callers that used to hold two implementations agree now: lint's profile globs, the
// keyring of pull secrets, and node identity (issue: `[a-c].io` and `a\*.io` matched for lint only).
describe('one glob for lint and check', () => {
  const cases: Array<[target: string, glob: string]> = [
    ['b.io/app', '[a-c].io'],
    ['a*.io/app', 'a\\*.io'],
    ['x.azurecr.io/app', '*.azurecr.io'],
    ['a.b.azurecr.io/app', '*.azurecr.io'],
  ];
  for (const [target, glob] of cases) {
    it(`${target} vs ${glob}`, () => {
      const lint = matchesHostGlob(target, glob);
      const keyring = createKeyring([{ configKey: glob, value: 'secret' }]).lookup(target).length > 0;
      const nodeIdentity = matchNodeIdentityRegistry({ name: target, domain: target.split('/')[0]! }, [glob]) !== undefined;
      assert.deepEqual([keyring, nodeIdentity], [lint, lint]);
    });
  }
  it('matches as kubelet does on these cases', () => {
    assert.deepEqual(cases.map(([target, glob]) => matchesHostGlob(target, glob)), [false, false, true, false]);
  });
});
