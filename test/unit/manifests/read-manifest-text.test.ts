// The CLI reads manifests without the YAML libraries loaded, and loads them only when a document
// needs them: lazyManifestReader must load them exactly then (once), and read the same either way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FULL_YAML_READERS, type FullYamlReaders } from '../../../src/manifests/readers/full-yaml-readers.js';
import { lintLoaded } from '../../../src/commands/lint.js';
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

  for (const [name, reader] of [
    ['with the default reader chain', 'auto'],
    ['with the exact reader', 'exact'],
  ] as const) {
    it(`keeps each object's identity and position, ${name}`, () => {
      const parsed = readManifestText(NESTED, 'nested.yaml', FULL_YAML_READERS, { reader });
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

describe('readManifestText: YAML kubectl accepts that a strict YAML 1.2 reader refuses', () => {
  it('reads a multi-line quoted string in a flow sequence, with exact positions before, inside and after it', () => {
    const text = [
      'apiVersion: v1', //                1
      'kind: Pod', //                     2
      'metadata:', //                     3
      '  name: web', //                   4
      'spec:', //                         5
      '  containers:', //                 6
      '    - name: c', //                 7
      '      args: ["', //                8
      '        echo hello &&', //         9
      '        echo world', //            10
      '      ", "-x"]', //                11
      '      image: busybox:1.36', //     12
      '',
    ].join('\n');
    const parsed = readManifestText(text, 'pod.yaml', FULL_YAML_READERS);
    assert.deepEqual(parsed.problems, []);
    const pod = parsed.objects[0]!;
    assert.deepEqual((pod.value as { spec: { containers: { args: string[] }[] } }).spec.containers[0]!.args, [' echo hello && echo world ', '-x']);
    assert.deepEqual(pod.positionOf(['spec', 'containers', 0, 'args', 0]), { line: 8, column: 14 });
    assert.deepEqual(pod.positionOf(['spec', 'containers', 0, 'args', 1]), { line: 11, column: 10 });
    assert.deepEqual(pod.positionOf(['spec', 'containers', 0, 'image']), { line: 12, column: 14 });
    assert.deepEqual(pod.keyPositionOf(['spec', 'containers', 0, 'image']), { line: 12, column: 7 });
  });

  it('keeps the last of duplicate keys, value and position, as kubectl does', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      image: nginx:latest\n';
    const parsed = readManifestText(text, 'pod.yaml', FULL_YAML_READERS);
    assert.deepEqual(parsed.problems, []);
    const pod = parsed.objects[0]!;
    assert.equal((pod.value as { spec: { containers: { image: string }[] } }).spec.containers[0]!.image, 'nginx:latest');
    assert.deepEqual(pod.positionOf(['spec', 'containers', 0, 'image']), { line: 9, column: 14 });
  });
});

describe('readManifestText: what kubectl drops or refuses around document markers', () => {
  const CM = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

  it('drops what follows "..." up to the next "---", as kubectl does (go-yaml reads one document per piece)', () => {
    const parsed = readManifestText(`${CM('a')}...\n${CM('dropped')}---\n${CM('b')}`, 'cm.yaml', FULL_YAML_READERS);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.objects.map((o) => [o.ref.name, o.documentIndex]), [['a', 0], ['b', 1]]);
    assert.equal(parsed.emptyDocuments, 0);
  });

  it('refuses content after "---" on its line at the content, in place of the document before it (kubectl stops before applying it), and reads the others', () => {
    const parsed = readManifestText(`${CM('a')}---   !!map\n${CM('b')}`, 'cm.yaml', FULL_YAML_READERS);
    assert.deepEqual(parsed.problems.map((p) => [p.line, p.column, p.documentIndex]), [[5, 7, 0]]);
    assert.deepEqual(parsed.objects.map((o) => o.ref.name), ['b']);
  });
});
