// `pullguard snapshot` against the real control plane, run as a user runs it (the built CLI in a
// process of its own): the file conforms to docs/snapshot.schema.json, read back with --snapshot's
// reader it gives the same facts as the live cluster, and no credential (kubeconfig token, exec
// plugin output, pull-secret passwords, auths and tokens, user names) reaches the file or the
// output in any encoding.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ClusterReader } from '../../../src/facts/cluster-reader.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { loadSnapshot } from '../../../src/gateways/files/load-snapshot.js';
import { openCluster } from '../../../src/gateways/kube/open-cluster.js';
import { runCli } from '../../cli/run-cli.js';
import { nodeLookingLike, sharedControlPlane, type ControlPlane } from '../../support/control-plane/index.js';
import { base64, tokenCredential, writeExecPlugin, writeJsonKubeconfig } from '../../support/kubeconfig-fixtures.js';
import { snapshotSchemaErrors } from '../../support/snapshot-schema.js';

// No controller-manager: nothing changes objects between the snapshot and the live reads.
const controlPlane = sharedControlPlane();
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pullguard-snapshot-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function populate(cp: ControlPlane, namespace: string, secrets: { password: string; identityToken: string; opaqueToken: string }): Promise<void> {
  await cp.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
  await cp.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace }, imagePullSecrets: [{ name: 'regcred' }] });
  const auths = {
    'registry.example.com': { username: 'robot-user', password: secrets.password, auth: base64(`robot-user:${secrets.password}`) },
    'https://index.docker.io/v1/': { identitytoken: secrets.identityToken },
  };
  await cp.apply({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'regcred',
      namespace,
      labels: { app: 'web' },
      // kubectl apply keeps the whole object, data included, here.
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ data: { password: secrets.password } }), note: 'pull' },
    },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': base64(JSON.stringify({ auths })) },
  });
  await cp.apply({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'legacy', namespace },
    type: 'kubernetes.io/dockercfg',
    data: { '.dockercfg': base64(JSON.stringify({ 'quay.io': { username: 'robot-user', password: secrets.password, email: 'x@example.com' } })) },
  });
  await cp.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'api-token', namespace }, type: 'Opaque', stringData: { token: secrets.opaqueToken } });
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'registry.example.com/team/web:1.0' }] } };
  await cp.apply({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace }, spec: { selector: { matchLabels: { app: 'web' } }, template } });
  await cp.apply({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d4f', namespace }, spec: { selector: { matchLabels: { app: 'web' } }, template } });
  await cp.apply({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', namespace },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'registry.example.com/team/migrate:1' }] } } },
  });
  await cp.apply({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace, labels: { app: 'web' } },
    spec: { serviceAccountName: 'builder', containers: [{ name: 'web', image: 'registry.example.com/team/web:1.0' }] },
  });
}

async function sameFacts(live: ClusterReader, offline: ClusterReader, namespace: string): Promise<void> {
  assert.deepEqual(offline.context, live.context);
  assert.deepEqual(await offline.version(), await live.version());
  assert.deepEqual(await offline.apiGroups(), await live.apiGroups());
  assert.deepEqual(await offline.nodes(), await live.nodes());
  assert.deepEqual(await offline.namespaces(), await live.namespaces());
  for (const scope of [{ namespace }, { namespace, labelSelector: 'app=web' }, { namespace, fieldSelector: 'metadata.name=web' }]) {
    assert.deepEqual(await offline.pods(scope), await live.pods(scope), JSON.stringify(scope));
  }
  assert.deepEqual(await offline.serviceAccounts({ namespace }), await live.serviceAccounts({ namespace }));
  assert.deepEqual(await offline.events({ namespace }), await live.events({ namespace }));
  assert.deepEqual(await offline.secrets({ namespace }), await live.secrets({ namespace }));
  assert.deepEqual(await offline.localRegistryHosting(), await live.localRegistryHosting());
  assert.deepEqual(await offline.replicaSets?.({ namespace }), await live.replicaSets?.({ namespace }));
  assert.deepEqual(await offline.deployments?.({ namespace }), await live.deployments?.({ namespace }));
  assert.deepEqual(await offline.jobs?.({ namespace }), await live.jobs?.({ namespace }));
}

