// Which kustomizations and builds apply to a manifest file: bases under overlays, overlays that
// disagree, the nearest skaffold.yaml or Tiltfile, repositories compared as the tools compare them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BuildToolIndex } from '../../../src/build-tools/build-tool-index.js';
import type { Kustomization } from '../../../src/build-tools/kustomize-images.js';

function kustomization(dir: string, resources: string[], images: Omit<Kustomization['images'][number], 'index' | 'declaredAt'>[]): Kustomization {
  const file = `${dir}/kustomization.yaml`;
  return { file, dir, resources, images: images.map((image, index) => ({ ...image, index, declaredAt: { file, line: 4 + index, column: 11 } })) };
}

describe('BuildToolIndex.rewrite', () => {
  it('applies a base’s entries, then its overlay’s, and says which', () => {
    const index = new BuildToolIndex({
      kustomizations: [
        kustomization('app/base', ['deployment.yaml'], [{ name: 'app', newTag: '1.10' }]),
        kustomization('app/overlays/prod', ['../../base'], [{ name: 'app', newName: 'ghcr.io/acme/app' }]),
      ],
      builds: [],
    });
    assert.deepEqual(index.rewrite('app/base/deployment.yaml', 'app'), {
      image: 'ghcr.io/acme/app:1.10',
      note: 'written "app", rewritten by kustomize images[0] of app/base/kustomization.yaml:4:11, which sets newTag 1.10, then images[0] of app/overlays/prod/kustomization.yaml:4:11, which sets newName ghcr.io/acme/app',
    });
    assert.equal(index.rewrite('app/base/deployment.yaml', 'redis:7.2'), undefined);
    assert.equal(index.rewrite('app/base/other.yaml', 'app'), undefined);
  });

  it('judges an image as written when two overlays rewrite it differently', () => {
    const index = new BuildToolIndex({
      kustomizations: [
        kustomization('base', ['deployment.yaml'], []),
        kustomization('overlays/dev', ['../../base'], [{ name: 'app', newTag: 'dev' }]),
        kustomization('overlays/prod', ['../../base'], [{ name: 'app', newTag: '1.4.2' }]),
      ],
      builds: [],
    });
    assert.deepEqual(index.rewrite('base/deployment.yaml', 'app'), {
      image: 'app',
      note: 'judged as written: the kustomizations that include this file rewrite "app" differently (overlays/dev makes it "app:dev", overlays/prod makes it "app:1.4.2"); lint each with `kustomize build DIR | pullguard lint -`',
    });
  });

  it('follows resources from a kustomization at the root of the run (".")', () => {
    const index = new BuildToolIndex({ kustomizations: [kustomization('.', ['./k8s/pod.yaml', 'https://example.com/remote.yaml'], [{ name: 'busybox', newName: 'alpine', newTag: '3.6' }])], builds: [] });
    assert.equal(index.rewrite('k8s/pod.yaml', 'busybox:1.29.0')?.image, 'alpine:3.6');
  });

  it('survives kustomizations that include each other', () => {
    const index = new BuildToolIndex({ kustomizations: [kustomization('a', ['../b', 'x.yaml'], [{ name: 'x', newTag: '1' }]), kustomization('b', ['../a'], [])], builds: [] });
    assert.equal(index.rewrite('a/x.yaml', 'x'), undefined, 'no top kustomization: nothing applies');
  });
});

describe('BuildToolIndex.build', () => {
  const skaffold = { tool: 'skaffold' as const, name: 'skaffold-example', declaredAt: { file: 'p/skaffold.yaml', line: 5, column: 12 } };
  const tilt = { tool: 'tilt' as const, name: 'docker.io/library/web', declaredAt: { file: 'p/sub/Tiltfile', line: 1, column: 14 } };
  const index = new BuildToolIndex({ kustomizations: [], builds: [{ dir: 'p', build: skaffold }, { dir: 'p/sub', build: tilt }] });

  it('matches the repository, ignoring the tag and Docker Hub’s implied prefix', () => {
    assert.equal(index.build('p/k8s-pod.yaml', 'skaffold-example'), skaffold);
    assert.equal(index.build('p/k8s/deep/pod.yaml', 'skaffold-example:dev'), skaffold);
    assert.equal(index.build('p/sub/k8s.yaml', 'web:1.0'), tilt);
  });

  it('does not match other repositories or manifests outside the build file’s folder', () => {
    assert.equal(index.build('p/k8s-pod.yaml', 'skaffold-example-2'), undefined);
    assert.equal(index.build('q/k8s-pod.yaml', 'skaffold-example'), undefined);
    assert.equal(index.build('p/k8s-pod.yaml', 'web'), undefined, 'the Tiltfile of p/sub does not reach p/');
  });
});
