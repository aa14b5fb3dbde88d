#!/usr/bin/env node
// Lint throughput, end to end, in two workloads: one generated file of N workload documents of
// mixed kinds (bench/lint-workloads.mjs), linted by the built CLI as a user runs it
// (`pullguard lint FILE --target aks --format json`), and a directory of many small real manifest
// files (default ../shared/corpus/realworld, `pullguard lint DIR --format json`); each repeated,
// then the same input through kubeconform, kube-linter and kube-score in the same run, as ratios.
// Prints figures; asserts only that every run produced the expected output, so that a broken run
// is never measured.
//
//   node bench/lint-throughput.mjs [--docs 10000] [--runs 5] [--corpus DIR] [--only documents|corpus]
//                                  [--kube-linter PATH] [--kube-score PATH] [--no-build] [--no-others]
//                                  [--baseline DIR]
//
// --baseline DIR: another checkout of pullguard, built (say main at a branch point); its CLI runs
// interleaved with this one's on the same input, run for run, so that both meet the same load.
//
// Goals: 10,000 documents in under 1 s wall time and under 300 MB peak RSS on the 2-core machine,
// and at least 2x faster than each peer (issue 9); the corpus in under 0.3 s, process start included.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { workloadDocuments } from './lint-workloads.mjs';
import { benchBinDir, ensureGoTool } from './support/go-tool.mjs';
import { kubeconformSchemas, SCHEMA_TEMPLATE_FILE } from './support/kubeconform-schemas.mjs';
import { bundleUnless } from './support/built.mjs';
import { manifestFiles } from './support/manifest-files.mjs';
import { machineLine, measure, measureRuns as measureRunsIn, printFigures, requireGnuTime, summarizeRuns } from './support/measure-process.mjs';

