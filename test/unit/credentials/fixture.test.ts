// End to end over a YAML fixture as kubectl users write it (test/fixtures/credentials/team-app.yaml):
// a service account's pull secrets, a refresh token kubelet cannot use, a legacy .dockercfg
// secret, a secret created by hand outside the manifests, and an AKS node-identity registry.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { credentialsForImage, podPullSecrets } from '../../../src/credentials/credentials-for-pod.js';
import { matchNodeIdentityRegistry } from '../../../src/credentials/node-identity.js';
import { pullObjectsFromValues } from '../../../src/credentials/pull-object-source.js';
import { imageRef } from './support.js';

// build/test/unit/credentials → repository root is four levels up.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const values = parseAllDocuments(readFileSync(join(root, 'test/fixtures/credentials/team-app.yaml'), 'utf8')).map(
  (doc) => doc.toJS() as Record<string, unknown>,
);
const objects = pullObjectsFromValues(values, { defaultNamespace: 'team', description: 'the manifests' });

function podSpecOf(kind: string): Record<string, unknown> {
  const object = values.find((value) => value['kind'] === kind) as { spec: Record<string, any> };
  return kind === 'CronJob' ? object.spec['jobTemplate'].spec.template.spec : object.spec['template'].spec;
}

describe('fixture team-app.yaml', () => {
  it('Deployment api: the service account secrets, per image', () => {
    const secrets = podPullSecrets({ namespace: 'team', podSpec: podSpecOf('Deployment') }, objects);
    assert.equal(secrets.origin, 'service-account');
    assert.deepEqual(secrets.secretNames, ['ghcr-pull', 'acr-token']);
    assert.deepEqual(credentialsForImage(secrets, imageRef('ghcr.io/team/api')).credentials, [
      { source: 'secret team/ghcr-pull (.dockerconfigjson, ghcr.io) via serviceaccount team/builder', username: 'ci-bot', password: 'fixture-password-ghcr' },
    ]);
    // The refresh token gives kubelet an empty credential: an anonymous attempt.
    assert.deepEqual(credentialsForImage(secrets, imageRef('contoso.azurecr.io/web')).credentials, [
      { source: 'secret team/acr-token (.dockerconfigjson, contoso.azurecr.io) via serviceaccount team/builder' },
    ]);
    assert.deepEqual(credentialsForImage(secrets, imageRef('docker.io/library/nginx')).credentials, []);
    assert.deepEqual(secrets.problems.map((p) => [p.code, p.severity, p.message]), [
      [
        'token-ignored',
        'error',
        'secret team/acr-token (.dockerconfigjson) entry "contoso.azurecr.io" only has identitytoken, which docker uses and kubelet ignores: kubelet pulls anonymously; store a username and password (or auth) instead',
      ],
    ]);
    // On AKS the nodes' own identity may still pull it.
    assert.deepEqual(matchNodeIdentityRegistry(imageRef('contoso.azurecr.io/web'), ['*.azurecr.io']), { glob: '*.azurecr.io', registry: 'contoso.azurecr.io' });
  });

  it("CronJob report: the pod's own list wins; the hand-made secret is unresolved", () => {
    const secrets = podPullSecrets({ namespace: 'team', podSpec: podSpecOf('CronJob') }, objects);
    assert.equal(secrets.origin, 'pod');
    assert.deepEqual(credentialsForImage(secrets, imageRef('docker.io/team/report')).credentials, [
      { source: 'secret team/legacy-hub (.dockercfg, https://index.docker.io/v1/)', username: 'hubuser', password: 'fixture-password-hub' },
    ]);
    assert.deepEqual(secrets.unresolvedSecrets, ['created-by-hand']);
    assert.deepEqual(secrets.problems.map((p) => [p.code, p.cause, p.severity]), [['pull-secret-missing', 'pull-secret-missing', 'info']]);
  });
});
