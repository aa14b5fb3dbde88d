// The registry verdicts without auth, one table run against two implementations: Debian's
// docker-registry (distribution 2.8) and go-containerregistry's `crane registry serve`. Existence
// by HEAD only, missing tag vs missing repository vs missing digest, platforms of indexes,
// manifest lists and single manifests (containerd pulls a top-level single manifest whatever its
// platform; only an index without the nodes' platform fails the pull), artifacts. Images come from
// the suite's own seeder and from the crane CLI, pushed alike to both registries.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OciRegistryGateway } from '../../../src/gateways/registry/oci-registry-gateway.js';
import type { ImageCheckRequest } from '../../../src/facts/registry-gateway.js';
import { pushCraneImages, type CraneImages } from '../../support/registry/crane.js';
import { LINUX_AMD64, LINUX_ARM64, ociIndexWithoutEntryPlatforms } from '../../support/registry/image-fixtures.js';
import { imageRef } from '../../support/registry/image-ref.js';
import { REGISTRY_IMPLEMENTATIONS, startTestRegistry, type RegistryImplementation, type TestRegistry } from '../../support/registry/implementations.js';
import { standardImages, type SeededImage } from '../../support/registry/registry-fixture.js';

const amd64 = { os: 'linux', architecture: 'amd64' };
const arm64 = { os: 'linux', architecture: 'arm64' };
const armV7 = { os: 'linux', architecture: 'arm', variant: 'v7' };
const s390x = { os: 'linux', architecture: 's390x' };
const windows = { os: 'windows', architecture: 'amd64' };

/**
 * Where the two implementations answer differently, and why (each asserted exactly below).
 * - A GET for a manifest of a repository that does not exist: distribution 2.8 says
 *   MANIFEST_UNKNOWN (it never says NAME_UNKNOWN on /manifests/, so the gateway asks the
 *   repository's tags/list), crane's pkg/registry says NAME_UNKNOWN straight away.
 * - Error messages: 2.8 writes "manifest unknown", crane "Unknown manifest" / "Unknown name".
 */
const ANSWERS: Record<RegistryImplementation, { missingDigest: { errorCode: string; registryMessage: string }; missingRepoByDigest: { errorCode: string; registryMessage: string } }> = {
  'docker-registry': {
    missingDigest: { errorCode: 'MANIFEST_UNKNOWN', registryMessage: 'manifest unknown' },
    missingRepoByDigest: { errorCode: 'MANIFEST_UNKNOWN', registryMessage: 'manifest unknown' },
  },
  crane: {
    missingDigest: { errorCode: 'MANIFEST_UNKNOWN', registryMessage: 'Unknown manifest' },
    missingRepoByDigest: { errorCode: 'NAME_UNKNOWN', registryMessage: 'Unknown name' },
  },
};

