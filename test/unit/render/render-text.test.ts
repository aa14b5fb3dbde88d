// renderText over one object of every kind of image site (test/fixtures/render/every-site.yaml):
// the exact rendered text for a remote and a local target, what it leaves alone, that rendering
// twice changes nothing, and that lint then finds nothing of what render is meant to fix.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runRules } from '../../../src/core/run-rules.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import { parseRenderFlags, type RenderFlags } from '../../../src/render/parse-render-flags.js';
import { renderText, type RenderedFile } from '../../../src/render/render-text.js';
import { RULES } from '../../../src/rules/index.js';

const FIXTURES = new URL('../../../../test/fixtures/render/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** The rules whose findings render exists to remove (at error or warning severity). */
export const RULES_RENDER_FIXES: readonly string[] = [
  'placeholder-registry',
  'unresolved-variable',
  'invalid-image-reference',
  'local-only-image',
  'localhost-registry-on-remote',
  'never-pull-on-remote',
  'target-mismatch',
];

function render(text: string, file: string, target: string, flags: RenderFlags = {}): RenderedFile {
  return renderText(text, file, parseRenderFlags(getTargetProfile(target)!, flags));
}

function rendered(result: RenderedFile): Extract<RenderedFile, { text: string }> {
  assert.ok(!('problems' in result), JSON.stringify(result));
  return result;
}

/** `line rule path` of every error or warning of the rules render fixes. */
function fixableFindings(text: string, file: string, target: string): string[] {
  const parsed = readManifestText(text, file, FULL_YAML_READERS);
  assert.deepEqual(parsed.problems, []);
  return runRules(parsed.objects, RULES, { target: getTargetProfile(target)! })
    .findings.filter((f) => RULES_RENDER_FIXES.includes(f.ruleId) && f.severity !== 'info')
    .map((f) => `${f.line} ${f.ruleId} ${f.path}`);
}

const AKS: RenderFlags = { registry: 'myteam.azurecr.io', pullSecret: ['acr-pull'] };

describe('renderText on every kind of image site', () => {
  it('renders for aks with --registry and --pull-secret, byte for byte', () => {
    const result = rendered(render(read('every-site.yaml'), 'every-site.yaml', 'aks', AKS));
    assert.equal(result.text, read('every-site.aks.yaml'));
    assert.equal(result.changes.length, 28);
    assert.deepEqual(
      result.notes.map((n) => `${n.line} ${n.object} ${n.path}: ${n.message}`),
      [
        '43 Task/lint spec.steps[0].image: no pull secret added: the pods of these images get their pull secrets from elsewhere (the object that runs them)',
        '54 VirtualMachineInstance/vmi spec.volumes[0].containerDisk.image: no pull secret added: the pods of these images get their pull secrets from elsewhere (the object that runs them)',
        '61 SparkApplication/pi spec.image: no pull secret added: the pods of these images get their pull secrets from elsewhere (the object that runs them)',
        '69 KafkaConnect/connect spec.image: no pull secret added: the pods of these images get their pull secrets from elsewhere (the object that runs them)',
        '106 Deployment/from-template spec.template.spec.containers[0].image: left alone: parameters of the OpenShift template (IMAGE) are set by `oc process -p`',
        "125 DeploymentConfig/dc spec.template.spec.containers[0].image: left alone: an ImageChange trigger of this DeploymentConfig sets it to the image of ImageStreamTag web:latest in OpenShift's internal registry",
      ],
    );
    assert.deepEqual(fixableFindings(read('every-site.yaml'), 'every-site.yaml', 'aks').length > 0, true);
    assert.deepEqual(fixableFindings(result.text, 'every-site.aks.yaml', 'aks'), []);
  });

  it('renders for kind without --registry: local names stay, pulled ones get IfNotPresent', () => {
    const result = rendered(render(read('every-site.yaml'), 'every-site.yaml', 'kind'));
    assert.equal(result.text, read('every-site.kind.yaml'));
    // What is left is what only --registry or --set can decide, and render says so for each.
    const notRendered = result.notes.filter((n) => n.message.startsWith('not rendered')).map((n) => n.line);
    assert.deepEqual(notRendered, [17, 30, 61, 69, 77]);
    const left = fixableFindings(result.text, 'every-site.kind.yaml', 'kind');
    assert.deepEqual(left, [
      '19 invalid-image-reference spec.jobTemplate.spec.template.spec.containers[0].image',
      '34 unresolved-variable spec.templates[0].script.image',
      '71 invalid-image-reference spec.image',
      '79 invalid-image-reference spec.image',
      '89 unresolved-variable spec.engine.baseImage',
    ]);
  });

  it('changes nothing the second time (idempotent)', () => {
    for (const [target, flags, expected] of [
      ['aks', AKS, 'every-site.aks.yaml'],
      ['kind', {}, 'every-site.kind.yaml'],
    ] as const) {
      const again = rendered(render(read(expected), expected, target, flags));
      assert.equal(again.text, read(expected));
      assert.equal(again.changed, false);
      assert.deepEqual(again.changes, []);
    }
  });

  it('replaces an annotation for another target and says what it was', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    pullguard.dev/target: "local"\nspec:\n  containers:\n  - {name: a, image: "nginx:1.27"}\n';
    const result = rendered(render(text, 'pod.yaml', 'eks'));
    assert.equal(result.text, text.replace('"local"', '"eks"'));
    assert.deepEqual(result.changes.map((c) => `${c.line} ${c.path}: ${c.before} → ${c.after}`), ['6 metadata.annotations["pullguard.dev/target"]: local → eks']);
  });

  it('renders JSON as JSON', () => {
    const text = '{\r\n  "apiVersion": "v1",\r\n  "kind": "Pod",\r\n  "metadata": {"name": "p"},\r\n  "spec": {\r\n    "containers": [\r\n      {"name": "a", "image": "webapi:1.0", "imagePullPolicy": "Never"}\r\n    ]\r\n  }\r\n}\r\n';
    const result = rendered(render(text, 'pod.json', 'gke', { registry: 'europe-docker.pkg.dev/acme/apps' }));
    assert.equal(
      result.text,
      '{\r\n  "apiVersion": "v1",\r\n  "kind": "Pod",\r\n  "metadata": {"name": "p", "annotations": {"pullguard.dev/target": "gke"}},\r\n  "spec": {\r\n    "containers": [\r\n      {"name": "a", "image": "europe-docker.pkg.dev/acme/apps/webapi:1.0", "imagePullPolicy": "IfNotPresent"}\r\n    ]\r\n  }\r\n}\r\n',
    );
    assert.deepEqual(JSON.parse(result.text).spec.containers[0].image, 'europe-docker.pkg.dev/acme/apps/webapi:1.0');
  });

  it('keeps CRLF, the byte order mark and the comments of a YAML file', () => {
    const text = '\ufeff# web\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p # pod\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: \'REGISTRY_URL/web:2\' # set by CI\r\n';
    const result = rendered(render(text, 'pod.yaml', 'remote', { registry: 'ghcr.io/acme' }));
    assert.equal(
      result.text,
      '\ufeff# web\r\napiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p # pod\r\n  annotations:\r\n    pullguard.dev/target: remote\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: \'ghcr.io/acme/web:2\' # set by CI\r\n',
    );
  });

  it('does not render a file with a broken document, and says where', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n  - {name: a, image: web:1}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: "broken\n';
    const result = render(text, 'bad.yaml', 'aks', AKS);
    assert.deepEqual(result, { file: 'bad.yaml', problems: [{ line: 12, column: 9, message: 'this double-quoted string is never closed (missing ")' }] });
  });
});

describe('renderText and the files of tools', () => {
  const configs: [string, string][] = [
    ['skaffold.yaml', 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n  - image: skaffold-example\n'],
    ['kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- pod.yaml\nimages:\n- name: web\n  newName: REGISTRY_URL/web\n'],
    ['kind-cluster.yaml', 'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes:\n- role: control-plane\n  image: kindest/node:v1.31.0\n'],
    ['kubelet.yaml', 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nimageGCHighThresholdPercent: 85\n'],
    ['kubeconfig.yaml', 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n'],
  ];
  for (const [file, text] of configs) {
    it(`leaves ${file} as it is: it configures a tool and never reaches a cluster`, () => {
      const result = rendered(render(text, file, 'aks', AKS));
      assert.equal(result.text, text);
      assert.deepEqual([result.changes, result.notes], [[], []]);
    });
  }
});
