// diagnose and report against the real control plane, where kwok's stages make pods fail to pull
// with kubelet's reasons, messages and events for several causes; then the same from a snapshot
// of that cluster (`pullguard snapshot`'s capture): both give the same answer.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { diagnose } from '../../../src/commands/diagnose.js';
import { report } from '../../../src/commands/report.js';
import { captureSnapshot } from '../../../src/commands/snapshot.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { diagnosisJson } from '../../../src/formatters/diagnosis-json.js';
import { openCluster, type LiveClusterReader } from '../../../src/gateways/kube/open-cluster.js';
import { runCli } from '../../cli/run-cli.js';
import {
  authorizationFailed,
  dnsFailure,
  expandPlaceholders,
  manifestNotFound,
  nodeLookingLike,
  pullFailureTexts,
  sharedControlPlane,
  waitFor,
  type KubeObject,
} from '../../support/control-plane/index.js';

const UNAVAILABLE = 'RegistryUnavailable: pinging container registry {host}: Get "https://{host}/v2/": dial tcp 10.0.0.9:443: connect: connection refused';
const RULES = [
  dnsFailure('registry.invalid/'),
  manifestNotFound('notfound.registry.invalid/'),
  authorizationFailed('private.registry.invalid/'),
  { imagePrefix: 'unavailable.registry.invalid/', runtimeError: UNAVAILABLE },
];
const controlPlane = sharedControlPlane({
  controllerManager: true,
  kwok: true,
  imagePullFailures: RULES,
  // One failed pull, then a back-off that outlasts the test: the records stand still while both reads run.
  imagePullTiming: { firstPullMs: 200, backOffMs: 500, retryMs: 300_000 },
});

const WEB = 'notfound.registry.invalid/shop/web:2.0';
const API = 'registry.invalid/team/api:1.4.2';
const MIGRATE = 'private.registry.invalid/tools/migrate:1';
const CLI = 'unavailable.registry.invalid/tools/cli:1';

interface PodObject extends KubeObject {
  status?: { containerStatuses?: { state?: { waiting?: { reason?: string } } }[]; initContainerStatuses?: { state?: { waiting?: { reason?: string } } }[] };
}

function bare(namespace: string, name: string, image: string, init?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: [{ name: 'app', image: init === undefined ? image : 'nginx:1.27' }], ...(init === undefined ? {} : { initContainers: [{ name: 'migrate', image: init }] }) },
  };
}

function deployment(namespace: string, name: string, image: string, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image }] } } },
  };
}

