#!/usr/bin/env node
// Does the js-yaml event reader (the middle tier of readManifestText) earn its place? On a
// directory of real manifests (default: the real-world corpus, ../shared/corpus/realworld), counts
// the documents each reader reads, then times reading every file with the default chain against the
// same chain with the event tier declining everything (so that `yaml` reads what it read), in one
// process, after one unmeasured pass. The module is bundled from src with esbuild so that the figure
// is always the one of the working tree.
//
//   node bench/reader-tiers.mjs [--dir DIR] [--runs 15]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundledReaders } from './support/bundle-readers.mjs';
import { machineLine, median } from './support/measure-process.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: { dir: { type: 'string', default: join(root, '..', 'shared', 'corpus', 'realworld') }, runs: { type: 'string', default: '15' } },
});
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench: --runs takes a positive integer');
  process.exit(2);
}

const { readManifestText, FULL_YAML_READERS } = await bundledReaders();

const files = readdirSync(options.dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
  .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
  .sort();
const texts = files.map((file) => [relative(options.dir, file), readFileSync(file, 'utf8')]);
const chains = {
  'line → event → yaml': FULL_YAML_READERS,
  'line → yaml': { ...FULL_YAML_READERS, events: () => undefined },
};

function readAll(readers, stats) {
  let objects = 0;
  for (const [name, text] of texts) objects += readManifestText(text, name, readers, stats ? { stats } : {}).objects.length;
  return objects;
}

const bytes = texts.reduce((sum, [, text]) => sum + text.length, 0);
console.log(`reader tiers: ${texts.length} files (${(bytes / 1e6).toFixed(1)} MB) of ${relative(root, options.dir) || '.'}, median of ${runs} runs; ${machineLine()}`);
const results = [];
for (const [label, readers] of Object.entries(chains)) {
  const stats = { line: 0, events: 0, exact: 0, json: 0 };
  const objects = readAll(readers, stats);
  const walls = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    readAll(readers);
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  results.push({ label, wall: median(walls), cpu: median(cpus), objects });
  console.log(
    `  ${label.padEnd(20)} wall ${median(walls).toFixed(0).padStart(5)} ms, CPU ${median(cpus).toFixed(0).padStart(5)} ms; ${objects} objects; ` +
      `documents read by: line reader ${stats.line}, event reader ${stats.events}, yaml ${stats.exact}, JSON ${stats.json}`,
  );
}
if (results[0].objects !== results[1].objects) {
  console.error('bench: the two chains read different objects');
  process.exit(1);
}
const [withEvents, without] = results;
console.log(
  `  the event tier saves ${(without.wall - withEvents.wall).toFixed(0)} ms wall (${((1 - withEvents.wall / without.wall) * 100).toFixed(0)}%), ` +
    `${(without.cpu - withEvents.cpu).toFixed(0)} ms CPU (${((1 - withEvents.cpu / without.cpu) * 100).toFixed(0)}%) per pass over the directory`,
);
