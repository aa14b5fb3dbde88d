// The file gateway of the manifest model: expands the paths a user gave (files, directories, `-`
// for stdin), reads each file once, refuses what is not text, and hands the text to the pure
// parser. One unreadable file becomes a problem of its own; the other files are still read.
import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../../shared/errors.js';
import type { LoadProblem, LoadResult } from '../../manifests/model.js';
import { decodeManifestBytes } from '../../manifests/decode-manifest-bytes.js';
import type { LoadLimits } from '../../manifests/load-limits.js';
import { lazyManifestReader } from '../../manifests/read-manifest-text.js';
import { runWithConcurrency } from '../../shared/run-with-concurrency.js';

export const STDIN_FILE = '<stdin>';

/** Extensions read when a directory is expanded; a file named explicitly is read whatever its name. */
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Skipped when a directory is expanded (a directory named explicitly is always read): package
 * trees hold no manifests of the project and can be huge, and hidden entries are tool settings
 * (`.pullguard.yaml`, `.github/`, `.git/`, `.vscode/`), not manifests.
 */
function skippedInWalk(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Larger than any manifest bundle seen (the corpus' largest file is a few MB of CRDs). */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface LoadManifestsOptions {
  cwd: string;
  stdin?: NodeJS.ReadableStream;
  limits?: Partial<LoadLimits>;
  maxFileBytes?: number;
}

interface Source {
  /** The name findings show: as the user gave it, or joined onto the directory they gave. */
  display: string;
  /** Absolute path, or undefined for stdin. */
  absolute?: string;
}

interface Expanded {
  sources: Source[];
  /** Directories found in a walk that could not be listed. */
  problems: LoadProblem[];
}

export async function loadManifests(paths: readonly string[], options: LoadManifestsOptions): Promise<LoadResult> {
  const { sources, problems } = await expandPaths(paths.length === 0 ? ['.'] : paths, options.cwd);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const texts = await runWithConcurrency(sources, 8, (source) => readSource(source, options.stdin, maxBytes));
  const result: LoadResult = { objects: [], problems, files: sources.length, skippedDocuments: 0, emptyDocuments: 0 };
  const parseOptions = options.limits === undefined ? {} : { limits: options.limits };
  // Most manifests are read by the line reader alone; the YAML libraries load on first need.
  const parse = lazyManifestReader(async () => (await import('../../manifests/readers/full-yaml-readers.js')).FULL_YAML_READERS);
  for (let i = 0; i < sources.length; i++) {
    const read = texts[i]!;
    if (typeof read !== 'string') {
      result.problems.push(read);
      continue;
    }
    const parsed = await parse(read, sources[i]!.display, parseOptions);
    for (const object of parsed.objects) result.objects.push(object);
    for (const problem of parsed.problems) result.problems.push(problem);
    result.skippedDocuments += parsed.skippedDocuments;
    result.emptyDocuments += parsed.emptyDocuments;
  }
  return result;
}

async function expandPaths(paths: readonly string[], cwd: string): Promise<Expanded> {
  const expanded: Expanded = { sources: [], problems: [] };
  // Real paths: a file reached twice (named twice, or through a symlink) is read once.
  const seen = new Set<string>();
  let stdinSeen = false;
  for (const path of paths) {
    if (path === '-') {
      if (!stdinSeen) expanded.sources.push({ display: STDIN_FILE });
      stdinSeen = true;
      continue;
    }
    const absolute = isAbsolute(path) ? path : resolve(cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw new UsageError(`${path}: ${statFailure(error)}`, {
        hint: 'Pass files or directories of Kubernetes manifests, or - to read stdin.',
      });
    }
    if (info.isDirectory()) {
      await walkDirectory(absolute, trimSlash(path), expanded, seen, new Set());
    } else {
      addFile(expanded, seen, path, absolute, await realpath(absolute).catch(() => absolute));
    }
  }
  return expanded;
}

function statFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return `cannot be read (${code ?? (error as Error).message})`;
}

function addFile(expanded: Expanded, seen: Set<string>, display: string, absolute: string, real: string): void {
  if (seen.has(real)) return;
  seen.add(real);
  expanded.sources.push({ display, absolute });
}

async function walkDirectory(absolute: string, display: string, out: Expanded, seen: Set<string>, ancestors: Set<string>): Promise<void> {
  // Symlinked directories are followed, but a link back to an ancestor would never end.
  const real = await realpath(absolute).catch(() => absolute);
  if (ancestors.has(real)) return;
  const inner = new Set(ancestors).add(real);
  let entries;
  try {
    entries = await readdir(absolute, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    out.problems.push({ file: display, line: 1, column: 1, code: 'input-rejected', message: `directory cannot be read (${code ?? (error as Error).message})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (skippedInWalk(entry.name)) continue;
    const childAbsolute = join(absolute, entry.name);
    const childDisplay = display === '.' ? entry.name : display === '/' ? `/${entry.name}` : `${display}/${entry.name}`;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // A dangling link or a link loop names no manifest; it is passed over like any other non-file.
      const target = await stat(childAbsolute).catch(() => undefined);
      isDirectory = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDirectory) {
      await walkDirectory(childAbsolute, childDisplay, out, seen, inner);
    } else if (isFile && MANIFEST_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      const childReal = entry.isSymbolicLink() ? await realpath(childAbsolute).catch(() => childAbsolute) : join(real, entry.name);
      addFile(out, seen, childDisplay, childAbsolute, childReal);
    }
  }
}

function trimSlash(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

async function readSource(source: Source, stdin: NodeJS.ReadableStream | undefined, maxBytes: number): Promise<string | LoadProblem> {
  let bytes: Buffer;
  try {
    if (source.absolute === undefined) {
      bytes = await readStream(stdin ?? process.stdin, maxBytes);
      // `helm template . | pullguard lint -` gets nothing when helm fails: "no problems" would be a lie.
      if (bytes.toString('utf8').trim() === '') {
        throw new UsageError('stdin is empty: nothing to check', {
          hint: 'Did the command before the pipe fail? Run it on its own to see its error.',
        });
      }
    } else {
      const info = await stat(source.absolute);
      if (!info.isFile()) {
        // A pipe or device named explicitly (`<(helm template .)`): its size is unknown until read.
        bytes = await readStream(createReadStream(source.absolute), maxBytes);
      } else {
        if (info.size > maxBytes) return rejected(source, `file is ${byteSize(info.size)}, over the limit of ${byteSize(maxBytes)}; not read`);
        bytes = await readFile(source.absolute);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof TooLarge) return rejected(source, `input is over the limit of ${byteSize(maxBytes)}; not read`);
    const code = (error as NodeJS.ErrnoException).code;
    return rejected(source, `cannot be read (${code ?? (error as Error).message})`);
  }
  const decoded = decodeManifestBytes(bytes);
  if ('text' in decoded) return decoded.text;
  const { line, column, message } = decoded.rejected;
  return { ...rejected(source, message), line, column };
}

function rejected(source: Source, message: string): LoadProblem {
  return { file: source.display, line: 1, column: 1, code: 'input-rejected', message };
}

class TooLarge extends Error {}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw new TooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
