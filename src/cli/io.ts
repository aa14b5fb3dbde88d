import { basename } from 'node:path';
import type { SecretRedactor } from '../shared/redactor.js';

/** What the CLI touches of the process, injectable so tests can run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** How usage lines name the program: `kubectl pullguard` when kubectl runs it as a plugin. */
  programName?: string;
}

export function processIo(): CliIo {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    programName: programNameFor(process.argv[1]),
  };
}

/** kubectl finds plugins as `kubectl-NAME` executables on PATH and users type `kubectl NAME`. */
export function programNameFor(scriptPath: string | undefined): string {
  return scriptPath !== undefined && basename(scriptPath).startsWith('kubectl-') ? 'kubectl pullguard' : 'pullguard';
}

/**
 * `pullguard lint . | head` closes the pipe early; that is the reader's choice, not a crash, so the
 * exit code stays the verdict instead of an EPIPE stack trace.
 */
const guarded = new WeakSet<NodeJS.WriteStream>();
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    throw error;
  });
}

/** Pieces of output are gathered to about this size before a write: fewer system calls, bounded memory. */
const WRITE_BATCH_CHARS = 64 * 1024;

/** Writes a formatter's pieces in batches, never holding the whole output. */
export function writeChunks(stream: CliIo['stdout'], chunks: Iterable<string>): void {
  let batch = '';
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= WRITE_BATCH_CHARS) {
      stream.write(batch);
      batch = '';
    }
  }
  if (batch !== '') stream.write(batch);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export interface RedactingIo extends CliIo {
  /** Writes what stdout held back; call once, when the run is over. */
  flush(): void;
}

/**
 * The last gate: every write to stdout and stderr passes the run's redactor. Stderr messages are
 * whole lines and are redacted write by write (the progress line must not wait). Stdout is a
 * stream of pieces, so it holds back the last characters of each write (one fewer than the
 * longest secret form) until the next one: a secret split over two pieces is still found whole.
 */
export function redactingIo(io: CliIo, redactor: SecretRedactor): RedactingIo {
  let heldBack = '';
  const stdout = {
    write(text: string): unknown {
      if (redactor.empty && heldBack === '') return io.stdout.write(text);
      const redacted = redactor.redact(heldBack + text);
      let cut = Math.max(0, redacted.length - Math.max(0, redactor.longestForm - 1));
      // Never between the two halves of a surrogate pair: each half alone would be written as U+FFFD.
      if (cut > 0 && isHighSurrogate(redacted.charCodeAt(cut - 1))) cut--;
      heldBack = redacted.slice(cut);
      const ready = redacted.slice(0, cut);
      return ready === '' ? true : io.stdout.write(ready);
    },
    ...(io.stdout.isTTY === undefined ? {} : { isTTY: io.stdout.isTTY }),
  };
  const stderr = {
    write: (text: string): unknown => io.stderr.write(redactor.redact(text)),
    ...(io.stderr.isTTY === undefined ? {} : { isTTY: io.stderr.isTTY }),
  };
  return {
    ...io,
    stdout,
    stderr,
    flush() {
      if (heldBack === '') return;
      io.stdout.write(redactor.redact(heldBack));
      heldBack = '';
    },
  };
}
