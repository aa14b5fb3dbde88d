// Registries the nodes read with their own identity (registry.md §4.6): a verdict of "cannot be
// verified from here" instead of a failure, with kubelet's matchImages glob rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImageCheckResult } from '../../../src/facts/registry-gateway.js';
import { applyNodeIdentity, matchNodeIdentityRegistry, nodeIdentityVerdict } from '../../../src/credentials/node-identity.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { imageRef } from './support.js';

const AKS = ['*.azurecr.io'];
const EKS = ['*.dkr.ecr.*.amazonaws.com'];
const GKE = ['*-docker.pkg.dev', 'gcr.io', '*.gcr.io'];

describe('matching node-identity registries', () => {
  const cases: [globs: string[], image: string, glob: string | undefined][] = [
    [AKS, 'myacr.azurecr.io/team/api', '*.azurecr.io'],
    [AKS, 'azurecr.io/team/api', undefined],
    [AKS, 'a.b.azurecr.io/api', undefined], // one label per *
    [AKS, 'ghcr.io/team/api', undefined],
    [EKS, '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api', '*.dkr.ecr.*.amazonaws.com'],
    [EKS, 'public.ecr.aws/nginx/nginx', undefined],
    [GKE, 'europe-west1-docker.pkg.dev/proj/repo/img', '*-docker.pkg.dev'],
    [GKE, 'gcr.io/proj/img', 'gcr.io'],
    [GKE, 'eu.gcr.io/proj/img', '*.gcr.io'],
    [GKE, 'docker.io/library/nginx', undefined],
    [['registry.corp:5000/team'], 'registry.corp:5000/team/app', 'registry.corp:5000/team'], // port and path prefix
    [['registry.corp:5000/team'], 'registry.corp/team/app', undefined],
  ];
  for (const [globs, image, glob] of cases) {
    it(`${image} with ${globs.join(', ')} → ${glob ?? 'no match'}`, () => {
      const match = matchNodeIdentityRegistry(imageRef(image), globs);
      assert.deepEqual(match, glob === undefined ? undefined : { glob, registry: imageRef(image).domain });
    });
  }
});

describe('verdicts', () => {
  const match = { glob: '*.azurecr.io', registry: 'myacr.azurecr.io' };

  it('offline: unknown, credential source "node identity"', () => {
    assert.deepEqual(nodeIdentityVerdict(match, 'AKS'), {
      status: 'unknown',
      summary: 'cannot be verified from here: AKS nodes pull from myacr.azurecr.io with their own identity (matches *.azurecr.io), which pullguard cannot use',
      registry: 'myacr.azurecr.io',
      credentialSource: 'node identity',
    });
  });

  it('an authentication refusal becomes unknown and keeps the evidence', () => {
    const refused: ImageCheckResult = {
      status: 'unauthorized',
      summary: 'the registry refused anonymous access',
      registry: 'myacr.azurecr.io',
      credentialSource: 'anonymous',
      evidence: { httpStatus: 401, errorCode: 'UNAUTHORIZED', method: 'HEAD' },
    };
    assert.deepEqual(applyNodeIdentity(refused, match, 'AKS'), {
      status: 'unknown',
      summary:
        'cannot be verified from here: AKS nodes pull from myacr.azurecr.io with their own identity (matches *.azurecr.io), which pullguard cannot use; with anonymous credentials the registry answered unauthorized',
      registry: 'myacr.azurecr.io',
      credentialSource: 'node identity',
      evidence: { httpStatus: 401, errorCode: 'UNAUTHORIZED', method: 'HEAD' },
    });
  });

  it('success and answers about the image itself stand', () => {
    for (const status of ['ok', 'image-not-found', 'platform-mismatch', 'dns-error'] as const) {
      const result: ImageCheckResult = { status, summary: status, registry: 'myacr.azurecr.io' };
      assert.equal(applyNodeIdentity(result, match, 'AKS'), result);
    }
    const forbidden: ImageCheckResult = { status: 'forbidden', summary: 'x', registry: 'r' };
    assert.equal(applyNodeIdentity(forbidden, undefined, 'AKS'), forbidden);
  });
});

describe('with the target profiles', () => {
  // The profiles own the globs; these are the registries each cloud's nodes read by identity.
  const cases: [target: string, image: string][] = [
    ['aks', 'contoso.azurecr.io/web/api'],
    ['eks', '123456789012.dkr.ecr.us-east-1.amazonaws.com/api'],
    ['gke', 'us-central1-docker.pkg.dev/proj/repo/api'],
    ['gke', 'gcr.io/proj/api'],
  ];
  for (const [target, image] of cases) {
    it(`${target}: ${image}`, () => {
      const profile = getTargetProfile(target);
      assert.ok(profile !== undefined);
      const match = matchNodeIdentityRegistry(imageRef(image), profile.nodeIdentityRegistries);
      assert.equal(match?.registry, imageRef(image).domain);
      assert.equal(nodeIdentityVerdict(match, profile.displayName).status, 'unknown');
      assert.equal(matchNodeIdentityRegistry(imageRef('docker.io/library/nginx'), profile.nodeIdentityRegistries), undefined);
    });
  }
  it('no other profile claims node identity for them', () => {
    assert.equal(matchNodeIdentityRegistry(imageRef('contoso.azurecr.io/web/api'), getTargetProfile('remote')?.nodeIdentityRegistries ?? ['x']), undefined);
  });
});
