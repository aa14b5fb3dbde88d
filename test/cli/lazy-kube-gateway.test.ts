// The Kubernetes gateway is loaded only by commands that read a cluster: in the bundle, it is a
// chunk of its own that neither the CLI's entry nor `lint` reaches through static imports (what a
// process loads before any `import()` runs).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './run-cli.js';

const DIST = join(ROOT, 'dist');

function staticImports(file: string): string[] {
  const text = readFileSync(join(DIST, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((match) => match[1] as string);
}

/** Every chunk `entry` loads before it runs: its static imports, transitively. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const next of staticImports(file)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('the Kubernetes gateway is imported lazily', () => {
  it('is a chunk of its own, out of the static closure of the CLI and of lint', () => {
    const files = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    const gateway = files.filter((f) => readFileSync(join(DIST, f), 'utf8').includes('KUBERNETES_EXEC_INFO'));
    assert.equal(gateway.length, 1, `one chunk holds the gateway: ${gateway.join(', ')}`);
    const lint = files.find((f) => /^lint-[A-Z0-9]+\.js$/.test(f));
    assert.ok(lint !== undefined, 'the lint command is a chunk of its own');
    for (const entry of ['pullguard.js', lint]) {
      assert.equal(staticClosure(entry).has(gateway[0] as string), false, `${entry} loads the gateway`);
    }
  });
});
