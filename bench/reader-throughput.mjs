#!/usr/bin/env node
// Reader micro-benchmark: documents per second of readManifestText (src/manifests/read-manifest-text.ts)
// with its default reader chain against `reader: 'exact'` (the `yaml` package for every document,
// the reference the fast readers are held to), in one process, on the workload stream of
// bench/lint-workloads.mjs. The module is bundled from src with esbuild so that the figure is
// always the one of the working tree, without a tsc build.
//
//   node bench/reader-throughput.mjs [--docs 2000] [--runs 5]
import { parseArgs } from 'node:util';
import { workloadDocuments } from './lint-workloads.mjs';
import { bundledReaders } from './support/bundle-readers.mjs';
import { machineLine, median } from './support/measure-process.mjs';

const { values: options } = parseArgs({
  options: { docs: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } },
});
const count = Number(options.docs);
const runs = Number(options.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('bench: --docs and --runs take positive integers');
  process.exit(2);
}

const { readManifestText, FULL_YAML_READERS } = await bundledReaders();

const documents = workloadDocuments(count);
const text = documents.map((d) => d.text).join('');
console.log(`reader throughput: ${count} workload documents (${(text.length / 1e6).toFixed(1)} MB), median of ${runs} runs; ${machineLine()}`);

const results = [];
for (const reader of ['auto', 'exact']) {
  // One unmeasured run lets the JIT settle, as it has by the time a real run reaches document 100.
  parse(reader);
  const walls = [];
  const cpus = [];
  let stats;
  for (let i = 0; i < runs; i++) {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    stats = parse(reader);
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  const wall = median(walls);
  const cpu = median(cpus);
  const docsPerSecond = Math.round(count / (wall / 1000));
  results.push({ reader, docsPerSecond, docsPerCpuSecond: Math.round(count / (cpu / 1000)) });
  console.log(
    `  ${reader === 'auto' ? 'default (auto)' : "reader: 'exact'"}`.padEnd(18) +
      `${String(docsPerSecond).padStart(7)} documents/s, ${String(Math.round(count / (cpu / 1000))).padStart(7)} per CPU second ` +
      `(wall ${wall.toFixed(0)} ms, CPU ${cpu.toFixed(0)} ms; ` +
      `documents read by: line reader ${stats.line}, event reader ${stats.events}, yaml ${stats.exact})`,
  );
}
console.log(
  `  default/exact: ${(results[0].docsPerSecond / results[1].docsPerSecond).toFixed(1)}x by wall time, ` +
    `${(results[0].docsPerCpuSecond / results[1].docsPerCpuSecond).toFixed(1)}x by CPU time`,
);

function parse(reader) {
  const stats = { line: 0, events: 0, exact: 0, json: 0 };
  const parsed = readManifestText(text, 'workloads.yaml', FULL_YAML_READERS, { reader, stats });
  if (parsed.objects.length !== count || parsed.problems.length !== 0) {
    console.error(`bench: reader ${reader} read ${parsed.objects.length} objects and ${parsed.problems.length} problems, expected ${count} and 0`);
    process.exit(1);
  }
  // Spot-check values, not only counts: a reader that dropped fields must not look fast.
  for (const index of [0, count >> 1, count - 1]) {
    const object = parsed.objects[index];
    const want = documents[index];
    const images = JSON.stringify(object.value).match(/"image":"[^"]*"/g)?.map((m) => m.slice(9, -1));
    if (object.ref.kind !== want.kind || JSON.stringify(images) !== JSON.stringify(want.images)) {
      console.error(`bench: reader ${reader} read document ${index} wrong: ${object.ref.kind} ${JSON.stringify(images)}`);
      process.exit(1);
    }
  }
  return stats;
}
