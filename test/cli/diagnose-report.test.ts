// `pullguard diagnose` and `pullguard report` as a user runs them, on snapshot fixtures: exact
// output, exit codes, reproducible reports, the docs' examples kept true, and precise errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertUserError, ROOT, runCli } from './run-cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/diagnose');
const SEED = ['--snapshot', 'seed-incident.snapshot.json'];
const opts = { cwd: FIXTURES };

/** The fenced block of a docs page that follows `marker`. */
function docsBlock(page: string, marker: string, fence: string): string {
  const text = readFileSync(join(ROOT, 'docs', page), 'utf8');
  const start = text.indexOf(`${fence}${marker}\n`);
  assert.ok(start >= 0, `no ${fence}${marker} block in docs/${page}`);
  const body = text.slice(start + fence.length + marker.length + 1);
  return body.slice(0, body.indexOf(`\n${fence}\n`) + 1);
}

describe('pullguard diagnose', () => {
  it('prints the seed incident as docs/diagnose.md shows it, and exits 1', () => {
    const run = runCli(['diagnose', ...SEED, '--target', 'aks'], opts);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, docsBlock('diagnose.md', 'text', '```'));
    assert.match(run.stdout, /^ {2}attempts {3}264 \(first 2025-10-02T10:00:00Z, last 2025-10-02T10:59:44Z\)$/m);
  });

  it('writes JSON with schemaVersion 1 and cause, summary and fix per entry', () => {
    const run = runCli(['diagnose', '-A', '--snapshot', 'cases.snapshot.json', '-o', 'json'], opts);
    assert.equal(run.code, 1, run.stderr);
    const json = JSON.parse(run.stdout) as { schemaVersion: number; allNamespaces: boolean; summary: unknown; entries: { cause: string; summary: string; fix: string }[] };
    assert.equal(json.schemaVersion, 1);
    assert.equal(json.allNamespaces, true);
    assert.deepEqual(json.summary, { failingPods: 18, workloads: 17, entries: 17 });
    for (const entry of json.entries) {
      assert.ok(entry.cause !== '' && entry.summary !== '' && entry.fix !== '', JSON.stringify(entry));
    }
  });

  it('exits 0 and says so when no pod is failing', () => {
    const run = runCli(['diagnose', '-n', 'healthy', '--snapshot', 'cases.snapshot.json'], opts);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'No pod in namespace healthy is failing to pull an image (snapshot cases.snapshot.json).\n');
  });

  it('says what could not be read', () => {
    const run = runCli(['diagnose', '-n', 'owners', '--snapshot', 'owners-not-read.snapshot.json'], opts);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^not read: replicaSets: forbidden: list replicasets\.apps \(Deployments inferred from the pod-template-hash label\)$/m);
    assert.match(run.stdout, /^ {13}\(Deployment api inferred from the pod-template-hash label \(ReplicaSets not read\)\)$/m);
  });

  it('names the file and what was expected for a snapshot that is not one', () => {
    const run = runCli(['diagnose', '--snapshot', 'not-a-snapshot.json'], opts);
    assertUserError(run, ['pullguard: not-a-snapshot.json: not a pullguard snapshot: expected "schemaVersion": 1, found 2', 'hint: Take one with `pullguard snapshot -o FILE`.']);
  });
});

describe('pullguard report', () => {
  const now = ['--now', '2025-10-02T11:00:00Z', '--target', 'aks'];

  it('writes the seed incident report as docs/report.md shows it', () => {
    const run = runCli(['report', ...SEED, ...now], opts);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, docsBlock('report.md', 'markdown', '````'));
  });

  for (const format of ['markdown', 'html', 'json']) {
    it(`gives the same bytes twice with --now (${format})`, () => {
      const first = runCli(['report', ...SEED, ...now, '--format', format], opts);
      const second = runCli(['report', ...SEED, ...now, '--format', format], opts);
      assert.equal(first.code, 0, first.stderr);
      assert.ok(first.stdout.length > 2000);
      assert.equal(second.stdout, first.stdout);
    });
  }

  it('writes HTML that names nothing outside itself', () => {
    const html = runCli(['report', ...SEED, ...now, '--format', 'html'], opts).stdout;
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
    assert.deepEqual([...html.matchAll(/\b(?:src|href)=/g)], []);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
  });

  it('refuses a --now that is not a time', () => {
    const run = runCli(['report', ...SEED, '--now', 'yesterday'], opts);
    assertUserError(run, [
      "pullguard: error: option '--now <time>' argument 'yesterday' is invalid. \"yesterday\" is not an RFC 3339 time; expected e.g. 2025-10-02T11:00:00Z.",
      'hint: run `pullguard report --help` for usage',
    ]);
  });
});
