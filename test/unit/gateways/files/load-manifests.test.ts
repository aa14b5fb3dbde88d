// The manifest file gateway against real directories under the OS temp dir: what a directory
// expands to, how stdin is read, which inputs are refused and where, and that one bad file never
// stops the others.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { UsageError } from '../../../../src/shared/errors.js';
import type { LoadProblem, LoadResult } from '../../../../src/manifests/model.js';
import { loadManifests, STDIN_FILE } from '../../../../src/gateways/files/load-manifests.js';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fresh directory holding `files` (path → content); returns its absolute path. */
function tree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'pullguard-load-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function configMap(name: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
}

/** `file#document kind/name` of every object, in load order. */
function objectsOf(result: LoadResult): string[] {
  return result.objects.map((o) => `${o.file}#${o.documentIndex} ${o.ref.kind}/${o.ref.name ?? ''}`);
}

function problem(file: string, line: number, column: number, code: LoadProblem['code'], message: string, documentIndex?: number): LoadProblem {
  return documentIndex === undefined ? { file, line, column, code, message } : { file, documentIndex, line, column, code, message };
}

async function usageError(promise: Promise<unknown>): Promise<UsageError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof UsageError, `expected a UsageError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a UsageError');
}

describe('loadManifests: expanding paths', () => {
  it('walks a directory depth-first in code-unit order of names, and keeps the order of the paths given', async () => {
    const root = tree({
      'b.yaml': configMap('b'),
      'a.yaml': configMap('a'),
      'B.yaml': configMap('upper-b'),
      'sub/c.yml': configMap('c'),
      'sub/deeper/d.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'd' } }),
      'z/e.yaml': configMap('e'),
      'first.yaml': configMap('first'),
    });
    const result = await loadManifests(['first.yaml', '.'], { cwd: root });
    assert.deepEqual(objectsOf(result), [
      'first.yaml#0 ConfigMap/first',
      'B.yaml#0 ConfigMap/upper-b',
      'a.yaml#0 ConfigMap/a',
      'b.yaml#0 ConfigMap/b',
      'sub/c.yml#0 ConfigMap/c',
      'sub/deeper/d.json#0 ConfigMap/d',
      'z/e.yaml#0 ConfigMap/e',
    ]);
    assert.equal(result.files, 7, 'first.yaml is read once although "." holds it too');
    assert.deepEqual(result.problems, []);
  });

  it('shows files under the directory as the user spelled it, without a trailing slash', async () => {
    const root = tree({ 'k8s/app/a.yaml': configMap('a') });
    assert.deepEqual(objectsOf(await loadManifests(['k8s//'], { cwd: root })), ['k8s/app/a.yaml#0 ConfigMap/a']);
    assert.deepEqual(objectsOf(await loadManifests(['./k8s/app'], { cwd: root })), ['./k8s/app/a.yaml#0 ConfigMap/a']);
    assert.deepEqual(objectsOf(await loadManifests([join(root, 'k8s')], { cwd: '/' })), [`${join(root, 'k8s')}/app/a.yaml#0 ConfigMap/a`]);
  });

  it('reads .yaml, .yml and .json in any letter case from directories, and a file named explicitly whatever its extension', async () => {
    const root = tree({
      'a.yaml': configMap('a'),
      'b.YML': configMap('b'),
      'c.Json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }),
      'd.txt': configMap('d'),
      'e.yaml.bak': configMap('e'),
      'f.md': configMap('f'),
      'yaml': configMap('g'),
    });
    const walked = await loadManifests(['.'], { cwd: root });
    assert.deepEqual(objectsOf(walked), ['a.yaml#0 ConfigMap/a', 'b.YML#0 ConfigMap/b', 'c.Json#0 ConfigMap/c']);
    assert.equal(walked.files, 3);
    const named = await loadManifests(['d.txt'], { cwd: root });
    assert.deepEqual(objectsOf(named), ['d.txt#0 ConfigMap/d']);
  });

  it('skips hidden entries and node_modules in a walk, but reads a hidden directory named explicitly', async () => {
    const root = tree({
      'app.yaml': configMap('app'),
      '.pullguard.yaml': 'target: aks\n',
      '.hidden.yaml': configMap('hidden'),
      '.github/workflows/ci.yml': configMap('ci'),
      '.git/config.yaml': configMap('git'),
      'node_modules/chart/templates/x.yaml': configMap('dependency'),
      'web/node_modules/y.yaml': configMap('nested-dependency'),
      'web/deploy.yaml': configMap('web'),
      '.deploy/prod.yaml': configMap('prod'),
    });
    const walked = await loadManifests([], { cwd: root });
    assert.deepEqual(objectsOf(walked), ['app.yaml#0 ConfigMap/app', 'web/deploy.yaml#0 ConfigMap/web']);
    assert.equal(walked.files, 2);
    assert.equal(walked.skippedDocuments, 0, '.pullguard.yaml is not read as a manifest');
    assert.deepEqual(objectsOf(await loadManifests(['.deploy'], { cwd: root })), ['.deploy/prod.yaml#0 ConfigMap/prod']);
    assert.deepEqual(objectsOf(await loadManifests(['.hidden.yaml'], { cwd: root })), ['.hidden.yaml#0 ConfigMap/hidden']);
  });

  it('follows symlinked directories but not loops, and reads a file reached twice through links once', async () => {
    const root = tree({
      'k8s/a.yaml': configMap('a'),
      'k8s/sub/b.yaml': configMap('b'),
      'shared/c.yaml': configMap('c'),
    });
    symlinkSync('..', join(root, 'k8s/sub/up'));
    symlinkSync('.', join(root, 'k8s/self'));
    symlinkSync(join(root, 'shared'), join(root, 'k8s/shared-link'));
    symlinkSync('a.yaml', join(root, 'k8s/z-link.yaml'));
    symlinkSync('missing.yaml', join(root, 'k8s/dangling.yaml'));
    symlinkSync('loop-b.yaml', join(root, 'k8s/loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(root, 'k8s/loop-b.yaml'));
    const result = await loadManifests(['k8s'], { cwd: root });
    assert.deepEqual(objectsOf(result), ['k8s/a.yaml#0 ConfigMap/a', 'k8s/shared-link/c.yaml#0 ConfigMap/c', 'k8s/sub/b.yaml#0 ConfigMap/b']);
    assert.equal(result.files, 3);
    assert.deepEqual(result.problems, []);
  });

  it('refuses a path that does not exist, goes through a file or loops, as a usage error with a hint', async () => {
    const root = tree({ 'a.yaml': configMap('a') });
    const missing = await usageError(loadManifests(['a.yaml', 'nope/deploy.yaml'], { cwd: root }));
    assert.equal(missing.message, 'nope/deploy.yaml: no such file or directory');
    assert.equal(missing.hint, 'Pass files or directories of Kubernetes manifests, or - to read stdin.');
    const throughFile = await usageError(loadManifests(['a.yaml/x.yaml'], { cwd: root }));
    assert.equal(throughFile.message, 'a.yaml/x.yaml: no such file or directory');
    symlinkSync('loop-2.yaml', join(root, 'loop-1.yaml'));
    symlinkSync('loop-1.yaml', join(root, 'loop-2.yaml'));
    const loop = await usageError(loadManifests(['loop-1.yaml'], { cwd: root }));
    assert.equal(loop.message, 'loop-1.yaml: too many levels of symbolic links');
  });

  it('reads the current directory when no path is given', async () => {
    const root = tree({ 'a.yaml': configMap('a'), 'sub/b.yaml': configMap('b') });
    assert.deepEqual(objectsOf(await loadManifests([], { cwd: root })), ['a.yaml#0 ConfigMap/a', 'sub/b.yaml#0 ConfigMap/b']);
  });

  it('counts a directory without manifests as zero files', async () => {
    const root = tree({ 'README.md': '# nothing here\n' });
    const result = await loadManifests(['.'], { cwd: root });
    assert.equal(result.files, 0);
    assert.deepEqual(result.objects, []);
  });
});

