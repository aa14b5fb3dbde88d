// OpenShift's own templates, linted with every rule: objects in `Template.objects[]` are objects,
// images set by an ImageChange trigger or the image.openshift.io/triggers annotation (index and
// name forms) are not empty images, and template parameters are known. Fixtures and their sources:
// test/fixtures/openshift/README.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runRules } from '../../../src/core/run-rules.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { findPodSpecs } from '../../../src/k8s/find-pod-specs.js';
import { imageTriggerFor } from '../../../src/k8s/openshift-triggers.js';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import { RULES } from '../../../src/rules/index.js';

// build/test/unit/k8s → repository root is four levels up.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const fixture = (name: string): string => readFileSync(join(root, 'test/fixtures/openshift', name), 'utf8');

function lint(text: string, file: string, target = 'remote'): string[] {
  const { objects, problems } = readManifestText(text, file, FULL_YAML_READERS);
  assert.deepEqual(problems, []);
  const { findings } = runRules(objects, RULES, { target: getTargetProfile(target)! });
  return findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.path} ${f.message}`);
}

describe('OpenShift templates, linted with every rule', () => {
  for (const target of ['remote', 'openshift', 'kind']) {
    it(`openshift/origin postgresql-ephemeral: the DeploymentConfig's " " image is set by its ImageChange trigger (${target})`, () => {
      assert.deepEqual(lint(fixture('postgresql-ephemeral-template.yaml'), 'postgresql-ephemeral-template.yaml', target), []);
    });
  }

  it('annotation triggers in both forms, parameters with and without a default value, an undeclared variable', () => {
    assert.deepEqual(lint(fixture('deployment-triggers-template.yaml'), 'deployment-triggers-template.yaml'), [
      // The trigger names "postgresql" only: nothing sets the exporter's image.
      '43:18 error invalid-image-reference objects[1].spec.template.spec.containers[1].image image of container "exporter" is empty: the API server refuses to create its pods (image: Required value)',
      '59:18 warning latest-tag objects[2].spec.template.spec.containers[0].image "docker.io/library/redis:latest" ("${REDIS_IMAGE}" with the template\'s default value REDIS_IMAGE=docker.io/library/redis:latest) uses the tag :latest: the default pull policy for :latest is Always, so every pod start pulls it again and pods started at different times can run different images',
      '63:18 info unresolved-variable objects[2].spec.template.spec.containers[2].image "${SIDECAR_IMAGE}" is a parameter of this OpenShift template without a default value: the image is only known when `oc process` is given it, so pullguard does not judge it',
      '65:18 error unresolved-variable objects[2].spec.template.spec.containers[3].image "${TOOL_REGISTRY}/tool:1.0" contains ${TOOL_REGISTRY}, which should have been replaced by `oc process`, but this OpenShift template declares no parameter of that name, so it stays as written: Kubernetes never expands it in image, so the kubelet rejects it and the pod fails with InvalidImageName',
    ]);
  });

  it('pullguard.dev/ignore on an object of the template, and on the template itself', () => {
    const template = (templateAnnotation: string, objectAnnotation: string): string => `
apiVersion: template.openshift.io/v1
kind: Template
metadata:
  name: t
  annotations: {${templateAnnotation}}
objects:
- apiVersion: v1
  kind: Pod
  metadata:
    name: p
    annotations: {${objectAnnotation}}
  spec:
    containers:
    - name: c
      image: \${IMAGE}
`;
    const finding = '16:14 error unresolved-variable objects[0].spec.containers[0].image "${IMAGE}" contains ${IMAGE}, which should have been replaced by `oc process`, but this OpenShift template declares no parameter of that name, so it stays as written: Kubernetes never expands it in image, so the kubelet rejects it and the pod fails with InvalidImageName';
    assert.deepEqual(lint(template('', ''), 't.yaml'), [finding]);
    assert.deepEqual(lint(template('', 'pullguard.dev/ignore: unresolved-variable'), 't.yaml'), []);
    assert.deepEqual(lint(template('pullguard.dev/ignore: unresolved-variable', ''), 't.yaml'), []);
  });

  it('${{NAME}}, the non-string form, is a parameter when it is the whole value; a parameter that makes an invalid reference is judged with its value', () => {
    const text = `
kind: Template
apiVersion: v1
metadata: {name: t}
objects:
- kind: Pod
  apiVersion: v1
  metadata: {name: p}
  spec:
    containers:
    - name: a
      image: \${{PROXY_IMAGE}}
    - name: b
      image: "\${REGISTRY}/App:\${TAG}"
    - name: c
      image: "\${{REGISTRY}}/app:\${TAG}"
parameters:
- {name: PROXY_IMAGE, value: quay.io/acme/proxy:2.1}
- {name: REGISTRY, value: quay.io/acme}
- {name: TAG, value: "1.0"}
`;
    assert.deepEqual(lint(text, 't.yaml'), [
      '14:14 error invalid-image-reference objects[0].spec.containers[1].image "quay.io/acme/App:1.0" ("${REGISTRY}/App:${TAG}" with the template\'s default values REGISTRY=quay.io/acme, TAG=1.0) is not a valid image reference: repository name must be lowercase: "acme/App" contains the uppercase letter "A" at offset 13; the kubelet rejects it and the pod fails with InvalidImageName',
      '16:14 error unresolved-variable objects[0].spec.containers[2].image "${{REGISTRY}}/app:${TAG}" contains ${{REGISTRY}}, which should have been replaced by `oc process`, but it substitutes `${{NAME}}` only when it is the whole value (write `${NAME}` inside a longer string), so it stays as written: Kubernetes never expands it in image, so the kubelet rejects it and the pod fails with InvalidImageName',
    ]);
  });

  it('outside a template, ${NAME} stays an unresolved variable, and an empty image without a trigger stays an error', () => {
    const text = `
apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata: {name: web}
spec:
  triggers:
  - type: ConfigChange
  template:
    spec:
      containers:
      - name: web
        image: " "
      - name: api
        image: \${NAME}:1.0
`;
    assert.deepEqual(lint(text, 'dc.yaml'), [
      '12:16 error invalid-image-reference spec.template.spec.containers[0].image image of container "web" is empty: the API server refuses to create its pods (image: Required value)',
      '14:16 error unresolved-variable spec.template.spec.containers[1].image "${NAME}:1.0" contains ${NAME}, which should have been replaced by envsubst, the shell or CI step that renders this file, or Flux post-build substitution: Kubernetes never expands it in image, so the kubelet rejects it and the pod fails with InvalidImageName',
    ]);
  });
});

