// Gateway: runs real `docker-credential-<name> get` executables from PATH. Everything it learns
// goes through interpretHelperRun (credential-helper.ts); this file only spawns, feeds stdin,
// collects output and enforces the time limit. Never rejects.

import { spawn } from 'node:child_process';
import { interpretHelperRun, type CredentialHelper, type HelperOutcome, type HelperRun } from '../../credentials/credential-helper.js';

export interface ProcessCredentialHelperOptions {
  /** Per run; cloud helpers (gcloud, ecr-login) can take a few seconds on a cold start. */
  timeoutMs?: number;
  /** Environment of the helper (PATH decides which executable runs); defaults to this process's. */
  env?: NodeJS.ProcessEnv;
}

// Helpers print a few hundred bytes; more than this is not a credential.
const MAX_OUTPUT_BYTES = 1024 * 1024;

function run(helper: string, serverUrl: string, options: ProcessCredentialHelperOptions, signal?: AbortSignal): Promise<HelperRun> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return new Promise<HelperRun>((resolve) => {
    const stdout: Buffer[] = [];
    let size = 0;
    let failure: HelperRun['failure'];
    let settled = false;
    const child = spawn(`docker-credential-${helper}`, ['get'], {
      env: options.env ?? process.env,
      // stderr is never shown (it may echo anything), so it is not even read.
      stdio: ['pipe', 'pipe', 'ignore'],
      windowsHide: true,
    });
    const stop = (reason: NonNullable<HelperRun['failure']>): void => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMs);
    const onAbort = (): void => stop('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (exitCode: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      const result: HelperRun = {
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        timeoutMs,
      };
      if (failure !== undefined) result.failure = failure;
      resolve(result);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) stop('spawn-failed');
      else stdout.push(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure ??= error.code === 'ENOENT' ? 'not-installed' : 'spawn-failed';
      finish(null);
    });
    child.on('close', (code) => finish(code));
    // A helper may exit without reading stdin; that EPIPE is not our failure.
    child.stdin.on('error', () => {});
    child.stdin.end(serverUrl);
    if (signal?.aborted) onAbort();
  });
}

/** A CredentialHelper that runs the executables (wrap it in sharedCredentialHelper for a run). */
export function processCredentialHelper(options: ProcessCredentialHelperOptions = {}): CredentialHelper {
  return {
    async get(helper: string, serverUrl: string, signal?: AbortSignal): Promise<HelperOutcome> {
      return interpretHelperRun(helper, await run(helper, serverUrl, options, signal));
    },
  };
}
