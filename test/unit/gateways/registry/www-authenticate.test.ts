// parseWwwAuthenticate as a table of real and RFC 9110 §11.6.1 headers (distribution, Docker Hub,
// GHCR, ACR, Harbor), and which challenge pullguard answers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWwwAuthenticate, pickChallenge, type AuthChallenge } from '../../../../src/gateways/registry/www-authenticate.js';

const CASES: { name: string; header: string | string[] | undefined; expected: AuthChallenge[] }[] = [
  { name: 'no header', header: undefined, expected: [] },
  { name: 'empty', header: '', expected: [] },
  {
    name: 'Docker Hub bearer',
    header: 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
    expected: [{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull' } }],
  },
  {
    name: 'insufficient_scope with a comma inside quotes',
    header: 'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/webapi:pull,push",error="insufficient_scope"',
    expected: [{ scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:acme/webapi:pull,push', error: 'insufficient_scope' } }],
  },
  { name: 'basic with a realm, scheme case ignored', header: 'BASIC realm="Registry Realm"', expected: [{ scheme: 'basic', params: { realm: 'Registry Realm' } }] },
  {
    name: 'two challenges in one header, spaces around =',
    header: 'Basic realm = "harbor", Bearer realm="https://harbor.acme/service/token" , service="harbor-registry"',
    expected: [
      { scheme: 'basic', params: { realm: 'harbor' } },
      { scheme: 'bearer', params: { realm: 'https://harbor.acme/service/token', service: 'harbor-registry' } },
    ],
  },
  {
    name: 'two headers',
    header: ['Basic realm="a"', 'Bearer realm="https://b/token"'],
    expected: [
      { scheme: 'basic', params: { realm: 'a' } },
      { scheme: 'bearer', params: { realm: 'https://b/token' } },
    ],
  },
  { name: 'backslash escapes', header: 'Bearer realm="say \\"hi\\" \\\\ bye"', expected: [{ scheme: 'bearer', params: { realm: 'say "hi" \\ bye' } }] },
  { name: 'token values and upper-case names', header: 'Bearer Realm=registry, Service=reg.v2', expected: [{ scheme: 'bearer', params: { realm: 'registry', service: 'reg.v2' } }] },
  // A URL is no token (`:` and `/` are not token characters): unquoted, it falls apart as the RFC says.
  { name: 'an unquoted URL', header: 'Bearer realm=https://r/token', expected: [{ scheme: 'bearer', params: { realm: 'https' } }, { scheme: 'r', params: {}, token68: '/token' }] },
  { name: 'a token68', header: 'Negotiate YIIB9wYGKwYBBQUCoII=', expected: [{ scheme: 'negotiate', params: {}, token68: 'YIIB9wYGKwYBBQUCoII=' }] },
  { name: 'a token68 then a challenge', header: 'Custom abc==, Basic realm="x"', expected: [{ scheme: 'custom', params: {}, token68: 'abc==' }, { scheme: 'basic', params: { realm: 'x' } }] },
  { name: 'a scheme alone', header: 'Bearer', expected: [{ scheme: 'bearer', params: {} }] },
  { name: 'unterminated quote keeps the value', header: 'Bearer realm="https://r/token', expected: [{ scheme: 'bearer', params: { realm: 'https://r/token' } }] },
  { name: 'stray characters are skipped', header: '"; Basic realm="x"', expected: [{ scheme: 'basic', params: { realm: 'x' } }] },
];

describe('parseWwwAuthenticate', () => {
  for (const { name, header, expected } of CASES) it(name, () => assert.deepEqual(parseWwwAuthenticate(header), expected));
});

describe('pickChallenge', () => {
  const basic: AuthChallenge = { scheme: 'basic', params: {} };
  const bearer: AuthChallenge = { scheme: 'bearer', params: { realm: 'r' } };
  const other: AuthChallenge = { scheme: 'negotiate', params: {} };
  it('prefers Bearer to Basic whatever the order', () => assert.equal(pickChallenge([basic, bearer]), bearer));
  it('takes Basic when there is no Bearer', () => assert.equal(pickChallenge([other, basic]), basic));
  it('answers no other scheme', () => assert.equal(pickChallenge([other]), undefined));
  it('answers nothing to no challenge', () => assert.equal(pickChallenge([]), undefined));
});
