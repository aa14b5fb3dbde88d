// Gathering the cluster facts of `check` from a snapshot (test/fixtures/cluster/kind-dev.json): what
// is read, how often (never per workload), what a refused list turns into, and the pull objects the
// kubelet pull model reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pullObjectsFromManifests } from '../../../src/credentials/pull-object-source.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { advertisedRegistry, gatherCluster, mostUsedRegistry } from '../../../src/gather/gather-cluster.js';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import type { ManifestObject } from '../../../src/manifests/model.js';
import { repoRoot } from '../../support/control-plane/repo-root.js';
import { countingReader, refusing } from '../../support/cluster/counting-reader.js';

const FIXTURES = join(repoRoot(), 'test/fixtures/cluster');
const SNAPSHOT = JSON.parse(readFileSync(join(FIXTURES, 'kind-dev.json'), 'utf8')) as ClusterSnapshot;
const KIND = getTargetProfile('kind')!;

function manifests(...files: string[]): ManifestObject[] {
  return files.flatMap((file) => readManifestText(readFileSync(join(FIXTURES, 'app', file), 'utf8'), file, FULL_YAML_READERS).objects);
}

async function gather(objects: ManifestObject[], reader = snapshotReader(SNAPSHOT, 'snapshot kind-dev.json')) {
  return gatherCluster({ reader, objects, defaultNamespace: 'shop', manifestPullObjects: pullObjectsFromManifests(objects, 'shop'), target: KIND, clusterName: 'dev' });
}

/** n Deployments spread over `namespaces` namespaces, each with a pull secret of its namespace. */
function workloads(n: number, namespaces: number): ManifestObject[] {
  const text = Array.from({ length: n }, (_, i) =>
    [`apiVersion: apps/v1`, `kind: Deployment`, `metadata: {name: w${i}, namespace: ns${i % namespaces}}`, `spec:`, `  template:`, `    spec:`, `      imagePullSecrets: [{name: regcred}]`, `      containers: [{name: c, image: "ghcr.io/acme/w${i}:1"}]`].join('\n'),
  ).join('\n---\n');
  return readManifestText(text, 'w.yaml', FULL_YAML_READERS).objects;
}

