// docs/rules/ID.md is what `pullguard explain ID`, SARIF help links and the Markdown report point at:
// one page per registered rule, stating the rule's own id and default severity, with YAML examples
// that the real engine reports (or not) exactly as the page says.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DOCS_BASE_URL, ruleDocsUrl } from '../../../src/core/docs-url.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { lintLoaded } from '../../../src/commands/lint.js';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import { RULES } from '../../../src/rules/index.js';
import { DOCS_DIR, markdownText, pageIds, pagePath, readPage, relativeLinks, REPO_ROOT, statedSeverity, yamlExamples } from './doc-pages.js';

/**
 * Rules about files rather than their text: what they report (a file the system refuses) cannot be
 * a YAML example, so their Reported example is a console session and
 * test/unit/rules/FILE-RULE.test.ts makes such files for real.
 */
const FILE_RULES: ReadonlySet<string> = new Set(['file-unreadable']);

describe('docs/rules', () => {
  it('has exactly one page per registered rule', () => {
    assert.deepEqual(pageIds('rules'), RULES.map((rule) => rule.meta.id).sort());
  });

  for (const rule of RULES) {
    const { id, defaultSeverity, description } = rule.meta;
    describe(id, () => {
      it('has a page titled with the rule id', () => {
        assert.ok(existsSync(pagePath('rules', id)), `docs/rules/${id}.md is missing`);
        assert.equal(readPage('rules', id).split('\n')[0], `# ${id}`);
      });

      it(`states the default severity of the rule (${defaultSeverity})`, () => {
        assert.equal(statedSeverity(readPage('rules', id)), defaultSeverity);
      });

      it("quotes the rule's description", () => {
        assert.ok(readPage('rules', id).includes(markdownText(description)), `the page should contain: ${markdownText(description)}`);
      });

      it('has the sections every rule page has', () => {
        const page = readPage('rules', id);
        for (const heading of ['## What it reports', '## What it does not report', '## Examples', '## How to fix it', '## Turning it off', '## Sources']) {
          assert.ok(page.includes(`\n${heading}\n`), `missing section "${heading}"`);
        }
        assert.ok(page.includes(`pullguard.dev/ignore: ${id}`), 'shows the ignore annotation with the rule id');
        assert.ok(page.includes(`  ${id}: off`), 'shows how to turn the rule off in .pullguard.yaml');
      });

      const examples = existsSync(pagePath('rules', id)) ? yamlExamples(readPage('rules', id)) : [];
      it('has examples that are reported and examples that are not', () => {
        if (FILE_RULES.has(id)) {
          assert.ok(/\n### Reported\n\n```console\n/.test(readPage('rules', id)), 'no ```console block under ### Reported');
        } else {
          assert.ok(examples.some((e) => e.kind === 'reported'), 'no ```yaml block under ### Reported');
        }
        assert.ok(examples.some((e) => e.kind === 'not-reported'), 'no ```yaml block under ### Not reported');
      });

      for (const example of examples) {
        it(`example at line ${example.line} is ${example.kind === 'reported' ? '' : 'not '}reported (--target ${example.target})`, () => {
          assert.ok(getTargetProfile(example.target) !== undefined, `unknown target "${example.target}" in the example`);
          const parsed = readManifestText(example.yaml, `${id}.yaml`, FULL_YAML_READERS);
          const report = lintLoaded({ ...parsed, files: 1 }, example.target, { rules: {}, registries: {} });
          const own = report.findings.filter((finding) => finding.ruleId === id);
          if (rule.meta.requires === 'registry' || rule.meta.requires === 'cluster') {
            // lint never asks a registry or a cluster; check-command.test.ts and
            // test/integration/docker/check-cluster.test.ts prove what `check` reports.
            assert.deepEqual(own, [], `lint must not report a rule that needs ${rule.meta.requires} answers`);
            return;
          }
          if (example.kind === 'not-reported') {
            assert.deepEqual(own.map((f) => `${f.line}:${f.column} ${f.message}`), []);
            return;
          }
          assert.ok(own.length > 0, `expected a ${id} finding; got ${JSON.stringify(report.findings.map((f) => f.ruleId))}`);
          const expected = example.severity ?? defaultSeverity;
          assert.deepEqual(own.map((f) => f.severity), own.map(() => expected), `findings: ${own.map((f) => f.message).join(' | ')}`);
        });
      }
    });
  }
});

describe('docs/rules/README.md', () => {
  it('lists every rule with its default severity and description, in registry order', () => {
    const index = readFileSync(join(DOCS_DIR, 'rules', 'README.md'), 'utf8');
    const rows = index.split('\n').filter((line) => /^\| \[[a-z-]+\]\([a-z-]+\.md\) \|/.test(line));
    assert.deepEqual(
      rows,
      RULES.map(({ meta }) => `| [${meta.id}](${meta.id}.md) | ${meta.defaultSeverity} | ${markdownText(meta.description)} |`),
    );
  });
});

describe('rule docs URLs (src/core/docs-url.ts)', () => {
  for (const rule of RULES) {
    it(`${rule.meta.id} points at an existing page`, () => {
      const url = ruleDocsUrl(rule.meta.id);
      assert.ok(url.startsWith(`${DOCS_BASE_URL}/`), url);
      // DOCS_BASE_URL is the repository's docs/ folder on the default branch.
      assert.ok(DOCS_BASE_URL.endsWith('/blob/main/docs'), DOCS_BASE_URL);
      const file = join(DOCS_DIR, url.slice(DOCS_BASE_URL.length + 1));
      assert.ok(existsSync(file), `${url} → ${relative(REPO_ROOT, file)} does not exist`);
    });
  }
});

describe('relative links in docs/rules and docs/causes', () => {
  const pages = [
    ...['README', ...pageIds('rules')].map((id) => join(DOCS_DIR, 'rules', `${id}.md`)),
    ...['README', ...pageIds('causes')].map((id) => join(DOCS_DIR, 'causes', `${id}.md`)),
  ].filter((file) => existsSync(file));
  for (const file of pages) {
    it(`${relative(REPO_ROOT, file)} links only to files that exist`, () => {
      const broken = relativeLinks(readFileSync(file, 'utf8')).filter((link) => !existsSync(resolve(dirname(file), link)));
      assert.deepEqual(broken, []);
    });
  }
});
