// Replaces a file's content all at once: the new text goes to a temporary file in the same
// directory (same file system, so rename is atomic), is flushed to disk, and is renamed over the
// original. A reader sees the old file or the new one, never half of one; a failed write leaves
// the original as it was and removes the temporary file. The original's permissions are kept.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `path` atomically; a new file gets mode 0644, an existing one keeps its mode.
 * A symbolic link stays a link: the file it points at is the one replaced.
 */
export function writeFileAtomic(target: string, text: string): void {
  const path = existingTarget(target);
  const mode = existingMode(path) ?? 0o644;
  const temporary = join(dirname(path), `.${basename(path)}.pullguard-${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  let renamed = false;
  try {
    try {
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temporary, mode);
    renameSync(temporary, path);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        unlinkSync(temporary);
      } catch {
        // Already gone: nothing to clean up.
      }
    }
  }
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function existingTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw error;
  }
}
