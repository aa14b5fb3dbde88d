// docker-registry with htpasswd (Basic): right, wrong and missing credentials, kubelet's order
// (every credential in turn, first success wins, no anonymous fallback), and no secret in output.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OciRegistryGateway } from '../../../src/gateways/registry/oci-registry-gateway.js';
import type { ImageCheckResult, RegistryCredential } from '../../../src/facts/registry-gateway.js';
import { imageRef } from '../../support/registry/image-ref.js';
import { standardImages, startRegistryFixture, type RegistryFixture } from '../../support/registry/registry-fixture.js';

const ALICE = { user: 'alice', password: 'wonderland-7d1e' };
const right: RegistryCredential = { source: 'secret team/regcred (.dockerconfigjson)', username: ALICE.user, password: ALICE.password };
const wrong: RegistryCredential = { source: 'secret team/stale (.dockerconfigjson)', username: ALICE.user, password: 'expired-password-42' };
const SECRETS = [ALICE.password, 'expired-password-42', Buffer.from(`${ALICE.user}:${ALICE.password}`).toString('base64'), Buffer.from(`${ALICE.user}:expired-password-42`).toString('base64')];

describe('registry checks with htpasswd (Basic) auth', () => {
  let fixture: RegistryFixture;
  let host: string;
  const gateway = new OciRegistryGateway();
  const results: ImageCheckResult[] = [];

  before(async () => {
    fixture = await startRegistryFixture('htpasswd', { users: { [ALICE.user]: ALICE.password } });
    host = fixture.registry.host;
    await fixture.seed(standardImages());
  });
  after(async () => {
    await gateway.close();
    await fixture.stop();
  });

  async function check(ref: string, credentials: RegistryCredential[]): Promise<ImageCheckResult> {
    const result = await gateway.checkImage({ reference: imageRef(`${host}/${ref}`), credentials });
    results.push(result);
    return result;
  }

  it('finds the image with the right credential', async () => {
    const result = await check('test/oci-index:v1', [right]);
    assert.equal(result.status, 'ok', result.summary);
    assert.equal(result.credentialSource, right.source);
  });

  it('reports unauthorized for a wrong password, naming the credential', async () => {
    const result = await check('test/oci-index:v1', [wrong]);
    assert.equal(result.status, 'unauthorized');
    assert.equal(result.summary, `${host} rejected credential ${wrong.source}`);
    assert.equal(result.credentialSource, wrong.source);
    assert.deepEqual(result.evidence, { httpStatus: 401, method: 'HEAD' });
  });

  it('reports unauthorized without credentials', async () => {
    const result = await check('test/oci-index:v1', []);
    assert.equal(result.status, 'unauthorized');
    assert.equal(result.summary, `${host} requires authentication for "test/oci-index" and no credential matches it`);
    assert.equal(result.credentialSource, 'anonymous');
  });

  it('tries each credential in order and stops at the first that works', async () => {
    const before = fixture.registry.requests().length;
    const result = await check('test/docker-single:v1', [wrong, right, wrong]);
    assert.equal(result.status, 'ok');
    assert.equal(result.credentialSource, right.source);
    const logged = (await fixture.registry.waitForRequests(before + 2)).slice(before);
    assert.deepEqual(
      logged.filter((r) => r.uri.includes('/manifests/')).map((r) => `${r.method} ${r.status}`),
      ['HEAD 401', 'HEAD 200'],
    );
  });

  it('reports a missing tag when the credential works', async () => {
    const result = await check('test/docker-single:v9', [right]);
    assert.equal(result.status, 'image-not-found');
    assert.equal(result.summary, `tag "v9" does not exist in repository "test/docker-single" on ${host}`);
  });

  it('prefers what a working credential learnt over an earlier credential failure', async () => {
    const result = await check('test/docker-single:v9', [wrong, right]);
    assert.equal(result.status, 'image-not-found');
    assert.equal(result.credentialSource, right.source);
  });

  it('never puts a password or Basic header in a verdict', () => {
    const text = JSON.stringify(results);
    assert.ok(results.length >= 6);
    for (const secret of SECRETS) assert.ok(!text.includes(secret), 'a secret leaked into a verdict');
  });
});
