// `check()` from the library, around the registry gateway: which images are asked about and with
// which credentials, node identity on AKS, pull secrets kubelet cannot read, ignore annotations and
// severities. Node identity cannot exist here (no AKS node, no ACR), so the gateway is a recording
// stand-in that answers like ACR does to credentials it does not accept; everything a real registry
// can show is tested against docker-registry in test/integration/registry/check-command.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { check } from '../../../src/commands/check.js';
import type { PullguardConfig } from '../../../src/core/config.js';
import type { ImageCheckRequest, ImageCheckResult, RegistryGateway } from '../../../src/facts/registry-gateway.js';

class RecordingGateway implements RegistryGateway {
  readonly requests: ImageCheckRequest[] = [];
  async checkImage(request: ImageCheckRequest): Promise<ImageCheckResult> {
    this.requests.push(request);
    const registry = request.reference.domain;
    if (registry.endsWith('.azurecr.io')) {
      return { status: 'unauthorized', summary: `${registry} requires authentication`, registry, credentialSource: 'anonymous', evidence: { httpStatus: 401 } };
    }
    return { status: 'ok', summary: 'exists', registry, credentialSource: request.credentials[0]?.source ?? 'anonymous' };
  }
  async close(): Promise<void> {}
}

const CONFIG: PullguardConfig = { rules: {}, registries: {} };

function pod(name: string, images: string[], extra: string[] = []): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    ...extra,
    'spec:',
    '  containers:',
    ...images.flatMap((image, i) => [`    - name: c${i}`, `      image: ${image}`]),
    '---',
    '',
  ].join('\n');
}

