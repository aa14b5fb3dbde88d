// The CLI bundle (dist/pullguard.js, built by scripts/build.mjs before the tests run) finds the docs
// folder by walking up from dist/, so `pullguard explain` works from a checkout and from the package.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { explainList } from '../../../src/commands/explain.js';
import { readPage, REPO_ROOT } from './doc-pages.js';

const BIN = join(REPO_ROOT, 'bin', 'pullguard.js');

function pullguard(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { FORCE_COLOR: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/pullguard.js explain (the built bundle)', () => {
  it('is built', () => {
    assert.ok(existsSync(join(REPO_ROOT, 'dist', 'pullguard.js')), 'run node scripts/build.mjs first');
  });

  it('prints the page of a rule as written with -o markdown', () => {
    assert.deepEqual(pullguard(['explain', 'latest-tag', '-o', 'markdown']), { status: 0, stdout: readPage('rules', 'latest-tag'), stderr: '' });
  });

  it('prints the page of a failure cause as written with -o markdown', () => {
    assert.deepEqual(pullguard(['explain', 'never-pull-missing', '-o', 'markdown']), { status: 0, stdout: readPage('causes', 'never-pull-missing'), stderr: '' });
  });

  it('prints a page as text into a pipe, without colour and without Markdown syntax', () => {
    const result = pullguard(['explain', 'Latest-Tag']);
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
    assert.deepEqual(result.stdout.split('\n').slice(0, 9), [
      'latest-tag',
      '==========',
      '',
      '- Default severity: warning',
      '- Applies to: every target',
      '- Needs: the manifests only',
      '',
      'An image tagged :latest without a digest, so what runs depends on when and where it was pulled.',
      '',
    ]);
    assert.match(result.stdout, /\nRelated\n-------\n\n- Rules: `missing-tag`, `local-only-image`\.\n- Failure cause: `rate-limited` \(every start of a `:latest` pod is a pull\)\.\n/);
    assert.match(result.stdout, /\n {4}metadata:\n {6}annotations:\n {8}pullguard\.dev\/ignore: latest-tag\n/);
  });

  it('lists every rule and cause', () => {
    assert.deepEqual(pullguard(['explain', '--list']), { status: 0, stdout: explainList(), stderr: '' });
  });

  it('exits 2 for an unknown id', () => {
    const result = pullguard(['explain', 'no-such-rule']);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^pullguard: no rule or failure cause named "no-such-rule"/);
  });
});
