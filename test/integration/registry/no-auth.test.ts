// docker-registry without auth on loopback plain HTTP: existence by HEAD only, missing tag vs
// missing repository, platforms of indexes, manifest lists and single manifests, artifacts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OciRegistryGateway } from '../../../src/gateways/registry/oci-registry-gateway.js';
import type { ImageCheckRequest } from '../../../src/facts/registry-gateway.js';
import { imageRef } from '../../support/registry/image-ref.js';
import { standardImages, startRegistryFixture, type RegistryFixture } from '../../support/registry/registry-fixture.js';

const amd64 = { os: 'linux', architecture: 'amd64' };
const arm64 = { os: 'linux', architecture: 'arm64' };
const armV7 = { os: 'linux', architecture: 'arm', variant: 'v7' };
const s390x = { os: 'linux', architecture: 's390x' };

describe('registry checks without auth', () => {
  let fixture: RegistryFixture;
  let host: string;
  const images = standardImages();

  before(async () => {
    fixture = await startRegistryFixture('none');
    host = fixture.registry.host;
    await fixture.seed(images);
  });
  after(async () => fixture.stop());

  const request = (ref: string, platforms?: ImageCheckRequest['platforms']): ImageCheckRequest => ({
    reference: imageRef(`${host}/${ref}`),
    credentials: [],
    ...(platforms ? { platforms } : {}),
  });

  async function check(...requests: ImageCheckRequest[]) {
    const gateway = new OciRegistryGateway();
    try {
      const results = [];
      for (const r of requests) results.push(await gateway.checkImage(r));
      return { results, counts: gateway.requestCounts() };
    } finally {
      await gateway.close();
    }
  }

  it('finds every seeded image with one HEAD each and no manifest GET', async () => {
    const before = fixture.registry.requests().length;
    const { results } = await check(...images.map((i) => request(`${i.repository}:${i.tag}`)));
    for (const [index, result] of results.entries()) {
      const image = images[index];
      assert.equal(result.status, 'ok', result.summary);
      assert.equal(result.digest, image?.image.digest);
      assert.equal(result.mediaType, image?.image.mediaType);
      assert.equal(result.registry, host);
      assert.equal(result.credentialSource, 'anonymous');
      assert.deepEqual(result.evidence, { method: 'HEAD' });
    }
    assert.equal(results[0]?.summary, `test/docker-single:v1 exists on ${host}`);
    const logged = (await fixture.registry.waitForRequests(before + images.length + 1)).slice(before);
    const manifestRequests = logged.filter((r) => r.uri.includes('/manifests/'));
    assert.deepEqual(manifestRequests.map((r) => r.method), images.map(() => 'HEAD'));
    assert.deepEqual(logged.filter((r) => r.uri === '/v2/').map((r) => r.method), ['GET'], 'one ping for the run');
  });

  it('checks by digest as well as by tag', async () => {
    const index = images[2]!;
    const { results } = await check(request(`${index.repository}@${index.image.digest}`));
    assert.equal(results[0]?.status, 'ok');
    assert.equal(results[0]?.digest, index.image.digest);
  });

  it('reports a missing tag in an existing repository, after HEAD and the repository\'s tag list', async () => {
    const { results } = await check(request('test/oci-index:nope'));
    const result = results[0];
    assert.equal(result?.status, 'image-not-found');
    assert.equal(result?.summary, `tag "nope" does not exist in repository "test/oci-index" on ${host}`);
    assert.deepEqual(result?.evidence, { httpStatus: 404, method: 'HEAD' });
  });

  it('reports a missing repository as such', async () => {
    const { results } = await check(request('test/no-such-repo:v1'));
    assert.equal(results[0]?.status, 'image-not-found');
    assert.equal(results[0]?.summary, `repository "test/no-such-repo" does not exist on ${host}`);
  });

  it('reports a missing digest', async () => {
    const digest = `sha256:${'0'.repeat(64)}`;
    const { results } = await check(request(`test/oci-index@${digest}`));
    assert.equal(results[0]?.status, 'image-not-found');
    assert.equal(results[0]?.summary, `digest ${digest} does not exist in repository "test/oci-index" on ${host}`);
  });

  it('accepts an index that has every node platform and ignores its attestation entry', async () => {
    const { results } = await check(request('test/oci-index:v1', [amd64, arm64]));
    assert.equal(results[0]?.status, 'ok', results[0]?.summary);
    assert.deepEqual(results[0]?.platforms, ['linux/amd64', 'linux/arm64/v8']);
    assert.deepEqual(results[0]?.evidence, { method: 'GET' });
  });

  it('reports platform-mismatch for an index, listing the platforms that exist', async () => {
    const { results } = await check(request('test/oci-index:v1', [amd64, s390x]));
    assert.equal(results[0]?.status, 'platform-mismatch');
    assert.deepEqual(results[0]?.platforms, ['linux/amd64', 'linux/arm64/v8']);
    assert.equal(results[0]?.summary, 'test/oci-index:v1 offers linux/amd64, linux/arm64/v8 but not linux/s390x');
  });

  it('lets an arm/v7 node run the arm/v6 variant of a Docker manifest list', async () => {
    const { results } = await check(request('test/docker-list:v1', [armV7]));
    assert.equal(results[0]?.status, 'ok');
    assert.deepEqual(results[0]?.platforms, ['linux/amd64', 'linux/arm/v6']);
    assert.match(results[0]?.summary ?? '', /linux\/arm\/v7 nodes run its linux\/arm\/v6 variant/);
  });

  it('reads the platform of a single manifest from its config blob', async () => {
    const { results } = await check(request('test/docker-single:v1', [arm64]), request('test/oci-single:v1', [arm64]));
    assert.equal(results[0]?.status, 'platform-mismatch');
    assert.deepEqual(results[0]?.platforms, ['linux/amd64']);
    assert.deepEqual(results[0]?.evidence, { method: 'GET→GET config' });
    assert.equal(results[1]?.status, 'ok');
    assert.deepEqual(results[1]?.platforms, ['linux/arm64/v8']);
  });

  it('says an OCI artifact is not a container image when platforms are checked', async () => {
    const { results } = await check(request('test/artifact:v1', [amd64]));
    assert.equal(results[0]?.status, 'unsupported-image-format');
    assert.equal(results[0]?.summary, 'test/artifact:v1 is an OCI artifact (config application/vnd.cncf.helm.config.v1+json), not a container image');
  });

  it('counts its own requests by method', async () => {
    const { counts } = await check(request('test/oci-index:v1'), request('test/oci-index:nope'));
    // https attempt on loopback falls back to http: the failed TLS handshake sends no request line.
    // The repository's tag list settles :nope, so its manifest needs no GET after the HEAD.
    assert.deepEqual(counts, { GET: 3, HEAD: 2 });
  });
});
