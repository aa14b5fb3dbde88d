// `pullguard detect`'s one question, on a real pseudo-terminal (python3's pty module plays the
// user): asked only when the evidence holds only hints, only on a terminal, never with
// --non-interactive; the answer can be saved per context in .pullguard.yaml, keeping the file's
// comments, and the next run reads it instead of asking.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BIN, ROOT, runCli } from './run-cli.js';

const UNSURE = join(ROOT, 'test/fixtures/clusters/loopback-nodes-forbidden.json');
const KIND = join(ROOT, 'test/fixtures/clusters/kind.json');
const QUESTION = 'Does this cluster run on this machine? [l]ocal or [r]emote (default remote): ';

interface Screen {
  code: number | null;
  screen: string;
  timeout?: string;
}

function onTerminal(args: readonly string[], cwd: string, steps: [string, string][]): Screen {
  const spec = { argv: [process.execPath, BIN, ...args], cwd, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: cwd, TERM: 'dumb' }, steps };
  const result = spawnSync('python3', [join(ROOT, 'test/support/pty-session.py'), JSON.stringify(spec)], { encoding: 'utf8', timeout: 60_000 });
  if (result.error !== undefined) throw result.error;
  assert.equal(result.status, 0, result.stderr);
  const screen = JSON.parse(result.stdout) as Screen;
  return { ...screen, screen: screen.screen.replace(/\r\n/g, '\n') };
}

const dirs: string[] = [];
function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pullguard-detect-'));
  dirs.push(dir);
  // A repository root, so that the search for .pullguard.yaml stops here.
  writeFileSync(join(dir, '.git'), '');
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('detect on a terminal', () => {
  it('asks once when unsure, saves the answer for the context with the comments of the file kept, and reads it next time', { timeout: 60_000 }, () => {
    const dir = workDir();
    const original = '# team settings\ntarget: aks   # CI deploys to AKS\n\nrules:\n  latest-tag: error\n';
    writeFileSync(join(dir, '.pullguard.yaml'), original);
    const run = onTerminal(['detect', '--snapshot', UNSURE], dir, [
      [QUESTION, 'l\r'],
      ['[y/N]: ', 'y\r'],
    ]);
    assert.equal(run.timeout, undefined, run.screen);
    assert.equal(run.code, 0, run.screen);
    const lines = run.screen.split('\n');
    assert.equal(lines[0], 'pullguard: the evidence for context "dev" holds only hints (listed below).');
    assert.equal(lines[1], `${QUESTION}l`);
    assert.equal(lines[2], 'Save "local" for context "dev" in .pullguard.yaml? [y/N]: y');
    assert.equal(lines[3], 'pullguard: saved clusters."dev".location: local in .pullguard.yaml');
    assert.equal(lines[4], 'k3s: K3s, local (high confidence) — context dev');
    assert.equal(lines.filter((line) => line.startsWith(QUESTION)).length, 1);
    assert.ok(lines.includes('  answer the prompt: local → local (identity)'), run.screen);
    assert.equal(readFileSync(join(dir, '.pullguard.yaml'), 'utf8'), `${original}clusters:\n  dev:\n    location: local\n`);

    // The next run, even without a terminal, takes the saved answer.
    const next = runCli(['detect', '--snapshot', UNSURE, '-o', 'json'], { cwd: dir });
    assert.equal(next.code, 0, next.stderr);
    const json = JSON.parse(next.stdout) as { type: string; local: boolean; confidence: string; evidence: { source: string; key: string }[] };
    assert.deepEqual([json.type, json.local, json.confidence], ['k3s', true, 'high']);
    assert.deepEqual(json.evidence[0], { source: 'config', key: 'clusters."dev".location in .pullguard.yaml', value: 'local', supports: 'local', weight: 0, kind: 'identity' });
  });

  it('keeps the safe default on Enter and writes nothing unless asked to', { timeout: 60_000 }, () => {
    const dir = workDir();
    const run = onTerminal(['detect', '--snapshot', UNSURE], dir, [
      [QUESTION, '\r'],
      ['[y/N]: ', '\r'],
    ]);
    assert.equal(run.code, 0, run.screen);
    assert.match(run.screen, /^unknown-remote: remote cluster, remote \(high confidence\) — context dev$/m);
    assert.equal(existsSync(join(dir, '.pullguard.yaml')), false);
  });

  it('asks again after an answer it does not understand', { timeout: 60_000 }, () => {
    const dir = workDir();
    const run = onTerminal(['detect', '--snapshot', UNSURE, '-o', 'json'], dir, [
      [QUESTION, 'maybe\r'],
      ['answer local or remote (l or r).', ''],
      [QUESTION, 'remote\r'],
      ['[y/N]: ', 'n\r'],
    ]);
    assert.equal(run.code, 0, run.screen);
    assert.match(run.screen, /"type": "unknown-remote"/);
  });

  it('never asks with --non-interactive, or when the evidence is strong', { timeout: 60_000 }, () => {
    const dir = workDir();
    for (const args of [['detect', '--snapshot', UNSURE, '--non-interactive'], ['detect', '--snapshot', KIND]]) {
      const run = onTerminal(args, dir, []);
      assert.equal(run.code, 0, run.screen);
      assert.doesNotMatch(run.screen, /\[l\]ocal/);
    }
  });

  it('never asks without a terminal', () => {
    const run = runCli(['detect', '--snapshot', UNSURE], { cwd: workDir(), input: 'l\ny\n' });
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^unknown-remote: remote cluster, remote \(low confidence\) — context dev\n/);
  });
});
