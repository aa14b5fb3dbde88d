// docs/causes/ID.md: one page per failure cause of the catalogue (src/causes/), stating its summary,
// and the README's table generated from the catalogue (the ids, summaries and kubelet reasons).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { causeDocsUrl, DOCS_BASE_URL } from '../../../src/core/docs-url.js';
import { CAUSE_IDS, getCause } from '../../../src/causes/index.js';
import { DOCS_DIR, markdownText, pageIds, pagePath, readPage } from './doc-pages.js';

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

      it('has a docs URL that points at the page', () => {
        const url = causeDocsUrl(id);
        assert.ok(url.startsWith(`${DOCS_BASE_URL}/`), url);
        assert.ok(existsSync(join(DOCS_DIR, url.slice(DOCS_BASE_URL.length + 1))), url);
      });
    });
  }

  it('README.md lists every cause with its summary, in DESIGN.md order', () => {
    const index = readFileSync(join(DOCS_DIR, 'causes', 'README.md'), 'utf8');
    const rows = index.split('\n').filter((line) => /^\| \[[a-z-]+\]\([a-z-]+\.md\) \|/.test(line));
    assert.deepEqual(
      rows.map((row) => row.split(' | ').slice(0, 2).join(' | ')),
      CAUSE_IDS.map((id) => `| [${id}](${id}.md) | ${markdownText(getCause(id).summary)}`),
    );
  });
});
