#!/usr/bin/env node
// What a broken document costs the readers next to a valid one of the same size: a document whose
// first line breaks the YAML (a flow mapping left open) makes every later line a parse error, and
// the `yaml` package builds an Error for each. The figure to watch is the ratio: a broken document
// of 20,000 lines must not take seconds (it took 3 s in one process, 9 s with deep nesting added,
// while every Error captured its stack). The module is bundled from src with esbuild, as in
// reader-throughput.mjs, so that the figure is the working tree's.
//
//   node bench/broken-document.mjs [--lines 20000] [--runs 5]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { machineLine, median } from './support/measure-process.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: { lines: { type: 'string', default: '20000' }, runs: { type: 'string', default: '5' } },
});
const lines = Number(options.lines);
const runs = Number(options.runs);
if (!Number.isInteger(lines) || lines < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('bench: --lines and --runs take positive integers');
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'pullguard-broken-bench-'));
let parseManifestText;
try {
  const outfile = join(scratch, 'parse-manifest-text.mjs');
  await build({
    entryPoints: [join(root, 'src/k8s/parse-manifest-text.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  ({ parseManifestText } = await import(pathToFileURL(outfile).href));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const body = Array.from({ length: lines }, (_, i) => `k${i}: v`).join('\n') + '\n';
const valid = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n${body.replace(/^/gm, '  ')}`;
const broken = `{"apiVersion": "v1", "kind": "ConfigMap",\n "metadata": {"name": "x"}}\n${body}`;
console.log(`broken document: ${lines} lines (${(broken.length / 1e6).toFixed(2)} MB), median of ${runs} runs; ${machineLine()}`);

const figures = {};
for (const [name, text, expectProblems] of [
  ['valid', valid, 0],
  ['broken', broken, 1],
]) {
  // The reader the CLI would use for each: `exact` is the `yaml` package, which the broken one needs.
  const once = () => {
    const parsed = parseManifestText(text, 'bench.yaml', { reader: 'exact' });
    if (parsed.problems.length !== expectProblems || parsed.objects.length !== 1 - expectProblems) {
      console.error(`bench: ${name} read ${parsed.objects.length} objects and ${parsed.problems.length} problems`);
      process.exit(1);
    }
  };
  once();
  const walls = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    once();
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  figures[name] = median(walls);
  console.log(`  ${name.padEnd(7)} ${figures[name].toFixed(0).padStart(6)} ms`);
}
console.log(`  broken/valid: ${(figures.broken / figures.valid).toFixed(1)}x`);
