#!/usr/bin/env node
// Builds two things: `build/` (tsc output of src, test and bench: type-checked, used by the test
// runner and the library entry) and `dist/pullguard.js` (one esbuild bundle for the CLI, because
// start-up time is a feature and an unbundled ESM graph costs hundreds of milliseconds).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.includes('--bundle-only') ? 'bundle' : process.argv.includes('--tsc-only') ? 'tsc' : 'all';

if (only !== 'bundle') {
  rmSync(join(root, 'build'), { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
      stdio: 'inherit',
    });
  } catch {
    console.error('build: TypeScript reported errors (above).');
    process.exit(2);
  }
}

if (only !== 'tsc') {
  // Chunk names carry content hashes: without this, every build would leave its old chunks behind
  // (and `files` would publish them).
  rmSync(join(root, 'dist'), { recursive: true, force: true });

  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outdir: join(root, 'dist'),
    entryNames: 'pullguard',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    minifySyntax: true,
    banner: { js: "import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}
