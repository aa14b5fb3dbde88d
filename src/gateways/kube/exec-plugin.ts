// Running client-go credential plugins (user.exec) as kubectl does, without its costs: one run per
// credential shared by every request in flight, cached until its expirationTimestamp (or for the
// life of the process when it has none), re-run once after a 401. The plugin gets
// KUBERNETES_EXEC_INFO and the kubeconfig's env on top of ours. Its output is a credential: every
// value is registered with the run's redactor before anything else sees it, and nothing of stdout
// ever reaches a message.
import { spawn } from 'node:child_process';
import {
  execCredentialInfo,
  execInteractivity,
  parseExecCredential,
  type ExecCredential,
  type KubeconfigCluster,
  type KubeconfigExec,
} from '../../k8s/kubeconfig/index.js';
import { PullguardError } from '../../shared/errors.js';
import { registerSecret } from '../../shared/run-secrets.js';

export interface ExecPluginOptions {
  /** The environment the plugin inherits (the process's, or a test's). */
  env: Readonly<Record<string, string | undefined>>;
  stdinIsTerminal: boolean;
  /** For a plugin that may not talk to the user; interactive runs wait as long as the user takes. */
  timeoutMs?: number;
}

/** A credential plugin that failed: one line, and the plugin's install hint when it is not installed. */
export class ExecPluginError extends PullguardError {}

interface CacheEntry {
  pending?: Promise<ExecCredential>;
  credential?: ExecCredential;
}

// Process-wide, as client-go's cache: two readers of the same context share one plugin run.
const cache = new Map<string, CacheEntry>();
/** Refresh a little before the plugin's own expiry, so a request never carries a token that expires in flight. */
const EXPIRY_MARGIN_MS = 10_000;

export function execCacheKey(exec: KubeconfigExec, cluster: KubeconfigCluster & { server: string }): string {
  return JSON.stringify([exec.command, exec.args, exec.env, exec.apiVersion, exec.provideClusterInfo ? cluster : null]);
}

/** The plugin's current credential: cached, shared while a run is in flight, re-run when expired or after `invalidate`. */
export function execCredential(
  userName: string,
  exec: KubeconfigExec,
  cluster: KubeconfigCluster & { server: string },
  options: ExecPluginOptions,
  now: () => number = Date.now,
): Promise<ExecCredential> {
  const key = execCacheKey(exec, cluster);
  let entry = cache.get(key);
  if (entry === undefined) {
    entry = {};
    cache.set(key, entry);
  }
  const current = entry.credential;
  if (current !== undefined && (current.expiresAt === undefined || current.expiresAt - EXPIRY_MARGIN_MS > now())) return Promise.resolve(current);
  if (entry.pending !== undefined) return entry.pending;
  const settled = entry;
  const pending = runExecPlugin(userName, exec, cluster, options).then(
    (credential) => {
      settled.credential = credential;
      settled.pending = undefined;
      return credential;
    },
    (error: unknown) => {
      settled.pending = undefined;
      throw error;
    },
  );
  entry.pending = pending;
  return pending;
}

/** After a 401: the next request runs the plugin again (client-go does the same once per 401). */
export function invalidateExecCredential(exec: KubeconfigExec, cluster: KubeconfigCluster & { server: string }, used: ExecCredential): void {
  const entry = cache.get(execCacheKey(exec, cluster));
  if (entry?.credential === used) entry.credential = undefined;
}

async function runExecPlugin(
  userName: string,
  exec: KubeconfigExec,
  cluster: KubeconfigCluster & { server: string },
  options: ExecPluginOptions,
): Promise<ExecCredential> {
  const interactivity = execInteractivity(exec, options.stdinIsTerminal);
  if ('error' in interactivity) throw new ExecPluginError(`getting credentials for user "${userName}": ${interactivity.error}`);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.env)) if (value !== undefined) env[name] = value;
  for (const variable of exec.env) env[variable.name] = variable.value;
  env.KUBERNETES_EXEC_INFO = JSON.stringify(execCredentialInfo(exec, cluster, interactivity.interactive));

  const { stdout, stderr, exit } = await run(exec.command, exec.args, env, interactivity.interactive, interactivity.interactive ? undefined : (options.timeoutMs ?? 60_000));
  const where = `getting credentials for user "${userName}": exec: executable ${exec.command}`;
  if (exit.kind === 'not-found') {
    throw new ExecPluginError(`${where} not found`, {
      hint: exec.installHint ?? 'It looks like you are trying to use a client-go credential plugin that is not installed.',
    });
  }
  if (exit.kind === 'spawn-error') throw new ExecPluginError(`${where} could not run (${exit.code})`);
  if (exit.kind === 'timeout') throw new ExecPluginError(`${where} did not finish within ${Math.round(exit.afterMs / 1000)} s`);
  if (exit.kind === 'failed') {
    const lastLine = stderr.trim().split('\n').pop()?.trim();
    throw new ExecPluginError(`${where} failed with ${exit.signal === undefined ? `exit code ${exit.code}` : `signal ${exit.signal}`}`, {
      ...(lastLine === undefined || lastLine === '' ? {} : { hint: `The plugin said: ${lastLine}` }),
    });
  }
  const credential = parseExecCredential(stdout, exec.apiVersion);
  if ('error' in credential) throw new ExecPluginError(`${where}: ${credential.error}`);
  registerSecret(credential.token);
  registerSecret(credential.clientKeyData);
  return credential;
}

type Exit =
  | { kind: 'ok' }
  | { kind: 'failed'; code: number | null; signal?: string }
  | { kind: 'not-found' }
  | { kind: 'spawn-error'; code: string }
  | { kind: 'timeout'; afterMs: number };

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
  interactive: boolean,
  timeoutMs: number | undefined,
): Promise<{ stdout: string; stderr: string; exit: Exit }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: [interactive ? 'inherit' : 'ignore', 'pipe', interactive ? 'inherit' : 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (exit: Exit): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      resolve({ stdout, stderr, exit });
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
      child.kill('SIGKILL');
      finish({ kind: 'timeout', afterMs: timeoutMs });
    }, timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4096)));
    child.on('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ENOENT' ? { kind: 'not-found' } : { kind: 'spawn-error', code: error.code ?? 'error' }));
    child.on('close', (code, signal) => finish(code === 0 ? { kind: 'ok' } : { kind: 'failed', code, ...(signal === null ? {} : { signal }) }));
  });
}