describe('the image stream tag a trigger watches', () => {
  it('is reported where it holds template syntax nothing replaces, once per trigger', () => {
    const text = `
apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata: {name: web}
spec:
  triggers:
  - type: ImageChange
    imageChangeParams:
      containerNames: [web, side]
      from: {kind: ImageStreamTag, name: "\${APP}:latest"}
  template:
    spec:
      containers:
      - name: web
        image: " "
      - name: side
        image: " "
---
apiVersion: template.openshift.io/v1
kind: Template
metadata: {name: t}
objects:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: d
    annotations:
      image.openshift.io/triggers: '[{"from":{"kind":"ImageStreamTag","name":"\${NAME}:\${TAG}"},"fieldPath":"spec.template.spec.containers[0].image"}]'
  spec:
    template:
      spec:
        containers:
        - name: a
          image: " "
parameters:
- name: NAME
  value: x
`;
    assert.deepEqual(lint(text, 'tr.yaml'), [
      '10:42 error unresolved-variable spec.triggers[0].imageChangeParams.from.name the image stream tag "${APP}:latest" that sets the image of container "web" contains ${APP}, which should have been replaced by envsubst, the shell or CI step that renders this file, or Flux post-build substitution: OpenShift looks for a tag of that literal name, so the trigger never sets the image',
      '28:36 error unresolved-variable objects[0].metadata.annotations["image.openshift.io/triggers"] the image stream tag "${NAME}:${TAG}" that sets the image of container "a" contains ${TAG}, which should have been replaced by `oc process`, but this OpenShift template declares no parameter of that name, so it stays as written: OpenShift looks for a tag of that literal name, so the trigger never sets the image',
    ]);
  });
});