describe('pullguard snapshot', () => {
  it('writes a snapshot that conforms to the schema and reads back as the live facts', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace('snap');
    await populate(cp, namespace, { password: 'pw-round-trip', identityToken: 'id-round-trip', opaqueToken: 'opaque-round-trip' });
    await cp.createNode(nodeLookingLike('kind', `snap${namespace.slice(-4)}`));
    await cp.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'local-registry-hosting', namespace: 'kube-public' },
      data: { 'localRegistryHosting.v1': 'host: "localhost:5001"\n' },
    });
    const file = join(dir, 'round-trip.json');
    const run = runCli(['snapshot', '-o', file, '--kubeconfig', cp.adminKubeconfigPath, '-n', namespace], { cwd: dir, env: { HOME: dir } });
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as ClusterSnapshot;
    assert.deepEqual(snapshotSchemaErrors(snapshot), []);
    assert.equal(
      run.stdout,
      `wrote ${file}: context pullguard-test, namespace ${namespace}, Kubernetes ${cp.versions.kubernetes}; ` +
        `${snapshot.nodes.length} node${snapshot.nodes.length === 1 ? '' : 's'}, ${snapshot.namespaces?.length} namespaces, 1 pod, 0 events, 2 service accounts, 3 secrets\n`,
    );
    assert.deepEqual(snapshot.scope, { allNamespaces: false, namespace });
    assert.deepEqual(snapshot.configMaps?.map((c) => c.data), [{ 'localRegistryHosting.v1': 'host: "localhost:5001"\n' }]);
    const regcred = snapshot.secrets?.find((s) => s.metadata.name === 'regcred');
    assert.deepEqual(regcred?.registries, ['registry.example.com', 'https://index.docker.io/v1/']);
    assert.deepEqual(regcred?.metadata.annotations, { note: 'pull' });
    assert.deepEqual(snapshot.secrets?.find((s) => s.metadata.name === 'legacy')?.registries, ['quay.io']);
    assert.deepEqual([snapshot.deployments?.map((d) => d.metadata?.name), snapshot.replicaSets?.map((r) => r.metadata?.name), snapshot.jobs?.map((j) => j.metadata?.name)], [['web'], ['web-5d4f'], ['migrate']]);

    const live = await openCluster({ kubeconfig: cp.adminKubeconfigPath, namespace, env: { HOME: dir }, cwd: dir, stdinIsTerminal: false });
    try {
      await sameFacts(live, loadSnapshot(file), namespace);
    } finally {
      await live.close();
    }
  });

  it('records what the restricted user may not read and still writes the snapshot', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace('snap');
    await cp.grantRestricted([{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }], namespace);
    const file = join(dir, 'restricted.json');
    const run = runCli(['snapshot', '-o', file, '--kubeconfig', cp.restrictedKubeconfigPath, '-n', namespace], { cwd: dir, env: { HOME: dir } });
    assert.equal(run.code, 0, run.stderr);
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as ClusterSnapshot;
    assert.deepEqual(snapshotSchemaErrors(snapshot), []);
    assert.deepEqual(snapshot.unknown, {
      nodes: 'forbidden: list nodes',
      namespaces: 'forbidden: list namespaces',
      serviceAccounts: `forbidden: list serviceaccounts in namespace ${namespace}`,
      events: `forbidden: list events in namespace ${namespace}`,
      configMaps: 'forbidden: get configmaps/local-registry-hosting in namespace kube-public',
      secrets: `forbidden: list secrets in namespace ${namespace}`,
      replicaSets: `forbidden: list replicasets.apps in namespace ${namespace}`,
      jobs: `forbidden: list jobs.batch in namespace ${namespace}`,
      deployments: `forbidden: list deployments.apps in namespace ${namespace}`,
    });
    assert.deepEqual(snapshot.pods, []);
    assert.match(run.stdout, /\nnot captured: nodes \(forbidden: list nodes\); namespaces \(forbidden: list namespaces\); /);
    const offline = loadSnapshot(file);
    assert.deepEqual(await offline.nodes(), { unknown: 'forbidden: list nodes' });
    assert.deepEqual(await offline.pods({ namespace }), { value: [] });
  });

  it('fails with one line and writes nothing when the server cannot be reached', async () => {
    const kubeconfig = await writeJsonKubeconfig(join(dir, 'gone.kubeconfig'), {
      clusters: [{ name: 'gone', cluster: { server: 'https://127.0.0.1:1' } }],
      users: [{ name: 'u', user: { token: 'hostile-token-unreachable' } }],
      contexts: [{ name: 'gone', context: { cluster: 'gone', user: 'u' } }],
      'current-context': 'gone',
    });
    const file = join(dir, 'never.json');
    const run = runCli(['snapshot', '-o', file, '--kubeconfig', kubeconfig], { cwd: dir, env: { HOME: dir } });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'pullguard: cannot reach the API server https://127.0.0.1:1 of context "gone": connection refused\nhint: Is the cluster running, and is this the right context (`kubectl config current-context`)?\n');
    await assert.rejects(readFile(file), { code: 'ENOENT' });
  });

  it('never writes or prints a credential, in any encoding', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace('hostile');
    // Characters that every encoding changes: quotes, slashes, plus, percent, ampersand, non-ASCII.
    const password = 'p@ss"w/rd+=%&?<é>-hostile';
    const identityToken = 'idtok/"+=hostile-9c1';
    const opaqueToken = 'opaque+/"token-hostile-77';
    await populate(cp, namespace, { password, identityToken, opaqueToken });
    const runs = join(dir, 'hostile-runs.jsonl');
    await writeExecPlugin(join(dir, 'hostile-plugin'), { output: tokenCredential(cp.adminToken) }, runs);
    const kubeconfig = await writeJsonKubeconfig(join(dir, 'hostile.kubeconfig'), {
      clusters: [{ name: 'cp', cluster: { server: cp.server, 'certificate-authority-data': base64(cp.caCertPem) } }],
      users: [{ name: 'plugin-user', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: join(dir, 'hostile-plugin'), interactiveMode: 'Never' } } }],
      contexts: [{ name: 'hostile', context: { cluster: 'cp', user: 'plugin-user', namespace } }],
      'current-context': 'hostile',
    });
    const file = join(dir, 'hostile.json');
    const toFile = runCli(['snapshot', '-o', file, '--kubeconfig', kubeconfig], { cwd: dir, env: { HOME: dir } });
    assert.equal(toFile.code, 0, toFile.stderr);
    const toStdout = runCli(['snapshot', '-A', '-o', '-', '--kubeconfig', kubeconfig], { cwd: dir, env: { HOME: dir } });
    assert.equal(toStdout.code, 0, toStdout.stderr);
    assert.match(toStdout.stderr, /^wrote the snapshot to stdout: context hostile, all namespaces, /);
    const written = await readFile(file, 'utf8');
    assert.ok(written.includes('registry.example.com') && toStdout.stdout.includes('registry.example.com'), 'the registry hosts are kept');

    const credentials = [password, identityToken, opaqueToken, cp.adminToken, 'robot-user', `robot-user:${password}`];
    const forms = credentials.flatMap((value) => [
      value,
      base64(value),
      JSON.stringify(value).slice(1, -1),
      encodeURIComponent(value),
      JSON.stringify(base64(value)).slice(1, -1),
    ]);
    for (const [where, text] of [['file', written], ['stdout', toStdout.stdout], ['stderr', toStdout.stderr], ['summary', toFile.stdout + toFile.stderr]] as const) {
      for (const form of forms) assert.equal(text.includes(form), false, `${where} holds ${JSON.stringify(form.slice(0, 6))}…`);
    }
  });
});
