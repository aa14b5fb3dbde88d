// The CLI reads manifests without the YAML libraries loaded, and loads them only when a document
// needs them: lazyManifestReader must load them exactly then (once), and read the same either way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FULL_YAML_READERS, type FullYamlReaders } from '../../../src/manifests/readers/full-yaml-readers.js';
import { lazyManifestReader, readManifestText, type ParseManifestOptions } from '../../../src/manifests/read-manifest-text.js';

const PLAIN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';
// An anchor and a flow mapping: beyond the line reader.
const FANCY = 'apiVersion: v1\nkind: Pod\nmetadata: &m {name: web}\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';

function countingReader(): { loads: () => number; read: (text: string, file: string, options?: ParseManifestOptions) => Promise<ReturnType<typeof readManifestText>> } {
  let loads = 0;
  const read = lazyManifestReader(async (): Promise<FullYamlReaders> => {
    loads++;
    return FULL_YAML_READERS;
  });
  return { loads: () => loads, read };
}

function imagePositions(parsed: ReturnType<typeof readManifestText>): string[] {
  return parsed.objects.map((o) => `${o.ref.kind}/${o.ref.name} ${JSON.stringify(o.positionOf(['spec', 'containers', 0, 'image']))}`);
}

describe('lazyManifestReader', () => {
  it('reads plain block YAML with the line reader alone, without loading the full readers', async () => {
    const reader = countingReader();
    assert.deepEqual(imagePositions(await reader.read(PLAIN, 'pod.yaml')), ['Pod/web {"line":8,"column":14}']);
    assert.equal(reader.loads(), 0);
  });

  it('reads JSON without them', async () => {
    const reader = countingReader();
    const parsed = await reader.read(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' } }), 'pod.json');
    assert.equal(parsed.objects[0]?.ref.name, 'j');
    assert.equal(reader.loads(), 0);
  });

  it('loads them once, when a document first needs them, and reads it as readManifestText does', async () => {
    const reader = countingReader();
    assert.deepEqual(imagePositions(await reader.read(FANCY, 'pod.yaml')), ['Pod/web {"line":7,"column":14}']);
    assert.deepEqual(imagePositions(await reader.read(FANCY, 'again.yaml')), ['Pod/web {"line":7,"column":14}']);
    assert.equal(reader.loads(), 1);
    assert.deepEqual(imagePositions(readManifestText(FANCY, 'pod.yaml', FULL_YAML_READERS)), ['Pod/web {"line":7,"column":14}']);
  });

  it('loads them for the exact reader option', async () => {
    const reader = countingReader();
    assert.deepEqual(imagePositions(await reader.read(PLAIN, 'pod.yaml', { reader: 'exact' })), ['Pod/web {"line":8,"column":14}']);
    assert.equal(reader.loads(), 1);
  });
});
