// A real Docker Engine for tests: Debian's dockerd (scripts/test-deps.d/40-dockerd.sh), started on a
// socket, data root and exec root of the test's own, without networking
// (`--iptables=false --bridge=none`, vfs storage), so it never touches the machine's daemon. Images
// are built `FROM scratch` with one tiny file through the Engine API (no registry, no network).
// Stopped by PID (dockerd, and the containerd it supervises); the exit handler kills both if a test
// process ends without stopping it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { cleanUpOnExit } from '../control-plane/exit-cleanup.js';
import { isProcessAlive, startProcess, type ManagedProcess } from '../control-plane/managed-process.js';
import { waitFor } from '../control-plane/wait-for.js';

export interface DockerDaemon {
  /** `unix:///tmp/pg-dockerd-XXXX/docker.sock`: what DOCKER_HOST or a docker context would hold. */
  readonly host: string;
  readonly socketPath: string;
  readonly dir: string;
  readonly pid: number;
  /** Builds `FROM scratch` + one file and tags it; returns the image id. */
  buildImage(tag: string, content?: string): Promise<string>;
  /** The raw Engine API, for assertions. */
  get(path: string): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

function engine(socketPath: string, method: string, path: string, body?: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method, headers: { host: 'docker', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A one-file ustar archive (512-byte header + data, padded, two zero blocks): the build context. */
function tarOf(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const header = Buffer.alloc(512);
    header.write(name, 0, 100);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function containerdPid(execRoot: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(execRoot, 'containerd', 'containerd.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function dockerdAvailable(): boolean {
  try {
    execFileSync('dockerd', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function startDockerDaemon(): Promise<DockerDaemon> {
  // Short paths: a unix socket path has at most 107 bytes, and containerd's live in the exec root.
  const dir = mkdtempSync('/tmp/pg-dockerd-');
  const socketPath = join(dir, 'docker.sock');
  const execRoot = join(dir, 'x');
  let process_: ManagedProcess | undefined;
  const release = cleanUpOnExit({ dir, pids: () => [process_?.pid, containerdPid(execRoot)].filter((pid): pid is number => pid !== undefined) });
  process_ = startProcess('dockerd', 'dockerd', [
    '--iptables=false',
    '--ip-masq=false',
    '--bridge=none',
    '--storage-driver=vfs',
    '--host', `unix://${socketPath}`,
    '--data-root', join(dir, 'data'),
    '--exec-root', execRoot,
    '--pidfile', join(dir, 'docker.pid'),
  ], join(dir, 'dockerd.log'));
  const daemon = process_;
  const stop = async (): Promise<void> => {
    const containerd = containerdPid(execRoot);
    await daemon.stop(10_000);
    if (containerd !== undefined && isProcessAlive(containerd)) {
      try {
        process.kill(containerd, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    rmSync(dir, { recursive: true, force: true });
    release();
  };
  try {
    await waitFor('dockerd to answer /_ping', async () => {
      if (daemon.hasExited()) throw new Error(`dockerd exited:\n${daemon.logTail()}`);
      return (await engine(socketPath, 'GET', '/_ping').catch(() => ({ status: 0 }))).status === 200 ? true : undefined;
    }, { timeoutMs: 60_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    host: `unix://${socketPath}`,
    socketPath,
    dir,
    pid: daemon.pid,
    async buildImage(tag, content = tag) {
      const context = tarOf({ Dockerfile: 'FROM scratch\nCOPY content /content\n', content: `${content}\n` });
      const built = await engine(socketPath, 'POST', `/build?t=${encodeURIComponent(tag)}&rm=1`, context, { 'content-type': 'application/x-tar' });
      if (built.status !== 200 || !/Successfully tagged/.test(built.body)) throw new Error(`docker build ${tag} failed (${built.status}): ${built.body}`);
      const inspected = await engine(socketPath, 'GET', `/images/${tag}/json`);
      return (JSON.parse(inspected.body) as { Id: string }).Id;
    },
    get: (path) => engine(socketPath, 'GET', path),
    stop,
  };
}
