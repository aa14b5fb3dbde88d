// gatherImages over a scripted registry and a scripted local machine: facts per object and image
// use, verdicts grouped with their locations, kubelet's own verdict for an unreadable pull secret
// (no request), node identity, and the comparison with docker's credentials for refusals only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CauseId } from '../../../src/causes/index.js';
import type { ManifestObject } from '../../../src/manifests/model.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { isUnknown, type ImagePullFact } from '../../../src/facts/facts.js';
import type { LocalMachine } from '../../../src/facts/local-machine.js';
import type { RegistryCredential } from '../../../src/facts/registry-gateway.js';
import { gatherImages, type GatherImagesOptions } from '../../../src/gather/gather-images.js';
import { pullObjectsFromManifests } from '../../../src/credentials/pull-object-source.js';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import { ScriptedRegistry } from './scripted-registry.js';

const MANIFESTS = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: web}',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: ghcr.io/acme/web:1.0',
  '    - name: sidecar',
  '      image: ghcr.io/acme/private:2.0',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: again}',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: ghcr.io/acme/web:1.0',
  '    - name: local',
  '      image: app:dev',
  '      imagePullPolicy: Never',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: broken}',
  'spec:',
  '  imagePullSecrets: [{name: bad}]',
  '  containers:',
  '    - name: app',
  '      image: ghcr.io/acme/web:1.0',
  '---',
  'apiVersion: v1',
  'kind: Secret',
  'metadata: {name: bad}',
  'type: kubernetes.io/dockerconfigjson',
  'data:',
  `  .dockerconfigjson: ${Buffer.from('{"auths": "not an object"}').toString('base64')}`,
  '',
].join('\n');

function setup(answers: Record<string, CauseId | 'ok'>, extra: Partial<GatherImagesOptions> = {}) {
  const { objects } = readManifestText(MANIFESTS, 'm.yaml', FULL_YAML_READERS);
  const registry = new ScriptedRegistry(answers);
  const target = getTargetProfile('remote');
  assert.ok(target !== undefined);
  const options: GatherImagesOptions = {
    objects,
    target,
    pullObjects: pullObjectsFromManifests(objects, 'default'),
    defaultNamespace: 'default',
    platforms: [{ os: 'linux', architecture: 'amd64' }],
    registry,
    concurrency: 4,
    budgetMs: 10_000,
    ...extra,
  };
  return { objects, registry, options };
}

function statusOf(fact: ImagePullFact): string {
  return isUnknown(fact.verdict) ? `unknown: ${fact.verdict.unknown}` : fact.verdict.status;
}

describe('gatherImages', () => {
  it('keeps one fact per image use, by object, and asks once per distinct request', async () => {
    const { objects, registry, options } = setup({ 'ghcr.io/acme/private:2.0': 'unauthorized' });
    const { images } = await gatherImages(options);
    const [web, again, broken] = objects as [ManifestObject, ManifestObject, ManifestObject];
    assert.deepEqual(images.get(web)?.map((f) => [f.container, f.image, f.path.join('.'), statusOf(f)]), [
      ['app', 'ghcr.io/acme/web:1.0', 'spec.containers.0.image', 'ok'],
      ['sidecar', 'ghcr.io/acme/private:2.0', 'spec.containers.1.image', 'unauthorized'],
    ]);
    // imagePullPolicy: Never is never pulled: no fact.
    assert.deepEqual(images.get(again)?.map((f) => f.container), ['app']);
    assert.deepEqual(images.get(broken)?.map((f) => [f.container, statusOf(f), f.sendsCredentials]), [['app', 'unauthorized', false]]);
    assert.deepEqual(registry.requests.map((r) => r.reference.normalized), ['ghcr.io/acme/web:1.0', 'ghcr.io/acme/private:2.0']);
    assert.equal(images.size, 3);
  });

  it("gives kubelet's own verdict to a pod whose pull secret cannot be read", async () => {
    const { objects, options } = setup({});
    const { images, verdicts } = await gatherImages(options);
    const fact = images.get(objects[2] as ManifestObject)?.[0];
    assert.ok(fact !== undefined && !isUnknown(fact.verdict));
    assert.equal(fact.verdict.credentialSource, 'secret default/bad');
    assert.match(fact.verdict.summary, /^kubelet fails every pull of this pod: /);
    // The same image, pulled by other pods with a working set of credentials, is a separate verdict.
    assert.deepEqual(
      verdicts.map((v) => [v.image, v.status, v.credentialSource, v.locations.map((l) => l.line)]),
      [
        ['ghcr.io/acme/web:1.0', 'ok', 'anonymous', [7, 17]],
        ['ghcr.io/acme/private:2.0', 'ok', 'anonymous', [9]],
        ['ghcr.io/acme/web:1.0', 'unauthorized', 'secret default/bad', [29]],
      ],
    );
  });

  it('compares refusals, and only refusals, with what docker on this machine can pull', async () => {
    const asked: string[] = [];
    const docker: RegistryCredential = { source: 'docker config.json (auths: ghcr.io)', username: 'me', password: 'local-secret' };
    const local: LocalMachine = {
      async dockerCredentials(reference) {
        asked.push(reference.normalized);
        return [docker];
      },
    };
    const { objects, registry, options } = setup({ 'ghcr.io/acme/private:2.0': 'unauthorized', 'ghcr.io/acme/web:1.0': 'image-not-found' }, { local });
    // The registry accepts docker's credential, and only that.
    const { images } = await gatherImages({
      ...options,
      registry: {
        checkImage: async (request, signal) =>
          request.credentials[0] === docker ? { status: 'ok', summary: 'ok', registry: 'ghcr.io', credentialSource: docker.source } : registry.checkImage(request, signal),
        close: async () => undefined,
      },
    });
    assert.deepEqual(asked, ['ghcr.io/acme/private:2.0']);
    const sidecar = images.get(objects[0] as ManifestObject)?.[1];
    assert.ok(sidecar !== undefined && !isUnknown(sidecar.verdict));
    assert.equal(
      sidecar.verdict.summary,
      'unauthorized for ghcr.io/acme/private:2.0 with anonymous; docker on this machine can pull it with docker config.json (auths: ghcr.io), which the nodes do not have: put that access into a pull secret of the pods',
    );
  });

  it('turns refusals into "cannot be verified from here" where the nodes pull by their own identity', async () => {
    const { objects } = readManifestText(['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: app', '      image: acme.azurecr.io/web:1.0', ''].join('\n'), 'm.yaml', FULL_YAML_READERS);
    const target = getTargetProfile('aks');
    assert.ok(target !== undefined);
    const { images } = await gatherImages({
      objects, target, pullObjects: pullObjectsFromManifests(objects, 'default'), defaultNamespace: 'default', platforms: [],
      registry: new ScriptedRegistry({ 'acme.azurecr.io/web:1.0': 'unauthorized' }), concurrency: 1, budgetMs: 1_000,
    });
    const fact = images.get(objects[0] as ManifestObject)?.[0];
    assert.ok(fact !== undefined && !isUnknown(fact.verdict));
    assert.deepEqual([fact.verdict.status, fact.verdict.credentialSource], ['unknown', 'node identity']);
  });
});
