// `pullguard classify` as a user runs it: messages as arguments or pasted on stdin (Events rows
// included), text and JSON lines, one result per input line in input order, --target, usage
// errors, and no secret of a message on stdout.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertUserError, ROOT, runCli } from './run-cli.js';

const DNS =
  'Failed to pull image "hjacobs/kube-ops-view:0.8.1": rpc error: code = Unknown desc = Error response from daemon: Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: server misbehaving';
const NEVER = '  Warning  ErrImageNeverPull  4m9s (x3074 over 11h)  kubelet  Container image "web:dev" is not present with pull policy of Never';

interface JsonLine {
  input: number;
  cause: string;
  transient: boolean;
  recurrence: string;
  image: string | null;
  registry: string | null;
  host: string | null;
  summary: string;
  fix: string;
  evidence: string | null;
  credentialsSent: boolean | null;
}

function jsonLines(stdout: string): JsonLine[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JsonLine);
}

describe('pullguard classify', () => {
  it('prints a block per argument: cause, image, registry, host, summary, evidence, fix', () => {
    const run = runCli(['classify', DNS]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      [
        'message 1: dns-error (deterministic: retrying will not help)',
        '  image:    hjacobs/kube-ops-view:0.8.1',
        '  registry: docker.io',
        '  host:     registry-1.docker.io',
        '  why:      The registry host name does not resolve from where the pull runs.',
        '  evidence: "lookup registry-1.docker.io on 127.0.0.53:53: server misbehaving"',
        "  fix:      registry-1.docker.io does not resolve on the node: correct the host name in the image, or make the nodes' resolver know it (a private DNS zone linked to the cluster network); Service names do not resolve for image pulls.",
        '',
        '',
      ].join('\n'),
    );
  });

  it('reads stdin line by line: one JSON object per input line, in order, unknown for empty and unrecognisable lines', () => {
    const input = [NEVER, '', 'the printer is on fire', 'Normal   BackOff  2s (x4 over 34s)  kubelet  Back-off pulling image "web:dev"', 'toomanyrequests: You have reached your pull rate limit.'].join('\n');
    const run = runCli(['classify', '-o', 'json'], { input: `${input}\n` });
    assert.equal(run.code, 0, run.stderr);
    const lines = jsonLines(run.stdout);
    assert.deepEqual(
      lines.map((line) => [line.input, line.cause, line.transient, line.image]),
      [
        [1, 'never-pull-missing', false, 'web:dev'],
        [2, 'unknown', true, null],
        [3, 'unknown', true, null],
        [4, 'unknown', true, 'web:dev'],
        [5, 'rate-limited', true, null],
      ],
    );
    assert.deepEqual(Object.keys(lines[0]!), ['input', 'cause', 'transient', 'recurrence', 'image', 'registry', 'host', 'summary', 'fix', 'evidence', 'credentialsSent']);
    // No trailing newline and CRLF line ends read the same.
    const crlf = runCli(['classify', '-o', 'json', '-'], { input: `${NEVER}\r\n\r\nx` });
    assert.deepEqual(jsonLines(crlf.stdout).map((line) => line.cause), ['never-pull-missing', 'unknown', 'unknown']);
  });

  it('labels stdin results by line', () => {
    const run = runCli(['classify'], { input: `${NEVER}\n` });
    assert.match(run.stdout, /^line 1: never-pull-missing \(deterministic: retrying will not help\)\n {2}image: {4}web:dev\n/);
  });

  it('--target gives the fix for that kind of cluster', () => {
    const remote = jsonLines(runCli(['classify', '-o', 'json', NEVER]).stdout)[0]!;
    const kind = jsonLines(runCli(['classify', '-o', 'json', '--target', 'kind', NEVER]).stdout)[0]!;
    assert.match(remote.fix, /Add imagePullSecrets when the registry is private\.$/);
    assert.match(kind.fix, /kind load docker-image/);
    assert.equal(kind.cause, remote.cause);
  });

  it('classifies the whole corpus through the CLI, one line each, as the table test does', () => {
    const corpus = readFileSync(join(ROOT, 'test/fixtures/pull-messages/messages.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { message: string; cause: string });
    const run = runCli(['classify', '-o', 'json'], { input: corpus.map((entry) => entry.message).join('\n') });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(jsonLines(run.stdout).map((line) => line.cause), corpus.map((entry) => entry.cause));
  });

  it('never prints the secrets a message carries', () => {
    const input = [
      'failed to do request: Head "https://deploy:hunter2secret@registry.corp/v2/web/manifests/1": x509: certificate signed by unknown authority',
      'failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.corp/token?scope=repository%3Aweb%3Apull&access_token=SECRETTOKEN123: 401 Unauthorized',
      'Failed to pull image "https://deploy:hunter2secret@registry.corp/web:1": couldn\'t parse image reference "https://deploy:hunter2secret@registry.corp/web:1": invalid reference format',
    ].join('\n');
    for (const format of ['text', 'json']) {
      const run = runCli(['classify', '-o', format], { input });
      assert.equal(run.code, 0);
      assert.doesNotMatch(run.stdout + run.stderr, /hunter2secret|SECRETTOKEN123/);
      assert.match(run.stdout, /\[redacted\]/);
    }
  });

  it('rejects an unknown target or format with one line and exit code 2', () => {
    assertUserError(runCli(['classify', '--target', 'kinde', DNS]), [
      'pullguard: error: option \'-t, --target <target>\' argument \'kinde\' is invalid. "kinde" is not a target (did you mean "kind"?); expected one of kind, minikube, docker-desktop, k3d, k3s, microk8s, rancher-desktop, orbstack, colima, aks, eks, gke, openshift, remote.',
      'hint: run `pullguard classify --help` for usage',
    ]);
    assert.equal(runCli(['classify', '-o', 'sarif', DNS]).code, 2);
  });

  for (const page of ['README.md', 'docs/classify.md']) {
    it(`shows the example of ${page} as the page shows it`, () => {
      const text = readFileSync(join(ROOT, page), 'utf8');
      const block = /```console\n\$ pullguard classify '([^\n]*)'\n([\s\S]*?)```/.exec(text);
      assert.ok(block !== null, `${page} has a pullguard classify example`);
      const run = runCli(['classify', block[1]!]);
      assert.equal(run.stdout, `${block[2]!}\n`);
    });
  }

  it('docs/classify.md states the size of the corpus it was measured on', () => {
    const corpus = readFileSync(join(ROOT, 'test/fixtures/pull-messages/messages.jsonl'), 'utf8').split('\n').filter((line) => line !== '').length;
    const page = readFileSync(join(ROOT, 'docs/classify.md'), 'utf8');
    assert.match(page, new RegExp(`tested on ${corpus} real messages`));
    assert.match(page, new RegExp(`All ${corpus} are classified as expected today`));
  });
});
