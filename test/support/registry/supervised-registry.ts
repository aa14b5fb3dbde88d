// The life of a registry process the suite starts (Debian's docker-registry, crane registry
// serve): a watchdog and an exit handler that kill it by PID if the test process dies, its stderr
// read line by line (an unread pipe fills and blocks the registry) for the port it listens on and
// the requests it logs, and a stop that leaves nothing behind.
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { cleanUpOnExit } from '../control-plane/exit-cleanup.js';
import { startWatchdog } from '../control-plane/watchdog.js';
import { removeTempDir } from './temp-dir.js';

export interface SupervisedRegistry<Request> {
  port: number;
  /** PID of the registry process. */
  pid: number;
  /** Its scratch directory, removed on stop. */
  dir: string;
  /** `127.0.0.1:<port>`, what image references name. */
  host: string;
  /** `http://127.0.0.1:<port>` or `https://...`. */
  url: string;
  /** Requests the registry has logged so far. */
  requests(): Request[];
  /** Waits until at least `count` requests are logged (log lines trail responses slightly). */
  waitForRequests(count: number, timeoutMs?: number): Promise<Request[]>;
  stop(): Promise<void>;
}

export interface SuperviseOptions<Request> {
  /** How errors name the registry (`docker-registry`). */
  name: string;
  /** The dependency script that installs it, named when it cannot start. */
  installScript: string;
  /** A log line giving the port in its first group, and how errors describe it ("listening on"). */
  ready: RegExp;
  readyWords: string;
  scheme: 'http' | 'https';
  /** A logged request, or undefined for any other line. */
  parseRequest(line: string): Request | undefined;
}

export async function superviseRegistry<Request>(
  child: ChildProcess,
  dir: string,
  options: SuperviseOptions<Request>,
): Promise<SupervisedRegistry<Request>> {
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
  const logged: Request[] = [];
  const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} did not log "${options.readyWords}" within 10 s`)), 10_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${options.name}: ${error.message} (run ${options.installScript})`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${code} before ${options.readyWords}`));
    });
    lines.on('line', (line) => {
      const ready = options.ready.exec(line);
      if (ready?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(ready[1]));
        return;
      }
      const request = options.parseRequest(line);
      if (request !== undefined) logged.push(request);
    });
  }).catch((error: unknown) => {
    child.kill('SIGTERM');
    stopWatchdog();
    removeTempDir(dir);
    throw error;
  });
  return {
    port,
    pid: child.pid as number,
    dir,
    host: `127.0.0.1:${port}`,
    url: `${options.scheme}://127.0.0.1:${port}`,
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
