// `check()` against a cluster snapshot (test/fixtures/cluster/kind-dev.json, a kind cluster named
// "dev"), with a real dockerd as this machine's container runtime (test/support/docker-daemon):
// detection, the cluster findings and their commands, the registry check with the pull secret's
// real credentials (as the live gateway hands them over), node platforms, and unknown facts. The
// registry is a recording stand-in here: what a real registry answers to those credentials is
// test/integration/registry's business; here what matters is which credentials are sent.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { check } from '../../../src/commands/check.js';
import type { PullguardConfig } from '../../../src/core/config.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import type { ImageCheckRequest, ImageCheckResult, RegistryGateway } from '../../../src/facts/registry-gateway.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { JSON_REPORT_SCHEMA } from '../../../src/formatters/json-report-schema.js';
import { formatJson } from '../../../src/formatters/json.js';
import { repoRoot } from '../../support/control-plane/repo-root.js';
import { refusing, withSecretCredentials } from '../../support/cluster/counting-reader.js';
import { compileSchema, schemaErrors } from '../../unit/formatters/schema-validation.js';
import { startDockerDaemon, type DockerDaemon } from '../../support/docker-daemon/index.js';

const FIXTURES = join(repoRoot(), 'test/fixtures/cluster');
const SNAPSHOT = JSON.parse(readFileSync(join(FIXTURES, 'kind-dev.json'), 'utf8')) as ClusterSnapshot;
const CONFIG: PullguardConfig = { rules: {}, registries: {} };

class RecordingGateway implements RegistryGateway {
  readonly requests: ImageCheckRequest[] = [];
  async checkImage(request: ImageCheckRequest): Promise<ImageCheckResult> {
    this.requests.push(request);
    return { status: 'ok', summary: 'exists', registry: request.reference.domain, credentialSource: request.credentials[0]?.source ?? 'anonymous' };
  }
  async close(): Promise<void> {}
}

