// The line reader takes repeated plain keys and values from a cache (ScalarCache). A cached
// scalar must read exactly as the text would, across documents, in block and flow style, and
// scalars that do not read as themselves (booleans, numbers, null) must never come from it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readManifestText, type ReaderStats } from '../../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../../src/manifests/readers/full-yaml-readers.js';

const DOCUMENT = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: same',
  'data:',
  '  same: same',
  '  on: yes',
  '  "on": "yes"',
  '  0x10: 0x10',
  '  "17": 1_000',
  '  null-ish: null',
  '  flow: {same: same, on: on, 0o17: 0o17, x: [same, yes, ~, 0x10]}',
  '  a-long-key-that-repeats-itself: a long value that repeats itself',
  '',
].join('\n');

describe('scalar cache of the line reader', () => {
  it('reads repeated scalars as the exact reader does, document after document', () => {
    const text = Array.from({ length: 3 }, () => `---\n${DOCUMENT}`).join('');
    const stats: ReaderStats = { line: 0, events: 0, exact: 0, json: 0 };
    const fast = readManifestText(text, 'cm.yaml', FULL_YAML_READERS, { stats });
    const exact = readManifestText(text, 'cm.yaml', FULL_YAML_READERS, { reader: 'exact' });
    assert.deepEqual(stats, { line: 3, events: 0, exact: 0, json: 0 });
    assert.equal(fast.objects.length, 3);
    for (let i = 0; i < 3; i++) assert.deepEqual(fast.objects[i]?.value, exact.objects[i]?.value);
    assert.deepEqual(fast.objects[2]?.value['data'], {
      '17': 1000,
      same: 'same',
      true: true,
      on: 'yes',
      '16': 16,
      'null-ish': null,
      flow: { same: 'same', true: true, '15': 15, x: ['same', true, null, 16] },
      'a-long-key-that-repeats-itself': 'a long value that repeats itself',
    });
  });
});

/** Every path of a value, the root's children first (objects by key, arrays by index). */
function allPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...allPaths(item, [...prefix, i])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...allPaths(item, [...prefix, key])]);
  }
  return [];
}

describe('the line reader on anchors, flow sequences over several lines and collection keys', () => {
  // Each document is read by the line reader alone (no full reader), with the values, problems and
  // positions of the exact reader: every node's value position and key position.
  const CASES: [string, string][] = [
    ['anchor and alias (Knative samples)', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: &labels\n      app: web\n      tier: "1"\n  template:\n    metadata:\n      labels: *labels\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n'],
    ['anchor redefined, aliases nested, an array-index key', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  a: &x # first\n    k: 1\n    "0": zero\n    deep:\n      z: [1, 2]\n  b: *x\n  c: &x\n    k: 2\n  d: *x  # second\n  e:\n    nested: *x\n    again: *x\n'],
    ['flow sequences over several lines (Istio samples)', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      args: [\n          "-a", "/x",\n          \'-b\', plain value, 10,\n      ]\n      command: [\n        sh,\n        "-c"\n      ]  # done\n  after: 1\n'],
    ['a flow sequence with lines at column 0 and a comma first', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  a:\n    b: [\nx, y,\n  z\n]\n  c: [\n    x\n    , y\n  ]\n'],
    ['a collection as a flow key (an Argo template)', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    linkerd.io/inject: {{args.linkerd-enabled}}\nspec:\n  x: 1\n'],
    ['collection keys nested in the value come first', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec: {[a]: {[b]: c}, d: 1}\n'],
    ['a sequence as a flow key after a plain entry', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  a: {x: 1, [p, q]: 2}\n'],
  ];
  for (const [name, text] of CASES) {
    it(name, () => {
      const stats: ReaderStats = { line: 0, events: 0, exact: 0, json: 0 };
      const fast = readManifestText(text, 'case.yaml', FULL_YAML_READERS, { stats });
      const exact = readManifestText(text, 'case.yaml', FULL_YAML_READERS, { reader: 'exact' });
      assert.deepEqual(stats, { line: 1, events: 0, exact: 0, json: 0 });
      assert.deepEqual(fast.problems, exact.problems);
      assert.equal(fast.objects.length, exact.objects.length);
      fast.objects.forEach((object, i) => {
        const other = exact.objects[i]!;
        assert.deepEqual(object.value, other.value);
        for (const path of allPaths(object.value)) {
          assert.deepEqual(object.positionOf(path), other.positionOf(path), `position of ${path.join('.')}`);
          assert.deepEqual(object.keyPositionOf(path), other.keyPositionOf(path), `key position of ${path.join('.')}`);
        }
      });
    });
  }

  it('shares the anchored mapping, as the exact reader does, and reports the first refused key where it is', () => {
    const [knative, , , , argo, nested] = CASES.map(([, text]) => readManifestText(text, 'case.yaml', FULL_YAML_READERS));
    const spec = knative!.objects[0]!.value['spec'] as { selector: { matchLabels: unknown }; template: { metadata: { labels: unknown } } };
    assert.equal(spec.template.metadata.labels, spec.selector.matchLabels);
    assert.deepEqual(knative!.objects[0]!.positionOf(['spec', 'template', 'metadata', 'labels', 'tier']), { line: 9, column: 13 });
    const refused = 'a mapping key is a collection (kubectl cannot convert it to JSON)';
    assert.deepEqual(argo!.problems, [{ file: 'case.yaml', documentIndex: 0, line: 6, column: 25, code: 'yaml-syntax', message: refused }]);
    assert.deepEqual(nested!.problems, [{ file: 'case.yaml', documentIndex: 0, line: 5, column: 14, code: 'yaml-syntax', message: refused }]);
  });

  it('leaves the rest to the full readers: anchors elsewhere, unknown aliases, blank or comment lines in a flow', () => {
    const declined = [
      'a: &s\n  - 1\nb: *s\n',
      'a: &e\nb: *e\n',
      'a: &x\n  b: *x\n',
      'a: &x.y\n  k: 1\nb: *x.y\n',
      'b: *x\na: &x\n  k: 1\n',
      'a: &x v\n',
      'a: [\n]\n',
      'a: [\n  x,\n\n  y\n]\n',
      'a: [\n  x, # c\n  y\n]\n',
      'a: [\n  [x],\n]\n',
      'a: [\n  x\n  y\n]\n',
      'a: [\n  x,\n',
    ];
    for (const text of declined) {
      const stats: ReaderStats = { line: 0, events: 0, exact: 0, json: 0 };
      readManifestText(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${text.replace(/^/gm, '  ').replace(/ +$/, '')}`, 'case.yaml', FULL_YAML_READERS, { stats });
      assert.equal(stats.line, 0, JSON.stringify(text));
    }
  });
});
