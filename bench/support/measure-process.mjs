// Runs one command and measures it from outside: wall time in this process, CPU time and peak
// RSS from the kernel's accounting of the child (GNU time reads them from wait4's rusage, so the
// peak is exact even for a process that lives a few milliseconds, which polling /proc cannot be).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const MARK = 'pullguard-bench-rusage';

export function requireGnuTime() {
  if (!existsSync(GNU_TIME)) {
    console.error(`bench: ${GNU_TIME} (GNU time) is needed to read the peak RSS of a child: apt-get install -y time`);
    process.exit(2);
  }
}

/**
 * Runs `command args` with stdout to `stdoutFile`. Returns wall, user and system time (ms), peak
 * RSS (MiB), the exit status and the child's stderr.
 */
export function measure(command, args, { stdoutFile, cwd, scratch }) {
  const rusageFile = join(scratch, 'rusage.txt');
  rmSync(rusageFile, { force: true });
  const out = openSync(stdoutFile, 'w');
  const started = process.hrtime.bigint();
  const child = spawnSync(GNU_TIME, ['-o', rusageFile, '-f', `${MARK} %x %U %S %M`, command, ...args], {
    cwd,
    stdio: ['ignore', out, 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  closeSync(out);
  if (child.error) throw child.error;
  const line = readFileSync(rusageFile, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(MARK));
  if (line === undefined) throw new Error(`bench: no rusage line from ${GNU_TIME} for ${command}`);
  const [, status, user, sys, maxKb] = line.split(' ');
  return {
    wallMs,
    cpuMs: (Number(user) + Number(sys)) * 1000,
    peakRssMiB: Number(maxKb) / 1024,
    status: Number(status),
    stderr: child.stderr.toString('utf8'),
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Load average and CPU count: a busy machine inflates wall times, so every report says how busy it was. */
export function machineLine() {
  let load = '?';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    // Not Linux: the figure is only informative.
  }
  return `node ${process.version}, load average ${load}`;
}

/** Median wall, CPU and peak RSS of a command's runs, and each run's wall time. */
export function summarizeRuns(name, samples) {
  return {
    name,
    wallMs: median(samples.map((s) => s.wallMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    peakRssMiB: median(samples.map((s) => s.peakRssMiB)),
    walls: samples.map((s) => Math.round(s.wallMs)),
  };
}

/**
 * Runs a command `runs` times, checking each run's output with `check` (a problem string, or
 * undefined): a run that printed the wrong thing ends the bench, so it is never measured.
 */
export function measureRuns(name, command, args, check, { runs, cwd, scratch }) {
  const samples = [];
  const stdoutFile = join(scratch, `${name.replace(/[^\w.-]+/g, '_')}.out`);
  for (let i = 0; i < runs; i++) {
    const result = measure(command, args, { stdoutFile, cwd, scratch });
    const problem = check(result, readFileSync(stdoutFile, 'utf8'));
    if (problem !== undefined) {
      console.error(`bench: ${name} run ${i + 1} produced wrong output: ${problem}`);
      if (result.stderr) console.error(result.stderr.slice(0, 2000));
      process.exit(1);
    }
    samples.push(result);
  }
  return summarizeRuns(name, samples);
}

/** One figure line: median wall (with every run), CPU and peak RSS, and what was measured. */
export function printFigures(figures, what) {
  console.log(
    `  ${figures.name}: wall ${figures.wallMs.toFixed(0)} ms (runs: ${figures.walls.join(', ')}), ` +
      `CPU ${figures.cpuMs.toFixed(0)} ms, peak RSS ${figures.peakRssMiB.toFixed(0)} MiB${what ? ` — ${what}` : ''}`,
  );
}
