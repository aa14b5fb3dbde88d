// The detector on real-shaped snapshots (test/fixtures/clusters/, each described in its README):
// one per cluster type plus the traps of detection.md (layered products, renamed and tunnelled
// contexts, EKS Distro, self-managed clusters on a cloud, a forbidden node list). The incident's
// script runs on the same fixtures as the baseline; both accuracies are printed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ClusterType, Platform } from '../../../src/detect/cluster-type.js';
import { applyAnswer, detectCluster } from '../../../src/detect/detect-cluster.js';
import type { Confidence } from '../../../src/detect/score-evidence.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { incidentGuess, incidentGuessIsLocal } from '../../support/incident-cluster-guess.js';

// build/test/unit/detect → repository root is four levels up.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const fixtures = join(root, 'test/fixtures/clusters');

function load(name: string): ClusterSnapshot {
  return JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')) as ClusterSnapshot;
}

async function detect(name: string) {
  return detectCluster(snapshotReader(load(name), `snapshot ${name}.json`));
}

// [fixture, type, local, confidence, runsOn]
const TABLE: readonly [string, ClusterType, boolean, Confidence, Platform?][] = [
  ['kind', 'kind', true, 'high'],
  ['kind-with-registry', 'kind', true, 'high'],
  ['kind-renamed-context', 'kind', true, 'high'],
  ['minikube', 'minikube', true, 'high'],
  ['docker-desktop', 'docker-desktop', true, 'high'],
  ['docker-desktop-kind-mode', 'docker-desktop', true, 'high'],
  ['k3d', 'k3d', true, 'high'],
  ['k3d-renamed', 'k3d', true, 'high'],
  ['k3s', 'k3s', true, 'medium'],
  ['k3s-on-hetzner', 'k3s', false, 'high', 'hetzner'],
  ['microk8s', 'microk8s', true, 'medium'],
  ['rancher-desktop', 'rancher-desktop', true, 'high'],
  ['orbstack', 'orbstack', true, 'high'],
  ['colima', 'colima', true, 'high'],
  ['rke2', 'rke2', false, 'high'],
  ['aks', 'aks', false, 'high', 'azure'],
  ['aks-tunnelled', 'aks', false, 'high', 'azure'],
  ['aks-renamed-context', 'aks', false, 'high', 'azure'],
  ['eks', 'eks', false, 'high', 'aws'],
  ['eks-nodes-forbidden', 'eks', false, 'high', 'aws'],
  ['eks-distro', 'unknown-remote', false, 'high', 'vsphere'],
  ['kubeadm-on-ec2', 'unknown-remote', false, 'high', 'aws'],
  ['gke', 'gke', false, 'high', 'gcp'],
  ['openshift', 'openshift', false, 'high'],
  ['openshift-on-aws', 'openshift', false, 'high', 'aws'],
  ['doks', 'doks', false, 'high', 'digitalocean'],
  ['lke', 'lke', false, 'high', 'linode'],
  ['oke', 'oke', false, 'high', 'oci'],
  ['iks', 'iks', false, 'high', 'ibm'],
  ['scaleway', 'scaleway', false, 'high', 'scaleway'],
  ['hetzner', 'hetzner', false, 'high', 'hetzner'],
  ['kubeadm-on-prem', 'unknown-remote', false, 'low'],
  ['loopback-nodes-forbidden', 'unknown-remote', false, 'low'],
];

describe('detectCluster on the cluster fixtures', () => {
  it('has a row for every fixture and a README line for each', () => {
    const files = readdirSync(fixtures).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length)).sort();
    assert.deepEqual(files, TABLE.map(([name]) => name).sort());
    const readme = readFileSync(join(fixtures, 'README.md'), 'utf8');
    for (const name of files) assert.match(readme, new RegExp(`^- \`${name}\\.json\`: .+`, 'm'), `README line for ${name}.json`);
  });

  for (const [name, type, local, confidence, runsOn] of TABLE) {
    it(`${name}: ${type}, ${local ? 'local' : 'remote'}, ${confidence}`, async () => {
      const { detection } = await detect(name);
      assert.deepEqual(
        { type: detection.type, local: detection.local, confidence: detection.confidence, runsOn: detection.runsOn },
        { type, local, confidence, runsOn },
        detection.evidence.map((item) => `${item.source} ${item.key}: ${item.value} → ${item.supports} ${item.kind} ${item.weight}`).join('\n'),
      );
    });
  }

  let detectRight = 0;
  let baselineRight = 0;
  let baselineAsks = 0;
  const baselineFalseLocal: string[] = [];
  const detectFalseLocal: string[] = [];
  it('scores better than the incident script on the same fixtures', async () => {
    for (const [name, type, local] of TABLE) {
      const { detection } = await detect(name);
      if (detection.type === type && detection.local === local) detectRight++;
      if (detection.local && !local) detectFalseLocal.push(name);
      const guess = incidentGuess(load(name));
      if (guess === 'ask') baselineAsks++;
      else if (guess === type) baselineRight++;
      if (guess !== 'ask' && incidentGuessIsLocal(guess) && !local) baselineFalseLocal.push(name);
    }
    assert.equal(detectRight, TABLE.length);
    assert.deepEqual(detectFalseLocal, []);
    assert.ok(baselineRight < detectRight);
  });

  after(() => {
    const total = TABLE.length;
    const percent = (n: number) => `${Math.round((100 * n) / total)}%`;
    console.log(`# detect: right type and locality on ${detectRight} of ${total} fixtures (${percent(detectRight)}); calls ${detectFalseLocal.length} remote cluster(s) local`);
    console.log(
      `# incident script (baseline): right type on ${baselineRight} of ${total} (${percent(baselineRight)}); asks the user on ${baselineAsks} (${percent(baselineAsks)}); ` +
        `calls ${baselineFalseLocal.length} remote cluster(s) local${baselineFalseLocal.length === 0 ? '' : ` (${baselineFalseLocal.join(', ')})`}`,
    );
  });
});

