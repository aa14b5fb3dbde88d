// The file gateway of the manifest model: expands the paths a user gave (files, directories, `-`
// for stdin), reads each file once, refuses what is not text, and hands the text to the pure
// parser. One unreadable file becomes a problem of its own; the other files are still read.
import { constants, createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../../shared/errors.js';
import type { LoadProblem, LoadResult } from '../../manifests/model.js';
import { decodeManifestBytes } from '../../manifests/decode-manifest-bytes.js';
import type { LoadLimits } from '../../manifests/load-limits.js';
import { lazyManifestReader } from '../../manifests/read-manifest-text.js';
import { runWithConcurrency } from '../../shared/run-with-concurrency.js';
import { describeFileError } from './describe-file-error.js';
import { DirectoryWalk, identityOf, type WalkProgress } from './walk-directory.js';

export const STDIN_FILE = '<stdin>';

/** Larger than any manifest bundle seen (the corpus' largest file is a few MB of CRDs). */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface LoadManifestsOptions {
  cwd: string;
  stdin?: NodeJS.ReadableStream;
  limits?: Partial<LoadLimits>;
  maxFileBytes?: number;
  /** Entries a directory walk may look at before it stops (DEFAULT_MAX_WALK_ENTRIES). */
  maxWalkEntries?: number;
  /** Called after each folder a walk lists, for a progress line. */
  onWalkProgress?: (progress: WalkProgress) => void;
}

interface Source {
  /** The name findings show: as the user gave it, or joined onto the directory they gave. */
  display: string;
  /** Absolute path, or undefined for stdin. */
  absolute?: string;
  /** Named by the user rather than found in a walk: a pipe or device is then read too. */
  named?: boolean;
}

interface Expanded {
  sources: Source[];
  /** Directories found in a walk that could not be listed. */
  problems: LoadProblem[];
}

export async function loadManifests(paths: readonly string[], options: LoadManifestsOptions): Promise<LoadResult> {
  const { sources, problems } = await expandPaths(paths.length === 0 ? ['.'] : paths, options);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const texts = await runWithConcurrency(sources, 8, (source) => readSource(source, options.stdin, maxBytes));
  const result: LoadResult = { objects: [], problems, files: sources.length, skippedDocuments: 0, emptyDocuments: 0, paths: sources.map((s) => s.display) };
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

async function expandPaths(paths: readonly string[], options: LoadManifestsOptions): Promise<Expanded> {
  const sources: Source[] = [];
  // Device and inode: a file reached twice (named twice, or through a link) is read once.
  const seen = new Set<string>();
  const walk = new DirectoryWalk(seen, options.maxWalkEntries, options.onWalkProgress);
  let stdinSeen = false;
  for (const path of paths) {
    if (path === '-') {
      if (!stdinSeen) sources.push({ display: STDIN_FILE });
      stdinSeen = true;
      continue;
    }
    const absolute = isAbsolute(path) ? path : resolve(options.cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw new UsageError(`${path}: ${statFailure(error)}`, {
        hint: 'Pass files or directories of Kubernetes manifests, or - to read stdin.',
      });
    }
    if (info.isDirectory()) {
      const before = walk.files.length;
      await walk.walkNamed(absolute, trimSlash(path));
      for (const file of walk.files.slice(before)) sources.push({ display: file.display, absolute: file.absolute });
    } else if (!seen.has(identityOf(info))) {
      seen.add(identityOf(info));
      sources.push({ display: path, absolute, named: true });
    }
  }
  return { sources, problems: walk.problems };
}

function statFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or directory';
  return describeFileError(error);
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
      const read = await readFileAt({ ...source, absolute: source.absolute }, maxBytes);
      if (!Buffer.isBuffer(read)) return read;
      bytes = read;
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof TooLarge) return unreadable(source, `${source.absolute === undefined ? 'standard input' : 'input'} is larger than the limit of ${byteSize(maxBytes)}; not read`);
    return unreadable(source, `cannot be read: ${describeFileError(error)}`);
  }
  const decoded = decodeManifestBytes(bytes);
  if ('text' in decoded) return decoded.text;
  const { line, column, message } = decoded.rejected;
  return { ...rejected(source, message), line, column };
}

/**
 * Opened without blocking and checked on the open descriptor: a file a walk found may have become
 * a FIFO since (whose open would wait for a writer), and the size checked is the size of what is read.
 */
async function readFileAt(source: Source & { absolute: string }, maxBytes: number): Promise<Buffer | LoadProblem> {
  // A pipe or device named explicitly (`<(helm template .)`) is read to its end, up to the limit:
  // its size is unknown until then. Not opened here first: closing it again would cut off its writer.
  if (source.named === true && !(await stat(source.absolute)).isFile()) return readStream(createReadStream(source.absolute), maxBytes);
  const handle = await open(source.absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return unreadable(source, 'is no longer a regular file; not read');
    if (info.size > maxBytes) return unreadable(source, `file is larger than the limit of ${byteSize(maxBytes)} (it is ${byteSize(info.size)}); not read`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function rejected(source: Source, message: string): LoadProblem {
  return { file: source.display, line: 1, column: 1, code: 'input-rejected', message };
}

function unreadable(source: Source, message: string): LoadProblem {
  return { file: source.display, line: 1, column: 1, code: 'file-unreadable', message };
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
  if (bytes < 1024 * 1024) return `${trimZero(bytes / 1024)} KiB`;
  return `${trimZero(bytes / (1024 * 1024))} MiB`;
}

function trimZero(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