describe('check against a kind cluster snapshot, with a real docker engine', () => {
  let daemon: DockerDaemon;
  let workerId: string;
  before(async () => {
    daemon = await startDockerDaemon();
    workerId = await daemon.buildImage('worker:dev');
  });
  after(async () => daemon?.stop());

  async function run(paths: string[], reader = snapshotReader(SNAPSHOT, 'snapshot kind-dev.json'), target?: string) {
    const gateway = new RecordingGateway();
    const report = await check({
      paths,
      cwd: join(FIXTURES, 'app'),
      config: CONFIG,
      gateway,
      cluster: reader,
      compareDockerConfig: false,
      env: { HOME: daemon.dir, DOCKER_HOST: daemon.host },
      ...(target === undefined ? {} : { target }),
    });
    return { report, gateway };
  }

  it('detects kind "dev", and says that docker here has the image the nodes lack, with the load command for this cluster', async () => {
    const { report } = await run(['shop.yaml']);
    assert.equal(report.target, 'kind');
    assert.deepEqual(
      report.findings.map((f) => [f.ruleId, f.severity, f.line, f.message, f.remediation]),
      [
        ['image-pull', 'warning', 29, 'ghcr.io/acme/web:1.4: not checked: the credentials of secret shop/regcred for this image are unknown (the snapshot holds no secret values)', undefined],
        [
          'image-not-on-nodes',
          'error',
          31,
          `worker:dev is on none of the 2 node(s) of kind dev, so kubelet never pulls it (imagePullPolicy: Never): the pods fail with ErrImageNeverPull; this machine's docker (${daemon.host}) has it (${workerId.slice(7, 19)})`,
          'Load it onto the nodes: `kind load docker-image worker:dev --name dev`.',
        ],
      ],
    );
    const evidence = report.cluster?.evidence ?? [];
    assert.equal(evidence[0], 'kind, local, high confidence');
    assert.ok(evidence.includes('nodes providerID: kind://docker/dev/dev-control-plane (2 of 2 nodes) → kind (identity, +6)'), evidence.join('\n'));
    assert.deepEqual({ ...report.cluster, evidence: [] }, {
      source: 'snapshot kind-dev.json',
      context: 'kind-dev',
      type: 'kind',
      local: true,
      clusterName: 'dev',
      typeFrom: 'detected',
      evidence: [],
      nodes: { count: 2, platforms: ['linux/amd64'] },
      namespaces: [{ name: 'shop', status: 'active', pods: 2 }],
      unknown: [{ fact: 'credentials of secret shop/regcred', reason: 'the snapshot holds no secret values' }],
    });
  });

  it('an image neither the nodes nor docker here have: the build that is missing, then the load', async () => {
    await daemon.buildImage('unrelated:dev');
    const { report } = await run(['shop.yaml'], snapshotReader(SNAPSHOT, 'snapshot kind-dev.json'));
    assert.ok(report.findings.some((f) => f.ruleId === 'image-not-on-nodes' && f.image === 'worker:dev'));
    const text = readFileSync(join(FIXTURES, 'app', 'shop.yaml'), 'utf8').replace('worker:dev', 'batch:dev');
    const dir = daemon.dir;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'shop.yaml'), text);
    const gateway = new RecordingGateway();
    const report2 = await check({ paths: [join(dir, 'shop.yaml')], config: CONFIG, gateway, cluster: snapshotReader(SNAPSHOT, 'snapshot kind-dev.json'), compareDockerConfig: false, env: { HOME: dir, DOCKER_HOST: daemon.host } });
    const finding = report2.findings.find((f) => f.ruleId === 'image-not-on-nodes');
    assert.equal(finding?.message, `batch:dev is on none of the 2 node(s) of kind dev, so kubelet never pulls it (imagePullPolicy: Never): the pods fail with ErrImageNeverPull; this machine's docker (${daemon.host}) does not have it either`);
    assert.equal(finding?.remediation, 'Build it, then load it onto the nodes: `docker build -t batch:dev . && kind load docker-image batch:dev --name dev`.');
  });

  it('the registry check sends the pull secret\'s real credentials, and the nodes\' platforms', async () => {
    const reader = withSecretCredentials(snapshotReader(SNAPSHOT, 'context kind-dev'), {
      'shop/regcred': [{ registry: 'ghcr.io', username: 'acme-bot', password: 'ghp_example0123456789' }],
    });
    const { report, gateway } = await run(['shop.yaml'], reader);
    assert.deepEqual(
      gateway.requests.map((r) => [r.reference.normalized, r.credentials.map((c) => [c.source, c.username, c.password]), r.platforms]),
      [['ghcr.io/acme/web:1.4', [['secret shop/regcred (.dockerconfigjson, ghcr.io) via serviceaccount shop/builder', 'acme-bot', 'ghp_example0123456789']], [{ os: 'linux', architecture: 'amd64' }]]],
    );
    assert.deepEqual(report.cluster?.unknown, []);
    assert.doesNotMatch(formatJson(report, { color: false, rules: [] }), /ghp_example0123456789/);
  });

  it('a restricted user: every refused fact is listed as unknown with the missing permission, nothing is guessed', async () => {
    const reader = refusing(snapshotReader(SNAPSHOT, 'context kind-dev'), {
      nodes: 'forbidden: list nodes',
      namespaces: 'forbidden: list namespaces',
      serviceAccounts: 'forbidden: list serviceaccounts in the namespace',
      secrets: 'forbidden: list secrets in the namespace',
      pods: 'forbidden: list pods in the namespace',
      pullSecretCredentials: 'forbidden: get secrets in the namespace',
    });
    const { report } = await run(['shop.yaml', 'other.yaml'], reader);
    // Nodes refused: detection goes by the kubeconfig (kind-dev on a loopback server), as `pullguard detect` does.
    assert.equal(report.target, 'kind');
    assert.deepEqual(report.cluster?.unknown.map((u) => `${u.fact}: ${u.reason}`), [
      'nodes: forbidden: list nodes',
      'namespaces: forbidden: list namespaces',
      'serviceaccounts in old: forbidden: list serviceaccounts in the namespace',
      'serviceaccounts in reports: forbidden: list serviceaccounts in the namespace',
      'serviceaccounts in shop: forbidden: list serviceaccounts in the namespace',
      'secrets in old: forbidden: list secrets in the namespace',
      'secrets in reports: forbidden: list secrets in the namespace',
      'secrets in shop: forbidden: list secrets in the namespace',
      'pods in old: forbidden: list pods in the namespace',
      'pods in reports: forbidden: list pods in the namespace',
      'pods in shop: forbidden: list pods in the namespace',
    ]);
    assert.equal(report.findings.filter((f) => f.ruleId === 'namespace-missing' || f.ruleId === 'image-not-on-nodes').length, 0);
    const accounts = report.findings.filter((f) => f.ruleId === 'unknown-service-account');
    assert.deepEqual(accounts.map((f) => [f.severity, f.message]), [
      ['info', 'serviceaccount reports/reporter is not among the manifests and the cluster (context kind-dev); unless it exists in the cluster, the API server rejects the pods'],
      ['info', 'serviceaccount shop/builder is not among the manifests and the cluster (context kind-dev); unless it exists in the cluster, the API server rejects the pods'],
    ]);
  });

  it('a user who may list secrets but not get them: the credentials are unknown with that permission, the image unchecked', async () => {
    const reader = refusing(snapshotReader(SNAPSHOT, 'context kind-dev'), { pullSecretCredentials: 'forbidden: get secrets in namespace shop' });
    const { report, gateway } = await run(['shop.yaml'], reader);
    assert.deepEqual(report.cluster?.unknown, [{ fact: 'credentials of secret shop/regcred', reason: 'forbidden: get secrets in namespace shop' }]);
    assert.deepEqual(gateway.requests, []);
    assert.equal(
      report.findings.find((f) => f.ruleId === 'image-pull')?.message,
      'ghcr.io/acme/web:1.4: not checked: the credentials of secret shop/regcred for this image are unknown (forbidden: get secrets in namespace shop)',
    );
  });

  it('--target overrides detection; the JSON report with its cluster section matches the schema', async () => {
    const { report } = await run(['shop.yaml', 'other.yaml'], snapshotReader(SNAPSHOT, 'snapshot kind-dev.json'), 'aks');
    assert.equal(report.target, 'aks');
    assert.equal(report.cluster?.typeFrom, '--target');
    assert.equal(report.cluster?.clusterName, undefined);
    const finding = report.findings.find((f) => f.ruleId === 'image-not-on-nodes');
    assert.equal(finding?.remediation?.startsWith('Push it to a registry the nodes pull from (`docker tag worker:dev ghcr.io/worker:dev && docker push ghcr.io/worker:dev`), reference it as ghcr.io/worker:dev and drop imagePullPolicy: Never.'), true);
    const validate = compileSchema(JSON_REPORT_SCHEMA, { strict: true });
    const json = JSON.parse(formatJson(report, { color: false, rules: [] }));
    assert.equal(schemaErrors(validate, json), '');
  });
});
