// verifyRendered: the read-back check that stops a wrong edit from being written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import type { TextEdit } from '../../../src/render/text-edit.js';
import { verifyRendered } from '../../../src/render/verify-rendered.js';

const ORIGINAL = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1\n';
const EDITS: TextEdit[] = [
  { op: 'set', path: ['spec', 'containers', 0, 'image'], value: 'acr.io/web:1' },
  { op: 'add', path: ['metadata'], key: 'annotations', value: { 'pullguard.dev/target': 'aks' } },
];

function planned() {
  const [object] = readManifestText(ORIGINAL, 'pod.yaml', FULL_YAML_READERS).objects;
  return [{ object: object!, edits: EDITS }];
}

describe('verifyRendered', () => {
  it('accepts the text that holds exactly the edits', () => {
    const text = ORIGINAL.replace('  name: web\n', '  name: web\n  annotations:\n    pullguard.dev/target: aks\n').replace('image: web:1', 'image: acr.io/web:1');
    assert.equal(verifyRendered(text, 'pod.yaml', planned()), undefined);
  });

  it('refuses a text where something else changed too', () => {
    const text = ORIGINAL.replace('  name: web\n', '  annotations:\n    pullguard.dev/target: aks\n').replace('image: web:1', 'image: acr.io/web:1');
    assert.equal(verifyRendered(text, 'pod.yaml', planned()), 'Pod/web would not read as intended');
  });

  it('refuses a text that no longer reads, or holds another number of objects', () => {
    assert.equal(verifyRendered(`${ORIGINAL}  - name: "x\n`, 'pod.yaml', planned()), 'the edited text does not read (this double-quoted string is never closed (missing "))');
    assert.equal(verifyRendered(`${ORIGINAL}---\n${ORIGINAL}`, 'pod.yaml', planned()), 'the edited text holds 2 objects instead of 1');
  });
});
