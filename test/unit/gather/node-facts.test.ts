import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node } from 'kubernetes-types/core/v1.js';
import { NODE_STATUS_MAX_IMAGES, nodeFacts } from '../../../src/gather/node-facts.js';

const node = (arch: string, names: string[][]): Node => ({
  status: { nodeInfo: { operatingSystem: 'linux', architecture: arch, bootID: '', containerRuntimeVersion: '', kernelVersion: '', kubeProxyVersion: '', kubeletVersion: '', machineID: '', osImage: '', systemUUID: '' }, images: names.map((n) => ({ names: n })) },
});

describe('nodeFacts', () => {
  it('platforms sorted and distinct; image names as reported and normalised', () => {
    const facts = nodeFacts([node('arm64', [['api:dev']]), node('amd64', [['docker.io/library/web:1', 'docker.io/library/web@sha256:' + 'a'.repeat(64)]]), node('amd64', [])]);
    assert.deepEqual(facts.platforms, [{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm64' }]);
    assert.ok(facts.imageNames.has('api:dev') && facts.imageNames.has('docker.io/library/api:dev'));
    assert.ok(facts.imageNames.has('docker.io/library/web:1'));
    assert.equal(facts.count, 3);
    assert.equal(facts.nodesWithoutImageList, 1);
    assert.equal(facts.nodesAtImageLimit, 0);
  });

  it(`counts nodes that list kubelet's maximum of ${NODE_STATUS_MAX_IMAGES} images`, () => {
    const full = node('amd64', Array.from({ length: NODE_STATUS_MAX_IMAGES }, (_, i) => [`img-${i}:1`]));
    assert.equal(nodeFacts([full, node('amd64', [['a:1']])]).nodesAtImageLimit, 1);
  });
});
