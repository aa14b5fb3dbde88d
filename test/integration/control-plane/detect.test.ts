// `pullguard detect` against the real control plane, run as a user runs it (the built CLI, its own
// process, the harness's kubeconfig): nodes made to look like each cluster type (nodeLookingLike),
// a user who may not list nodes, and a snapshot of the same cluster giving the same answer.
// The kubeconfig context is `pullguard-test` on https://127.0.0.1:PORT: no name to go by, and a
// loopback server that is only a hint, as a tunnel to a cloud cluster would be.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TargetId } from '../../../src/detect/target-profile.js';
import { runCli } from '../../cli/run-cli.js';
import { nodeLookingLike, sharedControlPlane, type ControlPlane } from '../../support/control-plane/index.js';

const controlPlane = sharedControlPlane();
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pullguard-detect-live-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function onlyNodes(cp: ControlPlane, ...types: TargetId[]): Promise<void> {
  const nodes = await cp.list('v1', 'Node');
  for (const node of nodes) await cp.call('DELETE', `/api/v1/nodes/${encodeURIComponent((node.metadata as { name: string }).name)}`);
  for (const type of types) await cp.createNode(nodeLookingLike(type));
}

interface DetectJson {
  type: string;
  local: boolean;
  confidence: string;
  target: string;
  imageDelivery: { method: string; command?: string };
  evidence: { source: string; key: string; value: string; unknown?: string }[];
}

function detect(kubeconfig: string, ...args: string[]): DetectJson {
  const run = runCli(['detect', '--kubeconfig', kubeconfig, '-o', 'json', ...args], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  return JSON.parse(run.stdout) as DetectJson;
}

// [nodes like, type, local, confidence, target]
const TABLE: readonly [TargetId, string, boolean, string, string][] = [
  ['kind', 'kind', true, 'high', 'kind'],
  ['minikube', 'minikube', true, 'high', 'minikube'],
  ['docker-desktop', 'docker-desktop', true, 'high', 'docker-desktop'],
  ['k3d', 'k3d', true, 'high', 'k3d'],
  ['k3s', 'k3s', true, 'medium', 'k3s'],
  ['microk8s', 'microk8s', true, 'medium', 'microk8s'],
  ['rancher-desktop', 'rancher-desktop', true, 'high', 'rancher-desktop'],
  ['orbstack', 'orbstack', true, 'high', 'orbstack'],
  ['colima', 'colima', true, 'high', 'colima'],
  ['aks', 'aks', false, 'high', 'aks'],
  ['eks', 'eks', false, 'high', 'eks'],
  ['gke', 'gke', false, 'high', 'gke'],
  ['openshift', 'openshift', true, 'medium', 'openshift'],
  ['remote', 'unknown-remote', false, 'low', 'remote'],
];

describe('detect against the control plane', () => {
  for (const [like, type, local, confidence, target] of TABLE) {
    it(`nodes like ${like}: ${type}, ${local ? 'local' : 'remote'}, ${confidence}`, async () => {
      const cp = controlPlane();
      await onlyNodes(cp, like);
      const json = detect(cp.adminKubeconfigPath);
      assert.deepEqual([json.type, json.local, json.confidence, json.target], [type, local, confidence, target], JSON.stringify(json.evidence, null, 1));
      assert.equal(json.evidence[0]?.source, 'kubeconfig');
      assert.equal(json.evidence.filter((item) => item.unknown !== undefined).length, 0, 'the admin user reads every fact');
    });
  }

  it('names the kind cluster of the nodes in the load command', async () => {
    const cp = controlPlane();
    await onlyNodes(cp, 'kind');
    assert.deepEqual(detect(cp.adminKubeconfigPath).imageDelivery, { method: 'loadable', command: 'kind load docker-image IMAGE --name dev' });
  });

  it('records what a restricted user may not read, and answers remote', async () => {
    const cp = controlPlane();
    await onlyNodes(cp, 'kind');
    const json = detect(cp.restrictedKubeconfigPath);
    assert.deepEqual([json.type, json.local, json.confidence], ['unknown-remote', false, 'low']);
    const nodes = json.evidence.find((item) => item.source === 'nodes');
    assert.match(nodes?.unknown ?? '', /^forbidden/);
  });

  it('gives the same answer from a snapshot of the cluster', async () => {
    const cp = controlPlane();
    await onlyNodes(cp, 'eks');
    const file = join(dir, 'cluster.json');
    const snapshot = runCli(['snapshot', '--kubeconfig', cp.adminKubeconfigPath, '-o', file], { cwd: dir });
    assert.equal(snapshot.code, 0, snapshot.stderr);
    const live = detect(cp.adminKubeconfigPath);
    const offline = runCli(['detect', '--snapshot', file, '-o', 'json'], { cwd: dir });
    assert.equal(offline.code, 0, offline.stderr);
    assert.deepEqual(JSON.parse(offline.stdout), live);
  });
});
