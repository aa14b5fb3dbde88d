// The pull policy each kind of target needs, from the one table in needed-pull-policy.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { parseImageReference } from '../../../src/images/parse-image-reference.js';
import type { PullPolicy } from '../../../src/k8s/pull-policy.js';
import { neededPullPolicy } from '../../../src/render/needed-pull-policy.js';

function needed(target: string, image: string, effective: PullPolicy, localOnly = false, moved = false): PullPolicy | 'keep' {
  const parsed = parseImageReference(image);
  assert.ok(parsed.ok);
  return neededPullPolicy({ target: getTargetProfile(target)!, reference: parsed.reference, effective, localOnly, moved }) ?? 'keep';
}

describe('neededPullPolicy', () => {
  const rows: [string, string, PullPolicy, boolean, boolean, PullPolicy | 'keep'][] = [
    // Remote: Never goes; pinned images IfNotPresent, moving ones Always.
    ['aks', 'acr.io/webapi:1.4.2', 'Never', false, true, 'IfNotPresent'],
    ['aks', `acr.io/webapi@sha256:${'a'.repeat(64)}`, 'Never', false, true, 'IfNotPresent'],
    ['eks', 'acr.io/webapi:latest', 'Never', false, true, 'Always'],
    ['remote', 'acr.io/webapi', 'Never', false, false, 'Always'],
    ['gke', 'acr.io/webapi:latest', 'IfNotPresent', false, false, 'keep'],
    ['openshift', 'acr.io/webapi:1.0', 'Always', false, false, 'keep'],
    // Local: a local-only name is never pulled; an image moved to a registry is.
    ['kind', 'webapi:latest', 'Always', true, false, 'IfNotPresent'],
    ['minikube', 'webapi:latest', 'Never', true, false, 'keep'],
    ['docker-desktop', 'webapi:1.0', 'IfNotPresent', true, false, 'keep'],
    ['kind', 'localhost:5001/webapi:1.0', 'Never', false, true, 'IfNotPresent'],
    ['k3d', 'nginx:1.27', 'Always', false, false, 'keep'],
  ];
  for (const [target, image, effective, localOnly, moved, expected] of rows) {
    it(`${target}: ${image} with ${effective}${localOnly ? ', local-only' : ''}${moved ? ', moved' : ''} → ${expected}`, () => {
      assert.equal(needed(target, image, effective, localOnly, moved), expected);
    });
  }
});
