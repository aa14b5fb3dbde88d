// unifiedDiff: exact output for the shapes of change render makes, and GNU diff's own output
// (`diff -u`, the oracle) on the same texts, byte for byte.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { unifiedDiff } from '../../../src/render/unified-diff.js';

const LABELS = { from: 'a/x.yaml', to: 'b/x.yaml' };
const dir = mkdtempSync(join(tmpdir(), 'pullguard-diff-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function gnuDiff(before: string, afterText: string): string {
  writeFileSync(join(dir, 'a'), before);
  writeFileSync(join(dir, 'b'), afterText);
  const run = spawnSync('diff', ['-u', '--label', LABELS.from, '--label', LABELS.to, join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return run.stdout;
}

const lines = (n: number, prefix = 'line'): string => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('');

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', LABELS), '');
  });

  it('prints one changed line with three lines of context', () => {
    const before = lines(10);
    const afterText = before.replace('line 5\n', 'line five\n');
    assert.equal(
      unifiedDiff(before, afterText, LABELS),
      '--- a/x.yaml\n+++ b/x.yaml\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n',
    );
  });

  it('prints an insertion at the start, and one into an empty file with the range 0,0', () => {
    assert.equal(unifiedDiff('a\n', 'new\na\n', LABELS), '--- a/x.yaml\n+++ b/x.yaml\n@@ -1 +1,2 @@\n+new\n a\n');
    assert.equal(unifiedDiff('', 'new\n', LABELS), '--- a/x.yaml\n+++ b/x.yaml\n@@ -0,0 +1 @@\n+new\n');
  });

  it('marks a last line without a line break', () => {
    assert.equal(unifiedDiff('a\nb', 'a\nc', LABELS), '--- a/x.yaml\n+++ b/x.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });

  const cases: [string, string, string][] = [
    ['one change', lines(10), lines(10).replace('line 5\n', 'line five\n')],
    ['two hunks', lines(40), lines(40).replace('line 3\n', 'line 3\nadded\n').replace('line 30\n', 'changed\n')],
    ['changes close enough to share a hunk', lines(20), lines(20).replace('line 5\n', 'x\n').replace('line 11\n', 'y\n')],
    ['changes just too far apart to share one', lines(20), lines(20).replace('line 5\n', 'x\n').replace('line 13\n', 'y\n')],
    ['insertions at both ends', lines(5), `first\n${lines(5)}last\n`],
    ['a deleted block', lines(12), lines(12).replace('line 4\nline 5\nline 6\n', '')],
    ['repeated lines', 'a\nb\na\nb\na\n', 'a\nb\nc\na\nb\na\n'],
    ['no final line break added', 'a\nb', 'a\nb\n'],
    ['no final line break kept', 'a\nb\nc', 'a\nB\nc'],
    ['from empty', '', 'a\nb\n'],
    ['to empty', 'a\nb\n', ''],
    ['CRLF lines', 'a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'],
    ['a rendered manifest', 'metadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: REGISTRY_URL/web:latest\n    imagePullPolicy: Never\n', 'metadata:\n  name: web\n  annotations:\n    pullguard.dev/target: aks\nspec:\n  containers:\n  - name: web\n    image: acr.io/web:latest\n    imagePullPolicy: Always\n'],
  ];
  for (const [name, before, afterText] of cases) {
    it(`prints what GNU diff -u prints: ${name}`, () => {
      assert.equal(unifiedDiff(before, afterText, LABELS), gnuDiff(before, afterText));
    });
  }
});
