// docker-registry with token auth and the suite's token server: anonymous and credentialed Bearer
// flows, refresh tokens (OAuth2 POST and the GET fallback), registry tokens, token caching counted at
// the token server, scope denials, and no credential or token in any verdict.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkImages } from '../../../src/gather/check-images.js';
import { OciRegistryGateway } from '../../../src/gateways/registry/oci-registry-gateway.js';
import type { ImageCheckRequest, ImageCheckResult, RegistryCredential } from '../../../src/facts/registry-gateway.js';
import { ociImage, LINUX_AMD64 } from '../../support/registry/image-fixtures.js';
import { imageRef } from '../../support/registry/image-ref.js';
import { standardImages, startRegistryFixture, type RegistryFixture } from '../../support/registry/registry-fixture.js';

const ALICE = { user: 'alice', password: 'token-pass-31c8' };
const BOB = { user: 'bob', password: 'bob-pass-77aa' };
const REFRESH = 'refresh-token-5e0b9c';
const alice: RegistryCredential = { source: 'secret team/alice', username: ALICE.user, password: ALICE.password };
const bob: RegistryCredential = { source: 'secret team/bob', username: BOB.user, password: BOB.password };
const badAlice: RegistryCredential = { source: 'secret team/old-alice', username: ALICE.user, password: 'not-her-password-1' };
const refreshOnly: RegistryCredential = { source: 'docker config.json (identitytoken)', identityToken: REFRESH };

