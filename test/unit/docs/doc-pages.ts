// Reading the docs pages the way the tests need them: the repository's docs/ folder (the tests run from
// build/test/unit/docs/), the fenced YAML examples of a rule page, and the relative links of a page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const DOCS_DIR = join(REPO_ROOT, 'docs');

export function pagePath(section: 'rules' | 'causes', id: string): string {
  return join(DOCS_DIR, section, `${id}.md`);
}

export function readPage(section: 'rules' | 'causes', id: string): string {
  return readFileSync(pagePath(section, id), 'utf8');
}

/** Ids of the pages in a section (file names without `.md`), README excluded. */
export function pageIds(section: 'rules' | 'causes'): string[] {
  const dir = join(DOCS_DIR, section);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => name.slice(0, -3))
    .sort();
}

export interface YamlExample {
  /** `Reported` or `Not reported`: the `###` heading under `## Examples`. */
  kind: 'reported' | 'not-reported';
  yaml: string;
  /** 1-based line of the opening fence in the page, for messages. */
  line: number;
  /** From a `--target ID` in the block's comments; `remote` (pullguard's default) otherwise. */
  target: string;
  /** From "reported as SEVERITY" in the block's comments. */
  severity?: string;
}

/** The ```yaml blocks under `## Examples` → `### Reported` / `### Not reported`. */
export function yamlExamples(page: string): YamlExample[] {
  const lines = page.split('\n');
  const examples: YamlExample[] = [];
  let section = '';
  let subsection = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('## ')) {
      section = line.slice(3).trim();
      subsection = '';
      continue;
    }
    if (line.startsWith('### ')) {
      subsection = line.slice(4).trim();
      continue;
    }
    const fence = /^(`{3,})(\S*)/.exec(line);
    if (fence === null) continue;
    const close = lines.findIndex((l, j) => j > i && l.startsWith(fence[1] ?? '```') && l.trim() === fence[1]);
    if (close < 0) throw new Error(`unclosed code fence at line ${i + 1}`);
    const body = lines.slice(i + 1, close).join('\n') + '\n';
    if (section === 'Examples' && fence[2] === 'yaml' && (subsection === 'Reported' || subsection === 'Not reported')) {
      const comments = body.split('\n').filter((l) => l.startsWith('#')).join('\n');
      const example: YamlExample = {
        kind: subsection === 'Reported' ? 'reported' : 'not-reported',
        yaml: body,
        line: i + 1,
        target: /--target ([a-z0-9-]+)/.exec(comments)?.[1] ?? 'remote',
      };
      const severity = /reported as (error|warning|info)\b/.exec(comments)?.[1];
      if (severity !== undefined) example.severity = severity;
      examples.push(example);
    }
    i = close;
  }
  return examples;
}

/** Targets of the page's relative Markdown links (`[x](other.md)`, `[y](../causes/z.md#part)`), outside code. */
export function relativeLinks(page: string): string[] {
  const withoutCode = page.replace(/^(`{3,}).*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
  const links: string[] = [];
  for (const match of withoutCode.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1] ?? '';
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
    links.push(target.replace(/#.*$/, ''));
  }
  return links;
}

/** The `**Default severity:** X` line of a rule page. */
export function statedSeverity(page: string): string | undefined {
  return /^- \*\*Default severity:\*\* (\S+)\s*$/m.exec(page)?.[1];
}

/** Text as written in the pages: `<` escaped so that Markdown renderers do not take `<your-registry>` for an HTML tag. */
export function markdownText(text: string): string {
  return text.replace(/</g, '\\<');
}
