// `pullguard render`: manifests rewritten for a target (images, pull policy, pull secrets, the
// target annotation) as edits of their text. Library entry point as well as the CLI's: it returns
// what it rendered, writes only what it was asked to (--in-place, -o DIR), and leaves printing and
// exit codes to the caller. Docs: ../../docs/render.md.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { PullguardConfig } from '../core/config.js';
import { resolveTarget } from '../detect/resolve-target.js';
import { TARGET_IDS } from '../detect/target-profile.js';
import { describeFileError } from '../gateways/files/describe-file-error.js';
import { loadManifests, STDIN_FILE } from '../gateways/files/load-manifests.js';
import { writeFileAtomic } from '../gateways/files/write-file-atomic.js';
import type { ManifestObject } from '../manifests/model.js';
import { parseRenderFlags, type RenderFlags } from '../render/parse-render-flags.js';
import type { RenderOptions } from '../render/render-options.js';
import { renderText, type FileProblem, type RenderedFile } from '../render/render-text.js';
import { renderStream } from '../render/render-stream.js';
import { unifiedDiff } from '../render/unified-diff.js';
import { UsageError } from '../shared/errors.js';
import { loadBuildToolsFor } from './lint.js';

export interface RenderCommandOptions extends RenderFlags {
  /** Files, directories and `-` for stdin. */
  paths: string[];
  /** A target id; overrides `config.target`. */
  target?: string;
  config: PullguardConfig;
  cwd?: string;
  stdin?: NodeJS.ReadableStream;
  /** Write each rendered file under this directory, mirroring the input tree. */
  outputDir?: string;
  /** Replace each changed file with its rendered text (atomically). */
  inPlace?: boolean;
  /** Build a unified diff of each file against its rendered text. */
  diff?: boolean;
}

export type RenderFileResult = RenderedFile & {
  /** Where the rendered file was written (-o DIR, --in-place), when it was. */
  writtenTo?: string;
  /** Why writing it failed (the original is unchanged). */
  writeError?: string;
};

export interface RenderResult {
  target: string;
  files: RenderFileResult[];
  /** The multi-document stream (when neither -o nor --in-place nor --diff was asked). */
  stream?: string;
  /** The unified diff of every changed file (with --diff); '' when nothing changes. */
  diff?: string;
  /** Files that could not be read, rendered or written. */
  failed: number;
}

export async function render(options: RenderCommandOptions): Promise<RenderResult> {
  const targetId = options.target ?? options.config.target;
  if (targetId === undefined) {
    throw new UsageError('render needs a target: the manifests are rewritten for one kind of cluster', {
      hint: `Pass --target (${TARGET_IDS.join(', ')}) or set "target" in .pullguard.yaml.`,
    });
  }
  const renderOptions = parseRenderFlags(resolveTarget(targetId, undefined), options);
  const cwd = options.cwd ?? process.cwd();
  const paths = options.paths.length === 0 ? ['.'] : options.paths;
  checkOutputMode(options, paths);

  const texts = new Map<string, { absolute?: string; text: string }>();
  const load = await loadManifests(paths, {
    cwd,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    // The text the objects were read from, from the same read: render edits it.
    onFileText: (file, text) => texts.set(file.display, file.absolute === undefined ? { text } : { absolute: file.absolute, text }),
  });
  if (load.files === 0) {
    throw new UsageError(`no manifest files (.yaml, .yml, .json) found in ${paths.join(', ')}`, {
      hint: 'Pass the files or directories that hold your Kubernetes manifests, or - to read stdin.',
    });
  }
  const buildTools = await loadBuildToolsFor(load, paths, cwd);
  const objectsByFile = new Map<string, ManifestObject[]>();
  for (const object of load.objects) {
    const list = objectsByFile.get(object.file) ?? [];
    list.push(object);
    objectsByFile.set(object.file, list);
  }
  const problemsByFile = new Map<string, { file: string; problems: FileProblem[] }>();
  for (const problem of load.problems) {
    const entry = problemsByFile.get(problem.file) ?? { file: problem.file, problems: [] };
    entry.problems.push({ line: problem.line, column: problem.column, message: problem.message });
    problemsByFile.set(problem.file, entry);
  }

  const files: RenderFileResult[] = [];
  const destinations = new Set<string>();
  for (const file of load.paths ?? []) {
    const problem = problemsByFile.get(file);
    if (problem !== undefined) {
      files.push(problem);
      problemsByFile.delete(file);
      continue;
    }
    const source = texts.get(file);
    if (source === undefined) continue; // a second name of a file already read
    files.push(renderFile(file, source, objectsByFile.get(file) ?? [], renderOptions, buildTools, paths, cwd, options, destinations));
  }
  // Folders that could not be listed.
  for (const problem of problemsByFile.values()) files.push(problem);

  const result: RenderResult = { target: renderOptions.target.id, files, failed: files.filter((f) => 'problems' in f || f.writeError !== undefined).length };
  const rendered = files.filter((f): f is Extract<RenderFileResult, { text: string }> => 'text' in f);
  if (options.diff === true) {
    result.diff = rendered
      .map((f) => {
        const before = texts.get(f.file)!.text;
        const name = f.file === STDIN_FILE ? 'stdin' : f.file.replace(/^\/+/, '');
        return unifiedDiff(before, f.text, { from: `a/${name}`, to: `b/${name}` });
      })
      .join('');
  } else if (options.inPlace !== true && options.outputDir === undefined) {
    result.stream = renderStream(rendered);
  }
  return result;
}

