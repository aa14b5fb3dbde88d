// The CLI reads manifests without the YAML libraries loaded, and loads them only when a document
// needs them: readManifestText must say so instead of guessing, and read the same either way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FULL_YAML_READERS } from '../../../src/k8s/full-yaml-readers.js';
import { lintLoaded } from '../../../src/commands/lint.js';
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

describe('readManifestText: a List inside a List', () => {
  // kubectl flattens nested Lists; before, the inner List was one object whose items no rule saw
  // and whose items' pullguard.dev/ignore annotations could not apply.
  const NESTED = [
    'apiVersion: v1', //                               1
    'kind: List', //                                   2
    'items:', //                                       3
    '  - apiVersion: v1', //                           4
    '    kind: List', //                               5
    '    items:', //                                   6
    '      - apiVersion: apps/v1', //                  7
    '        kind: Deployment', //                     8
    '        metadata:', //                            9
    '          name: quiet', //                        10
    '          annotations:', //                       11
    '            pullguard.dev/ignore: latest-tag', // 12
    '        spec:', //                                13
    '          template:', //                          14
    '            spec:', //                            15
    '              containers:', //                    16
    '                - name: app', //                  17
    '                  image: nginx:latest', //        18
    '      - apiVersion: v1', //                       19
    '        kind: Pod', //                            20
    '        metadata: {name: loud}', //               21
    '        spec:', //                                22
    '          containers:', //                        23
    '            - name: app', //                      24
    '              image: nginx:latest', //            25
    '  - apiVersion: v1', //                           26
    '    kind: ConfigMap', //                          27
    '    metadata: {name: outer}', //                  28
    '',
  ].join('\n');

  for (const [name, readers] of [
    ['with the line reader', undefined],
    ['with the full YAML readers', FULL_YAML_READERS],
  ] as const) {
    it(`keeps each object's identity and position, ${name}`, () => {
      let parsed;
      try {
        parsed = readManifestText(readers, NESTED, 'nested.yaml');
      } catch (error) {
        assert.ok(error instanceof FullYamlReadersNeeded);
        parsed = readManifestText(FULL_YAML_READERS, NESTED, 'nested.yaml');
      }
      assert.deepEqual(
        parsed.objects.map((o) => [`${o.ref.kind}/${o.ref.name}`, o.itemPath]),
        [
          ['Deployment/quiet', ['items', 0, 'items', 0]],
          ['Pod/loud', ['items', 0, 'items', 1]],
          ['ConfigMap/outer', ['items', 1]],
        ],
      );
      const report = lintLoaded({ ...parsed, files: 1 }, 'remote', { rules: {}, registries: {} });
      assert.deepEqual(
        report.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.object.kind}/${f.object.name} ${f.path}`),
        ['25:22 latest-tag Pod/loud items[0].items[1].spec.containers[0].image'],
      );
      assert.equal(report.summary.ignored, 1, 'the annotation on the Deployment inside the inner List applies');
      assert.equal(report.summary.objects, 3);
    });
  }
});
