// A docs page as text for the terminal (`pullguard explain ID`): exact output for each construct the
// pages use, and every real page rendered without Markdown syntax left outside its code blocks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docsPageText } from '../../../src/cli/docs-page-text.js';
import { isExplainable } from '../../../src/commands/explain.js';
import { pageIds, readPage } from '../docs/doc-pages.js';

const text = (markdown: string, pagePath = 'rules/latest-tag.md'): string => docsPageText(markdown, { pagePath, color: false, isExplainable });
const coloured = (markdown: string): string => docsPageText(markdown, { pagePath: 'rules/latest-tag.md', color: true, isExplainable });

describe('docsPageText: plain', () => {
  it('underlines headings of level 1 and 2 and keeps deeper ones as their text', () => {
    assert.equal(text('# latest-tag\n\n## How to fix it\n\n### Local clusters\n'), 'latest-tag\n==========\n\nHow to fix it\n-------------\n\nLocal clusters\n');
  });

  it('drops fence lines and indents the code by four spaces, verbatim', () => {
    assert.equal(
      text('Run:\n\n```sh\nkubectl get pods  # **not** [a link](x.md)\n\n  indented\n```\n\nDone.\n'),
      'Run:\n\n    kubectl get pods  # **not** [a link](x.md)\n\n      indented\n\nDone.\n',
    );
  });

  it('keeps a fence open until a fence of the same kind and at least its length', () => {
    assert.equal(text('````md\n```yaml\na: 1\n```\n````\nafter\n'), '    ```yaml\n    a: 1\n    ```\nafter\n');
  });

  it('turns a link to another rule or cause into its text, naming the explain command when the text is not the id', () => {
    assert.equal(text('See [`missing-tag`](missing-tag.md) and [`rate-limited`](../causes/rate-limited.md).\n'), 'See `missing-tag` and `rate-limited`.\n');
    assert.equal(text('See [the tag rule](missing-tag.md#examples).\n'), 'See the tag rule (pullguard explain missing-tag).\n');
  });

  it('turns any other relative link into its text and the absolute docs URL', () => {
    assert.equal(
      text('the contract ([docs/json-output.md](../json-output.md)), the [list](README.md)\n'),
      'the contract (docs/json-output.md (https://github.com/pullguard/pullguard/blob/main/docs/json-output.md)), the list (https://github.com/pullguard/pullguard/blob/main/docs/rules/README.md)\n',
    );
    assert.equal(text('[readme](../../README.md)\n'), 'readme (https://github.com/pullguard/pullguard/blob/main/README.md)\n');
  });

  it('turns a web link into its text and URL, or the URL alone when that is its text', () => {
    assert.equal(text('[Kubernetes images](https://kubernetes.io/docs/concepts/containers/images/)\n'), 'Kubernetes images (https://kubernetes.io/docs/concepts/containers/images/)\n');
    assert.equal(text('[https://example.org/a](https://example.org/a) and <https://example.org/b>\n'), 'https://example.org/a and https://example.org/b\n');
  });

  it('renders a link and a code span that wrap onto the next line', () => {
    assert.equal(
      text("Docker Hub's `pull access denied, repository does not exist\nor may require authorization` ([`not-found-or-unauthorized`](not-found-or-unauthorized.md)), or\n", 'causes/pull-secret-missing.md'),
      "Docker Hub's `pull access denied, repository does not exist\nor may require authorization` (`not-found-or-unauthorized`), or\n",
    );
    assert.equal(text('the [tag\nrule](missing-tag.md) applies\n'), 'the tag\nrule (pullguard explain missing-tag) applies\n');
  });

  it('drops strong and emphasis markers, also around code, and keeps code spans with their backticks', () => {
    assert.equal(text('- **Default severity:** warning\n- **no `imagePullPolicy`**: *then* _Always_\n'), '- Default severity: warning\n- no `imagePullPolicy`: then Always\n');
    assert.equal(text('`**kept**` and snake_case_name and 2 * 3 * 4\n'), '`**kept**` and snake_case_name and 2 * 3 * 4\n');
  });

  it('turns backslash escapes into the character', () => {
    assert.equal(text('a placeholder (\\<your-registry>, \\*not emphasis\\*, a \\| pipe)\n'), 'a placeholder (<your-registry>, *not emphasis*, a | pipe)\n');
  });

  it('renders a table as one list item per row, with "column: cell" lines for the other columns', () => {
    assert.equal(
      text('| severity | causes | why |\n|---|:---:|---|\n| error | [`unauthorized`](../causes/unauthorized.md), `forbidden` | the nodes get the same answer |\n| info | | a \\| pipe |\n\nAfter.\n'),
      '- error\n    causes: `unauthorized`, `forbidden`\n    why: the nodes get the same answer\n- info\n    why: a | pipe\n\nAfter.\n',
    );
  });

  it('keeps lists, numbering and blockquotes as written', () => {
    assert.equal(text('1. first\n   more\n2. second\n\n> quoted\n'), '1. first\n   more\n2. second\n\n> quoted\n');
  });
});

describe('docsPageText: colour', () => {
  it('makes headings and strong text bold and code cyan without backticks', () => {
    assert.equal(
      coloured('## Fix\n\n**Pin** a `tag`.\n'),
      '\u001b[1mFix\u001b[22m\n---\n\n\u001b[1mPin\u001b[22m a \u001b[36mtag\u001b[39m.\n',
    );
  });

  it('underlines a heading as long as its visible text', () => {
    assert.equal(coloured('# The `tag`\n'), '\u001b[1mThe \u001b[36mtag\u001b[39m\u001b[22m\n=======\n');
  });
});

describe('docsPageText: every rule and cause page', () => {
  for (const section of ['rules', 'causes'] as const) {
    for (const id of pageIds(section)) {
      it(`${section}/${id}.md renders without Markdown syntax outside its code blocks`, () => {
        const markdown = readPage(section, id);
        const rendered = text(markdown, `${section}/${id}.md`);
        const codeLines = new Set<string>();
        let fenceIndent: number | undefined;
        for (const line of markdown.split('\n')) {
          const fence = /^(\s*)```/.exec(line);
          if (fence !== null) fenceIndent = fenceIndent === undefined ? fence[1]!.length : undefined;
          else if (fenceIndent !== undefined && line !== '') codeLines.add(`    ${line.slice(fenceIndent)}`);
        }
        const prose = rendered.split('\n').filter((line) => !codeLines.has(line));
        for (const line of prose) {
          assert.doesNotMatch(line, /\]\(|\*\*|^\s*```|^#{1,6} |^\s*\|/, `${section}/${id}.md: ${line}`);
        }
        assert.equal(rendered.split('\n')[0], id);
        for (const line of codeLines) assert.ok(rendered.includes(`${line}\n`), `code line lost: ${line}`);
      });
    }
  }
});
