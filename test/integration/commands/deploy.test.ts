// `deploy` against the real control plane (kube-apiserver, controller-manager, scheduler, kwok):
// good rollouts, fail-fast on every pull-failure reason kubelet gives (kwok plays kubelet's
// statuses, messages and events), transient failures that recover, --rollback, dry-run rejections.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DeployOptions } from '../../../src/commands/deploy.js';
import {
  dnsFailure,
  invalidImageName,
  manifestNotFound,
  neverPullMissing,
  nodeLookingLike,
  sharedControlPlane,
  uniqueName,
  waitFor,
  type ControlPlane,
  type KubeObject,
} from '../../support/control-plane/index.js';
import { runDeploy as runDeployIn, type DeployRun } from '../../support/deploy/run-deploy.js';
import { compileSchema, readRepoFile, schemaErrors } from '../../unit/formatters/schema-validation.js';

const TIMING = { firstPullMs: 200, backOffMs: 1000, retryMs: 3000 };
const controlPlane = sharedControlPlane({
  controllerManager: true,
  kwok: true,
  imagePullFailures: [
    dnsFailure('registry.invalid/'),
    manifestNotFound('notfound.test/'),
    neverPullMissing('neverpull.test/'),
    invalidImageName('invalid.test/'),
    { imagePrefix: 'unavailable.test/', runtimeError: 'RegistryUnavailable: pinging container registry unavailable.test: dial tcp 10.0.0.9:443: connect: connection refused' },
    { imagePrefix: 'unsigned.test/', runtimeError: 'SignatureValidationFailed: Source image rejected: A signature was required, but no signature exists' },
    {
      imagePrefix: 'flaky.test/',
      runtimeError: 'failed to pull and unpack image "{image}": failed to resolve reference "{image}": unexpected status from HEAD request to https://{host}/v2/{repository}/manifests/{reference}: 503 Service Unavailable',
    },
  ],
  imagePullTiming: TIMING,
});

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pullguard-deploy-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deployment(
  name: string,
  image: string,
  extra: { replicas?: number; initImage?: string; pullPolicy?: string; initPullPolicy?: string; gate?: string; recreate?: boolean; progressDeadlineSeconds?: number } = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: extra.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      ...(extra.recreate === true ? { strategy: { type: 'Recreate' } } : {}),
      ...(extra.progressDeadlineSeconds === undefined ? {} : { progressDeadlineSeconds: extra.progressDeadlineSeconds }),
      template: {
        metadata: { labels: { app: name } },
        spec: {
          // Pods stay Pending until the node carries `<gate>=open`: the test decides when they run.
          ...(extra.gate === undefined ? {} : { nodeSelector: { [extra.gate]: 'open' } }),
          ...(extra.initImage === undefined ? {} : { initContainers: [{ name: 'migrate', image: extra.initImage, ...(extra.initPullPolicy === undefined ? {} : { imagePullPolicy: extra.initPullPolicy }) }] }),
          containers: [{ name: 'app', image, ...(extra.pullPolicy === undefined ? {} : { imagePullPolicy: extra.pullPolicy }) }],
        },
      },
    },
  };
}

const NODE = 'dev-control-plane';
const validateRecord = compileSchema(JSON.parse(readRepoFile('docs/deploy-record.schema.json')) as object, { strict: true });

async function setGate(cp: ControlPlane, gate: string, open: boolean): Promise<void> {
  await cp.call('PATCH', `/api/v1/nodes/${NODE}`, { metadata: { labels: { [gate]: open ? 'open' : null } } }, { contentType: 'application/merge-patch+json' });
}

const runDeploy = (cp: ControlPlane, namespace: string, objects: readonly unknown[], extra: Partial<DeployOptions> = {}, writerOptions: { onRequest?: (path: string) => void } = {}): Promise<DeployRun> =>
  runDeployIn(cp, dir, namespace, objects, extra, writerOptions);

