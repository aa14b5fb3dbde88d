// The build a bench runs against: `node scripts/build.mjs` compiles src/ and test/support/ into
// build/ (the control-plane harness, the library) and bundles the CLI into dist/. A bench that
// finds either missing says so and exits 2, instead of failing halfway with an import error.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Imports a compiled module by its path under build/ (e.g. 'test/support/control-plane/index.js'). */
export async function importBuilt(path) {
  requireBuild();
  return import(join(root, 'build', path));
}

export function requireBuild() {
  try {
    statSync(join(root, 'dist/pullguard.js'));
    statSync(join(root, 'build/test/support/control-plane/index.js'));
  } catch {
    console.error('bench: build first (node scripts/build.mjs)');
    process.exit(2);
  }
}

/** Bundles the CLI (scripts/build.mjs --bundle-only) unless the bench was told --no-build. */
export function bundleUnless(noBuild) {
  if (noBuild) return;
  console.error('bench: node scripts/build.mjs --bundle-only');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--bundle-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
