// Edits by byte range: every row gives the text before, the edits and the exact text after, so that
// comments, quoting, key order, indentation styles, flow maps, JSON and CRLF line breaks are checked
// byte for byte.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../../src/render/apply-text-edits.js';
import type { TextEdit } from '../../../src/render/text-edit.js';

function apply(text: string, edits: TextEdit[], json = false): string {
  const result = applyTextEdits({ text, start: 0, end: text.length, json }, edits);
  if ('problems' in result) return `problems: ${result.problems.map((p) => `${p.offset} ${p.message}`).join('; ')}`;
  return result.text;
}

const IMAGE: TextEdit = { op: 'set', path: ['spec', 'containers', 0, 'image'], value: 'acr.io/web:1.0' };
const POLICY: TextEdit = { op: 'add', path: ['spec', 'containers', 0], key: 'imagePullPolicy', value: 'IfNotPresent', after: 'image' };
const ANNOTATION: TextEdit = { op: 'add', path: ['metadata'], key: 'annotations', value: { 'pullguard.dev/target': 'aks' } };
const SECRETS: TextEdit = { op: 'add', path: ['spec'], key: 'imagePullSecrets', value: [{ name: 'regcred' }] };

describe('applyTextEdits', () => {
  const rows: { name: string; before: string; edits: TextEdit[]; after: string; json?: boolean }[] = [
    {
      name: 'block style, comments kept, sequences not indented',
      before: 'metadata:\n  name: web # the name\nspec:\n  containers:\n  - name: web\n    image: web:latest   # built locally\n    # ports below\n    ports: []\n',
      edits: [IMAGE, POLICY, ANNOTATION, SECRETS],
      after:
        'metadata:\n  name: web # the name\n  annotations:\n    pullguard.dev/target: aks\nspec:\n  containers:\n  - name: web\n    image: acr.io/web:1.0   # built locally\n    imagePullPolicy: IfNotPresent\n    # ports below\n    ports: []\n  imagePullSecrets:\n  - name: regcred\n',
    },
    {
      name: 'block style with indented sequences and a 4-space step',
      before: 'metadata:\n    name: web\nspec:\n    containers:\n        -   name: web\n            image: "web:latest"\n',
      edits: [IMAGE, POLICY, SECRETS],
      after: 'metadata:\n    name: web\nspec:\n    containers:\n        -   name: web\n            image: "acr.io/web:1.0"\n            imagePullPolicy: IfNotPresent\n    imagePullSecrets:\n        - name: regcred\n',
    },
    {
      name: 'the image as the first key of a list item',
      before: 'spec:\n  containers:\n    - image: web:latest\n      name: web\n',
      edits: [IMAGE, POLICY],
      after: 'spec:\n  containers:\n    - image: acr.io/web:1.0\n      imagePullPolicy: IfNotPresent\n      name: web\n',
    },
    {
      name: 'single-quoted and plain scalars keep their style; a value plain YAML would misread gets quotes',
      before: "metadata:\n  annotations:\n    pullguard.dev/target: 'kind'\nspec:\n  containers:\n  - image: web\n",
      edits: [
        { op: 'set', path: ['metadata', 'annotations', 'pullguard.dev/target'], value: 'aks' },
        { op: 'set', path: ['spec', 'containers', 0, 'image'], value: 'true' },
      ],
      after: "metadata:\n  annotations:\n    pullguard.dev/target: 'aks'\nspec:\n  containers:\n  - image: \"true\"\n",
    },
    {
      name: 'flow maps take flow entries',
      before: 'metadata: {name: web}\nspec: {containers: [{name: web, image: web}]}\n',
      edits: [IMAGE, POLICY, ANNOTATION, SECRETS],
      after:
        'metadata: {name: web, annotations: {pullguard.dev/target: aks}}\nspec: {containers: [{name: web, image: acr.io/web:1.0, imagePullPolicy: IfNotPresent}], imagePullSecrets: [{name: regcred}]}\n',
    },
    {
      name: 'an empty flow map and an empty list',
      before: 'metadata:\n  annotations: {}\nspec:\n  imagePullSecrets: []\n',
      edits: [
        { op: 'add', path: ['metadata', 'annotations'], key: 'pullguard.dev/target', value: 'aks' },
        { op: 'append', path: ['spec', 'imagePullSecrets'], value: { name: 'regcred' } },
      ],
      after: 'metadata:\n  annotations: {pullguard.dev/target: aks}\nspec:\n  imagePullSecrets: [{name: regcred}]\n',
    },
    {
      name: 'annotations written empty, followed by comments only',
      before: 'metadata:\n  annotations:\n    # example.com/x: "y"\nspec: {}\n',
      edits: [{ op: 'add', path: ['metadata', 'annotations'], key: 'pullguard.dev/target', value: 'aks' }],
      after: 'metadata:\n  annotations:\n    pullguard.dev/target: aks\n    # example.com/x: "y"\nspec: {}\n',
    },
    {
      name: 'a block list gets one more item at its dashes',
      before: 'spec:\n  imagePullSecrets:\n    - name: a # first\n  containers: []\n',
      edits: [{ op: 'append', path: ['spec', 'imagePullSecrets'], value: { name: 'regcred' } }],
      after: 'spec:\n  imagePullSecrets:\n    - name: a # first\n    - name: regcred\n  containers: []\n',
    },
    {
      name: 'CRLF line breaks stay CRLF',
      before: 'metadata:\r\n  name: web\r\nspec:\r\n  containers:\r\n  - name: web\r\n    image: web\r\n',
      edits: [IMAGE, POLICY, ANNOTATION],
      after: 'metadata:\r\n  name: web\r\n  annotations:\r\n    pullguard.dev/target: aks\r\nspec:\r\n  containers:\r\n  - name: web\r\n    image: acr.io/web:1.0\r\n    imagePullPolicy: IfNotPresent\r\n',
    },
    {
      name: 'no line break at the end of the file',
      before: 'spec:\n  containers:\n  - name: web\n    image: web',
      edits: [IMAGE, POLICY],
      after: 'spec:\n  containers:\n  - name: web\n    image: acr.io/web:1.0\n    imagePullPolicy: IfNotPresent',
    },
    {
      name: 'a block scalar image becomes a double-quoted one',
      before: 'spec:\n  containers:\n  - image: >-\n      web\n    name: web\n',
      edits: [IMAGE],
      after: 'spec:\n  containers:\n  - image: "acr.io/web:1.0"\n    name: web\n',
    },
    {
      name: 'JSON, pretty-printed',
      json: true,
      before: '{\n  "metadata": {\n    "name": "web"\n  },\n  "spec": {\n    "containers": [\n      {\n        "name": "web",\n        "image": "web"\n      }\n    ]\n  }\n}\n',
      edits: [IMAGE, POLICY, ANNOTATION, SECRETS],
      after:
        '{\n  "metadata": {\n    "name": "web",\n    "annotations": {"pullguard.dev/target": "aks"}\n  },\n  "spec": {\n    "containers": [\n      {\n        "name": "web",\n        "image": "acr.io/web:1.0",\n        "imagePullPolicy": "IfNotPresent"\n      }\n    ],\n    "imagePullSecrets": [{"name": "regcred"}]\n  }\n}\n',
    },
    {
      name: 'JSON on one line',
      json: true,
      before: '{"metadata":{"name":"web"},"spec":{"containers":[{"name":"web","image":"web"}]}}',
      edits: [IMAGE, POLICY],
      after: '{"metadata":{"name":"web"},"spec":{"containers":[{"name":"web","image":"acr.io/web:1.0", "imagePullPolicy": "IfNotPresent"}]}}',
    },
    {
      name: 'an alias is refused, and nothing is changed',
      before: 'x: &img web\nspec:\n  containers:\n  - image: *img\n',
      edits: [IMAGE],
      after: 'problems: 43 spec.containers[0].image is a YAML alias (*img): render does not edit through aliases, which would change every place that uses the anchor',
    },
    {
      name: 'a key from a merge key is refused',
      before: 'base: &b\n  image: web\nspec:\n  containers:\n  - <<: *b\n    name: web\n',
      edits: [IMAGE],
      after: 'problems: 46 spec.containers[0].image is not written here (it comes from a merge key <<, which render does not edit)',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      assert.equal(apply(row.before, row.edits, row.json), row.after);
    });
  }
});
