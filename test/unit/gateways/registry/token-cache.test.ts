// TokenCache and tokenExpiry (token-cache.ts): lifetimes, the expiry margin, clock skew, sharing one
// request among concurrent callers, not caching failures, invalidation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_TOKEN_LIFETIME_S, TokenCache, tokenExpiry, type TokenKey } from '../../../../src/gateways/registry/token-cache.js';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const KEY: TokenKey = { realm: 'https://auth.corp.acme/token', service: 'registry', scope: 'repository:team/webapi:pull', credentialId: 'anonymous' };

describe('tokenExpiry', () => {
  const cases: { name: string; expiresIn?: number; issuedAt?: string; expected: number }[] = [
    { name: 'no expires_in: 60 s, less the 5 s margin', expected: NOW + DEFAULT_TOKEN_LIFETIME_S * 1000 - 5_000 },
    { name: 'expires_in 300', expiresIn: 300, expected: NOW + 295_000 },
    { name: 'a short lifetime loses at most half to the margin', expiresIn: 4, expected: NOW + 2_000 },
    { name: 'zero or negative expires_in: the default', expiresIn: 0, expected: NOW + 55_000 },
    { name: 'issued_at in the past counts from then', expiresIn: 300, issuedAt: '2026-12-06T11:59:00Z', expected: NOW - 60_000 + 295_000 },
    { name: 'issued_at ahead of our clock is not trusted', expiresIn: 300, issuedAt: '2026-12-06T12:10:00Z', expected: NOW + 295_000 },
    { name: 'unreadable issued_at', expiresIn: 300, issuedAt: 'yesterday', expected: NOW + 295_000 },
  ];
  for (const { name, expiresIn, issuedAt, expected } of cases) it(name, () => assert.equal(tokenExpiry(NOW, expiresIn, issuedAt), expected));
});

describe('TokenCache', () => {
  it('keeps a token until it expires, per realm, service, scope and credential', async () => {
    let now = NOW;
    const cache = new TokenCache(() => now);
    assert.equal(await cache.getOrFetch(KEY, async () => ({ token: 't1', expiresAt: NOW + 1_000 })), 't1');
    assert.equal(cache.get(KEY), 't1');
    assert.equal(cache.get({ ...KEY, credentialId: 'other' }), undefined);
    assert.equal(cache.get({ ...KEY, scope: 'repository:team/other:pull' }), undefined);
    now = NOW + 1_000;
    assert.equal(cache.get(KEY), undefined);
    assert.equal(cache.size, 0);
  });

  it('shares one request among concurrent callers', async () => {
    const cache = new TokenCache(() => NOW);
    let fetches = 0;
    const fetch = async () => {
      fetches += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { token: `t${fetches}`, expiresAt: NOW + 60_000 };
    };
    const tokens = await Promise.all([cache.getOrFetch(KEY, fetch), cache.getOrFetch(KEY, fetch), cache.getOrFetch(KEY, fetch)]);
    assert.deepEqual(tokens, ['t1', 't1', 't1']);
    assert.equal(fetches, 1);
  });

  it('does not cache a failure', async () => {
    const cache = new TokenCache(() => NOW);
    await assert.rejects(cache.getOrFetch(KEY, async () => Promise.reject(new Error('token service down'))), /token service down/);
    assert.equal(await cache.getOrFetch(KEY, async () => ({ token: 't2', expiresAt: NOW + 60_000 })), 't2');
  });

  it('drops a rejected token', async () => {
    const cache = new TokenCache(() => NOW);
    await cache.getOrFetch(KEY, async () => ({ token: 't1', expiresAt: NOW + 60_000 }));
    cache.invalidate(KEY);
    assert.equal(cache.get(KEY), undefined);
    assert.equal(await cache.getOrFetch(KEY, async () => ({ token: 't3', expiresAt: NOW + 60_000 })), 't3');
  });
});
