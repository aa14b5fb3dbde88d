// The CLI reads manifests without the YAML libraries loaded, and loads them only when a document
// needs them: readManifestText must say so instead of guessing, and read the same either way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FULL_YAML_READERS } from '../../../src/k8s/full-yaml-readers.js';
import { FullYamlReadersNeeded, readManifestText } from '../../../src/k8s/read-manifest-text.js';

const PLAIN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';
// An anchor and a flow mapping: beyond the line reader.
const FANCY = 'apiVersion: v1\nkind: Pod\nmetadata: &m {name: web}\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';

describe('readManifestText without the full YAML readers', () => {
  it('reads plain block YAML with the line reader alone', () => {
    const parsed = readManifestText(undefined, PLAIN, 'pod.yaml');
    assert.deepEqual(parsed.objects.map((o) => `${o.ref.kind}/${o.ref.name} ${JSON.stringify(o.positionOf(['spec', 'containers', 0, 'image']))}`), [
      'Pod/web {"line":8,"column":14}',
    ]);
  });

  it('reads JSON without them', () => {
    const parsed = readManifestText(undefined, JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' } }), 'pod.json');
    assert.equal(parsed.objects[0]?.ref.name, 'j');
  });

  it('asks for them when a document needs them, and reads it the same once given', () => {
    assert.throws(() => readManifestText(undefined, FANCY, 'pod.yaml'), FullYamlReadersNeeded);
    const parsed = readManifestText(FULL_YAML_READERS, FANCY, 'pod.yaml');
    assert.deepEqual(parsed.objects.map((o) => `${o.ref.kind}/${o.ref.name} ${JSON.stringify(o.positionOf(['spec', 'containers', 0, 'image']))}`), [
      'Pod/web {"line":7,"column":14}',
    ]);
  });

  it('asks for them for the exact reader option', () => {
    assert.throws(() => readManifestText(undefined, PLAIN, 'pod.yaml', { reader: 'exact' }), FullYamlReadersNeeded);
  });
});
