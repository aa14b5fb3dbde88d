import { basename } from 'node:path';

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
