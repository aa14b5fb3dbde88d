// `check()` against the real control plane through the live gateway: nodes made to look like a kind
// cluster named "live" (providerID, status.images, nodeInfo), a namespace with a ServiceAccount whose
// pull secret holds credentials, a missing namespace; the restricted user, for whom every refused
// fact is unknown with the permission that is missing; and a snapshot of the same cluster, which
// gives the same findings. The registry is a recording stand-in: what matters here is which
// credentials the cluster's secret makes check send (test/integration/registry proves the rest).
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { check } from '../../../src/commands/check.js';
import { captureSnapshot } from '../../../src/commands/snapshot.js';
import type { PullguardConfig } from '../../../src/core/config.js';
import type { Report } from '../../../src/core/types.js';
import type { ClusterReader } from '../../../src/facts/cluster-reader.js';
import type { ImageCheckRequest, ImageCheckResult, RegistryGateway } from '../../../src/facts/registry-gateway.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { openCluster } from '../../../src/gateways/kube/open-cluster.js';
import { sharedControlPlane, type ControlPlane } from '../../support/control-plane/index.js';

const controlPlane = sharedControlPlane({ controllerManager: true });
const CONFIG: PullguardConfig = { rules: {}, registries: {} };
const REGISTRY = 'registry.acme.dev:5000';

class RecordingGateway implements RegistryGateway {
  readonly requests: ImageCheckRequest[] = [];
  async checkImage(req: ImageCheckRequest): Promise<ImageCheckResult> {
    this.requests.push(req);
    return { status: 'ok', summary: 'exists', registry: req.reference.domain, credentialSource: req.credentials[0]?.source ?? 'anonymous' };
  }
  async close(): Promise<void> {}
}