describe('registry checks with token auth', () => {
  let fixture: RegistryFixture;
  let host: string;
  const results: ImageCheckResult[] = [];

  before(async () => {
    fixture = await startRegistryFixture('token', {
      users: { [ALICE.user]: ALICE.password, [BOB.user]: BOB.password },
      token: {
        refreshTokens: { [REFRESH]: ALICE.user },
        anonymousPull: (repository) => !repository.startsWith('private/'),
        userAccess: (user, repository) => (user === BOB.user && repository.startsWith('private/') ? [] : ['*']),
      },
    });
    host = fixture.registry.host;
    await fixture.seed([
      ...standardImages(),
      ...Array.from({ length: 5 }, (_, i) => ({ repository: 'test/many-tags', tag: `t${i}`, image: ociImage(LINUX_AMD64, `many-${i}`) })),
      { repository: 'private/app', tag: 'v1', image: ociImage(LINUX_AMD64, 'private-app') },
    ]);
  });
  after(async () => fixture.stop());

  const req = (ref: string, credentials: RegistryCredential[] = []): ImageCheckRequest => ({ reference: imageRef(`${host}/${ref}`), credentials });

  async function withGateway<T>(run: (gateway: OciRegistryGateway) => Promise<T>): Promise<T> {
    const gateway = new OciRegistryGateway();
    try {
      return await run(gateway);
    } finally {
      await gateway.close();
    }
  }

  async function one(request: ImageCheckRequest): Promise<ImageCheckResult> {
    const result = await withGateway((g) => g.checkImage(request));
    results.push(result);
    return result;
  }

  it('pulls a public image with an anonymous token', async () => {
    const result = await one(req('test/oci-index:v1'));
    assert.equal(result.status, 'ok', result.summary);
    assert.equal(result.credentialSource, 'anonymous');
  });

  it('fetches one token per repository and reuses it (counted at the token server)', async () => {
    const tokens = fixture.tokenServer!.requests;
    const start = tokens.length;
    const requests = [...Array.from({ length: 5 }, (_, i) => req(`test/many-tags:t${i}`)), ...Array.from({ length: 5 }, (_, i) => req(`test/many-tags:missing${i}`))];
    await withGateway(async (gateway) => {
      const first = await checkImages(gateway, requests, { concurrency: 16 });
      results.push(...first);
      assert.deepEqual(first.map((r) => r.status), [...Array(5).fill('ok'), ...Array(5).fill('image-not-found')]);
      assert.equal(tokens.length - start, 1, 'one token request for ten concurrent checks of one repository');
      assert.deepEqual(tokens.at(-1)?.scopes, ['repository:test/many-tags:pull']);
      const second = await checkImages(gateway, requests.slice(0, 3), { concurrency: 16 });
      results.push(...second);
      assert.equal(tokens.length - start, 1, 'the cached token serves a second batch');
      await gateway.checkImage(req('test/oci-single:v1'));
      assert.equal(tokens.length - start, 2, 'another repository needs its own token');
    });
  });

  it('uses the credential for the token request and finds a private image', async () => {
    const start = fixture.tokenServer!.requests.length;
    const result = await one(req('private/app:v1', [alice]));
    assert.equal(result.status, 'ok', result.summary);
    const record = fixture.tokenServer!.requests[start];
    assert.equal(record?.subject, ALICE.user);
    assert.equal(record?.method, 'GET');
  });

  it('reports unauthorized when the token service rejects the credential', async () => {
    const result = await one(req('private/app:v1', [badAlice]));
    assert.equal(result.status, 'unauthorized');
    assert.match(result.summary, /^the token service at 127\.0\.0\.1:\d+ rejected credential secret team\/old-alice \(UNAUTHORIZED: bad credentials\)$/);
    assert.deepEqual(result.evidence, { httpStatus: 401, errorCode: 'UNAUTHORIZED', registryMessage: 'bad credentials', method: 'GET' });
  });

  it('reports unauthorized for an anonymous pull of a private repository', async () => {
    const result = await one(req('private/app:v1'));
    assert.equal(result.status, 'unauthorized');
    assert.equal(result.summary, `${host} requires authentication for "private/app" and no credential matches it`);
    assert.equal(result.evidence?.errorCode, 'insufficient_scope');
  });

  it('reports forbidden when a valid credential has no pull access', async () => {
    const result = await one(req('private/app:v1', [bob]));
    assert.equal(result.status, 'forbidden');
    assert.equal(result.summary, `${host} accepted credential secret team/bob but grants it no pull access to "private/app"`);
  });

  it('moves on from a credential without access to the next one', async () => {
    const result = await one(req('private/app:v1', [bob, alice]));
    assert.equal(result.status, 'ok');
    assert.equal(result.credentialSource, alice.source);
  });

  it('exchanges a refresh token with the OAuth2 POST', async () => {
    const start = fixture.tokenServer!.requests.length;
    const result = await one(req('private/app:v1', [refreshOnly]));
    assert.equal(result.status, 'ok', result.summary);
    const record = fixture.tokenServer!.requests[start];
    assert.deepEqual([record?.method, record?.grantType, record?.subject], ['POST', 'refresh_token', ALICE.user]);
  });

  it('sends a registry token as is, without a token request', async () => {
    const token = fixture.tokenServer!.issue(ALICE.user, [{ type: 'repository', name: 'private/app', actions: ['pull'] }]);
    const start = fixture.tokenServer!.requests.length;
    const result = await one(req('private/app:v1', [{ source: 'docker config.json (registrytoken)', registryToken: token }]));
    assert.equal(result.status, 'ok', result.summary);
    assert.equal(fixture.tokenServer!.requests.length, start);
  });

  it('never puts a password, refresh token or issued token in a verdict', () => {
    const issued = fixture.tokenServer!.requests.map((r) => r.token).filter((t): t is string => t !== undefined);
    assert.ok(issued.length >= 4);
    const text = JSON.stringify(results);
    for (const secret of [ALICE.password, BOB.password, 'not-her-password-1', REFRESH, ...issued]) {
      assert.ok(!text.includes(secret), 'a secret leaked into a verdict');
    }
  });
});

describe('refresh tokens against a realm without the OAuth2 POST', () => {
  let fixture: RegistryFixture;

  before(async () => {
    fixture = await startRegistryFixture('token', {
      users: { [ALICE.user]: ALICE.password },
      token: { disablePost: true, anonymousPull: () => false },
    });
    await fixture.seed([{ repository: 'private/app', tag: 'v1', image: ociImage(LINUX_AMD64, 'fallback') }]);
  });
  after(async () => fixture.stop());

  it('falls back to the Basic GET when the POST answers 404', async () => {
    const gateway = new OciRegistryGateway();
    try {
      const credential: RegistryCredential = { source: 'docker config.json', username: ALICE.user, password: ALICE.password, identityToken: REFRESH };
      const result = await gateway.checkImage({ reference: imageRef(`${fixture.registry.host}/private/app:v1`), credentials: [credential] });
      assert.equal(result.status, 'ok', result.summary);
      assert.deepEqual(fixture.tokenServer!.requests.map((r) => `${r.method} ${r.status} ${r.subject ?? '-'}`), ['POST 404 -', `GET 200 ${ALICE.user}`]);
    } finally {
      await gateway.close();
    }
  });
});
