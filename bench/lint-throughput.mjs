#!/usr/bin/env node
// Lint throughput, end to end: one generated file of N workload documents of mixed kinds
// (bench/lint-workloads.mjs), linted by the built CLI as a user runs it
// (`pullguard lint FILE --target aks --format json`), repeated; then the same file through
// kubeconform and kube-linter in the same run, as ratios. Prints figures; asserts only that every
// run produced the expected output, so that a broken run is never measured.
//
//   node bench/lint-throughput.mjs [--docs 10000] [--runs 5] [--no-build] [--no-others]
//
// Goal (foundation issue): 10,000 documents in under 1 s wall time and under 300 MB peak RSS on
// the 2-core machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { workloadDocuments } from './lint-workloads.mjs';
import { ensureGoTool } from './support/go-tool.mjs';
import { kubeconformSchemas, SCHEMA_TEMPLATE_FILE } from './support/kubeconform-schemas.mjs';
import { machineLine, measure, median, requireGnuTime } from './support/measure-process.mjs';

const KUBECONFORM = { name: 'kubeconform', module: 'github.com/yannh/kubeconform/cmd/kubeconform', version: 'v0.8.0' };
const KUBE_LINTER = { name: 'kube-linter', module: 'golang.stackrox.io/kube-linter/cmd/kube-linter', version: 'v0.7.6' };
const GOAL_WALL_MS = 1000;
const GOAL_RSS_MB = 300;

// What pullguard reports for each image of the generator on --target aks (docs/rules/*.md): Docker
// Hub, ghcr.io and registry.k8s.io images are fine; the documentation placeholder "myregistry",
// the :latest tag and an ECR image without pull secrets on AKS are one finding each.
const FINDING_BY_IMAGE = new Map([
  ['myregistry.azurecr.io/', 'placeholder-registry'],
  ['redis:latest', 'latest-tag'],
  ['602401143452.dkr.ecr.', 'missing-pull-secret'],
]);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    'no-others': { type: 'boolean', default: false },
  },
});
const count = Number(options.docs);
const runs = Number(options.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('bench: --docs and --runs take positive integers');
  process.exit(2);
}

requireGnuTime();
if (!options['no-build']) {
  console.error('bench: node scripts/build.mjs --bundle-only');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--bundle-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'pullguard-lint-bench-'));