describe('loadManifests: stdin and pipes', () => {
  it('reads - from the given stream as <stdin>, once however often it is named, beside files', async () => {
    const root = tree({ 'a.yaml': configMap('a') });
    const stdin = Readable.from([Buffer.from(configMap('from-stdin')), Buffer.from('---\n' + configMap('second'))]);
    const result = await loadManifests(['-', 'a.yaml', '-'], { cwd: root, stdin });
    assert.deepEqual(objectsOf(result), [`${STDIN_FILE}#0 ConfigMap/from-stdin`, `${STDIN_FILE}#1 ConfigMap/second`, 'a.yaml#0 ConfigMap/a']);
    assert.equal(result.files, 2);
  });

  it('refuses stdin over the size limit without reading the rest', async () => {
    const stdin = Readable.from([Buffer.from(configMap('x')), Buffer.alloc(200, 0x20)]);
    const result = await loadManifests(['-'], { cwd: '/', stdin, maxFileBytes: 100 });
    assert.deepEqual(result.problems, [problem(STDIN_FILE, 1, 1, 'file-unreadable', 'standard input is larger than the limit of 100 bytes; not read')]);
  });

  it('reads a named pipe given as a path (as `<(helm template .)` passes one)', async () => {
    const root = tree({});
    const fifo = join(root, 'rendered');
    execFileSync('mkfifo', [fifo]);
    const [result] = await Promise.all([loadManifests([fifo], { cwd: root }), writeFile(fifo, configMap('piped'))]);
    assert.deepEqual(objectsOf(result), [`${fifo}#0 ConfigMap/piped`]);
  });
});

