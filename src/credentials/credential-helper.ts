// The docker credential-helper protocol (docker/docker-credential-helpers client/client.go @ 8ffd3bd,
// credentials/error.go @ b69480e): `docker-credential-<name> get`, the server URL on stdin, JSON
// `{"ServerURL","Username","Secret"}` on stdout. A non-zero exit with stdout exactly
// "credentials not found in native keychain" means "no credentials", not a failure. The pure code
// owns this interface; credential-helper-process.ts runs the real executables.

export type HelperOutcome =
  | { kind: 'found'; username: string; secret: string }
  | { kind: 'not-found' }
  /** `message` is one line and never contains a credential. */
  | { kind: 'failed'; message: string };

export interface CredentialHelper {
  get(helper: string, serverUrl: string, signal?: AbortSignal): Promise<HelperOutcome>;
}

/** What running the executable produced, before interpretation. */
export interface HelperRun {
  exitCode: number | null;
  stdout: string;
  /** Set when the process could not run to completion. */
  failure?: 'not-installed' | 'timeout' | 'aborted' | 'spawn-failed';
  timeoutMs?: number;
}

export const NOT_FOUND_MESSAGE = 'credentials not found in native keychain';

/** Helper names are executable suffixes; a path separator would run an arbitrary file. */
export function isHelperName(name: string): boolean {
  return name !== '' && !/[/\\\0]/.test(name);
}

/** One line of helper output, short, with anything token-like masked (a helper may echo one). */
function safeLine(output: string): string {
  const line = output.trim().split(/\r?\n/)[0] ?? '';
  if (line.startsWith('{') || line.startsWith('[')) return '(JSON output withheld)';
  const masked = line.replace(/[A-Za-z0-9+/=_.-]{32,}/g, '…');
  return masked.length > 200 ? `${masked.slice(0, 200)}…` : masked;
}

function field(object: Record<string, unknown>, name: string): unknown {
  // Go's decoder matches the untagged struct fields case-insensitively.
  const key = Object.keys(object).filter((k) => k.toLowerCase() === name.toLowerCase()).pop();
  return key === undefined ? undefined : object[key];
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

export function interpretHelperRun(helper: string, run: HelperRun): HelperOutcome {
  const program = `docker-credential-${helper}`;
  switch (run.failure) {
    case 'not-installed':
      return { kind: 'failed', message: `${program} is not installed (not found on PATH)` };
    case 'timeout':
      return { kind: 'failed', message: `${program} get did not answer within ${formatDuration(run.timeoutMs ?? 0)}` };
    case 'aborted':
      return { kind: 'failed', message: `${program} get was cancelled` };
    case 'spawn-failed':
      return { kind: 'failed', message: `${program} could not be started` };
    case undefined:
      break;
  }
  if (run.exitCode !== 0) {
    const out = run.stdout.trim();
    if (out === NOT_FOUND_MESSAGE) return { kind: 'not-found' };
    // Only stdout, as docker shows it: stderr is free-form and may echo anything, credentials included.
    const said = out === '' ? 'no message on stdout' : safeLine(out);
    return { kind: 'failed', message: `${program} get failed (exit ${run.exitCode ?? 'signal'}): ${said}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(run.stdout);
  } catch {
    return { kind: 'failed', message: `${program} get printed something that is not JSON` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'failed', message: `${program} get printed JSON that is not an object` };
  }
  const username = field(parsed as Record<string, unknown>, 'Username');
  const secret = field(parsed as Record<string, unknown>, 'Secret');
  if ((username !== undefined && username !== null && typeof username !== 'string') || (secret !== undefined && secret !== null && typeof secret !== 'string')) {
    return { kind: 'failed', message: `${program} get printed Username/Secret that are not strings` };
  }
  return { kind: 'found', username: typeof username === 'string' ? username : '', secret: typeof secret === 'string' ? secret : '' };
}

/**
 * Runs each helper at most once per server URL for the lifetime of the returned object, sharing the
 * answer (and an in-flight run) between callers: a helper such as gcloud takes seconds and may
 * prompt a keychain. A caller's signal only stops that caller's wait.
 */
export function sharedCredentialHelper(inner: CredentialHelper): CredentialHelper {
  const runs = new Map<string, Promise<HelperOutcome>>();
  return {
    get(helper, serverUrl, signal) {
      const key = `${helper}\u0000${serverUrl}`;
      let run = runs.get(key);
      if (run === undefined) {
        run = inner.get(helper, serverUrl);
        runs.set(key, run);
      }
      if (signal === undefined) return run;
      if (signal.aborted) return Promise.resolve({ kind: 'failed', message: `docker-credential-${helper} get was cancelled` });
      return new Promise<HelperOutcome>((resolve) => {
        const onAbort = (): void => resolve({ kind: 'failed', message: `docker-credential-${helper} get was cancelled` });
        signal.addEventListener('abort', onAbort, { once: true });
        void run.then((outcome) => {
          signal.removeEventListener('abort', onAbort);
          resolve(outcome);
        });
      });
    },
  };
}