describe('what detect says about each fixture', () => {
  it('names the load command with the cluster name the nodes carry, not the context name', async () => {
    assert.deepEqual((await detect('kind')).detection.imageDelivery, { method: 'loadable', command: 'kind load docker-image IMAGE --name dev' });
    assert.deepEqual((await detect('kind-renamed-context')).detection.imageDelivery, { method: 'loadable', command: 'kind load docker-image IMAGE --name staging' });
    assert.deepEqual((await detect('k3d-renamed')).detection.imageDelivery, { method: 'loadable', command: 'k3d image import IMAGE -c web' });
    assert.deepEqual((await detect('minikube')).detection.imageDelivery, { method: 'loadable', command: 'minikube image load IMAGE -p minikube' });
    assert.deepEqual((await detect('k3s')).detection.imageDelivery, { method: 'loadable', command: 'docker save IMAGE | sudo k3s ctr images import -' });
    assert.deepEqual((await detect('microk8s')).detection.imageDelivery, { method: 'loadable', command: 'docker save IMAGE | microk8s ctr image import -' });
  });

  it('prefers the registry a cluster advertises (KEP-1755) to a load command', async () => {
    assert.deepEqual((await detect('kind-with-registry')).detection.imageDelivery, { method: 'local-registry', host: 'localhost:5001' });
  });

  it('shares the daemon only where the product does, and by runtime for Rancher Desktop and Colima', async () => {
    assert.equal((await detect('docker-desktop')).detection.imageDelivery.method, 'shared-daemon');
    assert.equal((await detect('docker-desktop-kind-mode')).detection.imageDelivery.method, 'shared-daemon');
    assert.equal((await detect('orbstack')).detection.imageDelivery.method, 'shared-daemon');
    assert.equal((await detect('rancher-desktop')).detection.imageDelivery.method, 'shared-daemon');
    assert.deepEqual((await detect('colima')).detection.imageDelivery, {
      method: 'loadable',
      command: 'docker save IMAGE | colima nerdctl -p default -- --namespace k8s.io load',
    });
  });

  it('requires a registry for every remote cluster', async () => {
    for (const [name, , local] of TABLE) {
      if (local) continue;
      assert.deepEqual((await detect(name)).detection.imageDelivery, { method: 'registry-required' }, name);
    }
  });

  it('records a forbidden node list as a gap, and still answers from what it could read', async () => {
    const { detection } = await detect('eks-nodes-forbidden');
    const gaps = detection.evidence.filter((item) => item.unknown !== undefined).map((item) => [item.source, item.unknown]);
    assert.deepEqual(gaps, [
      ['nodes', 'forbidden: list nodes'],
      ['local-registry-hosting', 'forbidden: get configmaps in kube-public'],
    ]);
  });

  it('lets a cloud exec plugin veto "local" behind a loopback server', async () => {
    const { detection } = await detect('aks-tunnelled');
    const plugin = detection.evidence.find((item) => item.key === 'exec plugin');
    assert.equal(plugin?.kind, 'veto');
    assert.deepEqual(plugin?.rulesOut, ['local']);
    assert.ok(detection.evidence.some((item) => item.supports === 'local' && item.key === 'server host'));
  });

  it('does not take EKS Distro for EKS', async () => {
    const { detection } = await detect('eks-distro');
    assert.ok(detection.evidence.some((item) => item.kind === 'veto' && item.rulesOut?.includes('eks') && item.source === 'version'));
  });

  it('counts a marker on many nodes once, saying on how many', async () => {
    const { detection } = await detect('openshift');
    const labels = detection.evidence.filter((item) => item.key === 'label node.openshift.io/*');
    assert.deepEqual(labels.map((item) => item.value), ['node.openshift.io/os_id=rhcos (5 of 5 nodes)']);
  });
});

describe('applyAnswer', () => {
  it('keeps the likely type for a "local" answer and shows where the answer came from', async () => {
    const { detection, facts } = await detect('loopback-nodes-forbidden');
    const answered = applyAnswer(detection, facts, { location: 'local' }, 'answer', 'prompt');
    assert.equal(answered.type, 'k3s');
    assert.equal(answered.local, true);
    assert.equal(answered.confidence, 'high');
    assert.deepEqual(answered.evidence[0], { source: 'answer', key: 'prompt', value: 'local', supports: 'local', weight: 0, kind: 'identity' });
  });

  it('turns a local product into unknown-remote when the user says remote', async () => {
    const { detection, facts } = await detect('kind');
    const answered = applyAnswer(detection, facts, { location: 'remote' }, 'config', 'clusters.kind-dev.location');
    assert.deepEqual([answered.type, answered.local, answered.imageDelivery.method], ['unknown-remote', false, 'registry-required']);
  });

  it('gives a declared type its own locality: a server distribution is local only on this machine', async () => {
    const { detection, facts } = await detect('kubeadm-on-prem');
    assert.deepEqual(
      (({ type, local, confidence }) => ({ type, local, confidence }))(applyAnswer(detection, facts, { type: 'k3s' }, 'flag', '--cluster-type')),
      { type: 'k3s', local: false, confidence: 'high' },
    );
    const kind = applyAnswer(detection, facts, { type: 'kind' }, 'flag', '--cluster-type');
    assert.deepEqual([kind.type, kind.local, kind.imageDelivery], ['kind', true, { method: 'loadable', command: 'kind load docker-image IMAGE' }]);
  });
});