describe('check() around the registry gateway', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pullguard-check-unit-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(text: string, target: string, config: PullguardConfig = CONFIG) {
    const file = join(dir, 'm.yaml');
    writeFileSync(file, text);
    const gateway = new RecordingGateway();
    const report = await check({ paths: ['m.yaml'], cwd: dir, target, config, gateway, compareDockerConfig: false });
    return { report, gateway };
  }

  it('asks once per distinct image and skips images that are never pulled', async () => {
    const { report, gateway } = await run(
      pod('a', ['ghcr.io/team/api:1.0', 'ghcr.io/team/api:1.0', 'registry.example.com/${TAG}']) +
        ['apiVersion: v1', 'kind: Pod', 'metadata: {name: b}', 'spec:', '  containers:', '    - name: local', '      image: app:dev', '      imagePullPolicy: Never', ''].join('\n'),
      'remote',
    );
    assert.deepEqual(gateway.requests.map((r) => r.reference.normalized), ['ghcr.io/team/api:1.0']);
    assert.deepEqual(gateway.requests[0]?.platforms, [{ os: 'linux', architecture: 'amd64' }]);
    assert.equal(report.images?.length, 1);
    assert.deepEqual(report.images?.[0]?.locations.map((l) => l.line), [8, 10]);
  });

  it('reports progress once per distinct check, counting to the total', async () => {
    const file = join(dir, 'm.yaml');
    writeFileSync(file, pod('a', ['ghcr.io/team/api:1.0', 'ghcr.io/team/web:1.0', 'ghcr.io/team/api:1.0']));
    const progress: string[] = [];
    await check({
      paths: ['m.yaml'],
      cwd: dir,
      target: 'remote',
      config: CONFIG,
      gateway: new RecordingGateway(),
      compareDockerConfig: false,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    assert.deepEqual(progress, ['1/2', '2/2']);
  });

  it('turns a refusal by a node-identity registry into "cannot be verified from here" on AKS only', async () => {
    const text = pod('a', ['teamreg.azurecr.io/team/api:1.0']);
    const aks = await run(text, 'aks');
    const finding = aks.report.findings.find((f) => f.ruleId === 'image-pull');
    assert.equal(finding?.severity, 'info');
    assert.equal(finding?.cause, 'unknown');
    assert.match(finding?.message ?? '', /^teamreg\.azurecr\.io\/team\/api:1\.0: cannot be verified from here: .* nodes pull from teamreg\.azurecr\.io with their own identity \(matches \*\.azurecr\.io\)/);
    assert.equal(aks.report.images?.[0]?.credentialSource, 'node identity');

    const remote = await run(text, 'remote');
    const failure = remote.report.findings.find((f) => f.ruleId === 'image-pull');
    assert.equal(failure?.severity, 'error');
    assert.equal(failure?.cause, 'unauthorized');
  });

  it('passes the pod secret credentials to the gateway and never asks when kubelet cannot read the secret', async () => {
    const good = Buffer.from(JSON.stringify({ auths: { 'ghcr.io': { auth: Buffer.from('bot:pw-1').toString('base64') } } })).toString('base64');
    const secret = (name: string, data: string) =>
      ['apiVersion: v1', 'kind: Secret', `metadata: {name: ${name}}`, 'type: kubernetes.io/dockerconfigjson', 'data:', `  .dockerconfigjson: ${data}`, '---', ''].join('\n');
    const withSecret = (name: string) => ['apiVersion: v1', 'kind: Pod', `metadata: {name: p-${name}}`, 'spec:', `  imagePullSecrets: [{name: ${name}}]`, '  containers:', '    - name: c', '      image: ghcr.io/team/api:2.0', '---', ''].join('\n');
    const broken = Buffer.from('{"auths": {"ghcr.io": {"auth": "not base64!"}}}').toString('base64');
    const { report, gateway } = await run(secret('good', good) + secret('broken', broken) + withSecret('good') + withSecret('broken'), 'remote');
    assert.equal(gateway.requests.length, 1);
    assert.deepEqual(gateway.requests[0]?.credentials, [{ source: 'secret default/good (.dockerconfigjson, ghcr.io)', username: 'bot', password: 'pw-1' }]);
    const findings = report.findings.filter((f) => f.ruleId === 'image-pull');
    assert.deepEqual(findings.map((f) => [f.object.name, f.severity]), [['p-broken', 'error']]);
    assert.match(findings[0]?.message ?? '', /^ghcr\.io\/team\/api:2\.0: kubelet fails every pull of this pod: /);
    assert.deepEqual(report.images?.map((i) => [i.status, i.credentialSource]).sort(), [
      ['ok', 'secret default/good (.dockerconfigjson, ghcr.io)'],
      ['unauthorized', 'secret default/broken'],
    ]);
    assert.ok(!JSON.stringify(report).includes('pw-1'));
  });

  it("uses the service account's pull secrets when the pod lists none", async () => {
    const data = Buffer.from(JSON.stringify({ auths: { 'quay.io': { username: 'robot', password: 'pw-2' } } })).toString('base64');
    const { gateway } = await run(
      [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata: {name: builder, namespace: team}',
        'imagePullSecrets: [{name: quay-pull}]',
        '---',
        'apiVersion: v1',
        'kind: Secret',
        'metadata: {name: quay-pull, namespace: team}',
        'type: kubernetes.io/dockerconfigjson',
        `data: {.dockerconfigjson: ${data}}`,
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: api, namespace: team}',
        'spec:',
        '  selector: {matchLabels: {app: api}}',
        '  template:',
        '    metadata: {labels: {app: api}}',
        '    spec:',
        '      serviceAccountName: builder',
        '      containers: [{name: api, image: quay.io/team/api:3.1}]',
        '',
      ].join('\n'),
      'remote',
    );
    assert.deepEqual(gateway.requests.map((r) => r.credentials), [
      [{ source: 'secret team/quay-pull (.dockerconfigjson, quay.io) via serviceaccount team/builder', username: 'robot', password: 'pw-2' }],
    ]);
  });

  it('honours pullguard.dev/ignore and the configured severity of image-pull', async () => {
    const ignored = await run(pod('a', ['teamreg.azurecr.io/x:1'], ['  annotations: {pullguard.dev/ignore: image-pull}']), 'remote');
    assert.deepEqual(ignored.report.findings.filter((f) => f.ruleId === 'image-pull'), []);
    assert.equal(ignored.report.summary.ignored, 1);
    assert.equal(ignored.report.images?.[0]?.status, 'unauthorized');

    const warning = await run(pod('a', ['teamreg.azurecr.io/x:1']), 'remote', { rules: { 'image-pull': 'warning' }, registries: {} });
    assert.deepEqual(warning.report.findings.filter((f) => f.ruleId === 'image-pull').map((f) => f.severity), ['warning']);
    assert.equal(warning.report.summary.errors, 0);

    const off = await run(pod('a', ['teamreg.azurecr.io/x:1']), 'remote', { rules: { 'image-pull': 'off' }, registries: {} });
    assert.deepEqual(off.report.findings.filter((f) => f.ruleId === 'image-pull'), []);
  });

  it('reads the node platforms from the configuration when no flag gives them', async () => {
    const { gateway } = await run(pod('a', ['ghcr.io/team/api:1.0']), 'remote', { rules: {}, registries: {}, platforms: ['linux/arm64', 'linux/arm/v7'] });
    assert.deepEqual(gateway.requests[0]?.platforms, [
      { os: 'linux', architecture: 'arm64' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
    ]);
  });
});
