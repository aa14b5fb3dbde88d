// Nothing of the harness outlives its control plane: stop() ends every process by PID and removes
// the directory; so do the exit and signal handlers when the test process ends early, and the
// watchdog when it is killed outright. A failed start leaves nothing behind either.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isProcessAlive, locateBinaries, startControlPlane, waitFor } from '../../support/control-plane/index.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/hold-control-plane.js');

interface Held {
  pids: number[];
  dir: string;
}

/** Starts the fixture in its own process and returns it with what it printed. */
async function holdControlPlane(args: string[] = []): Promise<{ child: ReturnType<typeof spawn>; held: Held }> {
  const child = spawn(process.execPath, [fixture, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const held = await new Promise<Held>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0] ?? '') as Held);
    });
    child.once('exit', (code) => reject(new Error(`fixture exited with ${code} before printing its PIDs`)));
  });
  return { child, held };
}

async function assertAllGone(held: Held, what: string): Promise<void> {
  await waitFor(`${what}: every PID gone and the directory removed`, async () =>
    held.pids.every((pid) => !isProcessAlive(pid)) && !existsSync(held.dir) ? true : undefined,
  { timeoutMs: 15_000 });
}

describe('control plane cleanup', () => {
  it('stop() ends every process and removes the directory, and may be called twice', async () => {
    const controlPlane = await startControlPlane({ controllerManager: true, kwok: true });
    const held = { pids: controlPlane.pids, dir: controlPlane.dir };
    assert.equal(held.pids.length, 6, 'etcd, apiserver, controller-manager, scheduler, kwok and the watchdog');
    assert.ok(held.pids.every(isProcessAlive));
    assert.ok(existsSync(held.dir));
    await controlPlane.stop();
    await controlPlane.stop();
    // The watchdog is detached: give it a moment to be reaped after SIGTERM.
    await assertAllGone(held, 'after stop()');
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`cleans up when the test process gets ${signal}`, async () => {
      const { child, held } = await holdControlPlane(['--kwok']);
      assert.ok(held.pids.every(isProcessAlive));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
      child.kill(signal);
      assert.equal(await exited, signal, 'the handler re-raises the signal, so the process still dies of it');
      await assertAllGone(held, `after ${signal}`);
    });
  }

  it('cleans up through the watchdog when the test process is killed with SIGKILL', async () => {
    const { child, held } = await holdControlPlane();
    child.kill('SIGKILL');
    await assertAllGone(held, 'after SIGKILL');
  });

  it('leaves nothing behind when a component fails to start', async () => {
    const real = locateBinaries();
    const fakeBin = await mkdtemp(join(tmpdir(), 'pullguard-fake-bin-'));
    try {
      const pidFile = join(fakeBin, 'etcd.pid');
      // etcd that records its PID, then runs the real one; an apiserver that fails at once.
      await writeFile(join(fakeBin, 'etcd'), `#!/bin/sh\necho $$ > '${pidFile}'\nexec '${real.etcd}' "$@"\n`);
      await writeFile(join(fakeBin, 'kube-apiserver'), '#!/bin/sh\necho "E0000 simulated start-up failure" >&2\nexit 1\n');
      await chmod(join(fakeBin, 'etcd'), 0o755);
      await chmod(join(fakeBin, 'kube-apiserver'), 0o755);
      for (const name of ['kube-controller-manager', 'kube-scheduler', 'kwok', 'kubectl']) await symlink(join(real.dir, name), join(fakeBin, name));
      process.env.PULLGUARD_CONTROL_PLANE_BIN = fakeBin;
      const error = await startControlPlane().then(
        () => assert.fail('expected the start to fail'),
        (e: unknown) => e as Error,
      );
      assert.match(error.message, /^control plane: kube-apiserver exited; end of .*kube-apiserver\.log:\nE0000 simulated start-up failure$/);
      const etcdPid = Number((await readFile(pidFile, 'utf8')).trim());
      assert.ok(etcdPid > 0);
      assert.equal(isProcessAlive(etcdPid), false, 'etcd was stopped');
    } finally {
      delete process.env.PULLGUARD_CONTROL_PLANE_BIN;
      await rm(fakeBin, { recursive: true, force: true });
    }
  });
});