for (const implementation of REGISTRY_IMPLEMENTATIONS) {
  describe(`registry checks without auth against ${implementation}`, () => {
    let registry: TestRegistry;
    let host: string;
    let crane: { repositories: CraneImages; digests: CraneImages };
    const images = standardImages();
    const unnamedEntries: SeededImage = { repository: 'test/oci-index-unnamed', tag: 'v1', image: ociIndexWithoutEntryPlatforms([LINUX_AMD64, LINUX_ARM64], 'test-oci-index-unnamed') };

    before(async () => {
      registry = await startTestRegistry(implementation);
      host = registry.host;
      await registry.seed([...images, unnamedEntries]);
      crane = await pushCraneImages(host);
    });
    after(async () => registry?.stop());

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
      const before = await registry.settledRequestCount();
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
      const logged = (await registry.waitForRequests(before + images.length + 1)).slice(before);
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

    it("reports a missing tag in an existing repository, after HEAD and the repository's tag list", async () => {
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
      assert.deepEqual(results[0]?.evidence, { httpStatus: 404, method: 'HEAD' });
    });

    it('reports a missing digest', async () => {
      const digest = `sha256:${'0'.repeat(64)}`;
      const { results } = await check(request(`test/oci-index@${digest}`));
      assert.equal(results[0]?.status, 'image-not-found');
      assert.equal(results[0]?.summary, `digest ${digest} does not exist in repository "test/oci-index" on ${host}`);
      assert.deepEqual(results[0]?.evidence, { httpStatus: 404, method: 'HEAD→GET', ...ANSWERS[implementation].missingDigest });
    });

    it('reports a missing repository named by digest', async () => {
      const digest = `sha256:${'0'.repeat(64)}`;
      const { results } = await check(request(`test/no-such-repo@${digest}`));
      assert.equal(results[0]?.status, 'image-not-found');
      assert.equal(results[0]?.summary, `repository "test/no-such-repo" does not exist on ${host}`);
      assert.deepEqual(results[0]?.evidence, { httpStatus: 404, method: 'HEAD→GET', ...ANSWERS[implementation].missingRepoByDigest });
    });

    it('accepts an index that has every node platform and ignores its attestation entry', async () => {
      const { results } = await check(request('test/oci-index:v1', [amd64, arm64]));
      assert.equal(results[0]?.status, 'ok', results[0]?.summary);
      assert.deepEqual(results[0]?.platforms, ['linux/amd64', 'linux/arm64/v8']);
      assert.deepEqual(results[0]?.evidence, { method: 'GET' });
    });

    it('reports an index without a node platform as a pull failure, listing the platforms that exist', async () => {
      const { results } = await check(request('test/oci-index:v1', [amd64, s390x]));
      assert.equal(results[0]?.status, 'platform-mismatch');
      assert.deepEqual(results[0]?.platforms, ['linux/amd64', 'linux/arm64/v8']);
      assert.equal(
        results[0]?.summary,
        'test/oci-index:v1 offers linux/amd64, linux/arm64/v8 but not linux/s390x: linux/s390x nodes fail to pull it (no match for platform in manifest)',
      );
    });

    it('lets an arm/v7 node run the arm/v6 variant of a Docker manifest list', async () => {
      const { results } = await check(request('test/docker-list:v1', [armV7]));
      assert.equal(results[0]?.status, 'ok');
      assert.deepEqual(results[0]?.platforms, ['linux/amd64', 'linux/arm/v6']);
      assert.equal(results[0]?.summary, `test/docker-list:v1 exists on ${host} with linux/amd64, linux/arm/v6; linux/arm/v7 nodes run its linux/arm/v6 variant`);
    });

    it('reads the platform of a single manifest from its config blob; another one pulls and fails to start', async () => {
      const { results } = await check(request('test/docker-single:v1', [arm64]), request('test/oci-single:v1', [arm64]), request('test/docker-single:v1', [windows]));
      assert.equal(results[0]?.status, 'platform-mismatch');
      assert.deepEqual(results[0]?.platforms, ['linux/amd64']);
      assert.deepEqual(results[0]?.evidence, { method: 'GET→GET config' });
      assert.equal(
        results[0]?.summary,
        'test/docker-single:v1 is a single-platform image for linux/amd64, not linux/arm64: linux/arm64 nodes pull it, but its container fails to start there (exec format error, CrashLoopBackOff)',
      );
      assert.equal(results[1]?.status, 'ok');
      assert.deepEqual(results[1]?.platforms, ['linux/arm64/v8']);
      // Same CPU, other OS: no exec format error to promise, only that it does not start.
      assert.equal(
        results[2]?.summary,
        'test/docker-single:v1 is a single-platform image for linux/amd64, not windows/amd64: windows/amd64 nodes pull it, but its container fails to start there (CrashLoopBackOff)',
      );
    });

    it('reads the platforms of index entries that name none from their configs, as containerd does', async () => {
      const { results } = await check(request('test/oci-index-unnamed:v1', [amd64, arm64]), request('test/oci-index-unnamed:v1', [s390x]));
      assert.equal(results[0]?.status, 'ok', results[0]?.summary);
      assert.deepEqual(results[0]?.platforms, ['linux/amd64', 'linux/arm64/v8']);
      assert.deepEqual(results[0]?.evidence, { method: 'GET→GET entry→GET config→GET entry→GET config' });
      assert.equal(results[1]?.status, 'platform-mismatch');
      assert.equal(
        results[1]?.summary,
        'test/oci-index-unnamed:v1 offers linux/amd64, linux/arm64/v8 but not linux/s390x: linux/s390x nodes fail to pull it (no match for platform in manifest)',
      );
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

    describe('images made by the crane CLI', () => {
      it('finds each by tag with the digest crane printed', async () => {
        const names = Object.keys(crane.repositories) as (keyof CraneImages)[];
        const { results } = await check(...names.map((name) => request(`${crane.repositories[name]}:v1`)));
        assert.deepEqual(
          results.map((r) => [r.status, r.digest]),
          names.map((name) => ['ok', crane.digests[name]]),
        );
      });

      it('does not fail an image whose config names no os or architecture (crane append without a base): every node pulls it', async () => {
        const { results } = await check(request('test/crane-bare:v1', [amd64, arm64]));
        assert.equal(results[0]?.status, 'ok', results[0]?.summary);
        assert.equal(results[0]?.platforms, undefined);
        assert.equal(
          results[0]?.summary,
          `test/crane-bare:v1 exists on ${host}; its config names no os or architecture, so every node pulls it, and it starts only where its binaries can run`,
        );
      });

      it('reports a single-platform image of another architecture as pulled but failing to start', async () => {
        const { results } = await check(request('test/crane-arm64:v1', [amd64]), request('test/crane-arm64:v1', [arm64]));
        assert.equal(results[0]?.status, 'platform-mismatch');
        assert.deepEqual(results[0]?.platforms, ['linux/arm64']);
        assert.equal(
          results[0]?.summary,
          'test/crane-arm64:v1 is a single-platform image for linux/arm64, not linux/amd64: linux/amd64 nodes pull it, but its container fails to start there (exec format error, CrashLoopBackOff)',
        );
        assert.equal(results[1]?.status, 'ok');
      });

      it("reports a crane index without the nodes' platform as a pull failure", async () => {
        const { results } = await check(request('test/crane-index:v1', [amd64, arm64]), request('test/crane-index:v1', [armV7]));
        assert.equal(results[0]?.status, 'ok', results[0]?.summary);
        assert.deepEqual(results[0]?.platforms, ['linux/arm64', 'linux/amd64']);
        assert.equal(results[1]?.status, 'platform-mismatch');
        assert.equal(
          results[1]?.summary,
          'test/crane-index:v1 offers linux/arm64, linux/amd64 but not linux/arm/v7: linux/arm/v7 nodes fail to pull it (no match for platform in manifest)',
        );
      });

      it('does not count an index entry whose config names no platform: containerd finds no match in it', async () => {
        const { results } = await check(request('test/crane-index-unnamed:v1', [arm64]), request('test/crane-index-unnamed:v1', [amd64]));
        assert.equal(results[0]?.status, 'ok', results[0]?.summary);
        assert.deepEqual(results[0]?.platforms, ['linux/arm64']);
        assert.equal(results[1]?.status, 'platform-mismatch');
        assert.equal(
          results[1]?.summary,
          'test/crane-index-unnamed:v1 offers linux/arm64 but not linux/amd64: linux/amd64 nodes fail to pull it (no match for platform in manifest)',
        );
      });
    });
  });
}
