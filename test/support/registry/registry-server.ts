// Debian's docker-registry (distribution 2.8) started by the suite: a fresh config in a temp dir,
// `127.0.0.1:0`, the real port read from the "listening on" log line, stderr drained and parsed
// into a request log (method, URI, status) so tests can count what the client sent
// (docs/registry-testing.md §1).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { cleanUpOnExit } from '../control-plane/exit-cleanup.js';
import { startWatchdog } from '../control-plane/watchdog.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

export type RegistryAuth =
  | { kind: 'none' }
  | { kind: 'htpasswd'; users: Readonly<Record<string, string>> }
  | { kind: 'token'; realm: string; service: string; issuer: string; rootCertBundle: string };

export interface RegistryOptions {
  auth?: RegistryAuth;
  tls?: { certFile: string; keyFile: string };
}

export interface LoggedRequest {
  method: string;
  uri: string;
  status: number;
}

export interface RunningRegistry {
  port: number;
  /** PID of the docker-registry process. */
  pid: number;
  /** Its scratch directory (config, storage), removed on stop. */
  dir: string;
  /** `127.0.0.1:<port>`, what image references name. */
  host: string;
  /** `http://127.0.0.1:<port>` or `https://...`. */
  url: string;
  /** Requests the registry has logged so far (it logs a line when each response completes). */
  requests(): LoggedRequest[];
  /** Waits until at least `count` requests are logged (log lines trail responses slightly). */
  waitForRequests(count: number, timeoutMs?: number): Promise<LoggedRequest[]>;
  stop(): Promise<void>;
}

const LISTENING = /listening on 127\.0\.0\.1:(\d+)/;
const FIELD = (name: string): RegExp => new RegExp(`${name.replace(/\./g, '\\.')}=("(?:[^"\\\\]|\\\\.)*"|\\S+)`);

function field(line: string, name: string): string | undefined {
  const match = FIELD(name).exec(line);
  if (match?.[1] === undefined) return undefined;
  return match[1].startsWith('"') ? (JSON.parse(match[1]) as string) : match[1];
}

function authConfig(auth: RegistryAuth, dir: string): string {
  switch (auth.kind) {
    case 'none':
      return '';
    case 'htpasswd': {
      const file = join(dir, 'htpasswd');
      writeFileSync(file, '');
      for (const [user, password] of Object.entries(auth.users)) {
        // bcrypt cost 4: the registry checks the hash on every request (docs/registry-testing.md §1b).
        appendFileSync(file, execFileSync('htpasswd', ['-Bbn', '-C', '4', user, password], { encoding: 'utf8' }).trim() + '\n');
      }
      return `auth:\n  htpasswd: {realm: test-registry, path: ${JSON.stringify(file)}}\n`;
    }
    case 'token':
      return [
        'auth:',
        '  token:',
        `    realm: ${JSON.stringify(auth.realm)}`,
        `    service: ${JSON.stringify(auth.service)}`,
        `    issuer: ${JSON.stringify(auth.issuer)}`,
        `    rootcertbundle: ${JSON.stringify(auth.rootCertBundle)}`,
        '',
      ].join('\n');
  }
}

function writeConfig(dir: string, options: RegistryOptions): string {
  const tls = options.tls === undefined ? '' : `  tls:\n    certificate: ${JSON.stringify(options.tls.certFile)}\n    key: ${JSON.stringify(options.tls.keyFile)}\n`;
  const config = [
    'version: 0.1',
    'log: {level: info, formatter: text, accesslog: {disabled: true}}',
    'storage:',
    `  filesystem: {rootdirectory: ${JSON.stringify(join(dir, 'data'))}}`,
    '  delete: {enabled: true}',
    '  maintenance: {uploadpurging: {enabled: false}}',
    'http:',
    '  addr: 127.0.0.1:0',
    '  secret: test-only-secret',
    tls,
    authConfig(options.auth ?? { kind: 'none' }, dir),
  ].join('\n');
  const file = join(dir, 'config.yml');
  writeFileSync(file, config);
  return file;
}

export async function startRegistry(options: RegistryOptions = {}): Promise<RunningRegistry> {
  const dir = makeTempDir('registry');
  const configFile = writeConfig(dir, options);
  const child: ChildProcess = spawn('docker-registry', ['serve', configFile], {
    cwd: dir,
    env: { ...process.env, REGISTRY_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // A test process that ends without stop() (a failed hook, Ctrl-C, the runner's timeout, SIGKILL)
  // must not leave the registry running: the exit handler and the watchdog kill it by PID.
  const watchdogPid = startWatchdog(dir);
  if (child.pid !== undefined) writeFileSync(join(dir, 'pids'), `${child.pid}\n`);
  const release = cleanUpOnExit({ dir, pids: () => (child.pid === undefined ? [watchdogPid] : [child.pid, watchdogPid]) });
  const stopWatchdog = (): void => {
    release();
    try {
      process.kill(watchdogPid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const logged: LoggedRequest[] = [];
  const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('docker-registry did not log "listening on" within 10 s')), 10_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start docker-registry: ${error.message} (run scripts/test-deps.d/20-registry.sh)`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`docker-registry exited with ${code} before listening`));
    });
    // Keep reading every line: an unread stderr pipe fills and blocks the registry.
    lines.on('line', (line) => {
      const listening = LISTENING.exec(line);
      if (listening?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
        return;
      }
      // Answered requests log "response completed"; refused ones only "error authorizing context" (a 401).
      const denied = line.includes('msg="error authorizing context');
      if (!denied && !line.includes('msg="response completed')) return;
      const method = field(line, 'http.request.method');
      const uri = field(line, 'http.request.uri');
      const status = denied ? '401' : field(line, 'http.response.status');
      if (method !== undefined && uri !== undefined && status !== undefined) logged.push({ method, uri, status: Number(status) });
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGTERM');
    stopWatchdog();
    removeTempDir(dir);
    throw error;
  });
  const scheme = options.tls === undefined ? 'http' : 'https';
  return {
    port,
    pid: child.pid as number,
    dir,
    host: `127.0.0.1:${port}`,
    url: `${scheme}://127.0.0.1:${port}`,
    requests: () => [...logged],
    async waitForRequests(count, timeoutMs = 2_000) {
      const deadline = Date.now() + timeoutMs;
      while (logged.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      return [...logged];
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      stopWatchdog();
      removeTempDir(dir);
    },
  };
}
