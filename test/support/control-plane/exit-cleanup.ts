// Last-resort cleanup: when the test process exits or is interrupted while control planes are
// still running (a failed `before`, Ctrl-C, the test runner's timeout), their processes are killed
// by PID and their directories removed. A killed (SIGKILL) test process runs no handler at all;
// watchdog.ts covers that case.
import { rmSync } from 'node:fs';

export interface OwnedResources {
  dir: string;
  pids(): readonly number[];
}

const owned = new Set<OwnedResources>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;

function releaseAllSync(): void {
  for (const entry of owned) {
    for (const pid of entry.pids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(entry.dir, { recursive: true, force: true });
  }
  owned.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  releaseAllSync();
  // Alone, this handler has replaced node's default (exit): restore it and re-raise. With other
  // listeners (the test runner's own), they decide how the process ends.
  if (process.listenerCount(signal) === 1) {
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  }
}

/** Registers resources for cleanup on exit; the returned function unregisters them. */
export function cleanUpOnExit(resources: OwnedResources): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', releaseAllSync);
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
  owned.add(resources);
  return () => {
    owned.delete(resources);
  };
}