/** PATCH of a node's status subresource (what kubelet reports), as the admin. */
function patchNodeStatus(cp: ControlPlane, name: string, status: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const url = new URL(`/api/v1/nodes/${name}/status`, cp.server);
    const req = request(url, { method: 'PATCH', ca: cp.caCertPem, headers: { authorization: `Bearer ${cp.adminToken}`, 'content-type': 'application/merge-patch+json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`PATCH node status: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ status }));
  });
}

describe('check against the live control plane', () => {
  let dir: string;
  let namespace: string;
  before(async () => {
    const cp = controlPlane();
    dir = await mkdtemp(join(tmpdir(), 'pullguard-check-live-'));
    for (const name of ['live-control-plane', 'live-worker']) {
      await cp.createNode({ name, providerID: `kind://docker/live/${name}`, fake: false, nodeInfo: { architecture: name === 'live-worker' ? 'arm64' : 'amd64' } });
      await patchNodeStatus(cp, name, {
        nodeInfo: { operatingSystem: 'linux', architecture: name === 'live-worker' ? 'arm64' : 'amd64', osImage: 'Debian GNU/Linux 12 (bookworm)', containerRuntimeVersion: 'containerd://1.7.18', kubeletVersion: cp.versions.kubernetes, kubeProxyVersion: '', kernelVersion: '', bootID: '', machineID: '', systemUUID: '' },
        images: [{ names: ['docker.io/library/api:dev'], sizeBytes: 1000 }],
      });
    }
    namespace = await cp.createNamespace('shop');
    const config = { auths: { [REGISTRY]: { username: 'robot', password: 'live-secret-value-123' } } };
    await cp.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': Buffer.from(JSON.stringify(config)).toString('base64') } } as never);
    await cp.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace }, imagePullSecrets: [{ name: 'regcred' }] } as never);
    await writeFile(
      join(dir, 'app.yaml'),
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: web, namespace: ${namespace}}`,
        'spec:',
        '  selector: {matchLabels: {app: web}}',
        '  template:',
        '    metadata: {labels: {app: web}}',
        '    spec:',
        '      serviceAccountName: builder',
        '      containers:',
        `        - {name: web, image: "${REGISTRY}/acme/web:1.4"}`,
        '        - {name: api, image: "api:dev", imagePullPolicy: Never}',
        '        - {name: worker, image: "worker:dev", imagePullPolicy: Never}',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: report, namespace: no-such-namespace}',
        'spec:',
        '  containers: [{name: report, image: "api:dev", imagePullPolicy: Never}]',
        '',
      ].join('\n'),
    );
  });
  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  async function run(reader: ClusterReader): Promise<{ report: Report; gateway: RecordingGateway }> {
    const gateway = new RecordingGateway();
    const report = await check({ paths: ['app.yaml'], cwd: dir, config: CONFIG, gateway, cluster: reader, compareDockerConfig: false, env: { HOME: dir, DOCKER_HOST: `unix://${join(dir, 'no.sock')}` } });
    return { report, gateway };
  }

  const findings = (report: Report) => report.findings.map((f) => `${f.line} ${f.ruleId} ${f.message}`);

  it('as the admin: kind "live" detected, the missing namespace and image, the secret\'s real credentials, both node platforms', async () => {
    const cp = controlPlane();
    const reader = await openCluster({ kubeconfig: cp.adminKubeconfigPath, env: { HOME: dir }, cwd: dir, stdinIsTerminal: false });
    try {
      const { report, gateway } = await run(reader);
      assert.equal(report.target, 'kind');
      assert.equal(report.cluster?.clusterName, 'live');
      assert.deepEqual(report.cluster?.nodes, { count: 2, platforms: ['linux/amd64', 'linux/arm64'] });
      assert.deepEqual(report.cluster?.unknown, []);
      assert.deepEqual(findings(report), [
        `13 image-not-on-nodes worker:dev is on none of the 2 node(s) of kind live, so kubelet never pulls it (imagePullPolicy: Never): the pods fail with ErrImageNeverPull; whether this machine's container runtime has it is unknown (docker at unix://${join(dir, 'no.sock')} cannot be reached (ENOENT))`,
        '17 namespace-missing namespace no-such-namespace does not exist in context pullguard-test; the API server refuses the object (namespaces "no-such-namespace" not found)',
      ]);
      assert.deepEqual(
        gateway.requests.map((r) => [r.reference.normalized, r.credentials.map((c) => [c.source, c.username, c.password]), r.platforms?.map((p) => `${p.os}/${p.architecture}`)]),
        [[`${REGISTRY}/acme/web:1.4`, [[`secret ${namespace}/regcred (.dockerconfigjson, ${REGISTRY}) via serviceaccount ${namespace}/builder`, 'robot', 'live-secret-value-123']], ['linux/amd64', 'linux/arm64']]],
      );
    } finally {
      await reader.close();
    }
  });

  it('as the restricted user: every refused fact is unknown with the permission that is missing, and nothing is guessed', async () => {
    const cp = controlPlane();
    const reader = await openCluster({ kubeconfig: cp.restrictedKubeconfigPath, env: { HOME: dir }, cwd: dir, stdinIsTerminal: false });
    try {
      const { report, gateway } = await run(reader);
      assert.equal(report.target, 'remote');
      const unknown = report.cluster?.unknown ?? [];
      for (const fact of ['nodes', 'namespaces', `serviceaccounts in ${namespace}`, `secrets in ${namespace}`, `pods in ${namespace}`, 'serviceaccounts in no-such-namespace']) {
        const found = unknown.find((u) => u.fact === fact);
        assert.ok(found !== undefined, `${fact} should be unknown: ${JSON.stringify(unknown)}`);
        assert.match(found.reason, /^forbidden: (list|get) \S+/);
      }
      assert.deepEqual(report.findings.filter((f) => f.ruleId === 'namespace-missing' || f.ruleId === 'image-not-on-nodes'), []);
      // The pod's pull secrets come from a ServiceAccount nobody could read: nothing is asked in its name.
      assert.deepEqual(gateway.requests, []);
      const pull = report.findings.find((f) => f.ruleId === 'image-pull');
      assert.match(pull?.message ?? '', new RegExp(`^${REGISTRY.replace(/\./g, '\\.')}/acme/web:1\\.4: not checked: the pull secrets of serviceaccount ${namespace}/builder are unknown \\(forbidden: list \\S+`));
    } finally {
      await reader.close();
    }
  });

  it('a snapshot of the same cluster gives the same findings (secret values aside)', async () => {
    const cp = controlPlane();
    const reader = await openCluster({ kubeconfig: cp.adminKubeconfigPath, env: { HOME: dir }, cwd: dir, stdinIsTerminal: false });
    try {
      const snapshot = await captureSnapshot(reader, { allNamespaces: true });
      const live = await run(reader);
      const offline = await run(snapshotReader(JSON.parse(JSON.stringify(snapshot)), 'snapshot'));
      assert.deepEqual(
        findings(offline.report).filter((f) => !f.includes(' image-pull ')),
        findings(live.report).map((f) => f.replace('context pullguard-test', 'snapshot')),
      );
      assert.deepEqual(offline.report.cluster?.unknown, [{ fact: `credentials of secret ${namespace}/regcred`, reason: 'the snapshot holds no secret values' }]);
    } finally {
      await reader.close();
    }
  });
});
