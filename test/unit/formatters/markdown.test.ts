import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeMarkdownCell, markdownCodeCell } from '../../../src/formatters/escape-markdown.js';
import { formatMarkdown } from '../../../src/formatters/markdown.js';
import { cleanReport, fixtureReport, PLAIN } from './fixture-report.js';

const DOCS = 'https://github.com/pullguard/pullguard/blob/main/docs/rules';

const EXPECTED = `## pullguard

❌ **2 errors, 2 warnings, 1 info in 2 files** (5 objects, 7 containers checked; 1 document skipped)

Target: \`aks\` · pullguard 0.1.0

| Location | Severity | Rule | Object | Message |
| --- | --- | --- | --- | --- |
| \`k8s/webapi.yaml:7:16\` | error | [never-pull-remote](${DOCS}/never-pull-remote.md) | Deployment/webapi (namespace prod), container webapi | imagePullPolicy: Never, but aks nodes cannot see local images.<br>**Fix:** Push the image to ACR (az acr build), then use IfNotPresent. |
| \`k8s/webapi.yaml:7:16\` | warning | [latest-tag](${DOCS}/latest-tag.md) | Deployment/webapi (namespace prod), container webapi | Tag latest moves; pin a version.<br>**Fix:** Use an immutable tag such as 1.4.2. |
| \`k8s/webapi.yaml:21:18\` | info | [registry-unchecked](${DOCS}/registry-unchecked.md) | Deployment/webapi (namespace prod), container sidecar | Registry checks did not run for ghcr.io/acme/sidecar:1.2. |
| \`k8s/wörker.yaml:3:1\` | warning | yaml-syntax |  | Unexpected "\\<" \\& '\\|' at 50%: a,b<br>next line \\\\u001b\\[31mred\\\\u001b\\[0m \\\\u202eevil |
| \`k8s/wörker.yaml:12:20\` | error | [placeholder-image](${DOCS}/placeholder-image.md) | Job/wörker-ü, container main | Image "\${REGISTRY}/wörker:1.0" holds the variable \${REGISTRY}.<br>**Fix:** Render the manifest (envsubst, helm template) before applying it. |

### Images

| Image | Status | Summary |
| --- | --- | --- |
| \`ghcr.io/acme/private:2.0\` | \`unauthorized\` | ghcr.io answered 401 \\| authentication required |
| \`nginx:1.27\` | \`ok\` | exists for linux/amd64, linux/arm64 |
`;

describe('markdown formatter', () => {
  it('writes the verdict, a findings table with rule links, and the image table', () => {
    assert.equal(formatMarkdown(fixtureReport(), PLAIN), EXPECTED);
  });

  it('writes only the verdict for a clean run', () => {
    assert.equal(
      formatMarkdown(cleanReport(), PLAIN),
      '## pullguard\n\n✅ **No problems found in 2 files** (5 objects, 7 containers checked)\n\nTarget: `kind` · pullguard 0.1.0\n',
    );
  });

  it('keeps every table row on one line with the right number of cells', () => {
    const rows = formatMarkdown(fixtureReport(), PLAIN)
      .split('\n')
      .filter((line) => line.startsWith('| `k8s/'));
    assert.equal(rows.length, 5);
    for (const row of rows) {
      // Unescaped pipes only: the cell separators.
      assert.equal(row.replace(/\\\\/g, '').match(/(?<!\\)\|/g)?.length, 6, row);
    }
  });
});

describe('Markdown escaping', () => {
  const cells: [string, string][] = [
    ['a | b', 'a \\| b'],
    ['*bold* _em_ `code` ~~gone~~', '\\*bold\\* \\_em\\_ \\`code\\` \\~\\~gone\\~\\~'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['[link](javascript:alert(1)) ![img](x)', '\\[link\\](javascript:alert(1)) \\!\\[img\\](x)'],
    ['&copy; #1 \\ back', '\\&copy; \\#1 \\\\ back'],
    ['one\ntwo\r\nthree', 'one<br>two<br>three'],
    ['esc\u001b[1m', 'esc\\\\u001b\\[1m'],
  ];
  for (const [input, expected] of cells) {
    it(`cell ${JSON.stringify(input)}`, () => {
      assert.equal(escapeMarkdownCell(input), expected);
    });
  }

  const code: [string, string][] = [
    ['k8s/a.yaml:1:2', '`k8s/a.yaml:1:2`'],
    ['a|b', '`a\\|b`'],
    ['has `tick`', '`` has `tick` ``'],
    ['`edge', '`` `edge ``'],
  ];
  for (const [input, expected] of code) {
    it(`code ${JSON.stringify(input)}`, () => {
      assert.equal(markdownCodeCell(input), expected);
    });
  }
});
