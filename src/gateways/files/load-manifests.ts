// The file gateway of the manifest model: expands the paths a user gave (files, directories, `-`
// for stdin), reads each file once, refuses what is not text, and hands the text to the pure
// parser. One unreadable file becomes a problem of its own; the other files are still read.
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from '../../shared/errors.js';
import type { LoadProblem, LoadResult } from '../../manifests/model.js';
import { decodeManifestBytes } from '../../manifests/decode-manifest-bytes.js';
import type { LoadLimits } from '../../manifests/load-limits.js';
import { lazyManifestReader, type ParseManifestOptions } from '../../manifests/read-manifest-text.js';
import { ScalarCache } from '../../manifests/readers/line-reader.js';
import { describeFileError } from './describe-file-error.js';
import { DirectoryWalk, identityOf, kernelFileSystem, type WalkProgress } from './walk-directory.js';

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
  /** Called with each file's text before it is parsed (render edits that text). */
  onFileText?: (file: { display: string; absolute?: string }, text: string) => void;
}

interface Source {
  /** The name findings show: as the user gave it, or joined onto the directory they gave. */
  display: string;
  /** Absolute path, or undefined for stdin. */
  absolute?: string;
  /** Named by the user and not a regular file when statted: a pipe or device, read as a stream. */
  stream?: boolean;
  /** `device:inode` when known before reading (named files, files reached through links). */
  identity?: string;
  /** Listed in a folder and not statted by the walk: WalkedFile.folderDevice. */
  folderDevice?: number;
}

interface Expanded {
  sources: Source[];
  /** Directories found in a walk that could not be listed. */
  problems: LoadProblem[];
}

/** What reading one source gave; `identity` tells a file read twice (hard links) apart. */
type SourceRead = { text: string; identity?: string } | { problem: LoadProblem; identity?: string } | { passedOver: true };

/**
 * Files read ahead of the parser. Reading is waiting (one thread-pool round trip per system call)
 * and parsing is CPU: reading the next files while this one is parsed keeps both busy, and parsing
 * in the order of the sources keeps the output in order.
 */
const READ_AHEAD = 8;

export async function loadManifests(paths: readonly string[], options: LoadManifestsOptions): Promise<LoadResult> {
  const { sources, problems } = await expandPaths(paths.length === 0 ? ['.'] : paths, options);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const readAt = readAhead(sources, READ_AHEAD, (source) => readSource(source, options.stdin, maxBytes));
  const result: LoadResult = { objects: [], problems, files: 0, skippedDocuments: 0, emptyDocuments: 0, paths: sources.map((s) => s.display) };
  const parseOptions: ParseManifestOptions = { scalars: new ScalarCache(), ...(options.limits === undefined ? {} : { limits: options.limits }) };
  // Most manifests are read by the line reader alone; the YAML libraries load on first need.
  const parse = lazyManifestReader({
    events: async () => (await import('../../manifests/readers/event-reader.js')).readWithEventReader,
    exact: async () => (await import('../../manifests/readers/exact-reader.js')).readWithExactReader,
  });
  // Device and inode of every file taken: the first of two names of one file (hard links) wins.
  const taken = new Set<string>();
  for (let i = 0; i < sources.length; i++) {
    const read = await readAt(i);
    if ('passedOver' in read) continue;
    if (read.identity !== undefined) {
      if (taken.has(read.identity)) continue;
      taken.add(read.identity);
    }
    result.files++;
    if ('problem' in read) {
      result.problems.push(read.problem);
      continue;
    }
    if (options.onFileText !== undefined) {
      const { display, absolute } = sources[i]!;
      options.onFileText(absolute === undefined ? { display } : { display, absolute }, read.text);
    }
    const parsed = await parse(read.text, sources[i]!.display, parseOptions);
    for (const object of parsed.objects) result.objects.push(object);
    for (const problem of parsed.problems) result.problems.push(problem);
    result.skippedDocuments += parsed.skippedDocuments;
    result.emptyDocuments += parsed.emptyDocuments;
  }
  return result;
}

