#!/usr/bin/env node
// `npm run example`: builds pullguard and lints the bundled example for AKS twice: the incident's
// manifests (which must fail) and the corrected ones (which must pass). Exits 0 only when both
// verdicts are the expected ones, so the README's first command is a real check too.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--bundle-only'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 2);

function lint(dir) {
  const args = [join(root, 'bin/pullguard.js'), 'lint', `examples/webapi/${dir}`, '--target', 'aks'];
  console.log(`\n$ pullguard lint examples/webapi/${dir} --target aks`);
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;
}

const incident = lint('incident');
const fixed = lint('fixed');
console.log(`\nincident manifests: exit ${incident} (expected 1) · fixed manifests: exit ${fixed} (expected 0)`);
process.exit(incident === 1 && fixed === 0 ? 0 : 1);