describe('diagnose and report on the control plane, live and from a snapshot', () => {
  let namespace: string;
  let dir: string;
  let reader: LiveClusterReader;

  before(async () => {
    const cp = controlPlane();
    await cp.createNode(nodeLookingLike('kind', 'kind'));
    namespace = await cp.createNamespace('diagnose');
    await cp.apply(deployment(namespace, 'web', WEB, 2));
    await cp.apply(deployment(namespace, 'ok', 'nginx:1.27', 1));
    await cp.apply(bare(namespace, 'api', API));
    await cp.apply(bare(namespace, 'batch', '', MIGRATE));
    await cp.apply(bare(namespace, 'cli', CLI));
    const backingOff = (pod: PodObject): boolean =>
      [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].some((s) => s.state?.waiting?.reason === 'ImagePullBackOff');
    await waitFor(
      'five pods backing off',
      async () => {
        const pods = (await cp.list('v1', 'Pod', namespace)) as PodObject[];
        return pods.filter(backingOff).length === 5 ? true : undefined;
      },
      { timeoutMs: 60_000 },
    );
    dir = await mkdtemp(join(tmpdir(), 'pullguard-diagnose-'));
    reader = await openCluster({ kubeconfig: cp.adminKubeconfigPath, namespace, env: { HOME: dir }, cwd: dir, stdinIsTerminal: false });
  });
  after(async () => {
    await reader?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('finds every pod that cannot pull, with its cause and the runtime\'s words', async () => {
    const diagnosis = await diagnose({ reader, namespace, target: 'kind' });
    assert.equal(diagnosis.failingPods, 5);
    assert.deepEqual(
      diagnosis.entries.map((e) => [e.workload.kind, e.workload.name, e.containers.map((c) => `${c.kind}:${c.name}`).join(','), e.image, e.cause, `${e.pods.failing}/${e.pods.total}`]),
      [
        ['Deployment', 'web', 'container:web', WEB, 'image-not-found', '2/2'],
        ['Pod', 'api', 'container:app', API, 'dns-error', '1/1'],
        ['Pod', 'batch', 'initContainer:migrate', MIGRATE, 'not-found-or-unauthorized', '1/1'],
        ['Pod', 'cli', 'container:app', CLI, 'connection-refused', '1/1'],
      ],
    );
    const api = diagnosis.entries.find((e) => e.workload.name === 'api');
    const texts = pullFailureTexts(RULES[0]!.runtimeError);
    // Since kubelet 1.32 the back-off message keeps the cause: the status is read first.
    assert.equal(api?.message, expandPlaceholders(texts.backOffWaitingMessage, API));
    assert.deepEqual(api?.evidence, { kind: 'container-status', field: 'state.waiting.message' });
    assert.equal(api?.attempts, 1);
    assert.ok(api?.firstSeen !== undefined && api.lastSeen !== undefined);
    // The live reader reads the ReplicaSets: the Deployment comes from the owner chain, not inferred.
    assert.equal(diagnosis.entries[0]?.workload.inferred, undefined);
  });

  it('gives the same diagnosis and report from a snapshot of the same cluster', async () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    const snapshot = JSON.parse(JSON.stringify(await captureSnapshot(reader))) as ClusterSnapshot;
    const offline = snapshotReader(snapshot, 'snapshot cluster.json');
    const [live, fromSnapshot] = [await diagnose({ reader, namespace, target: 'kind' }), await diagnose({ reader: offline, namespace, target: 'kind' })];
    const comparable = (d: typeof live) => {
      const { source: _source, gaps: _gaps, ...rest } = diagnosisJson(d) as Record<string, unknown>;
      return rest;
    };
    assert.deepEqual(comparable(fromSnapshot), comparable(live));
    const [liveReport, snapshotReport] = [await report({ reader, namespace, target: 'kind', now }), await report({ reader: offline, namespace, target: 'kind', now })];
    const comparableReport = (r: typeof liveReport) => ({ ...r, source: '', dataGaps: [] });
    assert.deepEqual(comparableReport(snapshotReport), comparableReport(liveReport));
    assert.equal(liveReport.impact.pods, 5);
    assert.equal(liveReport.rootCause?.cause, 'image-not-found');
  });

  it('runs as `pullguard diagnose` and `pullguard report` against the live context', async () => {
    const kubeconfig = controlPlane().adminKubeconfigPath;
    const diagnosed = runCli(['diagnose', '--kubeconfig', kubeconfig, '-n', namespace, '--target', 'kind'], { cwd: dir });
    assert.equal(diagnosed.code, 1, diagnosed.stderr);
    assert.match(diagnosed.stdout, new RegExp(`^${namespace}/Deployment web \\(via ReplicaSet web-[a-z0-9]+\\)$`, 'm'));
    assert.match(diagnosed.stdout, /^ {2}cause {6}dns-error: /m);
    assert.match(diagnosed.stdout, new RegExp(`^5 pods of 4 workloads in namespace ${namespace} cannot pull \\(4 causes; context pullguard-test, target kind\\)\\.$`, 'm'));
    const written = runCli(['report', '--kubeconfig', kubeconfig, '-n', namespace, '--now', '2030-01-01T00:00:00Z', '-o', 'html'], { cwd: dir });
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stdout, /^<!DOCTYPE html>/);
  });
});
