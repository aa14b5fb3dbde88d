// shared/: ground utilities every folder may use (errors, suggestions, severity, concurrency, the
// plain-object test). Imports nothing of pullguard's own.
// The small taxonomy of errors a user can cause. The CLI prints these as one line plus a hint and
// exits 2; anything else is a bug and gets the stack, the version and a request to report it.

export class PullguardError extends Error {
  /** A next step for the user, printed on its own line after the message. */
  readonly hint?: string;

  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options?.hint !== undefined) this.hint = options.hint;
  }
}

/** Bad command line: unknown flag, missing path, unknown target or format. */
export class UsageError extends PullguardError {}

/** Bad `.pullguard.yaml` (or another settings file), with the position of the offending node. */
export class ConfigError extends PullguardError {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;

  constructor(
    message: string,
    location: { file: string; line?: number; column?: number },
    options?: { hint?: string; cause?: unknown },
  ) {
    const where = location.line === undefined ? location.file : `${location.file}:${location.line}:${location.column ?? 1}`;
    super(`${where}: ${message}`, options);
    this.file = location.file;
    if (location.line !== undefined) this.line = location.line;
    if (location.column !== undefined) this.column = location.column;
  }
}

export function isPullguardError(error: unknown): error is PullguardError {
  return error instanceof PullguardError;
}