describe('imageTriggerFor', () => {
  const deployment = (fieldPath: string, extra = ''): string => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    image.openshift.io/triggers: ${JSON.stringify(JSON.stringify([{ from: { kind: 'ImageStreamTag', name: 'web:1', namespace: 'apps' }, fieldPath }]))}
spec:
  template:
    spec:
      initContainers:
      - name: init
        image: " "
      containers:
      - name: web
        image: " "
      - name: side
        image: " "${extra}
`;
  const setBy = (text: string): string[] => {
    const [object] = readManifestText(text, 'd.yaml', FULL_YAML_READERS).objects;
    const containers = findPodSpecs(object!.value).flatMap((spec) => spec.containers);
    return containers.filter((c) => imageTriggerFor(object!, c) !== undefined).map((c) => c.name);
  };
  const cases: [string, string[]][] = [
    ['spec.template.spec.containers[0].image', ['web']],
    ['spec.template.spec.containers[1].image', ['side']],
    ['spec.template.spec.initContainers[0].image', ['init']],
    ['spec.template.spec.containers[?(@.name=="side")].image', ['side']],
    ["spec.template.spec.containers[?(@.name=='web')].image", ['web']],
    // Escaped once more by a generator that wrote the JSON by hand (openshift/release's controllers).
    ['spec.template.spec.containers[?(@.name==\\"web\\")].image', ['web']],
    ['spec.template.spec.containers[2].image', []],
    ['spec.template.spec.containers[?(@.name=="nope")].image', []],
    ['spec.containers[0].image', []],
    ['spec.template.spec.containers[0].env', []],
  ];
  for (const [fieldPath, expected] of cases) {
    it(`${fieldPath} → ${expected.join(', ') || 'none'}`, () => assert.deepEqual(setBy(deployment(fieldPath)), expected));
  }

  it('an annotation that is not JSON sets nothing', () => {
    const text = deployment('x').replace(/image\.openshift\.io\/triggers: .*/, "image.openshift.io/triggers: '[{not json'");
    assert.deepEqual(setBy(text), []);
  });

  it('describes the image stream tag the trigger watches', async () => {
    const { describeTrigger } = await import('../../../src/k8s/openshift-triggers.js');
    const [object] = readManifestText(deployment('spec.template.spec.containers[0].image'), 'd.yaml', FULL_YAML_READERS).objects;
    const web = findPodSpecs(object!.value)[0]!.containers.find((c) => c.name === 'web')!;
    assert.equal(
      describeTrigger(imageTriggerFor(object!, web)!, 'Deployment'),
      "the image.openshift.io/triggers annotation sets it to the image of ImageStreamTag apps/web:1 in OpenShift's internal registry",
    );
  });
});

describe('docs/openshift.md', () => {
  it('its example is not reported, and is with the annotation removed', () => {
    const page = readFileSync(join(root, 'docs/openshift.md'), 'utf8');
    const example = /```yaml\n([^]*?)```/.exec(page)?.[1] ?? '';
    assert.match(example, /image\.openshift\.io\/triggers/);
    assert.deepEqual(lint(example, 'docs.yaml'), []);
    const withoutTrigger = example.replace(/ {2}annotations:\n.*\n/, '');
    assert.deepEqual(lint(withoutTrigger, 'docs.yaml').map((f) => f.split(' ').slice(0, 3).join(' ')), [
      '15:18 error invalid-image-reference',
    ]);
  });
});
