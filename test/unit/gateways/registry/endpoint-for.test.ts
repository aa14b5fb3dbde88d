// Which hosts the registry client asks, in order, and the one Docker Hub notion it shares with lint.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointsFor, endpointUrl } from '../../../../src/gateways/registry/endpoint-for.js';
import { isDockerHub } from '../../../../src/images/docker-hub.js';
import { parseImageReference } from '../../../../src/images/parse-image-reference.js';

function hosts(domain: string, registries = {}): string[] {
  return endpointsFor(domain, registries).map((e) => `${e.scheme}://${e.host}${e.pathPrefix}${e.namespace === undefined ? '' : ` ns=${e.namespace}`}${e.plainHttpFallback ? ' +http' : ''}`);
}

describe('endpointsFor', () => {
  const table: Array<[domain: string, registries: Record<string, object>, expected: string[]]> = [
    // containerd's default endpoint for the normalised Docker Hub domain.
    ['docker.io', {}, ['https://registry-1.docker.io']],
    // Other Docker Hub hosts are asked as written, as containerd does.
    ['registry-1.docker.io', {}, ['https://registry-1.docker.io']],
    ['registry.hub.docker.com', {}, ['https://registry.hub.docker.com']],
    ['ghcr.io', {}, ['https://ghcr.io']],
    // Loopback registries may answer plain HTTP without being told.
    ['localhost:5000', {}, ['https://localhost:5000 +http']],
    ['127.0.0.1:5000', {}, ['https://127.0.0.1:5000 +http']],
    ['[::1]:5000', {}, ['https://[::1]:5000 +http']],
    ['registry.local:5000', { 'registry.local:5000': { plainHttp: true } }, ['http://registry.local:5000']],
    // Mirrors first, with ?ns=; a mirror path keeps its prefix without /v2; a bad mirror is dropped.
    [
      'docker.io',
      { 'docker.io': { mirrors: ['mirror.example.com/cache/v2/', 'http://127.0.0.1:5001', 'ftp://x', 'https://'] } },
      ['https://mirror.example.com/cache ns=docker.io', 'http://127.0.0.1:5001 ns=docker.io', 'https://registry-1.docker.io'],
    ],
  ];
  for (const [domain, registries, expected] of table) {
    it(`${domain} ${JSON.stringify(registries)}`, () => assert.deepEqual(hosts(domain, registries), expected));
  }

  it('builds /v2/ URLs with the namespace of a mirror', () => {
    const [mirror] = endpointsFor('docker.io', { 'docker.io': { mirrors: ['mirror.example.com/cache'] } });
    assert.equal(endpointUrl(mirror!, 'https', 'library/nginx/manifests/1.27').href, 'https://mirror.example.com/cache/v2/library/nginx/manifests/1.27?ns=docker.io');
  });
});

// The registry client decides "Docker Hub refuses ..." (not-found-or-unauthorized) with the same
// isDockerHub that lint uses: `registry-1.docker.io/...` used to be Docker Hub for lint only.
describe('one Docker Hub notion', () => {
  const table: Array<[image: string, expected: boolean]> = [
    ['nginx', true],
    ['docker.io/team/app', true],
    ['index.docker.io/team/app', true],
    ['registry-1.docker.io/team/app', true],
    ['registry.hub.docker.com/team/app', true],
    ['ghcr.io/team/app', false],
    ['docker.io.example.com/team/app', false],
  ];
  for (const [image, expected] of table) {
    it(`${image} → ${expected}`, () => {
      const parsed = parseImageReference(image);
      assert.ok(parsed.ok);
      assert.equal(isDockerHub(parsed.reference), expected);
    });
  }
});
