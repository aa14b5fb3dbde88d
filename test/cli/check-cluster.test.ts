// `pullguard check` and the cluster: offline without a kubeconfig (as always), the current context
// read only when there is one and no --target, a snapshot's facts in text and JSON. Every run gets
// its own HOME (run-cli.ts), so the machine's kubeconfig is never read.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runCli } from './run-cli.js';

const CLUSTER = join(ROOT, 'test/fixtures/cluster');
const NEVER_ONLY = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: api', '  namespace: shop', 'spec:', '  containers:', '    - name: api', '      image: worker:dev', '      imagePullPolicy: Never', ''].join('\n');

describe('pullguard check and the cluster', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pullguard-check-cluster-cli-'));
    writeFileSync(join(dir, 'pod.yaml'), NEVER_ONLY);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a snapshot: the cluster section, the finding and its load command, no registry asked', () => {
    const run = runCli(['check', 'pod.yaml', '--snapshot', join(CLUSTER, 'kind-dev.json')], { cwd: dir, env: { DOCKER_HOST: `unix://${join(dir, 'none.sock')}` } });
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      [
        'pod.yaml',
        `  9:14  error    worker:dev is on none of the 2 node(s) of kind dev, so kubelet never pulls it (imagePullPolicy: Never): the pods fail with ErrImageNeverPull; whether this machine's container runtime has it is unknown (docker at unix://${join(dir, 'none.sock')} cannot be reached (ENOENT))  image-not-on-nodes`,
        '                 Pod/api (namespace shop), container api',
        '                 fix: Build it, then load it onto the nodes: `docker build -t worker:dev . && kind load docker-image worker:dev --name dev`.',
        '',
        'Cluster',
        `  snapshot ${join(CLUSTER, 'kind-dev.json')}: kind dev, local (detected: kind, local, high confidence); 2 node(s) (linux/amd64)`,
        '  namespace shop: active, 2 pod(s)',
        '',
        '✖ 1 error in 1 file (1 object, 1 container checked)',
        '',
      ].join('\n'),
    );
    assert.equal(run.code, 1);
    const json = runCli(['check', 'pod.yaml', '--snapshot', join(CLUSTER, 'kind-dev.json'), '-o', 'json', '-n', 'shop'], { cwd: dir, env: { DOCKER_HOST: `unix://${join(dir, 'none.sock')}` } });
    const report = JSON.parse(json.stdout) as { target: string; cluster: { type: string; clusterName: string }; findings: { ruleId: string; remediation: string }[] };
    assert.equal(report.target, 'kind');
    assert.deepEqual([report.cluster.type, report.cluster.clusterName], ['kind', 'dev']);
    assert.deepEqual(report.findings.map((f) => [f.ruleId, f.remediation]), [['image-not-on-nodes', 'Build it, then load it onto the nodes: `docker build -t worker:dev . && kind load docker-image worker:dev --name dev`.']]);
  });

  it('without a kubeconfig and without cluster flags: offline, exactly as before', () => {
    const run = runCli(['check', 'pod.yaml', '--target', 'kind'], { cwd: dir });
    assert.doesNotMatch(run.stdout, /Cluster|image-not-on-nodes/);
    const untargeted = runCli(['check', 'pod.yaml'], { cwd: dir });
    assert.equal(untargeted.stderr, '');
    assert.doesNotMatch(untargeted.stdout, /\nCluster\n/);
  });

  it('a kubeconfig with a current context is read without --target; --no-cluster and --target leave it alone', () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, '.kube'), { recursive: true });
    writeFileSync(
      join(home, '.kube', 'config'),
      ['apiVersion: v1', 'kind: Config', 'current-context: kind-gone', 'contexts:', '- name: kind-gone', '  context: {cluster: gone, user: gone}', 'clusters:', '- name: gone', '  cluster: {server: "https://127.0.0.1:1"}', 'users:', '- name: gone', '  user: {token: x}', ''].join('\n'),
    );
    const run = runCli(['check', 'pod.yaml'], { cwd: dir, env: { HOME: home } });
    // Either the live gateway reads it (and reports the unreachable server as unknown facts) or it
    // cannot be opened and check says so and goes on offline; never silence, never a crash.
    assert.ok(/\nCluster\n/.test(run.stdout) || /^pullguard: not reading the cluster of context kind-gone \(.+\); checking without it \(--no-cluster silences this\)\n$/.test(run.stderr), run.stderr + run.stdout);
    for (const args of [['--no-cluster'], ['--target', 'remote']]) {
      const quiet = runCli(['check', 'pod.yaml', ...args], { cwd: dir, env: { HOME: home } });
      assert.equal(quiet.stderr, '');
      assert.doesNotMatch(quiet.stdout, /\nCluster\n/);
    }
  });

  it('a snapshot that is not one: one precise line, exit code 2', () => {
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": 2}');
    const run = runCli(['check', 'pod.yaml', '--snapshot', 'bad.json'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^pullguard: bad\.json: not a pullguard snapshot: expected "schemaVersion": 1, found 2\n/);
  });
});
