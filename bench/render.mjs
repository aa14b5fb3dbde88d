#!/usr/bin/env node
// `pullguard render` end to end, process start included, as a user runs it (to stdout): on the
// real-world corpus (../shared/corpus/realworld, 348 files) and on one generated file of N workload
// documents (bench/lint-workloads.mjs). Beside each, in the same run: `pullguard lint` of the same
// input, and the incident's approach as the baseline: sed replacing REGISTRY_URL and
// `imagePullPolicy: Never` in each file (its deploy-cloud.sh ran one sed per file). Prints figures;
// asserts only that every run produced the expected output, so that a broken run is never measured.
//
//   node bench/render.mjs [--docs 10000] [--runs 5] [--corpus DIR] [--no-build]
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { workloadStream } from './lint-workloads.mjs';
import { bundleUnless } from './support/built.mjs';
import { manifestFiles } from './support/manifest-files.mjs';
import { machineLine, measureRuns as measureRunsIn, printFigures, requireGnuTime } from './support/measure-process.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REGISTRY = 'registry.acme.dev/team';
const { values: options } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    corpus: { type: 'string', default: join(root, '..', 'shared', 'corpus', 'realworld') },
    'no-build': { type: 'boolean', default: false },
  },
});
const count = Number(options.docs);
const runs = Number(options.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('bench: --docs and --runs take positive integers');
  process.exit(2);
}
requireGnuTime();
bundleUnless(options['no-build']);

const scratch = mkdtempSync(join(tmpdir(), 'pullguard-render-bench-'));
const pullguard = join(root, 'bin/pullguard.js');
// The incident's replacement, and the policy fix its cloud copies carried by hand.
const SED_SCRIPT = `for f in "$@"; do sed -e 's|REGISTRY_URL|${REGISTRY}|g' -e 's|imagePullPolicy: Never|imagePullPolicy: Always|' "$f"; done`;

try {
  benchCorpus();
  benchDocuments();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function benchCorpus() {
  if (!existsSync(options.corpus)) {
    console.log(`render corpus: not measured (${options.corpus} does not exist; pass --corpus DIR)`);
    return;
  }
  const files = manifestFiles(options.corpus);
  const mb = (files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6).toFixed(1);
  console.log(`render corpus: ${files.length} files (${mb} MB) of ${relative(root, options.corpus) || '.'}, ${runs} runs each, median; ${machineLine()}`);
  let reference;
  // One file of the corpus is refused by kubectl's decoder too (a collection as a key): exit 2, the others rendered.
  const render = measureRuns('pullguard render', process.execPath, [pullguard, 'render', options.corpus, '--target', 'remote', '--registry', REGISTRY, '-q'], (result, output) => {
    if (result.status !== 2) return `exit ${result.status}, expected 2 (one file not rendered)`;
    // Helm-rendered files of the corpus carry `# Source:` comments of their own.
    const sources = output.split(`\n# Source: ${options.corpus}/`).length - 1;
    if (sources !== files.length - 1) return `${sources} files in the stream, expected ${files.length - 1}`;
    if (/image: REGISTRY_URL/.test(output)) return 'an image still holds REGISTRY_URL';
    reference ??= output;
    return output === reference ? undefined : "the output differs from the first run's";
  });
  printFigures(render);
  const lint = measureRuns('pullguard lint', process.execPath, [pullguard, 'lint', options.corpus, '--target', 'remote', '--format', 'json'], (result) =>
    result.status === 1 ? undefined : `exit ${result.status}, expected 1`,
  );
  printFigures(lint, 'the same files, linted');
  const sed = measureRuns('sed per file', '/bin/sh', ['-c', SED_SCRIPT, 'sh', ...files], (result, output) =>
    result.status === 0 && !/image: REGISTRY_URL/.test(output) ? undefined : `exit ${result.status}`,
  );
  printFigures(sed, "the incident's approach: text replaced, nothing else understood");
  ratios(render, [lint, sed]);
}

function benchDocuments() {
  const file = join(scratch, 'workloads.yaml');
  writeFileSync(file, workloadStream(count));
  const mb = (readFileSync(file).length / 1e6).toFixed(1);
  console.log(`render throughput: ${count} workload documents in one file (${mb} MB), ${runs} runs each, median; ${machineLine()}`);
  const render = measureRuns('pullguard render', process.execPath, [pullguard, 'render', file, '--target', 'aks', '--registry', REGISTRY, '-q'], (result, output) => {
    if (result.status !== 0) return `exit ${result.status}`;
    const annotations = output.match(/pullguard\.dev\/target: aks$/gm)?.length ?? 0;
    return annotations === count ? undefined : `${annotations} target annotations, expected ${count}`;
  });
  printFigures(render);
  console.log(`  ${Math.round(count / (render.wallMs / 1000))} documents/s wall, ${Math.round(count / (render.cpuMs / 1000))} documents/s CPU`);
  const lint = measureRuns('pullguard lint', process.execPath, [pullguard, 'lint', file, '--target', 'aks', '--format', 'json'], (result) =>
    result.status <= 1 ? undefined : `exit ${result.status}`,
  );
  printFigures(lint, 'the same file, linted');
  const sed = measureRuns('sed', '/bin/sh', ['-c', SED_SCRIPT, 'sh', file], (result) => (result.status === 0 ? undefined : `exit ${result.status}`));
  printFigures(sed, "the incident's approach on the same file");
  ratios(render, [lint, sed]);
}

function ratios(render, others) {
  for (const other of others) {
    console.log(`  ratio render/${other.name}: wall ${(render.wallMs / other.wallMs).toFixed(2)}x, CPU ${(render.cpuMs / other.cpuMs).toFixed(2)}x`);
  }
}

function measureRuns(name, command, args, check) {
  return measureRunsIn(name, command, args, check, { runs, cwd: root, scratch });
}
