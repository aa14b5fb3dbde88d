// Debian's docker-registry (distribution 2.8) started by the suite: a fresh config in a temp dir,
// `127.0.0.1:0`, the real port read from the "listening on" log line, stderr drained and parsed
// into a request log (method, URI, status) so tests can count what the client sent
// (docs/registry-testing.md §1).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { superviseRegistry, type SupervisedRegistry } from './supervised-registry.js';
import { makeTempDir } from './temp-dir.js';

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

export type RunningRegistry = SupervisedRegistry<LoggedRequest>;

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
  return superviseRegistry<LoggedRequest>(child, dir, {
    name: 'docker-registry',
    installScript: 'scripts/test-deps.d/20-registry.sh',
    ready: LISTENING,
    readyWords: 'listening on',
    scheme: options.tls === undefined ? 'http' : 'https',
    parseRequest(line) {
      // Answered requests log "response completed"; refused ones only "error authorizing context" (a 401).
      const denied = line.includes('msg="error authorizing context');
      if (!denied && !line.includes('msg="response completed')) return undefined;
      const method = field(line, 'http.request.method');
      const uri = field(line, 'http.request.uri');
      const status = denied ? '401' : field(line, 'http.response.status');
      return method !== undefined && uri !== undefined && status !== undefined ? { method, uri, status: Number(status) } : undefined;
    },
  });
}
