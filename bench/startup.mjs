#!/usr/bin/env node
// Start-up: `pullguard --version` and `pullguard lint` of one small file, each run as a fresh
// process the way a shell or CI step runs it, next to `node -e 0` (the floor no Node CLI can go
// under). Median over --runs runs, interleaved so that a busy moment of the machine spreads over
// all three commands alike.
//
//   node bench/startup.mjs [--runs 20] [--no-build]
//
// Goal (foundation issue): under 150 ms median for both pullguard commands.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { workloadStream } from './lint-workloads.mjs';
import { machineLine, median } from './support/measure-process.mjs';

const GOAL_MS = 150;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: { runs: { type: 'string', default: '20' }, 'no-build': { type: 'boolean', default: false } },
});
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench: --runs takes a positive integer');
  process.exit(2);
}
if (!options['no-build']) {
  console.error('bench: node scripts/build.mjs --bundle-only');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--bundle-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'pullguard-startup-bench-'));
try {
  // One Deployment with an init container: 2 images, one of them a documentation placeholder.
  const file = join(scratch, 'deployment.yaml');
  writeFileSync(file, workloadStream(1));
  const cli = join(root, 'bin/pullguard.js');
  const commands = [
    { label: 'node -e 0', args: ['-e', '0'], status: 0, stdout: (s) => s === '' },
    { label: 'pullguard --version', args: [cli, '--version'], status: 0, stdout: (s) => /^\d+\.\d+\.\d+/.test(s) },
    {
      label: 'pullguard lint (1 document)',
      args: [cli, 'lint', file, '--target', 'aks'],
      status: 1,
      stdout: (s) => s.includes('1 error in 1 file (1 object, 2 containers checked)'),
    },
  ];
  const samples = commands.map(() => []);
  // One unmeasured round warms the file-system cache.
  for (let round = -1; round < runs; round++) {
    commands.forEach((command, i) => {
      const started = process.hrtime.bigint();
      const child = spawnSync(process.execPath, command.args, { cwd: root, encoding: 'utf8' });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (child.status !== command.status || !command.stdout(child.stdout)) {
        console.error(`bench: ${command.label} failed (exit ${child.status}): ${child.stdout}${child.stderr}`);
        process.exit(1);
      }
      if (round >= 0) samples[i].push(ms);
    });
  }
  console.log(`start-up: median of ${runs} runs, wall time of a fresh process; ${machineLine()}`);
  const baseline = median(samples[0]);
  commands.forEach((command, i) => {
    const m = median(samples[i]);
    const sorted = [...samples[i]].sort((a, b) => a - b);
    const extra = i === 0 ? '(baseline)' : `(+${(m - baseline).toFixed(0)} ms over node; goal < ${GOAL_MS} ms: ${m < GOAL_MS ? 'met' : 'MISSED'})`;
    console.log(
      `  ${command.label.padEnd(28)} ${m.toFixed(0).padStart(5)} ms  min ${sorted[0].toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)} ${extra}`,
    );
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
