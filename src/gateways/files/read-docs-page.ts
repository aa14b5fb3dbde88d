// Docs pages ship with the package (`docs/`), so `pullguard explain` works offline. The bundle
// lives in dist/ and the library in build/src/..., so look upwards for the docs folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type DocsSection = 'rules' | 'causes';

function docsRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'docs', 'rules'))) return join(dir, 'docs');
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

export function readDocsPage(section: DocsSection, id: string): string | undefined {
  const root = docsRoot();
  if (root === undefined || !/^[a-z0-9-]+$/.test(id)) return undefined;
  const file = join(root, section, `${id}.md`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function listDocsPages(section: DocsSection): string[] {
  const root = docsRoot();
  if (root === undefined || !existsSync(join(root, section))) return [];
  return readdirSync(join(root, section))
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => name.slice(0, -3))
    .sort();
}
