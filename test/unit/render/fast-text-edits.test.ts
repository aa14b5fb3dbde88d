// The fast editor (the reader's positions, no second parse) against the full one (`yaml`'s nodes)
// on every file of the real-world corpus and on the render fixtures: byte-identical output, for a
// remote target with every flag that edits and for a local one; and the share of files the fast
// editor handles, so that a change that quietly disables it shows.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { parseRenderFlags, type RenderFlags } from '../../../src/render/parse-render-flags.js';
import { renderText, type RenderTextStats } from '../../../src/render/render-text.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CORPUS = join(ROOT, '../shared/corpus/realworld');

function manifestFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...manifestFiles(path));
    else if (/\.(ya?ml|json)$/.test(entry)) out.push(path);
  }
  return out;
}

describe('the fast editor makes the same bytes as the full one', () => {
  const runs: [string, RenderFlags, number][] = [
    ['remote', { registry: 'registry.acme.dev/team', tag: ['1.0'], pullSecret: ['acme-pull'] }, 250],
    ['kind', {}, 300],
  ];
  for (const [target, flags, atLeast] of runs) {
    it(`on the real-world corpus for ${target} ${JSON.stringify(flags)}`, { skip: !existsSync(CORPUS) && 'no ../shared/corpus' }, () => {
      const options = parseRenderFlags(getTargetProfile(target)!, flags);
      const stats: RenderTextStats = { fast: 0, full: 0 };
      const differ: string[] = [];
      for (const file of [...manifestFiles(CORPUS), ...manifestFiles(join(ROOT, 'test/fixtures/render'))]) {
        const text = readFileSync(file, 'utf8');
        const auto = renderText(text, file, options, undefined, undefined, { stats });
        const full = renderText(text, file, options, undefined, undefined, { editor: 'full' });
        if (JSON.stringify(auto) !== JSON.stringify(full)) differ.push(file);
      }
      assert.deepEqual(differ, []);
      assert.ok(stats.fast >= atLeast, `only ${stats.fast} files by the fast editor (${stats.full} by the full one)`);
    });
  }
});