function checkOutputMode(options: RenderCommandOptions, paths: readonly string[]): void {
  const usesStdin = paths.includes('-');
  if (options.inPlace === true && usesStdin) {
    throw new UsageError('--in-place cannot write back to stdin', { hint: 'Render stdin to stdout (leave out --in-place), or pass the files themselves.' });
  }
  if (options.inPlace === true && options.outputDir !== undefined) {
    throw new UsageError('--in-place and --output-dir both say where to write: choose one');
  }
  if (options.outputDir !== undefined && usesStdin) {
    throw new UsageError('--output-dir needs files to mirror; stdin has no path', { hint: 'Render stdin to stdout, or pass the files themselves.' });
  }
}

function renderFile(
  file: string,
  source: { absolute?: string; text: string },
  objects: readonly ManifestObject[],
  options: RenderOptions,
  buildTools: Awaited<ReturnType<typeof loadBuildToolsFor>>,
  paths: readonly string[],
  cwd: string,
  command: RenderCommandOptions,
  destinations: Set<string>,
): RenderFileResult {
  const rendered: RenderFileResult = renderText(source.text, file, options, buildTools.empty ? undefined : buildTools, objects);
  if ('problems' in rendered || source.absolute === undefined) return rendered;
  let destination: string | undefined;
  if (command.inPlace === true && rendered.changed) destination = source.absolute;
  else if (command.outputDir !== undefined) destination = join(resolve(cwd, command.outputDir), mirroredPath(source.absolute, paths, cwd));
  if (destination === undefined) return rendered;
  if (destinations.has(destination)) {
    rendered.writeError = `not written: another input was already written to ${relative(cwd, destination) || destination} (two inputs with the same path under their directories)`;
    return rendered;
  }
  destinations.add(destination);
  try {
    mkdirSync(dirname(destination), { recursive: true });
    writeFileAtomic(destination, rendered.text);
    rendered.writtenTo = destination;
  } catch (error) {
    rendered.writeError = `cannot write ${relative(cwd, destination) || destination}: ${describeFileError(error)}; ${command.inPlace === true ? 'the file is unchanged' : 'nothing written'}`;
  }
  return rendered;
}

/** A file's path under -o DIR: relative to the directory argument it was found in, or its own name for a file argument. */
function mirroredPath(absolute: string, paths: readonly string[], cwd: string): string {
  for (const path of paths) {
    if (path === '-') continue;
    const root = resolve(cwd, path);
    if (absolute === root) return basename(absolute);
    if (absolute.startsWith(root.endsWith(sep) ? root : root + sep)) return relative(root, absolute);
  }
  return basename(absolute);
}
