// `pullguard detect` as a user runs it, from snapshot files: the text and JSON outputs, the
// overrides (--cluster-type, .pullguard.yaml) and the errors.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, assertUserError, runCli } from './run-cli.js';

const fixture = (name: string) => join(ROOT, 'test/fixtures/clusters', `${name}.json`);
const dirs: string[] = [];
function workDir(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pullguard-detect-'));
  dirs.push(dir);
  writeFileSync(join(dir, '.git'), '');
  if (config !== undefined) writeFileSync(join(dir, '.pullguard.yaml'), config);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('pullguard detect', () => {
  it('prints the answer, how images reach the nodes, then one line per piece of evidence', () => {
    const run = runCli(['detect', '--snapshot', fixture('kind')], { cwd: workDir() });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(run.stdout.split('\n'), [
      'kind: kind, local (high confidence) — context kind-dev',
      'images: loadable: copy each local image onto the nodes with `kind load docker-image IMAGE --name dev`',
      'target: kind',
      'evidence (6):',
      "  kubeconfig cluster name: kind-dev (kind's default name: kind-NAME, NAME@kind before kind 0.6) → kind (hint, +3)",
      '  kubeconfig server host: 127.0.0.1 (loopback: this machine, or a tunnel) → local (hint, +1)',
      '  nodes providerID: kind://docker/dev/dev-control-plane (2 of 2 nodes) → kind (identity, +6)',
      '  nodes node name: dev-control-plane (2 of 2 nodes) → kind (hint, +1)',
      '  nodes control-plane node: dev-control-plane (1 of 2 nodes) → rules out eks, gke, aks, doks, lke, oke, iks, scaleway (veto)',
      '  local-registry-hosting kube-public/local-registry-hosting: unknown (not in the snapshot: configMaps) → no evidence',
      '',
    ]);
  });

  it('prints JSON with schemaVersion 1', () => {
    const run = runCli(['detect', '--snapshot', fixture('openshift-on-aws'), '-o', 'json'], { cwd: workDir() });
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), ['schemaVersion', 'context', 'type', 'local', 'confidence', 'runsOn', 'target', 'imageDelivery', 'evidence']);
    assert.deepEqual(
      { ...json, evidence: undefined },
      {
        schemaVersion: 1,
        context: 'default/api-web-a1b2-p1-openshiftapps-com:6443/cluster-admin',
        type: 'openshift',
        local: false,
        confidence: 'high',
        runsOn: 'aws',
        target: 'openshift',
        imageDelivery: { method: 'registry-required' },
        evidence: undefined,
      },
    );
    const apiGroups = (json['evidence'] as { source: string }[]).find((item) => item.source === 'api-groups');
    assert.deepEqual(apiGroups, {
      source: 'api-groups',
      key: 'API groups',
      value: 'config.openshift.io, route.openshift.io, project.openshift.io, apps.openshift.io',
      supports: 'openshift',
      weight: 6,
      kind: 'identity',
    });
  });

  it('takes --cluster-type over the evidence, and lists the evidence still', () => {
    const run = runCli(['detect', '--snapshot', fixture('kubeadm-on-prem'), '--cluster-type', 'rke2', '-o', 'json'], { cwd: workDir() });
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as { type: string; local: boolean; confidence: string; evidence: unknown[] };
    assert.deepEqual([json.type, json.local, json.confidence], ['rke2', false, 'high']);
    assert.deepEqual(json.evidence[0], { source: 'flag', key: '--cluster-type', value: 'rke2', supports: 'rke2', weight: 0, kind: 'identity' });
    assert.ok(json.evidence.length > 1);
  });

  it('takes the type saved for the context in .pullguard.yaml', () => {
    const dir = workDir('clusters:\n  "kubernetes-admin@kubernetes": { type: microk8s }\n');
    const run = runCli(['detect', '--snapshot', fixture('kubeadm-on-prem')], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^microk8s: MicroK8s, remote \(high confidence\) — context kubernetes-admin@kubernetes\n/);
    assert.match(run.stdout, /\n {2}config clusters\."kubernetes-admin@kubernetes"\.type in \.pullguard\.yaml: microk8s → microk8s \(identity\)\n/);
  });

  it('reports a bad clusters entry at its line and column', () => {
    const dir = workDir('clusters:\n  kind-dev:\n    location: nearby\n');
    assertUserError(runCli(['detect', '--snapshot', fixture('kind')], { cwd: dir }), [
      'pullguard: .pullguard.yaml:3:15: clusters.kind-dev.location: expected one of local, remote, got "nearby"',
    ]);
  });

  it('rejects an unknown --cluster-type with the nearest one', () => {
    const run = runCli(['detect', '--snapshot', fixture('kind'), '--cluster-type', 'minikub'], { cwd: workDir() });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /"minikub" is not a cluster type \(did you mean "minikube"\?\)/);
  });

  it('says so when the snapshot file is missing', () => {
    const run = runCli(['detect', '--snapshot', 'missing.json'], { cwd: workDir() });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'pullguard: missing.json: snapshot file not found\nhint: Take one with `pullguard snapshot -o FILE`.\n');
  });
});