const KUBECONFORM = { name: 'kubeconform', module: 'github.com/yannh/kubeconform/cmd/kubeconform', version: 'v0.8.0' };
// The module proxy refuses kube-linter's module path, so it is built from its tagged source (see
// bench/README.md) and found through --kube-linter, $KUBE_LINTER or the bench cache folder.
const KUBE_LINTER = { name: 'kube-linter', version: 'v0.8.3' };
const KUBE_SCORE = { name: 'kube-score', module: 'github.com/zegl/kube-score/cmd/kube-score', version: 'v1.20.0' };
const GOAL_WALL_MS = 1000;
const GOAL_RSS_MB = 300;
const GOAL_CORPUS_WALL_MS = 300;
const GOAL_RATIO = 2;

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
    corpus: { type: 'string', default: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'realworld') },
    only: { type: 'string' },
    'kube-linter': { type: 'string', default: process.env.KUBE_LINTER },
    'kube-score': { type: 'string', default: process.env.KUBE_SCORE },
    'no-build': { type: 'boolean', default: false },
    'no-others': { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
if (options.only !== undefined && options.only !== 'documents' && options.only !== 'corpus') {
  console.error('bench: --only takes documents or corpus');
  process.exit(2);
}
const count = Number(options.docs);
const runs = Number(options.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('bench: --docs and --runs take positive integers');
  process.exit(2);
}

requireGnuTime();
bundleUnless(options['no-build']);

const scratch = mkdtempSync(join(tmpdir(), 'pullguard-lint-bench-'));
try {
  if (options.only !== 'corpus') benchDocuments();
  if (options.only !== 'documents') benchCorpus();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function benchDocuments() {
  const documents = workloadDocuments(count);
  const file = join(scratch, 'workloads.yaml');
  writeFileSync(file, documents.map((d) => d.text).join(''));
  const expected = expectedReport(documents);
  const mb = (readFileSync(file).length / 1e6).toFixed(1);
  console.log(`lint throughput: ${count} workload documents (${mb} MB, 6 kinds), ${runs} runs each, median; ${machineLine()}`);

  const pullguard = measurePullguard((cli) => [cli, 'lint', file, '--target', 'aks', '--format', 'json'], () => (result, output) => checkPullguard(result, output, expected));
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
  if (!options['no-others']) compare(pullguard, [...kubeconform(file, documents), kubeLinter([file]), kubeScore([file])]);
}

/** Many small files of real projects: what a repository of manifests looks like. */
function benchCorpus() {
  if (!existsSync(options.corpus)) {
    console.log(`lint corpus: not measured (${options.corpus} does not exist; pass --corpus DIR)`);
    return;
  }
  const files = manifestFiles(options.corpus);
  const mb = (files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6).toFixed(1);
  console.log(`lint corpus: ${files.length} files (${mb} MB) of ${relative(root, options.corpus) || "."}, ${runs} runs each, median; ${machineLine()}`);
  const pullguard = measurePullguard(
    (cli) => [cli, 'lint', options.corpus, '--format', 'json'],
    () => {
      let reference;
      return (result, output) => {
        const problem = checkPullguardCorpus(result, output, files.length);
        if (problem !== undefined) return problem;
        // Every run must print the same report, byte for byte.
        reference ??= output;
        return output === reference ? undefined : "the report differs from the first run's";
      };
    },
  );
  console.log(`  goal: < ${GOAL_CORPUS_WALL_MS} ms, process start included: ${pullguard.wallMs < GOAL_CORPUS_WALL_MS ? 'met' : 'MISSED'}`);
  // kube-linter walks a directory itself; kube-score takes files only.
  if (!options['no-others']) compare(pullguard, [kubeLinter([options.corpus]), kubeScore(files)]);
}

/**
 * pullguard's runs (printed), and with --baseline the baseline's, interleaved run for run, with the
 * ratio of the two. `argsOf` gives the arguments for a CLI path; `checkOf` a fresh output check.
 */
function measurePullguard(argsOf, checkOf) {
  const variants = [{ name: 'pullguard', cli: join(root, 'bin/pullguard.js'), check: checkOf() }];
  if (options.baseline !== undefined) variants.push({ name: 'baseline', cli: join(options.baseline, 'bin/pullguard.js'), check: checkOf() });
  const samples = variants.map(() => []);
  for (let i = 0; i < runs; i++) {
    variants.forEach((variant, v) => {
      const stdoutFile = join(scratch, `${variant.name}.out`);
      const result = measure(process.execPath, argsOf(variant.cli), { stdoutFile, cwd: root, scratch });
      const problem = variant.check(result, readFileSync(stdoutFile, 'utf8'));
      if (problem !== undefined) {
        console.error(`bench: ${variant.name} run ${i + 1} produced wrong output: ${problem}`);
        if (result.stderr) console.error(result.stderr.slice(0, 2000));
        process.exit(1);
      }
      samples[v].push(result);
    });
  }
  const figures = variants.map((variant, v) => summarizeRuns(variant.name, samples[v]));
  for (const f of figures) printFigures(f, f.name === 'baseline' ? `${options.baseline}, runs interleaved with pullguard's` : undefined);
  if (figures[1] !== undefined) {
    console.log(`  ratio baseline/pullguard: wall ${(figures[1].wallMs / figures[0].wallMs).toFixed(2)}x, CPU ${(figures[1].cpuMs / figures[0].cpuMs).toFixed(2)}x`);
  }
  return figures[0];
}

function compare(pullguard, others) {
  for (const other of others) {
    if ('unavailable' in other) {
      console.log(`  ${other.name}: not measured (${other.unavailable})`);
      continue;
    }
    const figures = measureRuns(other.name, other.command, other.args, other.check);
    printFigures(figures, other.what);
    const ratio = figures.wallMs / pullguard.wallMs;
    console.log(
      `  ratio ${other.name}/pullguard: wall ${ratio.toFixed(2)}x, ` +
        `CPU ${(figures.cpuMs / pullguard.cpuMs).toFixed(2)}x, peak RSS ${(figures.peakRssMiB / pullguard.peakRssMiB).toFixed(2)}x` +
        (other.name === KUBE_LINTER.name || other.name === KUBE_SCORE.name ? ` (goal >= ${GOAL_RATIO}x by wall: ${ratio >= GOAL_RATIO ? 'met' : 'MISSED'})` : ''),
    );
  }
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
  // Exit code 0: warnings only. `myregistry` only looks like a placeholder (a real registry could be
  // named so), which placeholder-registry reports as a warning.
  if (result.status !== 0) return `exit code ${result.status}, expected 0`;
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

function checkPullguardCorpus(result, output, files) {
  // 0 or 1: the corpus has findings of its own; 2 would be a usage or internal error.
  if (result.status !== 0 && result.status !== 1) return `exit code ${result.status}`;
  let report;
  try {
    report = JSON.parse(output);
  } catch {
    return 'stdout is not JSON';
  }
  if (report.summary.files !== files) return `summary.files ${report.summary.files}, expected ${files}`;
  if (report.summary.objects < files) return `only ${report.summary.objects} objects in ${files} files`;
  return undefined;
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

function kubeLinter(paths) {
  const path = options['kube-linter'] ?? join(benchBinDir(), `${KUBE_LINTER.name}-${KUBE_LINTER.version}`, KUBE_LINTER.name);
  if (!existsSync(path)) {
    return { name: KUBE_LINTER.name, unavailable: `no binary at ${path}: build ${KUBE_LINTER.version} from its tagged source (bench/README.md) or pass --kube-linter PATH` };
  }
  return {
    name: KUBE_LINTER.name,
    command: path,
    args: ['lint', '--format', 'json', ...paths],
    what: `${options['kube-linter'] === undefined ? KUBE_LINTER.version : path}, default checks`,
    // Exit code 1 when it has findings (it does: no resource limits on CPU, no read-only root...).
    check: jsonWithFindings,
  };
}

function kubeScore(files) {
  const tool = options['kube-score'] === undefined ? ensureGoTool(KUBE_SCORE.name, KUBE_SCORE.module, KUBE_SCORE.version) : { path: options['kube-score'] };
  if ('unavailable' in tool) return { name: KUBE_SCORE.name, unavailable: tool.unavailable };
  return {
    name: KUBE_SCORE.name,
    command: tool.path,
    args: ['score', '--output-format', 'json', ...files],
    what: `${options['kube-score'] === undefined ? KUBE_SCORE.version : tool.path}, default checks`,
    // Exit code 1 when a check is critical (missing probes, resource limits...).
    check: jsonWithFindings,
  };
}

function jsonWithFindings(result, output) {
  if (result.status !== 0 && result.status !== 1) return `exit code ${result.status}`;
  try {
    JSON.parse(output);
  } catch {
    return 'stdout is not JSON';
  }
  return undefined;
}

function measureRuns(name, command, args, check) {
  return measureRunsIn(name, command, args, check, { runs, cwd: root, scratch });
}