describe('loadManifests: refused input', () => {
  it('refuses a file with a NUL byte at the line and UTF-16 column of that byte', async () => {
    // "é" is two bytes in UTF-8 but one column in editors; the NUL is the 10th character of line 4.
    const root = tree({ 'bin.yaml': Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: é\u0000x\n', 'utf8') });
    const result = await loadManifests(['bin.yaml'], { cwd: root });
    assert.deepEqual(result.problems, [problem('bin.yaml', 4, 10, 'input-rejected', 'binary file (NUL byte); not a manifest')]);
    assert.deepEqual(result.objects, []);
  });

  it('refuses a file that is not UTF-8 at the first invalid byte', async () => {
    const latin1 = Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\r\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const overlong = Buffer.concat([Buffer.from('a: ok\nb: x'), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]);
    const surrogate = Buffer.concat([Buffer.from('a: ü'), Buffer.from([0xed, 0xa0, 0x80])]);
    const truncated = Buffer.concat([Buffer.from('a: '), Buffer.from([0xe2, 0x82])]);
    const root = tree({ 'latin1.yaml': latin1, 'overlong.yaml': overlong, 'surrogate.yaml': surrogate, 'truncated.yaml': truncated });
    const result = await loadManifests(['.'], { cwd: root });
    const message = 'not UTF-8 text; manifests must be UTF-8';
    assert.deepEqual(result.problems, [
      problem('latin1.yaml', 4, 12, 'input-rejected', message),
      problem('overlong.yaml', 2, 5, 'input-rejected', message),
      problem('surrogate.yaml', 1, 5, 'input-rejected', message),
      problem('truncated.yaml', 1, 4, 'input-rejected', message),
    ]);
  });

  it('names UTF-16 as such instead of calling it binary', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(configMap('x'), 'utf16le')]);
    const withoutBom = Buffer.from(configMap('y'), 'utf16le');
    const bigEndian = Buffer.from(configMap('z'), 'utf16le').swap16();
    const root = tree({ 'rendered.yaml': utf16, 'no-bom.yaml': withoutBom, 'be.yaml': bigEndian });
    const result = await loadManifests(['rendered.yaml', 'no-bom.yaml', 'be.yaml'], { cwd: root });
    const message = 'UTF-16 text; manifests must be UTF-8 (PowerShell 5 writes UTF-16 with `>`: use `| Out-File -Encoding utf8`)';
    assert.deepEqual(result.problems, [
      problem('rendered.yaml', 1, 1, 'input-rejected', message),
      problem('no-bom.yaml', 1, 1, 'input-rejected', message),
      problem('be.yaml', 1, 1, 'input-rejected', message),
    ]);
  });

  it('accepts a UTF-8 byte order mark, which takes no column', async () => {
    const root = tree({ 'bom.yaml': `\ufeff${configMap('bom')}` });
    const result = await loadManifests(['bom.yaml'], { cwd: root });
    assert.deepEqual(objectsOf(result), ['bom.yaml#0 ConfigMap/bom']);
    assert.deepEqual(result.objects[0]!.positionOf(['apiVersion']), { line: 1, column: 13 });
    assert.deepEqual(result.objects[0]!.keyPositionOf(['apiVersion']), { line: 1, column: 1 });
  });

  it('refuses a file over the size limit without reading it, and reads one at the limit', async () => {
    const exact = configMap('exact');
    const root = tree({ 'big.yaml': configMap('big') + '#'.repeat(200), 'exact.yaml': exact });
    const result = await loadManifests(['.'], { cwd: root, maxFileBytes: Buffer.byteLength(exact) });
    assert.deepEqual(result.problems, [problem('big.yaml', 1, 1, 'file-unreadable', 'file is larger than the limit of 55 bytes (it is 253 bytes); not read')]);
    assert.deepEqual(objectsOf(result), ['exact.yaml#0 ConfigMap/exact']);
  });

  it('reads every other file when some are broken', async () => {
    const root = tree({
      '1-good.yaml': configMap('one'),
      '2-binary.yaml': Buffer.from([0x61, 0x3a, 0x00]),
      '3-syntax.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n',
      '4-good.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'four' } }),
      // Neither JSON nor YAML (`"kind": }` alone would be YAML: kubectl falls back to it).
      '5-bad.json': '{"apiVersion": "v1",\n "kind": ]\n',
      '6-good.yml': configMap('six'),
    });
    const result = await loadManifests(['.'], { cwd: root });
    assert.deepEqual(objectsOf(result), ['1-good.yaml#0 ConfigMap/one', '4-good.json#0 ConfigMap/four', '6-good.yml#0 ConfigMap/six']);
    assert.deepEqual(
      result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`),
      ['2-binary.yaml:1:3 input-rejected', '3-syntax.yaml:4:1 yaml-syntax', '5-bad.json:2:10 yaml-syntax'],
    );
    assert.equal(result.problems[2]!.message, 'JSON: expected a value, found "]"');
    assert.equal(result.files, 6);
  });
});

describe('loadManifests: documents', () => {
  it('reads the documents around a broken one, and places the syntax error exactly', async () => {
    const text = [
      configMap('before'),
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: broken',
      '   labels: {}',
      '---',
      configMap('after'),
    ].join('\n');
    const root = tree({ 'multi.yaml': text });
    const result = await loadManifests(['multi.yaml'], { cwd: root });
    assert.deepEqual(objectsOf(result), ['multi.yaml#0 ConfigMap/before', 'multi.yaml#2 ConfigMap/after']);
    assert.deepEqual(result.problems, [
      problem('multi.yaml', 10, 9, 'yaml-syntax', 'Nested mappings are not allowed in compact mappings', 1),
    ]);
    assert.deepEqual(result.objects[1]!.positionOf(['metadata', 'name']), { line: 16, column: 9 });
  });

  it('points an unclosed quote at its opening quote, not at the next document marker where the text ran out', async () => {
    const text = [configMap('first'), '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: second', 'data:', '  mode: "fast', "  other: 'x", '---', configMap('third')].join('\n');
    const root = tree({ 'quotes.yaml': text });
    const result = await loadManifests(['quotes.yaml'], { cwd: root });
    assert.deepEqual(result.problems, [problem('quotes.yaml', 12, 9, 'yaml-syntax', 'this double-quoted string is never closed (missing ")', 1)]);
    assert.deepEqual(objectsOf(result), ['quotes.yaml#0 ConfigMap/first', 'quotes.yaml#2 ConfigMap/third']);
  });

  it('gives positions in JSON files, pretty-printed or on one line', async () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
    };
    const root = tree({ 'pretty.json': JSON.stringify(pod, null, 2), 'line.json': JSON.stringify(pod) });
    const result = await loadManifests(['pretty.json', 'line.json'], { cwd: root });
    const [pretty, line] = result.objects;
    assert.deepEqual(pretty!.positionOf(['spec', 'containers', 0, 'image']), { line: 11, column: 18 });
    assert.deepEqual(pretty!.keyPositionOf(['spec', 'containers', 0, 'image']), { line: 11, column: 9 });
    const oneLine = JSON.stringify(pod);
    assert.deepEqual(line!.positionOf(['spec', 'containers', 0, 'image']), { line: 1, column: oneLine.indexOf('"nginx') + 1 });
    // A path that does not exist points at its nearest existing ancestor.
    assert.deepEqual(pretty!.positionOf(['spec', 'containers', 0, 'imagePullPolicy']), { line: 9, column: 7 });
  });

  it('reads the items of kind: List (and *List kinds) as objects of their own, with positions inside the list', async () => {
    const list = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: Pod',
      '    metadata:',
      '      name: first',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: app:1',
      '  - just: data',
      '  - apiVersion: v1',
      '    kind: ConfigMap',
      '    metadata:',
      '      name: second',
      '---',
      'apiVersion: v1',
      'kind: ConfigMapList',
      'items:',
      '  - apiVersion: v1',
      '    kind: ConfigMap',
      '    metadata: {name: third}',
      '',
    ].join('\n');
    const root = tree({ 'list.yaml': list });
    const result = await loadManifests(['list.yaml'], { cwd: root });
    assert.deepEqual(objectsOf(result), ['list.yaml#0 Pod/first', 'list.yaml#0 ConfigMap/second', 'list.yaml#1 ConfigMap/third']);
    assert.deepEqual(result.objects.map((o) => o.itemPath), [['items', 0], ['items', 2], ['items', 0]]);
    assert.deepEqual(result.objects[0]!.positionOf(['spec', 'containers', 0, 'image']), { line: 11, column: 18 });
    assert.deepEqual(result.objects[2]!.positionOf(['metadata', 'name']), { line: 23, column: 22 });
    assert.equal(result.skippedDocuments, 1, 'the list item without apiVersion/kind');
  });

  it('counts documents that are not Kubernetes objects as skipped, and empty documents apart', async () => {
    const text = ['# a values file, not a manifest', 'replicaCount: 2', 'image: {repository: nginx}', '---', '---', '# only a comment', '---', 'kind: Pod', '---', configMap('real')].join('\n');
    const root = tree({ 'mixed.yaml': text, 'values.json': '{"replicaCount": 2}' });
    const result = await loadManifests(['.'], { cwd: root });
    // kubectl cuts at a `---` line only when something came before it: `---\n---` is one empty document.
    assert.deepEqual(objectsOf(result), ['mixed.yaml#3 ConfigMap/real']);
    assert.equal(result.skippedDocuments, 3, 'the values document, `kind: Pod` without apiVersion, values.json');
    assert.equal(result.emptyDocuments, 1);
    assert.deepEqual(result.problems, []);
  });
});

describe('loadManifests: hostile input', () => {
  it('refuses a billion-laughs alias bomb as input-rejected at the alias that crosses the limit', async () => {
    // Expanded nodes: b adds 9 × 10, c 9 × 91, d 9 × 820, e 9 × 7381 (74,718 so far); the first *e
    // of line 11 (f) adds 66,430 more and crosses 100,000.
    const levels = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const alias = `*${names[i - 1]}`;
      levels.push(`  ${names[i]}: &${names[i]} [${Array(9).fill(alias).join(',')}]`);
    }
    const text = `${configMap('bomb')}data:\n${levels.join('\n')}\n---\n${configMap('next')}`;
    const root = tree({ 'bomb.yaml': text });
    const result = await loadManifests(['bomb.yaml'], { cwd: root });
    assert.deepEqual(result.problems, [
      problem('bomb.yaml', 11, 10, 'input-rejected', 'aliases expand to more than 100000 nodes (a "billion laughs" alias bomb?); document not read', 0),
    ]);
    assert.deepEqual(objectsOf(result), ['bomb.yaml#1 ConfigMap/next'], 'the document after the bomb is still read');
  });

  it('honours a lower alias limit', async () => {
    const text = `${configMap('x')}data:\n  base: &b [1, 2, 3]\n  one: *b\n  two: *b\n`;
    const root = tree({ 'aliases.yaml': text });
    assert.deepEqual((await loadManifests(['aliases.yaml'], { cwd: root })).problems, []);
    const limited = await loadManifests(['aliases.yaml'], { cwd: root, limits: { maxAliasExpansion: 5 } });
    assert.deepEqual(limited.problems.map((p) => `${p.line}:${p.column} ${p.code}`), ['8:8 input-rejected']);
  });

  it('refuses very deep nesting at the first collection past the limit, in flow YAML, block YAML and JSON', async () => {
    const depth = 20_000;
    const flow = `${configMap('flow')}data: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    let block = `${configMap('block')}spec:\n`;
    for (let i = 1; i <= 2_000; i++) block += `${' '.repeat(i)}k:\n`;
    const json = `{"apiVersion":"v1","kind":"ConfigMap","data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const root = tree({ 'flow.yaml': flow, 'block.yaml': block, 'deep.json': json, 'ok.yaml': configMap('ok') });
    const result = await loadManifests(['.'], { cwd: root });
    const message = 'collections nest deeper than 500 levels; document not read';
    assert.deepEqual(result.problems, [
      // The root mapping is the first collection and line 5 + n holds the (n + 1)th: the position is the
      // key on line 504 whose value, on line 505, would be the 501st.
      problem('block.yaml', 504, 500, 'input-rejected', message, 0),
      problem('deep.json', 1, '{"apiVersion":"v1","kind":"ConfigMap","data":'.length + 500, 'input-rejected', message, 0),
      problem('flow.yaml', 5, 'data: '.length + 500, 'input-rejected', message, 0),
    ]);
    assert.deepEqual(objectsOf(result), ['ok.yaml#0 ConfigMap/ok']);
  });

  it('reads nesting right at the limit', async () => {
    const text = `${configMap('edge')}data: ${'['.repeat(499)}${']'.repeat(499)}\n`;
    const root = tree({ 'edge.yaml': text });
    const result = await loadManifests(['edge.yaml'], { cwd: root });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(objectsOf(result), ['edge.yaml#0 ConfigMap/edge']);
  });
});
