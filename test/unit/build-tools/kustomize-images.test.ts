// kustomize's `images:` transformer, table-tested against kustomize's own examples: the
// kubectl book's images page (postgres, nginx, my-demo-app, alpine) and examples/image.md
// (busybox → alpine:3.6), plus the matching rules of api/internal/image/image.go.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyKustomizeImage, readKustomization, splitImage, type KustomizeImageEntry } from '../../../src/build-tools/kustomize-images.js';

const at = { file: 'kustomization.yaml', line: 1, column: 1 };
const entry = (fields: Omit<KustomizeImageEntry, 'index' | 'declaredAt'>): KustomizeImageEntry => ({ ...fields, index: 0, declaredAt: at });
const DIGEST = 'sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3';

describe('applyKustomizeImage', () => {
  const cases: [image: string, fields: Omit<KustomizeImageEntry, 'index' | 'declaredAt'>, expected: string | undefined][] = [
    // The kubectl book's images page.
    ['postgres:8', { name: 'postgres', newName: 'my-registry/my-postgres', newTag: 'v1' }, 'my-registry/my-postgres:v1'],
    ['nginx:1.7.9', { name: 'nginx', newTag: '1.8.0' }, 'nginx:1.8.0'],
    ['my-demo-app:latest', { name: 'my-demo-app', newName: 'my-app' }, 'my-app:latest'],
    ['alpine:3.7', { name: 'alpine', digest: DIGEST }, `alpine@${DIGEST}`],
    // examples/image.md: `kustomize edit set image busybox=alpine:3.6`.
    ['busybox:1.29.0', { name: 'busybox', newName: 'alpine', newTag: '3.6' }, 'alpine:3.6'],
    // No tag, tag and digest, digest only.
    ['app', { name: 'app', newTag: '1.2' }, 'app:1.2'],
    [`app:1.0@${DIGEST}`, { name: 'app', newTag: '2.0' }, 'app:2.0'],
    [`app:1.0@${DIGEST}`, { name: 'app', newName: 'ghcr.io/acme/app' }, `ghcr.io/acme/app:1.0@${DIGEST}`],
    [`app@${DIGEST}`, { name: 'app', newTag: '2.0', digest: DIGEST }, `app:2.0@${DIGEST}`],
    // A port is not a tag (Split looks for ":" after the first "/").
    ['localhost:5000/app', { name: 'localhost:5000/app', newTag: 'v2' }, 'localhost:5000/app:v2'],
    ['localhost:5000/app:v1', { name: 'localhost:5000/app', newName: 'ghcr.io/acme/app' }, 'ghcr.io/acme/app:v1'],
    // No normalisation: the name must be written the same way.
    ['docker.io/library/nginx:1.27', { name: 'nginx', newTag: '1.28' }, undefined],
    ['nginx-proxy:1.0', { name: 'nginx', newTag: '1.28' }, undefined],
    ['acme/nginx:1.0', { name: 'nginx', newTag: '1.28' }, undefined],
    // The name is a regular expression to kustomize: "." matches any character.
    ['myxapp:1.0', { name: 'my.app', newTag: '2.0' }, 'myxapp:2.0'],
    // Nothing to set: the image is written again as it was.
    ['app:1.0', { name: 'app' }, 'app:1.0'],
  ];
  for (const [image, fields, expected] of cases) {
    it(`${image} with ${JSON.stringify(fields)} → ${expected ?? 'no match'}`, () => {
      assert.equal(applyKustomizeImage(image, entry(fields)), expected);
    });
  }
});

describe('splitImage (kustomize Split)', () => {
  it('splits name, tag and digest, a registry port staying in the name', () => {
    assert.deepEqual(splitImage('localhost:5000/team/app:1.0@sha256:ab'), { name: 'localhost:5000/team/app', tag: '1.0', digest: 'sha256:ab' });
    assert.deepEqual(splitImage('app@sha256:ab'), { name: 'app', tag: '', digest: 'sha256:ab' });
    assert.deepEqual(splitImage('app'), { name: 'app', tag: '', digest: '' });
  });
});

describe('readKustomization', () => {
  it('reads resources, bases and images with the position of each name', () => {
    const value = {
      resources: ['deployment.yaml', 7],
      bases: ['../base'],
      images: [{ name: 'app', newTag: '1.10' }, { newTag: 'orphan' }, { name: 'web', newName: 'ghcr.io/acme/web', digest: DIGEST }],
    };
    const k = readKustomization(value, 'k/kustomization.yaml', 'k', (path) => ({ line: 10 + Number(path[1]), column: 11 }));
    assert.deepEqual(k, {
      file: 'k/kustomization.yaml',
      dir: 'k',
      resources: ['deployment.yaml', '../base'],
      images: [
        { name: 'app', newTag: '1.10', index: 0, declaredAt: { file: 'k/kustomization.yaml', line: 10, column: 11 } },
        { name: 'web', newName: 'ghcr.io/acme/web', digest: DIGEST, index: 2, declaredAt: { file: 'k/kustomization.yaml', line: 12, column: 11 } },
      ],
    });
  });
});
