// docs/causes/ID.md: one page per failure cause of the catalogue (src/causes/), stating its summary,
// and the README's table generated from the catalogue (the ids, summaries and kubelet reasons).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { causeDocsUrl, DOCS_BASE_URL } from '../../../src/core/docs-url.js';
import { CAUSE_IDS, getCause, type CauseId } from '../../../src/causes/index.js';
import { firstMatchingCause } from '../causes/cause-tester.js';
import { DOCS_DIR, markdownText, pageIds, pagePath, readPage } from './doc-pages.js';

/**
 * The messages of a page's ```text blocks: paragraphs (split at blank and `#` comment lines, with
 * notes in parentheses and trailing "(Docker)" labels left out), each with its single lines.
 */
function quotedMessages(page: string): { paragraph: string; lines: string[] }[] {
  const messages: { paragraph: string; lines: string[] }[] = [];
  for (const block of page.matchAll(/```text\n([^`]+)\n```/g)) {
    let lines: string[] = [];
    const flush = () => {
      if (lines.length > 0) messages.push({ paragraph: lines.join(' '), lines });
      lines = [];
    };
    for (const raw of (block[1] ?? '').split('\n')) {
      const line = raw.replace(/\s{2,}\([^)]*\)$/, '').trim();
      if (line === '' || line.startsWith('#') || line.startsWith('(')) flush();
      else lines.push(line);
    }
    flush();
  }
  return messages;
}

/** The "what kubectl shows" cell of docs/causes/README.md, from the catalogue. */
function kubectlCell(id: CauseId): string {
  const { kubelet } = getCause(id);
  const label = kubelet.events?.[0] ?? kubelet.reasons[0];
  return `\`${label}\`: ${kubelet.shows.map((shown) => `\`${shown}\``).join(', ')}`;
}

describe('docs/causes', () => {
  it('has exactly one page per failure cause id', () => {
    assert.deepEqual(pageIds('causes'), [...CAUSE_IDS].sort());
  });

  for (const id of CAUSE_IDS) {
    describe(id, () => {
      it('has a page titled with the cause id', () => {
        assert.ok(existsSync(pagePath('causes', id)), `docs/causes/${id}.md is missing`);
        assert.equal(readPage('causes', id).split('\n')[0], `# ${id}`);
      });

      it('states the summary and the sections every cause page has', () => {
        const page = readPage('causes', id);
        assert.ok(page.includes(`\n${markdownText(getCause(id).summary)}\n`), 'the summary should stand as its own paragraph');
        for (const heading of ['## What you see', '## Related', '## Sources']) {
          assert.ok(page.includes(`\n${heading}\n`), `missing section "${heading}"`);
        }
        assert.ok(/\n## (How to fix it|How to find the cause)\n/.test(page), 'missing a "How to fix it" section');
      });

      it('quotes at least one message as kubectl or the runtime shows it', () => {
        assert.ok(/```text\n[^`]+\n```/.test(readPage('causes', id)), 'no ```text block with a message');
      });

      it("quotes messages that the catalogue's patterns read as this cause", () => {
        // A message no pattern matches counts as unknown: the catalogue cannot name its cause.
        for (const { paragraph, lines } of quotedMessages(readPage('causes', id))) {
          assert.equal(firstMatchingCause(paragraph) ?? 'unknown', id, paragraph);
          for (const line of lines) {
            const cause = firstMatchingCause(line);
            if (cause !== undefined) assert.equal(cause, id, line);
          }
        }
      });

      it('names the waiting reason kubectl shows for it', () => {
        const page = readPage('causes', id);
        const { kubelet } = getCause(id);
        const label = kubelet.events?.[0] ?? kubelet.reasons[0] ?? '';
        assert.ok(page.includes(`\`${label}\``), `docs/causes/${id}.md never names \`${label}\``);
      });

      it('has a docs URL that points at the page', () => {
        const url = causeDocsUrl(id);
        assert.ok(url.startsWith(`${DOCS_BASE_URL}/`), url);
        assert.ok(existsSync(join(DOCS_DIR, url.slice(DOCS_BASE_URL.length + 1))), url);
      });
    });
  }

  it('README.md lists every cause with its summary and what kubectl shows, from the catalogue, in DESIGN.md order', () => {
    const index = readFileSync(join(DOCS_DIR, 'causes', 'README.md'), 'utf8');
    const rows = index.split('\n').filter((line) => /^\| \[[a-z-]+\]\([a-z-]+\.md\) \|/.test(line));
    assert.deepEqual(
      rows.map((row) => row.split(' | ').slice(0, 3).join(' | ')),
      CAUSE_IDS.map((id) => `| [${id}](${id}.md) | ${markdownText(getCause(id).summary)} | ${kubectlCell(id)}`),
    );
  });
});
