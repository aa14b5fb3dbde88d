// collectImagePulls: every image a node pulls, with the credentials kubelet tries and node identity;
// images that never reach a registry are left out (templated, invalid, set elsewhere, Never).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectImagePulls } from '../../../src/credentials/image-pulls.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { pullObjectsFromManifests } from '../../../src/credentials/pull-object-source.js';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';

const SECRET = Buffer.from(JSON.stringify({ auths: { 'ghcr.io': { auth: Buffer.from('me:pw').toString('base64') } } })).toString('base64');

const TEXT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web, namespace: team}',
  'spec:',
  '  template:',
  '    spec:',
  '      imagePullSecrets: [{name: regcred}]',
  '      initContainers:',
  '        - {name: init, image: "ghcr.io/acme/init:1"}',
  '      containers:',
  '        - {name: app, image: "ghcr.io/acme/web:1.0"}',
  '        - {name: hub, image: "nginx:1.27"}',
  '        - {name: templated, image: "ghcr.io/acme/web:${TAG}"}',
  '        - {name: invalid, image: "Acme/Web:1"}',
  '        - {name: never, image: "ghcr.io/acme/web:1.0", imagePullPolicy: Never}',
  '        - {name: acr, image: "acme.azurecr.io/web:1.0"}',
  '---',
  'apiVersion: v1',
  'kind: Secret',
  'metadata: {name: regcred, namespace: team}',
  'type: kubernetes.io/dockerconfigjson',
  `data: {.dockerconfigjson: ${SECRET}}`,
  '',
].join('\n');

describe('collectImagePulls', () => {
  const { objects } = readManifestText(TEXT, 'm.yaml', FULL_YAML_READERS);
  const pullObjects = pullObjectsFromManifests(objects, 'default');

  it('lists the pulled images with their place, namespace and credentials', () => {
    const target = getTargetProfile('remote');
    assert.ok(target !== undefined);
    const pulls = collectImagePulls(objects, { target, pullObjects, defaultNamespace: 'default' });
    assert.deepEqual(
      pulls.map((p) => [p.container, p.image, p.reference.normalized, p.path.join('.'), p.namespace, p.credentials.map((c) => c.source), p.object === objects[0]]),
      [
        ['app', 'ghcr.io/acme/web:1.0', 'ghcr.io/acme/web:1.0', 'spec.template.spec.containers.0.image', 'team', ['secret team/regcred (.dockerconfigjson, ghcr.io)'], true],
        ['hub', 'nginx:1.27', 'docker.io/library/nginx:1.27', 'spec.template.spec.containers.1.image', 'team', [], true],
        ['acr', 'acme.azurecr.io/web:1.0', 'acme.azurecr.io/web:1.0', 'spec.template.spec.containers.5.image', 'team', [], true],
        ['init', 'ghcr.io/acme/init:1', 'ghcr.io/acme/init:1', 'spec.template.spec.initContainers.0.image', 'team', ['secret team/regcred (.dockerconfigjson, ghcr.io)'], true],
      ],
    );
    assert.ok(pulls.every((p) => p.nodeIdentity === undefined && p.blockedBy === undefined));
  });

  it("notes the registries the target's nodes read by their own identity", () => {
    const target = getTargetProfile('aks');
    assert.ok(target !== undefined);
    const acr = collectImagePulls(objects, { target, pullObjects, defaultNamespace: 'default' }).find((p) => p.container === 'acr');
    assert.deepEqual(acr?.nodeIdentity, { glob: '*.azurecr.io', registry: 'acme.azurecr.io' });
  });
});