describe('pullguard deploy against the control plane', () => {
  before(async () => {
    await controlPlane().createNode(nodeLookingLike('kind'));
  });

  it('applies in dependency order and returns 0 once the Deployment is available', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const result = await runDeploy(cp, namespace, [
      deployment('web', 'example.test/web:1', { replicas: 2 }),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config' }, data: { mode: 'prod' } },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web' } },
    ]);
    assert.equal(result.exitCode, 0, result.lines.join(''));
    assert.equal(result.record.outcome, 'rolled-out');
    assert.deepEqual(result.record.applied.map((a) => `${a.kind}/${a.name}/${a.existed}`), ['ConfigMap/web-config/false', 'ServiceAccount/web/false', 'Deployment/web/false']);
    assert.deepEqual(result.record.rollouts.map((r) => [r.workload.name, r.desired, r.ready, r.complete]), [['web', 2, 2, true]]);
    const live = await cp.get<KubeObject & { status: { availableReplicas?: number }; metadata: { managedFields?: { manager: string }[] } }>('apps/v1', 'Deployment', 'web', namespace);
    assert.equal(live?.status.availableReplicas, 2);
    assert.ok(live?.metadata.managedFields?.some((f) => f.manager === 'pullguard'), 'applied with field manager pullguard');
    assert.deepEqual(result.record.failures, []);
  });

  const cases: { title: string; image: string; reason: string; cause: string; init?: boolean; pullPolicy?: string; message: RegExp }[] = [
    { title: 'ErrImagePull (DNS)', image: 'registry.invalid/shop/web:2', reason: 'ErrImagePull', cause: 'dns-error', message: /lookup registry\.invalid on 127\.0\.0\.53:53: no such host$/ },
    { title: 'ErrImagePull (manifest not found)', image: 'notfound.test/shop/web:2', reason: 'ErrImagePull', cause: 'image-not-found', message: /rpc error: code = NotFound desc = failed to pull and unpack image "notfound\.test\/shop\/web:2"/ },
    { title: 'ErrImageNeverPull', image: 'neverpull.test/shop/web:2', pullPolicy: 'Never', reason: 'ErrImageNeverPull', cause: 'never-pull-missing', message: /Container image "neverpull\.test\/shop\/web:2" is not present with pull policy of Never$/ },
    { title: 'InvalidImageName', image: 'invalid.test/shop/web:2', reason: 'InvalidImageName', cause: 'invalid-reference', message: /invalid reference format$/ },
    { title: 'RegistryUnavailable', image: 'unavailable.test/shop/web:2', reason: 'RegistryUnavailable', cause: 'connection-refused', message: /pinging container registry unavailable\.test: dial tcp 10\.0\.0\.9:443: connect: connection refused$/ },
    { title: 'SignatureValidationFailed', image: 'unsigned.test/shop/web:2', reason: 'SignatureValidationFailed', cause: 'signature-policy', message: /Source image rejected: A signature was required, but no signature exists$/ },
  ];
  // Each reason again in an init container (the app container's image is fine).
  cases.push(...cases.map((c) => ({ ...c, title: `${c.title} in an init container`, init: true })));
  for (const c of cases) {
    it(`stops at the first pull failure of a new pod: ${c.title}`, async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      const result = await runDeploy(cp, namespace, [
        c.init === true
          ? deployment('web', 'example.test/shop/web:2', { replicas: 2, initImage: c.image, ...(c.pullPolicy === undefined ? {} : { initPullPolicy: c.pullPolicy }) })
          : deployment('web', c.image, { replicas: 2, ...(c.pullPolicy === undefined ? {} : { pullPolicy: c.pullPolicy }) }),
      ]);
      assert.equal(result.exitCode, 1, result.lines.join(''));
      assert.equal(result.record.outcome, 'pull-failure');
      const entry = result.record.diagnosis[0];
      assert.ok(entry !== undefined, result.lines.join(''));
      assert.equal(entry.cause, c.cause);
      assert.equal(entry.reason, c.reason);
      assert.match(entry.message, c.message);
      // kubelet writes the Failed event and the status together: whichever the watches deliver first.
      assert.ok(entry.source === 'status' || (entry.source === 'event' && c.reason !== 'ErrImageNeverPull' && c.reason !== 'InvalidImageName'), entry.source);
      assert.equal(entry.desiredPods, 2);
      assert.deepEqual(entry.nodes, ['dev-control-plane']);
      assert.deepEqual(entry.containers, [c.init === true ? 'migrate (init)' : 'app']);
      const failure = result.record.failures[0];
      assert.equal(failure?.initContainer, c.init === true);
      assert.match(failure?.firstObservedAt ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      // The printed block: workload, pods, node, container, image, cause, the runtime's words, where, fix.
      const block = result.lines.find((line) => line.startsWith('✗ Deployment web'));
      assert.ok(block !== undefined, result.lines.join(''));
      assert.match(block, new RegExp(`\\n  pods       \\d/2 of the new revision \\(web-`));
      assert.match(block, /\n  node       dev-control-plane\n/);
      assert.ok(block.includes(`\n  runtime    ${entry.message}\n`));
      const where = entry.source === 'status' ? `status\\.${c.init === true ? 'initContainerStatuses\\[migrate\\]' : 'containerStatuses\\[app\\]'}\\.state\\.waiting` : 'event Failed \\(count 1\\)';
      assert.match(block, new RegExp(`\\n  from       ${where} \\(${c.reason}\\)\\n`));
      assert.match(block, /\n  fix        \S/);
      // Deterministic: it stopped on the first observation, not after the back-off.
      assert.ok((result.elapsedAfterFirstFailureMs ?? Infinity) < 2000, `stopped ${result.elapsedAfterFirstFailureMs} ms after the first failure`);
    });
  }

  it('ImagePullBackOff seen first (the ErrImagePull status was missed): the cause comes from the back-off message', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'job-runner', namespace }, spec: { containers: [{ name: 'run', image: 'registry.invalid/tools/run:1' }] } };
    await cp.apply(pod);
    await cp.waitForObject('v1', 'Pod', 'job-runner', namespace, (p: KubeObject) => JSON.stringify(p.status ?? {}).includes('"ImagePullBackOff"'), 'the pod in back-off');
    const result = await runDeploy(cp, namespace, [pod]);
    assert.equal(result.exitCode, 1, result.lines.join(''));
    assert.equal(result.record.diagnosis[0]?.reason, 'ImagePullBackOff');
    assert.equal(result.record.diagnosis[0]?.cause, 'dns-error');
  });

  it('a transient failure prints "retrying" and does not fail a deploy that recovers', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const lines: string[] = [];
    let recovered = false;
    const running = runDeploy(cp, namespace, [deployment('api', 'flaky.test/shop/api:1')], {
      say: (text) => {
        lines.push(text);
        if (text.startsWith('retrying:') && !recovered) {
          recovered = true;
          // The registry is back: kubelet's next pull succeeds. Played here as kubelet reports it.
          void recoverPods(cp, namespace, 'api');
        }
      },
    });
    const result = await running;
    assert.equal(result.exitCode, 0, lines.join(''));
    assert.ok(lines.some((line) => /^retrying: Deployment api -n \S+ pod api-\S+ container app: registry-server-error \(transient\), attempt 1\/3: /.test(line)), lines.join(''));
    assert.equal(result.record.outcome, 'rolled-out');
  });

  it('a transient failure that lasts three attempts stops the deploy', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const result = await runDeploy(cp, namespace, [deployment('api', 'flaky.test/shop/api:1')]);
    assert.equal(result.exitCode, 1, result.lines.join(''));
    assert.equal(result.record.diagnosis[0]?.cause, 'registry-server-error');
    assert.equal(result.record.failures[0]?.attempts, 3);
    assert.equal(result.lines.filter((line) => line.startsWith('retrying:')).length, 2);
  });

  it('--rollback records the evidence, then restores the previous revision exactly and deletes what it created', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const good = await runDeploy(cp, namespace, [deployment('web', 'example.test/web:1', { replicas: 2 })]);
    assert.equal(good.exitCode, 0, good.lines.join(''));
    const recorded = await cp.get<KubeObject & { spec: { template: unknown } }>('apps/v1', 'Deployment', 'web', namespace);
    const bad = await runDeploy(
      cp,
      namespace,
      [deployment('web', 'registry.invalid/web:2', { replicas: 2 }), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'new-in-v2' }, data: { a: '1' } }],
      { rollback: true },
    );
    assert.equal(bad.exitCode, 1, bad.lines.join(''));
    assert.equal(bad.record.diagnosis[0]?.cause, 'dns-error');
    assert.equal(bad.record.rollback?.ok, true);
    assert.equal(bad.record.rollback?.available, true);
    assert.deepEqual(bad.record.rollback?.actions.map((a) => `${a.action} ${a.kind}/${a.name}`), ['restored Deployment/web', 'deleted ConfigMap/new-in-v2']);
    // The evidence is printed before the rollback starts.
    const diagnosisAt = bad.lines.findIndex((line) => line.startsWith('✗ Deployment web'));
    const rollbackAt = bad.lines.findIndex((line) => line.startsWith('rollback'));
    assert.ok(diagnosisAt >= 0 && diagnosisAt < rollbackAt, bad.lines.join(''));
    const live = await cp.get<KubeObject & { spec: { template: unknown }; status: { availableReplicas?: number; updatedReplicas?: number } }>('apps/v1', 'Deployment', 'web', namespace);
    assert.deepEqual(live?.spec.template, recorded?.spec.template);
    assert.equal(live?.status.availableReplicas, 2);
    assert.equal(await cp.get('v1', 'ConfigMap', 'new-in-v2', namespace), undefined);
  });

  it('a server-side dry-run rejection stops before anything is applied, with every rejection at once', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const result = await runDeploy(cp, namespace, [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fine' }, data: { a: '1' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 70000 }], selector: { app: 'web' } } },
      deployment('web', 'example.test/web:1', { replicas: -1 }),
    ]);
    assert.equal(result.exitCode, 2, result.lines.join(''));
    assert.equal(result.record.outcome, 'rejected');
    assert.deepEqual(result.record.rejections.map((r) => `${r.kind}/${r.name}/${r.error.kind}`), ['Service/web/rejected', 'Deployment/web/rejected']);
    assert.match(result.record.rejections[0]?.error.message ?? '', /spec\.ports\[0\]\.port: Invalid value: 70000/);
    assert.deepEqual(result.record.applied, []);
    assert.equal(await cp.get('v1', 'ConfigMap', 'fine', namespace), undefined);
  });

  it('a rejection in a namespace the deploy creates: only that namespace was created, for the dry-run; it is deleted again and gone, exit 2', async () => {
    const cp = controlPlane();
    const existing = await cp.createNamespace();
    const fresh = uniqueName('fresh');
    const priorityClass = uniqueName('pc');
    const result = await runDeploy(cp, existing, [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: fresh } },
      { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: priorityClass }, value: 1000 },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'elsewhere' }, data: { a: '1' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'inside', namespace: fresh }, data: { a: '1' } },
      { ...deployment('web', 'example.test/web:1', { replicas: -1 }), metadata: { name: 'web', namespace: fresh } },
    ]);
    assert.equal(result.exitCode, 2, result.lines.join(''));
    assert.equal(result.record.outcome, 'rejected');
    assert.deepEqual(result.record.rejections.map((r) => `${r.kind}/${r.namespace}/${r.name}/${r.error.kind}`), [`Deployment/${fresh}/web/rejected`]);
    assert.match(result.record.rejections[0]?.error.message ?? '', /spec\.replicas: Invalid value: -1/);
    // What happened, in order, and what the record keeps of it.
    assert.deepEqual(result.lines.map((line) => line.replace(/^  \S+manifests-\d+\.yaml: /, '  FILE: ').replace(/(Deployment web -n \S+): .*\n$/, '$1: …\n')), [
      `applied Namespace ${fresh} (created)\n`,
      'server-side dry-run: 1 object(s) rejected; nothing else was applied\n',
      `  FILE: Deployment web -n ${fresh}: …\n`,
      `undoing what this deploy applied for the dry-run: Namespace ${fresh}\n`,
      `  deleted Namespace ${fresh}\n`,
      'the cluster is as it was before this deploy\n',
    ]);
    assert.deepEqual(result.record.applied.map((a) => `${a.kind}/${a.name}/${a.existed}`), [`Namespace/${fresh}/false`]);
    assert.deepEqual(result.record.rollback?.actions.map((a) => `${a.action} ${a.kind}/${a.name} ${a.ok}`), [`deleted Namespace/${fresh} true`]);
    assert.match(result.record.message ?? '', new RegExp(`^1 object\\(s\\) rejected by the server; undone: what this deploy applied for the dry-run \\(Namespace ${fresh}\\)$`));
    // The cluster is as it was: the namespace is gone (not Terminating), nothing else was created.
    assert.equal(await cp.get('v1', 'Namespace', fresh), undefined);
    assert.equal(await cp.get('scheduling.k8s.io/v1', 'PriorityClass', priorityClass), undefined);
    assert.equal(schemaErrors(validateRecord, result.record), '');
    assert.equal(await cp.get('v1', 'ConfigMap', 'elsewhere', existing), undefined);
  });

  it('--create-namespace and a rejection in it: the namespace is deleted again and gone, exit 2', async () => {
    const cp = controlPlane();
    const fresh = uniqueName('fresh');
    const result = await runDeploy(cp, fresh, [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fine' }, data: { a: '1' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 70000 }], selector: { app: 'web' } } },
    ], { createNamespace: true });
    assert.equal(result.exitCode, 2, result.lines.join(''));
    assert.deepEqual(result.record.rejections.map((r) => `${r.kind}/${r.name}`), ['Service/web']);
    assert.deepEqual(result.record.rollback?.actions.map((a) => `${a.action} ${a.kind}/${a.name} ${a.ok}`), [`deleted Namespace/${fresh} true`]);
    assert.ok(result.lines.includes('the cluster is as it was before this deploy\n'), result.lines.join(''));
    assert.equal(await cp.get('v1', 'Namespace', fresh), undefined);
  });

  it('a rejection outside the namespace the deploy would create: the namespace is never created, nothing applied', async () => {
    const cp = controlPlane();
    const existing = await cp.createNamespace();
    const fresh = uniqueName('fresh');
    const requests: string[] = [];
    const result = await runDeploy(cp, existing, [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: fresh } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'inside', namespace: fresh }, data: { a: '1' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 70000 }], selector: { app: 'web' } } },
    ], {}, { onRequest: (path) => requests.push(path) });
    assert.equal(result.exitCode, 2, result.lines.join(''));
    assert.deepEqual(result.record.rejections.map((r) => `${r.kind}/${r.name}`), ['Service/web']);
    assert.deepEqual(result.record.applied, []);
    assert.equal(result.record.rollback, undefined);
    assert.equal(result.lines[0], 'server-side dry-run: 1 object(s) rejected; nothing was applied\n');
    assert.equal(await cp.get('v1', 'Namespace', fresh), undefined);
    // Only dry-runs were written: the namespace was tried, never created.
    const writes = requests.filter((path) => path.startsWith('PATCH '));
    assert.ok(writes.some((path) => path.startsWith(`PATCH /api/v1/namespaces/${fresh}?`)), requests.join('\n'));
    assert.deepEqual(writes.filter((path) => !/[?&]dryRun=All/.test(path)), []);
  });

  it('a sandbox whose pause image cannot be pulled (kubelet\'s FailedCreatePodSandBox event) stops the deploy', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    // A node without kubelet (kwok does not play it): the pod bound to it stays Pending, and the
    // test writes the event kubelet writes when the runtime cannot pull the sandbox image.
    await cp.createNode({ name: `no-kubelet-${namespace}`, fake: false });
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'runner' }, spec: { nodeName: `no-kubelet-${namespace}`, containers: [{ name: 'run', image: 'example.test/tools/run:1' }] } };
    const pause = 'registry.k8s.io/pause:3.10';
    const message = `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "${pause}": failed to pull image "${pause}": failed to pull and unpack image "${pause}": failed to resolve reference "${pause}": failed to do request: Head "https://registry.k8s.io/v2/pause/manifests/3.10": dial tcp: lookup registry.k8s.io on 10.0.0.10:53: no such host`;
    const result = await runDeploy(cp, namespace, [pod], {
      say: (text) => {
        if (text.startsWith('watching ')) void kubeletSandboxEvent(cp, namespace, 'runner', message);
      },
    });
    assert.equal(result.exitCode, 1, JSON.stringify(result.record));
    const entry = result.record.diagnosis[0];
    assert.equal(entry?.cause, 'dns-error');
    assert.equal(entry?.reason, 'FailedCreatePodSandBox');
    assert.equal(entry?.source, 'event');
    assert.equal(entry?.image, pause);
    assert.equal(entry?.message, message);
    assert.deepEqual(entry?.containers, ['(sandbox)']);
    assert.equal(schemaErrors(validateRecord, result.record), '');
  });

  it('--timeout: a rollout that does not finish in time exits 3', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const result = await runDeploy(cp, namespace, [deployment('web', 'example.test/web:1', { gate: `never-${namespace}` })], { timeoutMs: 1500 });
    assert.equal(result.exitCode, 3, result.lines.join(''));
    assert.equal(result.record.outcome, 'timeout');
    assert.equal(result.record.message, 'the rollout did not finish within 2 s');
    assert.ok(result.lines.includes('timeout: the rollout did not finish within 2 s\n'), result.lines.join(''));
    assert.equal(schemaErrors(validateRecord, result.record), '');
  });

  it('a rollout failure other than a pull error (ProgressDeadlineExceeded) exits 3', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const result = await runDeploy(cp, namespace, [deployment('web', 'example.test/web:1', { gate: `never-${namespace}`, progressDeadlineSeconds: 1 })]);
    assert.equal(result.exitCode, 3, result.lines.join(''));
    assert.equal(result.record.outcome, 'rollout-failed');
    assert.match(result.record.message ?? '', /^Deployment web: ProgressDeadlineExceeded: ReplicaSet "web-\S+" has timed out progressing\.$/);
    assert.equal(schemaErrors(validateRecord, result.record), '');
  });

  it('--rollback whose previous revision does not become available again exits 4', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const gate = `gate-${namespace}`;
    await setGate(cp, gate, true);
    // Recreate: the old pods are gone before the new ones start, so the rollback needs new old ones.
    const good = await runDeploy(cp, namespace, [deployment('web', 'example.test/web:1', { gate, recreate: true })]);
    assert.equal(good.exitCode, 0, good.lines.join(''));
    // Now pods of the previous revision cannot be scheduled any more.
    await setGate(cp, gate, false);
    const bad = await runDeploy(cp, namespace, [deployment('web', 'registry.invalid/web:2', { recreate: true })], { rollback: true, timeoutMs: 3000 });
    assert.equal(bad.exitCode, 4, bad.lines.join(''));
    assert.equal(bad.record.outcome, 'pull-failure');
    assert.equal(bad.record.diagnosis[0]?.cause, 'dns-error');
    assert.equal(bad.record.rollback?.ok, false);
    assert.equal(bad.record.rollback?.available, false);
    assert.deepEqual(bad.record.rollback?.actions.map((a) => `${a.action} ${a.kind}/${a.name} ${a.ok}`), ['restored Deployment/web true']);
    assert.equal(bad.record.message, 'a new pod cannot pull its image; the rollback failed');
    assert.ok(bad.lines.includes('rollback: the previous revision did not become available (timeout: the rollout did not finish within 3 s)\n'), bad.lines.join(''));
    assert.equal(schemaErrors(validateRecord, bad.record), '');
  });

  it('--create-namespace creates a missing namespace first; without it, the missing namespace is a rejection (exit 2)', async () => {
    const cp = controlPlane();
    const fresh = uniqueName('fresh');
    const refused = await runDeploy(cp, fresh, [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } }]);
    assert.equal(refused.exitCode, 2, refused.lines.join(''));
    assert.deepEqual(refused.record.rejections.map((r) => `${r.kind}/${r.name}: ${r.error.message}`), [`Namespace/${fresh}: namespace "${fresh}" does not exist (--create-namespace creates it)`]);
    assert.equal(await cp.get('v1', 'Namespace', fresh), undefined);
    const created = await runDeploy(cp, fresh, [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } }], { createNamespace: true });
    assert.equal(created.exitCode, 0, created.lines.join(''));
    assert.deepEqual(created.lines.slice(0, 2), [`applied Namespace ${fresh} (created)\n`, `applied ConfigMap settings -n ${fresh} (created)\n`]);
    assert.ok((await cp.get('v1', 'ConfigMap', 'settings', fresh)) !== undefined);
    assert.equal(schemaErrors(validateRecord, created.record), '');
  });

  it('a CRD and its custom resources in one deploy: the CRD first (awaited Established), then the resources are dry-run and applied', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const { crd, widget } = widgetKind(uniqueName('g'));
    const result = await runDeploy(cp, namespace, [widget('small', 3), crd]);
    assert.equal(result.exitCode, 0, result.lines.join(''));
    assert.deepEqual(result.record.applied.map((a) => `${a.kind}/${a.name}/${a.existed}`), [`CustomResourceDefinition/${crd.metadata.name}/false`, 'Widget/small/false']);
    assert.ok((await cp.get(widget('small', 3).apiVersion, 'Widget', 'small', namespace)) !== undefined);
  });

  it('a custom resource its new CRD rejects: the CRD is deleted again and gone, exit 2', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const { crd, widget } = widgetKind(uniqueName('g'));
    const result = await runDeploy(cp, namespace, [crd, widget('huge', 1000)]);
    assert.equal(result.exitCode, 2, result.lines.join(''));
    assert.deepEqual(result.record.rejections.map((r) => `${r.kind}/${r.name}/${r.error.kind}`), ['Widget/huge/rejected']);
    assert.match(result.record.rejections[0]?.error.message ?? '', /spec\.size: Invalid value: 1000: spec\.size in body should be less than or equal to 10/);
    assert.deepEqual(result.record.rollback?.actions.map((a) => `${a.action} ${a.kind}/${a.name} ${a.ok}`), [`deleted CustomResourceDefinition/${crd.metadata.name} true`]);
    assert.equal(await cp.get('apiextensions.k8s.io/v1', 'CustomResourceDefinition', crd.metadata.name), undefined);
    assert.equal(schemaErrors(validateRecord, result.record), '');
  });
});