/** `readAt(i)`: the read of `items[i]`, with reads of the next `ahead` items started meanwhile. */
function readAhead<T, R>(items: readonly T[], ahead: number, read: (item: T) => Promise<R>): (index: number) => Promise<R> {
  const started: (Promise<R> | undefined)[] = [];
  return (index) => {
    const until = Math.min(items.length, index + 1 + ahead);
    while (started.length < until) {
      const promise = read(items[started.length]!);
      // Awaited in turn below; a rejection before its turn must not count as unhandled.
      promise.catch(() => undefined);
      started.push(promise);
    }
    const promise = started[index]!;
    started[index] = undefined;
    return promise;
  };
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
      for (const file of walk.files.slice(before)) {
        sources.push({
          display: file.display,
          absolute: file.absolute,
          ...(file.identity === undefined ? {} : { identity: file.identity }),
          ...(file.folderDevice === undefined ? {} : { folderDevice: file.folderDevice }),
        });
      }
    } else if (!seen.has(identityOf(info))) {
      seen.add(identityOf(info));
      sources.push({ display: path, absolute, stream: !info.isFile(), identity: identityOf(info) });
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

async function readSource(source: Source, stdin: NodeJS.ReadableStream | undefined, maxBytes: number): Promise<SourceRead> {
  let bytes: Buffer;
  let identity = source.identity;
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
      if (!('bytes' in read)) return read;
      bytes = read.bytes;
      identity = read.identity;
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const problem =
      error instanceof TooLarge
        ? unreadable(source, `${source.absolute === undefined ? 'standard input' : 'input'} is larger than the limit of ${byteSize(maxBytes)}; not read`)
        : unreadable(source, `cannot be read: ${describeFileError(error)}`);
    return withIdentity({ problem }, identity);
  }
  const decoded = decodeManifestBytes(bytes);
  if ('text' in decoded) return withIdentity({ text: decoded.text }, identity);
  const { line, column, message } = decoded.rejected;
  return withIdentity({ problem: { ...rejected(source, message), line, column } }, identity);
}

function withIdentity<T extends object>(read: T, identity: string | undefined): T & { identity?: string } {
  return identity === undefined ? read : { ...read, identity };
}

/**
 * Opened without blocking and checked on the open descriptor: a file a walk found may have become
 * a FIFO since (whose open would wait for a writer), and the size checked is the size of what is
 * read. The descriptor's fstat also gives the identity of a file the walk did not stat.
 *
 * Read synchronously: four system calls of some microseconds each for a manifest file, where each
 * asynchronous call is a round trip through the thread pool that waits for a free core on a busy
 * machine (measured in bench/README.md). Pipes and devices, whose reads can wait, stay asynchronous.
 */
async function readFileAt(
  source: Source & { absolute: string },
  maxBytes: number,
): Promise<{ bytes: Buffer; identity: string } | { problem: LoadProblem; identity: string } | { passedOver: true }> {
  // A pipe or device named explicitly (`<(helm template .)`) is read to its end, up to the limit:
  // its size is unknown until then. Not opened here first: closing it again would cut off its writer.
  if (source.stream === true) return { bytes: await readStream(createReadStream(source.absolute), maxBytes), identity: source.identity! };
  const listed = source.folderDevice !== undefined;
  let fd: number;
  try {
    fd = openSync(source.absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    // Gone since its folder was listed: the walk would not have found it.
    if (listed && (error as NodeJS.ErrnoException).code === 'ENOENT') return { passedOver: true };
    throw error;
  }
  try {
    const info = fstatSync(fd);
    const identity = identityOf(info);
    if (!info.isFile()) {
      return listed ? { passedOver: true } : { problem: unreadable(source, 'is no longer a regular file; not read'), identity };
    }
    // A file mounted over its name from kernel state is passed over, as the walk passes over links to one.
    if (listed && info.dev !== source.folderDevice && (await kernelFileSystem(source.absolute)) !== undefined) return { passedOver: true };
    if (info.size > maxBytes) {
      return { problem: unreadable(source, `file is larger than the limit of ${byteSize(maxBytes)} (it is ${byteSize(info.size)}); not read`), identity };
    }
    return { bytes: readToEnd(fd, info.size, maxBytes), identity };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads `size` bytes, then on to the end when the file said it was empty: files of some file
 * systems (procfs, FUSE) do and are not. One read for an ordinary file.
 */
function readToEnd(fd: number, size: number, maxBytes: number): Buffer {
  if (size > 0) {
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, buffer, filled, size - filled, filled);
      if (read === 0) return buffer.subarray(0, filled);
      filled += read;
    }
    return buffer;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) return Buffer.concat(chunks, total);
    total += read;
    if (total > maxBytes) throw new TooLarge();
    chunks.push(chunk.subarray(0, read));
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
