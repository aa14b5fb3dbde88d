// The promise of DESIGN.md, enforced: a pure core (no file, network or process access, nothing of
// gateways/, commands/ or cli/), and folders that import only folders below them, so that no
// folder cycle can form. The graph is read from every src/**/*.ts import, static and dynamic.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The folders of src/, bottom to top: each may import itself and the folders before it. A new
 * folder must be placed here. `version.ts` and `index.ts` are the two files at the root.
 */
export const LAYERS: readonly string[] = [
  'version.ts',
  'shared',
  'manifests',
  'images',
  'build-tools',
  'causes',
  'k8s',
  'facts',
  'detect',
  'credentials',
  'core',
  'rules',
  'diagnose',
  'deploy',
  'render',
  'gather',
  'formatters',
  'gateways',
  'commands',
  'cli',
  'index.ts',
];

/** The I/O layer: only these may touch files, sockets and processes. */
const IO_FOLDERS: ReadonlySet<string> = new Set(['gateways', 'commands', 'cli', 'index.ts']);
const IO_MODULES: ReadonlySet<string> = new Set([
  'fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'node:fs', 'node:fs/promises', 'node:net',
  'node:http', 'node:https', 'node:http2', 'node:child_process', 'undici',
]);

/**
 * Imports that break a rule on this branch and are being moved by parallel work on issue 8
 * (the registry engine moving out of gateways/): each entry is `from -> to`. Empty it, never grow it.
 */
const ALLOWED_VIOLATIONS: ReadonlySet<string> = new Set<string>([]);

/** One import of one src file: `from` and `to` are paths relative to src/ (`to` a bare name for packages). */
export interface ImportEdge {
  from: string;
  to: string;
}

/** The top folder of a src-relative path (`gateways` for `gateways/registry/x.ts`), or the file for root files. */
export function folderOf(path: string): string {
  return path.split('/')[0] as string;
}

/** Every rule the graph breaks, as sentences; empty when it keeps them all. */
export function violations(edges: readonly ImportEdge[], layers: readonly string[] = LAYERS): string[] {
  const found: string[] = [];
  const rank = new Map(layers.map((name, index) => [name, index]));
  for (const { from, to } of edges) {
    const fromFolder = folderOf(from);
    if (!rank.has(fromFolder)) {
      found.push(`${from}: folder ${fromFolder}/ is not in LAYERS (import-graph.test.ts); place it`);
      continue;
    }
    const internal = to.endsWith('.ts');
    if (!internal) {
      if (!IO_FOLDERS.has(fromFolder) && IO_MODULES.has(to)) found.push(`${from} -> ${to}: the core does no I/O; move this to gateways/`);
      continue;
    }
    const toFolder = folderOf(to);
    if (toFolder === fromFolder) continue;
    if (!IO_FOLDERS.has(fromFolder) && IO_FOLDERS.has(toFolder)) {
      found.push(`${from} -> ${to}: the core imports nothing of ${toFolder === 'index.ts' ? 'the library entry' : `${toFolder}/`}`);
      continue;
    }
    const toRank = rank.get(toFolder);
    if (toRank === undefined) found.push(`${to}: folder ${toFolder}/ is not in LAYERS (import-graph.test.ts); place it`);
    else if (toRank > (rank.get(fromFolder) as number)) found.push(`${from} -> ${to}: ${fromFolder}/ may not import ${toFolder}/, which sits above it`);
  }
  return [...new Set(found)];
}

/** Folder-level cycles (each as `a -> b -> a`), whatever the layer order says. */
export function folderCycles(edges: readonly ImportEdge[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!to.endsWith('.ts') || folderOf(from) === folderOf(to)) continue;
    const set = next.get(folderOf(from)) ?? new Set<string>();
    set.add(folderOf(to));
    next.set(folderOf(from), set);
  }
  const cycles = new Set<string>();
  const walk = (path: string[]): void => {
    const last = path[path.length - 1] as string;
    for (const target of next.get(last) ?? []) {
      const at = path.indexOf(target);
      if (at >= 0) {
        const cycle = path.slice(at);
        // The same cycle from its smallest folder, so that each is listed once.
        const start = cycle.indexOf([...cycle].sort()[0] as string);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.add([...rotated, rotated[0]].join(' -> '));
      } else {
        walk([...path, target]);
      }
    }
  };
  for (const folder of next.keys()) walk([folder]);
  return [...cycles].sort();
}

const srcRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The import graph of src/ as it is on disk. */
export function srcImportGraph(): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(srcRoot)) {
    const from = relative(srcRoot, file).split(sep).join('/');
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      const to = fileName.startsWith('.') ? posix.normalize(posix.join(posix.dirname(from), fileName)).replace(/\.js$/, '.ts') : fileName;
      edges.push({ from, to });
    }
  }
  return edges;
}

describe('the import graph of src/', () => {
  const edges = srcImportGraph();

  it('is read: the folders that import something are all there', () => {
    const folders = new Set(edges.map((e) => folderOf(e.from)));
    for (const folder of ['manifests', 'images', 'k8s', 'facts', 'credentials', 'core', 'rules', 'gateways', 'commands', 'cli']) assert.ok(folders.has(folder), folder);
    assert.ok(edges.some((e) => e.from === 'gateways/files/load-manifests.ts' && e.to === 'node:fs/promises'));
    // A dynamic import counts like a static one.
    assert.ok(edges.some((e) => e.from === 'gateways/files/load-manifests.ts' && e.to === 'manifests/readers/exact-reader.ts'));
  });

  it('keeps the core pure and every folder above what it imports', () => {
    const found = violations(edges).filter((v) => !ALLOWED_VIOLATIONS.has(v));
    assert.deepEqual(found, []);
  });

  it('has no folder cycle', () => {
    assert.deepEqual(folderCycles(edges), []);
  });

  it('allows no exception that is no longer needed', () => {
    const found = new Set(violations(edges));
    assert.deepEqual([...ALLOWED_VIOLATIONS].filter((v) => !found.has(v)), []);
  });
});

describe('the checks themselves (a synthetic graph)', () => {
  const layers = ['shared', 'core', 'gateways', 'cli'];

  it('accepts imports downwards and within a folder', () => {
    const edges: ImportEdge[] = [
      { from: 'core/a.ts', to: 'core/b.ts' },
      { from: 'core/a.ts', to: 'shared/errors.ts' },
      { from: 'gateways/files/x.ts', to: 'node:fs/promises' },
      { from: 'cli/main.ts', to: 'gateways/files/x.ts' },
      { from: 'core/a.ts', to: 'yaml' },
    ];
    assert.deepEqual(violations(edges, layers), []);
    assert.deepEqual(folderCycles(edges), []);
  });

  it('rejects I/O in the core, the core importing gateways, upward imports and unplaced folders', () => {
    const edges: ImportEdge[] = [
      { from: 'core/a.ts', to: 'node:fs' },
      { from: 'core/a.ts', to: 'undici' },
      { from: 'shared/x.ts', to: 'node:child_process' },
      { from: 'core/a.ts', to: 'gateways/registry/y.ts' },
      { from: 'shared/x.ts', to: 'core/a.ts' },
      { from: 'misc/z.ts', to: 'core/a.ts' },
    ];
    assert.deepEqual(violations(edges, layers), [
      'core/a.ts -> node:fs: the core does no I/O; move this to gateways/',
      'core/a.ts -> undici: the core does no I/O; move this to gateways/',
      'shared/x.ts -> node:child_process: the core does no I/O; move this to gateways/',
      'core/a.ts -> gateways/registry/y.ts: the core imports nothing of gateways/',
      'shared/x.ts -> core/a.ts: shared/ may not import core/, which sits above it',
      'misc/z.ts: folder misc/ is not in LAYERS (import-graph.test.ts); place it',
    ]);
  });

  it('finds folder cycles', () => {
    const edges: ImportEdge[] = [
      { from: 'core/a.ts', to: 'k8s/b.ts' },
      { from: 'k8s/b.ts', to: 'manifests/c.ts' },
      { from: 'manifests/c.ts', to: 'core/d.ts' },
      { from: 'detect/e.ts', to: 'core/a.ts' },
      { from: 'core/a.ts', to: 'detect/f.ts' },
    ];
    assert.deepEqual(folderCycles(edges), ['core -> detect -> core', 'core -> k8s -> manifests -> core']);
  });
});