describe('gatherCluster', () => {
  it('reads the namespaces the workloads deploy into: active with their pods, Terminating, missing', async () => {
    const { facts } = await gather(manifests('shop.yaml', 'other.yaml'));
    assert.deepEqual([...facts.namespaces.entries()], [
      ['old', { value: { phase: 'Terminating', pods: { value: { count: 0, images: [] } } } }],
      ['reports', { value: {} }],
      ['shop', { value: { phase: 'Active', pods: { value: { count: 2, images: ['ghcr.io/acme/cart:2.1', 'postgres:16'] } } } }],
    ]);
    assert.equal(facts.contextName, 'kind-dev');
    assert.equal(facts.clusterName, 'dev');
    assert.equal(facts.registry, 'ghcr.io');
  });

  it('reads the nodes: platforms, and whether they hold the images that are never pulled', async () => {
    const { facts } = await gather(manifests('shop.yaml'));
    assert.ok('value' in facts.nodes);
    assert.equal(facts.nodes.value.count, 2);
    assert.deepEqual(facts.nodes.value.platforms, [{ os: 'linux', architecture: 'amd64' }]);
    assert.deepEqual([...facts.nodeImages.values()].map((fact) => [fact.image, fact.reference, fact.onNodes]), [
      ['api:dev', 'docker.io/library/api:dev', { value: true }],
      ['worker:dev', 'docker.io/library/worker:dev', { value: false }],
    ]);
  });

  it('nodes that list no images at all (not reported by a kubelet) leave the question open', async () => {
    const bare = { ...SNAPSHOT, nodes: SNAPSHOT.nodes.map((node) => ({ ...node, status: { ...node.status, images: [] } })) };
    const { facts } = await gather(manifests('shop.yaml'), snapshotReader(bare, 'snapshot'));
    assert.deepEqual(facts.nodeImages.get('api:dev')?.onNodes, { unknown: 'no node lists its images (status.images is empty)' });
  });

  it('a secret in the snapshot exists with its type, and its contents are unknown for the registries it names', async () => {
    const { pullObjects, facts } = await gather(manifests('shop.yaml'));
    assert.equal(pullObjects.authoritative, true);
    assert.deepEqual(pullObjects.secret('shop', 'regcred'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: 'shop' }, type: 'kubernetes.io/dockerconfigjson' });
    assert.deepEqual(pullObjects.secretContentUnknown?.('shop', 'regcred'), { reason: 'the snapshot holds no secret values', registries: ['ghcr.io'] });
    assert.equal(pullObjects.secret('shop', 'absent'), undefined);
    assert.deepEqual(pullObjects.serviceAccount('shop', 'builder'), SNAPSHOT.serviceAccounts?.[2]);
    assert.deepEqual(facts.unknown, [{ fact: 'credentials of secret shop/regcred', reason: 'the snapshot holds no secret values' }]);
  });

  it('a missing namespace gets the default ServiceAccount its creation makes, and no other', async () => {
    const { pullObjects } = await gather(manifests('other.yaml'));
    assert.deepEqual(pullObjects.serviceAccount('reports', 'default'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'reports' } });
    assert.equal(pullObjects.serviceAccount('reports', 'reporter'), undefined);
  });

  it('a refused list is an unknown fact with its reason, and the pull objects are then not authoritative', async () => {
    const reader = refusing(snapshotReader(SNAPSHOT, 'snapshot kind-dev.json'), {
      namespaces: 'forbidden: list namespaces',
      secrets: 'forbidden: list secrets in the namespace',
      nodes: 'forbidden: list nodes',
    });
    const { facts, pullObjects } = await gather(manifests('shop.yaml'), reader);
    assert.deepEqual([...facts.namespaces.entries()], [['shop', { unknown: 'forbidden: list namespaces' }]]);
    assert.deepEqual(facts.nodes, { unknown: 'forbidden: list nodes' });
    assert.deepEqual(facts.nodeImages.get('worker:dev')?.onNodes, { unknown: 'forbidden: list nodes' });
    assert.equal(pullObjects.authoritative, false);
    assert.deepEqual(facts.unknown, [
      { fact: 'nodes', reason: 'forbidden: list nodes' },
      { fact: 'namespaces', reason: 'forbidden: list namespaces' },
      { fact: 'secrets in shop', reason: 'forbidden: list secrets in the namespace' },
      { fact: 'credentials of secret shop/regcred', reason: 'the snapshot holds no secret values' },
    ]);
  });

  it('the number of reads does not grow with the number of workloads', async () => {
    const counts: number[] = [];
    for (const n of [20, 200]) {
      const reader = countingReader(snapshotReader(SNAPSHOT, 'snapshot'));
      await gather(workloads(n, 20), reader);
      counts.push(reader.calls.length);
      // One list per kind across all namespaces, and one read per pull secret in use (20 namespaces, one each).
      assert.deepEqual(reader.calls.filter((call) => !call.startsWith('pullSecretCredentials')).sort(), ['localRegistryHosting', 'namespaces', 'nodes', 'pods', 'secrets', 'serviceAccounts']);
    }
    assert.equal(counts[0], counts[1]);
  });

  it('a few namespaces are listed one by one; a refused cluster-wide list falls back to them', async () => {
    const few = countingReader(snapshotReader(SNAPSHOT, 'snapshot'));
    await gather(manifests('shop.yaml'), few);
    assert.deepEqual(few.calls.filter((call) => /^(pods|secrets|serviceAccounts)/.test(call)).sort(), ['pods shop', 'secrets shop', 'serviceAccounts shop']);
    const inner = snapshotReader(SNAPSHOT, 'snapshot');
    const restricted = countingReader({ ...inner, pods: async (scope) => (scope?.namespace === undefined ? { unknown: 'forbidden: list pods at the cluster scope' } : inner.pods(scope)) });
    const { facts } = await gather(workloads(8, 4), restricted);
    assert.deepEqual(restricted.calls.filter((call) => call.startsWith('pods')), ['pods', 'pods ns0', 'pods ns1', 'pods ns2', 'pods ns3']);
    assert.ok([...facts.namespaces.values()].every((state) => 'value' in state));
  });

  it('the registry to push to: the advertised local registry, else the manifests\' most used one', () => {
    const hosting = { data: { 'localRegistryHosting.v1': 'host: "localhost:5001"\nhelp: "https://kind.sigs.k8s.io/docs/user/local-registry/"\n' } };
    assert.equal(advertisedRegistry(hosting), 'localhost:5001');
    assert.equal(advertisedRegistry(null), undefined);
    assert.equal(mostUsedRegistry(manifests('shop.yaml', 'other.yaml')), 'ghcr.io');
    assert.equal(mostUsedRegistry(manifests('other.yaml')), undefined);
  });
});
