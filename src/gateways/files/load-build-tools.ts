// The file gateway of build-tools/: finds the kustomization files, skaffold.yaml and Tiltfiles in the
// folders of the linted manifests and in the folders above them up to the path the user named, reads
// them and hands their content to the pure readers. Nothing is executed. A build file that cannot be
// read or parsed is skipped: a kustomization.yaml or skaffold.yaml is also linted as a manifest, where
// its syntax errors are reported. Docs: ../../../docs/build-tools.md.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, posix, resolve } from 'node:path';
import { BuildToolIndex, type BuildToolFiles } from '../../build-tools/build-tool-index.js';
import type { ImageBuild } from '../../build-tools/image-build.js';
import { readKustomization, type Kustomization } from '../../build-tools/kustomize-images.js';
import { readSkaffoldConfig } from '../../build-tools/skaffold-config.js';
import { readTiltfile } from '../../build-tools/tiltfile.js';
import type { ParsedYaml } from './parse-yaml-text.js';

/** kustomize's accepted names, in its order of preference (api/konfig/general.go RecognizedKustomizationFileNames). */
const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;
const SKAFFOLD_NAME = 'skaffold.yaml';
const TILTFILE_NAME = 'Tiltfile';

/**
 * The build-tool facts for the manifests in `files` (display names as findings show them), found in
 * their folders and the folders above them inside the named `roots` (display names of the paths given).
 */
export async function loadBuildTools(files: readonly string[], roots: readonly string[], cwd: string): Promise<BuildToolIndex> {
  const known = new Set(files);
  const dirs = candidateDirs(files, roots);
  const found: BuildToolFiles & { kustomizations: Kustomization[]; builds: { dir: string; build: ImageBuild }[] } = { kustomizations: [], builds: [] };
  await Promise.all(
    [...dirs].map(async (dir) => {
      const present = presentIn(dir, known, cwd);
      const kustomization = present(KUSTOMIZATION_NAMES);
      if (kustomization !== undefined) {
        const parsed = await parseYamlFile(kustomization, cwd);
        const first = parsed?.documents[0];
        if (parsed !== undefined && first !== undefined) found.kustomizations.push(readKustomization(first, kustomization, dir, (path) => parsed.locate(0, path)));
      }
      const skaffold = present([SKAFFOLD_NAME]);
      if (skaffold !== undefined) {
        const parsed = await parseYamlFile(skaffold, cwd);
        if (parsed !== undefined) for (const build of readSkaffoldConfig(parsed.documents, skaffold, parsed.locate)) found.builds.push({ dir, build });
      }
      const tiltfile = present([TILTFILE_NAME]);
      if (tiltfile !== undefined) {
        const text = await readText(tiltfile, cwd);
        if (text !== undefined) for (const build of readTiltfile(text, tiltfile).builds) found.builds.push({ dir, build });
      }
    }),
  );
  // Promise.all finishes in any order: sorted, so that the same tree always gives the same index.
  found.kustomizations.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return new BuildToolIndex(found);
}

/** The folders of `files` and every folder above them up to the root (a named path) holding them. */
function candidateDirs(files: readonly string[], roots: readonly string[]): Set<string> {
  const rootDirs = roots.map((root) => posix.normalize(root));
  const dirs = new Set<string>();
  for (const file of files) {
    let dir = posix.dirname(file);
    const root = rootDirs.find((r) => r === '.' || dir === r || dir.startsWith(`${r}/`)) ?? dir;
    for (;;) {
      if (dirs.has(dir)) break;
      dirs.add(dir);
      if (dir === root || dir === '.' || dir === '/') break;
      const parent = posix.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return dirs;
}

/**
 * `present(names)`: the first of `names` that is a file of folder `dir` (its display name), or
 * undefined. The folder's display prefix and absolute path are worked out once, not per name: a
 * tree of a few hundred folders made thousands of path joins.
 */
function presentIn(dir: string, known: ReadonlySet<string>, cwd: string): (names: readonly string[]) => string | undefined {
  // posix.join(dir, name) is `dir/name` for a folder that is normalized already.
  const prefix = dir === '.' ? '' : posix.normalize(dir) === dir ? (dir.endsWith('/') ? dir : `${dir}/`) : undefined;
  let absoluteDir: string | undefined;
  return (names) => {
    for (const name of names) {
      const file = prefix === undefined ? posix.join(dir, name) : prefix + name;
      // Files with a manifest extension were read already; only extensionless names cost a look.
      if (known.has(file)) return file;
      if (name.includes('.')) continue;
      absoluteDir ??= absolute(dir, cwd);
      // Synchronous, and without an error object for every folder that has no such file: one
      // look per folder of the tree, where a thread-pool round trip each cost a repository of a
      // few hundred folders tens of milliseconds (bench/README.md).
      if (existsSync(absoluteDir.endsWith('/') ? absoluteDir + name : `${absoluteDir}/${name}`)) return file;
    }
    return undefined;
  };
}

function absolute(file: string, cwd: string): string {
  return isAbsolute(file) ? file : resolve(cwd, file);
}

async function readText(file: string, cwd: string): Promise<string | undefined> {
  try {
    return await readFile(absolute(file, cwd), 'utf8');
  } catch {
    return undefined;
  }
}

async function parseYamlFile(file: string, cwd: string): Promise<ParsedYaml | undefined> {
  const text = await readText(file, cwd);
  if (text === undefined) return undefined;
  // Loaded here, not at start-up: most trees have no kustomization or skaffold.yaml, and the
  // `yaml` package is a large part of the CLI's bundle to compile.
  const { parseYamlText } = await import('./parse-yaml-text.js');
  return parseYamlText(text);
}
