// No docker-registry or crane registry outlives the suite: stop() ends it by PID and removes its directory; so do the
// exit and signal handlers when a test process ends early, and the watchdog when it is killed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isProcessAlive, waitFor } from '../../support/control-plane/index.js';
import { startCraneRegistry } from '../../support/registry/crane.js';
import { startRegistry } from '../../support/registry/registry-server.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/hold-registry.js');

interface Held {
  pid: number;
  dir: string;
}

async function holdRegistry(implementation = 'docker-registry'): Promise<{ child: ReturnType<typeof spawn>; held: Held }> {
  const child = spawn(process.execPath, [fixture, implementation], { stdio: ['ignore', 'pipe', 'inherit'] });
  const held = await new Promise<Held>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0] ?? '') as Held);
    });
    child.once('exit', (code) => reject(new Error(`fixture exited with ${code} before printing its PID`)));
  });
  return { child, held };
}

async function assertGone(held: Held, what: string): Promise<void> {
  await waitFor(`${what}: the registry gone and its directory removed`, async () => (!isProcessAlive(held.pid) && !existsSync(held.dir) ? true : undefined), {
    timeoutMs: 15_000,
  });
}

describe('registry cleanup', () => {
  it('stop() ends the registry and removes its directory', async () => {
    const registry = await startRegistry();
    const held = { pid: registry.pid, dir: registry.dir };
    assert.ok(isProcessAlive(held.pid));
    assert.ok(existsSync(held.dir));
    await registry.stop();
    await assertGone(held, 'after stop()');
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`cleans up when the test process gets ${signal}`, async () => {
      const { child, held } = await holdRegistry();
      assert.ok(isProcessAlive(held.pid));
      child.kill(signal);
      await assertGone(held, `after ${signal}`);
    });
  }

  it('cleans up through the watchdog when the test process is killed with SIGKILL', async () => {
    const { child, held } = await holdRegistry();
    assert.ok(isProcessAlive(held.pid));
    child.kill('SIGKILL');
    await assertGone(held, 'after SIGKILL');
  });

  it('stop() ends crane registry serve and removes its directory', async () => {
    const registry = await startCraneRegistry();
    const held = { pid: registry.pid, dir: registry.dir };
    assert.ok(isProcessAlive(held.pid));
    await registry.stop();
    await assertGone(held, 'crane, after stop()');
  });

  it('cleans up crane registry serve through the watchdog after SIGKILL (its --disk names the directory)', async () => {
    const { child, held } = await holdRegistry('crane');
    assert.ok(isProcessAlive(held.pid));
    child.kill('SIGKILL');
    await assertGone(held, 'crane, after SIGKILL');
  });
});