try {
  const documents = workloadDocuments(count);
  const file = join(scratch, 'workloads.yaml');
  writeFileSync(file, documents.map((d) => d.text).join(''));
  const expected = expectedReport(documents);
  const mb = (readFileSync(file).length / 1e6).toFixed(1);
  console.log(`lint throughput: ${count} workload documents (${mb} MB, 6 kinds), ${runs} runs each, median; ${machineLine()}`);

  const pullguard = measureRuns(
    'pullguard',
    process.execPath,
    [join(root, 'bin/pullguard.js'), 'lint', file, '--target', 'aks', '--format', 'json'],
    (result, output) => checkPullguard(result, output, expected),
  );
  print(pullguard);
  const docsPerSecond = Math.round(count / (pullguard.wallMs / 1000));
  const docsPerCpuSecond = Math.round(count / (pullguard.cpuMs / 1000));
  console.log(
    `  pullguard: ${docsPerSecond} documents/s (${docsPerCpuSecond} per CPU second); peak RSS ${pullguard.peakRssMiB.toFixed(0)} MiB`,
  );
  console.log(
    `  goal: < ${GOAL_WALL_MS} ms and < ${GOAL_RSS_MB} MB for 10,000 documents: ` +
      `${count === 10000 ? (pullguard.wallMs < GOAL_WALL_MS ? 'wall met' : 'wall MISSED') : 'n/a (not 10,000 documents)'}, ` +
      `${pullguard.peakRssMiB * 1.048576 < GOAL_RSS_MB ? 'RSS met' : 'RSS MISSED'}`,
  );

  if (!options['no-others']) {
    for (const other of [...kubeconform(file, documents), kubeLinter(file)]) {
      if ('unavailable' in other) {
        console.log(`  ${other.name}: not measured (${other.unavailable})`);
        continue;
      }
      const figures = measureRuns(other.name, other.command, other.args, other.check);
      print(figures, other.what);
      console.log(
        `  ratio ${other.name}/pullguard: wall ${(figures.wallMs / pullguard.wallMs).toFixed(2)}x, ` +
          `CPU ${(figures.cpuMs / pullguard.cpuMs).toFixed(2)}x, peak RSS ${(figures.peakRssMiB / pullguard.peakRssMiB).toFixed(2)}x`,
      );
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function measureRuns(name, command, args, check) {
  const samples = [];
  const stdoutFile = join(scratch, `${name}.out`);
  for (let i = 0; i < runs; i++) {
    const result = measure(command, args, { stdoutFile, cwd: root, scratch });
    const problem = check(result, readFileSync(stdoutFile, 'utf8'));
    if (problem !== undefined) {
      console.error(`bench: ${name} run ${i + 1} produced wrong output: ${problem}`);
      if (result.stderr) console.error(result.stderr.slice(0, 2000));
      process.exit(1);
    }
    samples.push(result);
  }
  return {
    name,
    wallMs: median(samples.map((s) => s.wallMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    peakRssMiB: median(samples.map((s) => s.peakRssMiB)),
    walls: samples.map((s) => Math.round(s.wallMs)),
  };
}

function print(figures, what) {
  console.log(
    `  ${figures.name}: wall ${figures.wallMs.toFixed(0)} ms (runs: ${figures.walls.join(', ')}), ` +
      `CPU ${figures.cpuMs.toFixed(0)} ms, peak RSS ${figures.peakRssMiB.toFixed(0)} MiB${what ? ` — ${what}` : ''}`,
  );
}

// ----- what a correct run prints ------------------------------------------------------------------

function expectedReport(documents) {
  const byRule = {};
  let containers = 0;
  for (const { images } of documents) {
    for (const image of images) {
      containers++;
      for (const [prefix, rule] of FINDING_BY_IMAGE) if (image.startsWith(prefix)) byRule[rule] = (byRule[rule] ?? 0) + 1;
    }
  }
  return { objects: documents.length, containers, byRule };
}

function checkPullguard(result, output, expected) {
  // Exit code 1: errors found (the placeholder images), as the CLI documents.
  if (result.status !== 1) return `exit code ${result.status}, expected 1`;
  let report;
  try {
    report = JSON.parse(output);
  } catch {
    return 'stdout is not JSON';
  }
  const byRule = {};
  for (const finding of report.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  const got = JSON.stringify({ objects: report.summary.objects, containers: report.summary.containers, byRule: sorted(byRule) });
  const want = JSON.stringify({ objects: expected.objects, containers: expected.containers, byRule: sorted(expected.byRule) });
  return got === want ? undefined : `got ${got}, expected ${want}`;
}

function sorted(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)));
}

// ----- the other tools ------------------------------------------------------------------------------

/** kubeconform validating every document against local schemas, and reading only (every kind skipped). */
function kubeconform(file, documents) {
  const tool = ensureGoTool(KUBECONFORM.name, KUBECONFORM.module, KUBECONFORM.version);
  if ('unavailable' in tool) return [{ name: KUBECONFORM.name, unavailable: tool.unavailable }];
  const gvks = [...new Map(documents.map((d) => [`${d.apiVersion} ${d.kind}`, { apiVersion: d.apiVersion, kind: d.kind }])).values()];
  const common = ['-summary', '-output', 'json'];
  const parseOnly = {
    name: 'kubeconform-parse-only',
    command: tool.path,
    args: [...common, '-skip', gvks.map((g) => g.kind).join(','), file],
    what: `${KUBECONFORM.version}, reads every document and skips its kind: no schema validation`,
    check: (result, output) => checkKubeconform(result, output, { skipped: documents.length }),
  };
  const schemas = kubeconformSchemas(root, gvks);
  if ('unavailable' in schemas) return [{ name: KUBECONFORM.name, unavailable: schemas.unavailable }, parseOnly];
  const validating = {
    name: KUBECONFORM.name,
    command: tool.path,
    args: [...common, '-schema-location', join(schemas.dir, SCHEMA_TEMPLATE_FILE), file],
    what: `${KUBECONFORM.version}, schema validation against the Kubernetes ${schemas.version} OpenAPI schemas (local files; its default 4 workers)`,
    check: (result, output) => checkKubeconform(result, output, { valid: documents.length }),
  };
  return [validating, parseOnly];
}

function checkKubeconform(result, output, want) {
  if (result.status !== 0) return `exit code ${result.status}: ${output.slice(0, 500)}`;
  let summary;
  try {
    summary = JSON.parse(output).summary;
  } catch {
    return 'stdout is not JSON';
  }
  const expected = { valid: 0, invalid: 0, errors: 0, skipped: 0, ...want };
  const got = { valid: summary.valid, invalid: summary.invalid, errors: summary.errors, skipped: summary.skipped };
  return JSON.stringify(got) === JSON.stringify(expected) ? undefined : `summary ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`;
}

function kubeLinter(file) {
  const tool = ensureGoTool(KUBE_LINTER.name, KUBE_LINTER.module, KUBE_LINTER.version);
  if ('unavailable' in tool) return { name: KUBE_LINTER.name, unavailable: tool.unavailable };
  return {
    name: KUBE_LINTER.name,
    command: tool.path,
    args: ['lint', '--format', 'json', file],
    what: `${KUBE_LINTER.version}, default checks`,
    // Exit code 1 when it has findings (it does: no resource limits on CPU, no read-only root...).
    check: (result, output) => {
      if (result.status !== 0 && result.status !== 1) return `exit code ${result.status}`;
      try {
        JSON.parse(output);
      } catch {
        return 'stdout is not JSON';
      }
      return undefined;
    },
  };
}
