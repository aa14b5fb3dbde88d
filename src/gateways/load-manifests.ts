// The file gateway of the manifest model: expands the paths a user gave (files, directories, `-`
// for stdin), reads each file once, refuses what is not text, and hands the text to the pure
// parser. One unreadable file becomes a problem of its own; the other files are still read.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { LoadProblem, LoadResult } from '../core/types.js';
import type { LoadLimits } from '../k8s/load-limits.js';
import { parseManifestText } from '../k8s/parse-manifest-text.js';
import { runWithConcurrency } from './registry/run-with-concurrency.js';

export const STDIN_FILE = '<stdin>';

/** Extensions read when a directory is expanded; a file named explicitly is read whatever its name. */
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Directories that hold no manifests of the project and can be huge. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

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

export async function loadManifests(paths: readonly string[], options: LoadManifestsOptions): Promise<LoadResult> {
  const sources = await expandPaths(paths.length === 0 ? ['.'] : paths, options.cwd);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const texts = await runWithConcurrency(sources, 8, (source) => readSource(source, options.stdin, maxBytes));
  const result: LoadResult = { objects: [], problems: [], files: sources.length, skippedDocuments: 0, emptyDocuments: 0 };
  for (let i = 0; i < sources.length; i++) {
    const read = texts[i]!;
    if (typeof read !== 'string') {
      result.problems.push(read);
      continue;
    }
    const parsed = parseManifestText(read, sources[i]!.display, options.limits === undefined ? {} : { limits: options.limits });
    for (const object of parsed.objects) result.objects.push(object);
    for (const problem of parsed.problems) result.problems.push(problem);
    result.skippedDocuments += parsed.skippedDocuments;
    result.emptyDocuments += parsed.emptyDocuments;
  }
  return result;
}

async function expandPaths(paths: readonly string[], cwd: string): Promise<Source[]> {
  const sources: Source[] = [];
  const seen = new Set<string>();
  let stdinSeen = false;
  for (const path of paths) {
    if (path === '-') {
      if (!stdinSeen) sources.push({ display: STDIN_FILE });
      stdinSeen = true;
      continue;
    }
    const absolute = isAbsolute(path) ? path : resolve(cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new UsageError(`${path}: no such file or directory`, {
        hint: 'Pass files or directories of Kubernetes manifests, or - to read stdin.',
      });
    }
    if (info.isDirectory()) {
      await walkDirectory(absolute, trimSlash(path), sources, seen, new Set());
    } else if (!seen.has(absolute)) {
      seen.add(absolute);
      sources.push({ display: path, absolute });
    }
  }
  return sources;
}

async function walkDirectory(absolute: string, display: string, out: Source[], seen: Set<string>, ancestors: Set<string>): Promise<void> {
  // Symlinked directories are followed, but a link back to an ancestor would never end.
  const real = await realpath(absolute).catch(() => absolute);
  if (ancestors.has(real)) return;
  const inner = new Set(ancestors).add(real);
  const entries = await readdir(absolute, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const childAbsolute = join(absolute, entry.name);
    const childDisplay = display === '.' ? entry.name : `${display}/${entry.name}`;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(childAbsolute).catch(() => undefined);
      isDirectory = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDirectory) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await walkDirectory(childAbsolute, childDisplay, out, seen, inner);
    } else if (isFile && MANIFEST_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext)) && !seen.has(childAbsolute)) {
      seen.add(childAbsolute);
      out.push({ display: childDisplay, absolute: childAbsolute });
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
    } else {
      const info = await stat(source.absolute);
      if (info.size > maxBytes) return rejected(source, `file is ${megabytes(info.size)}, larger than the ${megabytes(maxBytes)} limit; not read`);
      bytes = await readFile(source.absolute);
    }
  } catch (error) {
    if (error instanceof TooLarge) return rejected(source, `input is larger than the ${megabytes(maxBytes)} limit; not read`);
    const code = (error as NodeJS.ErrnoException).code;
    return rejected(source, `cannot be read (${code ?? (error as Error).message})`);
  }
  return decodeText(source, bytes);
}

/** Text as YAML allows it: UTF-8 (a BOM is fine), no NUL bytes. */
function decodeText(source: Source, bytes: Buffer): string | LoadProblem {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = positionOfByte(bytes, nul);
    return { ...rejected(source, 'binary file (NUL byte); not a manifest'), line, column };
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return rejected(source, 'not UTF-8 text; manifests must be UTF-8');
  }
}

function positionOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
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

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;
}