/** A namespaced kind Widget in its own group, whose spec.size is at most 10. */
function widgetKind(group: string): { crd: KubeObject; widget: (name: string, size: number) => KubeObject } {
  const crd: KubeObject = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `widgets.${group}.example.test` },
    spec: {
      group: `${group}.example.test`,
      scope: 'Namespaced',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer', maximum: 10 } } } } } } }],
    },
  };
  return { crd, widget: (name, size) => ({ apiVersion: `${group}.example.test/v1`, kind: 'Widget', metadata: { name }, spec: { size } }) };
}

/** The Warning event kubelet writes when a pod's sandbox cannot be created. */
async function kubeletSandboxEvent(cp: ControlPlane, namespace: string, podName: string, message: string): Promise<void> {
  const pod = await waitFor('the pod', async () => cp.get('v1', 'Pod', podName, namespace));
  const now = new Date().toISOString();
  await cp.call('POST', `/api/v1/namespaces/${namespace}/events`, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${podName}.sandbox`, namespace },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: podName, namespace, uid: pod.metadata.uid },
    reason: 'FailedCreatePodSandBox',
    message,
    type: 'Warning',
    count: 1,
    firstTimestamp: now,
    lastTimestamp: now,
    source: { component: 'kubelet', host: (pod.spec as { nodeName?: string }).nodeName },
  });
}

/** What kubelet reports once a pull succeeds: the containers run and the pod is Ready. */
async function recoverPods(cp: ControlPlane, namespace: string, app: string): Promise<void> {
  const pods = await waitFor('the failing pod', async () => {
    const list = await cp.list<KubeObject & { spec: { containers: { name: string; image: string }[] } }>('v1', 'Pod', namespace, `labelSelector=app%3D${app}`);
    return list.length > 0 ? list : undefined;
  });
  const now = new Date().toISOString();
  for (const pod of pods) {
    await cp.call('PATCH', `/api/v1/namespaces/${namespace}/pods/${pod.metadata.name}/status`, {
      status: {
        phase: 'Running',
        conditions: [
          { type: 'Initialized', status: 'True', lastTransitionTime: now },
          { type: 'ContainersReady', status: 'True', lastTransitionTime: now },
          { type: 'Ready', status: 'True', lastTransitionTime: now },
          { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
        ],
        containerStatuses: pod.spec.containers.map((c) => ({ name: c.name, image: c.image, imageID: `${c.image}@sha256:${'0'.repeat(64)}`, ready: true, started: true, restartCount: 0, state: { running: { startedAt: now } } })),
      },
    }, { contentType: 'application/strategic-merge-patch+json' });
  }
}
