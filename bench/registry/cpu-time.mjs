// CPU time of this process and of its docker-registry child, so a run can say whether the client
// or the registry was the busy side. Linux /proc only; elsewhere the registry's share is unknown.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function registryPid() {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (stat.includes('(docker-registry)') && Number(fields[1]) === process.pid) return Number(entry);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function registryCpuMs(pid) {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5); the slice starts at field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Starts a CPU stopwatch; `stop()` gives milliseconds of CPU for this process and the registry. */
export function cpuStopwatch() {
  const pid = registryPid();
  const self = process.cpuUsage();
  const registry = registryCpuMs(pid);
  return {
    stop() {
      const used = process.cpuUsage(self);
      const after = registryCpuMs(pid);
      return { selfMs: (used.user + used.system) / 1000, registryMs: registry === undefined || after === undefined ? undefined : after - registry };
    },
  };
}
