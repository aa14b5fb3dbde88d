// What went wrong with a file or folder, in words: "permission denied", not "EACCES".
const IN_WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'it no longer exists',
  ENOTDIR: 'a part of its path is not a folder',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'its path is too long',
  EIO: 'input/output error',
  EISDIR: 'it is a folder',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EBUSY: 'it is busy',
  ENXIO: 'no such device or address',
  ENODEV: 'no such device',
  EAGAIN: 'it is not ready to be read',
  ETIMEDOUT: 'the read timed out',
  ESTALE: 'stale network file handle',
};

export function describeFileError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code !== undefined && IN_WORDS[code] !== undefined) return IN_WORDS[code];
  // libuv messages read "ECODE: description, syscall 'path'": keep the description, not the path.
  const description = /^[A-Z0-9_]+: ([^,]+)/.exec(String(message))?.[1];
  if (description !== undefined) return description;
  return code === undefined ? String(message) : `system error ${code}`;
}
