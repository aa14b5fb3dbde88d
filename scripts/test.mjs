#!/usr/bin/env node
// The whole test suite, from a fresh clone: installs what the tests need (npm packages, Debian
// packages, binaries built from Go modules: see scripts/test-deps.d/), builds, then runs every
// test file with node's own runner. Arguments filter test files by substring:
//   npm test -- registry        only files whose path contains "registry"
//   PULLGUARD_SKIP_DEPS=1        skip the dependency step (when you know they are in place)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);

function step(title, fn) {
  const started = Date.now();
  console.error(`test: ${title}`);
  fn();
  console.error(`test: ${title} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (!existsSync(join(root, 'node_modules/.package-lock.json'))) {
  step('npm ci', () => execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' }));
}

if (!process.env.PULLGUARD_SKIP_DEPS) {
  const depsDir = join(root, 'scripts/test-deps.d');
  for (const name of readdirSync(depsDir).filter((f) => f.endsWith('.sh')).sort()) {
    step(`dependencies: ${name}`, () => execFileSync('bash', [join(depsDir, name)], { cwd: root, stdio: 'inherit' }));
  }
}

step('build', () => execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' }));

function collect(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...collect(full));
    else if (entry.endsWith('.test.js')) out.push(full);
  }
  return out;
}

const files = collect(join(root, 'build/test'))
  .filter((f) => filters.length === 0 || filters.some((flt) => relative(root, f).includes(flt)))
  .sort();
if (files.length === 0) {
  console.error(`test: no test files match ${filters.join(', ')}`);
  process.exit(2);
}

const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', '--test', '--test-reporter=tap', '--test-timeout=600000', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
