#!/usr/bin/env node
// Peak memory of the largest output format: `pullguard lint FILE --target aks --fail-on warning
// --format sarif` on a generated input of about 60 MB that draws one finding per container (~190
// bytes of YAML per finding, ~310,000 findings: the density of the input that made SARIF peak at
// 3.5 GB in issue 7).
// Prints peak RSS, wall and CPU time; checks every run's output (exit code 1, SARIF that parses,
// one result per container) so that a broken run is never measured.
//
//   node bench/sarif-memory.mjs [--mb 60] [--runs 3] [--format sarif] [--repo DIR] [--no-build]
//
// --repo measures another checkout's built CLI (DIR/bin/pullguard.js, built there first), e.g. a
// worktree of an older commit for a before/after figure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineLine, measure, median, requireGnuTime } from './support/measure-process.mjs';

const CONTAINERS_PER_POD = 10;
const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    mb: { type: 'string', default: '60' },
    runs: { type: 'string', default: '3' },
    format: { type: 'string', default: 'sarif' },
    repo: { type: 'string', default: here },
    'no-build': { type: 'boolean', default: false },
  },
});
const targetBytes = Number(options.mb) * 1e6;
const runs = Number(options.runs);
const repo = resolve(options.repo);
if (!(targetBytes > 0) || !Number.isInteger(runs) || runs < 1) {
  console.error('bench: --mb takes a positive number, --runs a positive integer');
  process.exit(2);
}
if (!['sarif', 'json', 'text', 'junit', 'github', 'markdown'].includes(options.format)) {
  console.error(`bench: --format ${options.format} is not an output format`);
  process.exit(2);
}

requireGnuTime();
if (!options['no-build']) {
  console.error(`bench: node scripts/build.mjs --bundle-only (in ${repo})`);
  const build = spawnSync(process.execPath, [join(repo, 'scripts/build.mjs'), '--bundle-only'], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

/** Pods of ten containers, each with an image tagged :latest (one latest-tag finding each). */
function denseInput(bytes) {
  const parts = [];
  let size = 0;
  let containers = 0;
  for (let pod = 0; size < bytes; pod++) {
    let text = `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${pod}\n  namespace: shop\nspec:\n  containers:\n`;
    for (let c = 0; c < CONTAINERS_PER_POD; c++) {
      text +=
        `  - name: c${c}\n    image: shop/app-${pod}-${c}:latest\n    imagePullPolicy: IfNotPresent\n` +
        '    ports:\n    - containerPort: 8080\n      name: http\n    resources: {limits: {cpu: 100m, memory: 64Mi}}\n';
      containers++;
    }
    parts.push(text);
    size += text.length;
  }
  return { text: parts.join(''), containers };
}

function countOf(format, output) {
  switch (format) {
    case 'sarif':
      return JSON.parse(output).runs[0].results.length;
    case 'json':
      return JSON.parse(output).findings.length;
    default:
      // Every other format names the rule once per finding.
      return output.split('latest-tag').length - 1;
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'pullguard-sarif-bench-'));
try {
  const input = denseInput(targetBytes);
  const file = join(scratch, 'dense.yaml');
  writeFileSync(file, input.text);
  const mb = (input.text.length / 1e6).toFixed(1);
  console.log(
    `${options.format} memory: ${mb} MB input, ${input.containers} findings, ${runs} runs, median; ${repo === here ? 'this checkout' : repo}; ${machineLine()}`,
  );
  const samples = [];
  const stdoutFile = join(scratch, 'out');
  for (let i = 0; i < runs; i++) {
    const result = measure(process.execPath, [join(repo, 'bin/pullguard.js'), 'lint', file, '--target', 'aks', '--fail-on', 'warning', '--format', options.format], {
      stdoutFile,
      cwd: scratch,
      scratch,
    });
    let problem;
    if (result.status !== 1) problem = `exit code ${result.status}, expected 1`;
    else {
      try {
        const found = countOf(options.format, readFileSync(stdoutFile, 'utf8'));
        if (found !== input.containers) problem = `${found} findings in the output, expected ${input.containers}`;
      } catch (error) {
        problem = `output does not parse: ${error.message}`;
      }
    }
    if (problem !== undefined) {
      console.error(`bench: run ${i + 1} produced wrong output: ${problem}`);
      if (result.stderr) console.error(result.stderr.slice(0, 2000));
      process.exit(1);
    }
    samples.push(result);
    console.log(`  run ${i + 1}: peak RSS ${result.peakRssMiB.toFixed(0)} MiB, wall ${result.wallMs.toFixed(0)} ms, CPU ${result.cpuMs.toFixed(0)} ms`);
  }
  console.log(
    `  median: peak RSS ${median(samples.map((s) => s.peakRssMiB)).toFixed(0)} MiB, wall ${median(samples.map((s) => s.wallMs)).toFixed(0)} ms, ` +
      `CPU ${median(samples.map((s) => s.cpuMs)).toFixed(0)} ms`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
