import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseImageReference } from '../../../src/images/parse-image-reference.js';
import { isDockerHub, isDockerOfficialImage, officialImageName } from '../../../src/images/docker-hub.js';
import { familiarName, familiarString } from '../../../src/images/familiar-name.js';
import { DOCKER_OFFICIAL_IMAGES } from '../../../src/images/data/docker-official-images.js';
import type { ImageReference } from '../../../src/images/types.js';

function ref(input: string): ImageReference {
  const result = parseImageReference(input);
  assert.ok(result.ok, input);
  return result.reference;
}

const D = `sha256:${'ab'.repeat(32)}`;

describe('familiarName / familiarString', () => {
  const table: Array<[string, string, string]> = [
    ['nginx', 'nginx', 'nginx'],
    ['nginx:1.27', 'nginx', 'nginx:1.27'],
    [`docker.io/library/nginx:1.27@${D}`, 'nginx', `nginx:1.27@${D}`],
    [`nginx@${D}`, 'nginx', `nginx@${D}`],
    ['index.docker.io/team/app:v1', 'team/app', 'team/app:v1'],
    ['docker.io/library/foo/bar', 'library/foo/bar', 'library/foo/bar'],
    ['registry-1.docker.io/library/nginx', 'registry-1.docker.io/library/nginx', 'registry-1.docker.io/library/nginx'],
    ['ghcr.io/org/app:v2', 'ghcr.io/org/app', 'ghcr.io/org/app:v2'],
    ['localhost:5000/app', 'localhost:5000/app', 'localhost:5000/app'],
  ];
  for (const [input, name, full] of table) {
    it(`${input.slice(0, 50)} → ${name}`, () => {
      assert.equal(familiarName(ref(input)), name);
      assert.equal(familiarString(ref(input)), full);
    });
  }
});

describe('isDockerHub', () => {
  const table: Array<[string, boolean]> = [
    ['nginx', true],
    ['team/app', true],
    ['index.docker.io/team/app', true],
    ['registry-1.docker.io/team/app', true],
    ['registry.hub.docker.com/library/nginx', true],
    ['docker.io:443/library/nginx', false],
    ['ghcr.io/team/app', false],
    ['mirror.gcr.io/library/nginx', false],
  ];
  for (const [input, expected] of table) it(`${input} → ${expected}`, () => assert.equal(isDockerHub(ref(input)), expected));
});

describe('isDockerOfficialImage', () => {
  const table: Array<[string, boolean]> = [
    ['nginx', true],
    ['nginx:1.27-alpine', true],
    ['docker.io/library/postgres:16', true],
    ['index.docker.io/library/redis', true],
    ['registry-1.docker.io/library/busybox', true],
    ['rocket.chat', true],
    // Deprecated, still on Docker Hub.
    ['centos:7', true],
    ['openjdk:8', true],
    // Typos and non-official repositories.
    ['ngnix', false],
    ['library/foo/bar', false],
    ['bitnami/nginx', false],
    ['ghcr.io/library/nginx', false],
    ['localhost:5000/nginx', false],
  ];
  for (const [input, expected] of table) it(`${input} → ${expected}`, () => assert.equal(isDockerOfficialImage(ref(input)), expected));

  it('officialImageName returns the short name', () => {
    assert.equal(officialImageName(ref('docker.io/library/nginx:1')), 'nginx');
    assert.equal(officialImageName(ref('bitnami/nginx')), undefined);
  });
});

describe('DOCKER_OFFICIAL_IMAGES data', () => {
  it('is sorted, unique, and every entry is a valid single path component', () => {
    assert.deepEqual([...DOCKER_OFFICIAL_IMAGES].sort(), DOCKER_OFFICIAL_IMAGES);
    assert.equal(new Set(DOCKER_OFFICIAL_IMAGES).size, DOCKER_OFFICIAL_IMAGES.length);
    for (const name of DOCKER_OFFICIAL_IMAGES) {
      const parsed = ref(name);
      assert.equal(parsed.path, `library/${name}`, name);
    }
  });
  it('holds the well-known images', () => {
    for (const name of ['alpine', 'busybox', 'debian', 'golang', 'hello-world', 'mysql', 'nginx', 'node', 'postgres', 'python', 'redis', 'registry', 'ubuntu']) {
      assert.ok(DOCKER_OFFICIAL_IMAGES.includes(name), name);
    }
    assert.ok(DOCKER_OFFICIAL_IMAGES.includes('spark'), 'spark (library/spark, added 2023)');
    assert.equal(DOCKER_OFFICIAL_IMAGES.length, 173);
  });
});
