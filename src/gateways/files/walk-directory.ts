// The directory walk of the manifest loader. Each real folder is entered once, however many links
// lead to it (keyed by device and inode, which also catches bind mounts and hard-linked trees):
// checking only for a link back to an ancestor let a chain of folders reached by two links each
// double the work at every level. Kernel file systems (/proc, /sys, /dev, cgroups...) hold no
// manifests and reading their entries can block or never end, so the walk does not enter them, and
// it stops with a usage error past a number of entries rather than crawl a whole disk in silence.
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { realpath, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../shared/errors.js';
import type { LoadProblem } from '../../manifests/model.js';
import { describeFileError } from './describe-file-error.js';

/** More entries than any repository of manifests holds (pullguard's corpus: a few thousand). */
export const DEFAULT_MAX_WALK_ENTRIES = 200_000;

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

/** statfs magic numbers (linux/magic.h) of file systems that show kernel state, not files. */
const KERNEL_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x6165676c, 'pstore'],
  [0xcafe4a11, 'bpf'],
  [0x62656570, 'configfs'],
  [0x19800202, 'mqueue'],
  [0x958458f6, 'hugetlbfs'],
  [0x65735543, 'fusectl'],
  [0x42494e4d, 'binfmt_misc'],
  [0xde5e81e4, 'efivarfs'],
  [0xf97cff8c, 'selinuxfs'],
  [0x6e736673, 'nsfs'],
]);

/** Device folders by convention: /dev is a tmpfs (same magic as any tmpfs) on most systems. */
const KERNEL_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['/proc', 'proc'],
  ['/sys', 'sysfs'],
  ['/dev', 'devices'],
]);

export interface WalkedFile {
  /** The name findings show: joined onto the directory as the user spelled it. */
  display: string;
  absolute: string;
  /**
   * `device:inode`, known for files reached through a link (which the walk stats). A regular file
   * listed in its folder is not statted here: the reader learns its identity from the descriptor
   * it opens anyway (one `fstat` instead of a `stat` more per file), and the same file reached
   * twice (hard links) is then read once all the same.
   */
  identity?: string;
  /** The device of the folder the file was listed in, when the walk did not stat the file. */
  folderDevice?: number;
}

export interface WalkProgress {
  /** Entries looked at so far (files, folders, links), across every path of the run. */
  entries: number;
  /** Manifest files found so far. */
  files: number;
}

/** The state of one run's walks, shared by all the paths the user gave. */
export class DirectoryWalk {
  /** Manifest files found, in walk order (depth-first, names in code-unit order). */
  readonly files: WalkedFile[] = [];
  /** Folders that could not be listed. */
  readonly problems: LoadProblem[] = [];
  /** `device:inode` of every folder entered. */
  private readonly visited = new Set<string>();
  private entries = 0;
  /** The path the user named that the current walk started from, for the limit's message. */
  private root = '.';

  /**
   * @param seenFiles `device:inode` of files already taken through a link or named by the user
   *   (regular files listed in a folder are told apart by the reader, see WalkedFile.identity).
   */
  constructor(
    private readonly seenFiles: Set<string>,
    private readonly maxEntries: number = DEFAULT_MAX_WALK_ENTRIES,
    private readonly onProgress?: (progress: WalkProgress) => void,
  ) {}

  /** Walks a directory the user named (`display` as they spelled it). */
  async walkNamed(absolute: string, display: string): Promise<void> {
    const info = await stat(absolute);
    const kind = await kernelFileSystem(absolute);
    if (kind !== undefined) {
      throw new UsageError(`${display}: a kernel file system (${kind}), not files; not searched for manifests`, {
        hint: 'Pass the files or directories that hold your Kubernetes manifests.',
      });
    }
    this.root = display;
    await this.walk(absolute, display, identityOf(info), info.dev);
  }

  private async walk(absolute: string, display: string, identity: string, device: number): Promise<void> {
    if (this.visited.has(identity)) return;
    this.visited.add(identity);
    let entries: Dirent[];
    try {
      // Listed synchronously: one system call of some microseconds per folder, where an
      // asynchronous call is a round trip through the thread pool (a repository of a few hundred
      // folders spent most of its walk waiting for those; bench/README.md).
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      this.problems.push({ file: display, line: 1, column: 1, code: 'file-unreadable', message: `folder cannot be listed: ${describeFileError(error)}` });
      return;
    }
    this.count(entries.length);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (skippedInWalk(entry.name)) continue;
      const childAbsolute = join(absolute, entry.name);
      const childDisplay = display === '.' ? entry.name : display === '/' ? `/${entry.name}` : `${display}/${entry.name}`;
      const manifestName = MANIFEST_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext));
      // Sockets, FIFOs and devices are passed over: reading a FIFO waits for a writer, a device may never end.
      if (!entry.isDirectory() && !entry.isSymbolicLink() && !(entry.isFile() && manifestName)) continue;
      if (entry.isFile()) {
        this.files.push({ display: childDisplay, absolute: childAbsolute, folderDevice: device });
        continue;
      }
      // A dangling link, a link loop or an entry gone since the listing names no manifest.
      const info = statOrUndefined(childAbsolute);
      if (info === undefined) continue;
      // Links out to kernel state (`x.yaml -> /proc/kmsg`) are passed over like the folders themselves.
      if (info.dev !== device && (await kernelFileSystem(childAbsolute)) !== undefined) continue;
      if (info.isDirectory()) {
        await this.walk(childAbsolute, childDisplay, identityOf(info), info.dev);
      } else if (info.isFile() && manifestName) {
        const fileIdentity = identityOf(info);
        if (this.seenFiles.has(fileIdentity)) continue;
        this.seenFiles.add(fileIdentity);
        this.files.push({ display: childDisplay, absolute: childAbsolute, identity: fileIdentity });
      }
    }
    this.onProgress?.({ entries: this.entries, files: this.files.length });
  }

  private count(entries: number): void {
    this.entries += entries;
    if (this.entries <= this.maxEntries) return;
    throw new UsageError(
      `${this.root}: more than ${this.maxEntries.toLocaleString('en-US')} files and folders to search; stopped (the limit is ${this.maxEntries.toLocaleString('en-US')})`,
      { hint: 'Pass the folders that hold your manifests (e.g. `pullguard lint k8s/ deploy/`) instead of a whole project, home folder or disk.' },
    );
  }
}

/** Synchronous for the reason the listing is (above): a folder of the walk is statted for its identity. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export function identityOf(info: { dev: number; ino: number }): string {
  return `${info.dev}:${info.ino}`;
}

/** The name of the kernel file system `path` is on, or undefined for an ordinary one. */
export async function kernelFileSystem(path: string): Promise<string | undefined> {
  const real = await realpath(path).catch(() => path);
  const byFolder = KERNEL_FOLDERS.get(real);
  if (byFolder !== undefined) return byFolder;
  const info = await statfs(real).catch(() => undefined);
  return info === undefined ? undefined : KERNEL_FILE_SYSTEMS.get(info.type);
}
