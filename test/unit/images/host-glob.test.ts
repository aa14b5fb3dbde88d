// Kubelet's URLsMatchStr semantics (docs: shared/docs/registry.md §4.4, §4.6).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchesGlobPart, matchesHostGlob, matchesHostPattern } from '../../../src/images/host-glob.js';

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
    // Schemes are ignored on both sides; /v1/ keys are normalised by the keyring, not here.
    ['docker.io/library/nginx', 'https://docker.io', true],
    ['http://docker.io/library/nginx', 'docker.io', true],
    // Case-sensitive, as Go's filepath.Match.
    ['Registry.io', 'registry.io', false],
    // filepath.Match syntax inside one part.
    ['reg1.example.com', 'reg?.example.com', true],
    ['reg12.example.com', 'reg?.example.com', false],
    ['regb.example.com', 'reg[a-c].example.com', true],
    ['regd.example.com', 'reg[a-c].example.com', false],
    ['regd.example.com', 'reg[^a-c].example.com', true],
    ['reg*.example.com', 'reg\\*.example.com', true],
    ['regx.example.com', 'reg\\*.example.com', false],
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

describe('matchesGlobPart (Go filepath.Match on one label)', () => {
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
    it(`${JSON.stringify(pattern)} vs ${JSON.stringify(text)} → ${expected}`, () => assert.equal(matchesGlobPart(pattern, text), expected));
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
