// readManifestText and FULL_YAML_READERS bundled from src with esbuild, so that a reader bench
// always measures the working tree, without a tsc build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `{ readManifestText, FULL_YAML_READERS }` of src/manifests. */
export async function bundledReaders() {
  const scratch = mkdtempSync(join(tmpdir(), 'pullguard-reader-bench-'));
  try {
    const outfile = join(scratch, 'read-manifest-text.mjs');
    await build({
      stdin: {
        contents:
          "export { readManifestText } from './src/manifests/read-manifest-text.ts';\n" +
          "export { FULL_YAML_READERS } from './src/manifests/readers/full-yaml-readers.ts';\n",
        resolveDir: root,
        loader: 'ts',
      },
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      banner: { js: "import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
