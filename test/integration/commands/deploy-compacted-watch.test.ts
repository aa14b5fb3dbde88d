// `deploy` when its watches lose the cluster for a while and etcd compacts meanwhile: the real
// control plane with kube-apiserver `--watch-cache=false` (watches read etcd, so a compacted
// resourceVersion is answered 410 Gone), a relay between deploy and the apiserver that the test
// cuts off (a network outage), and etcd compacted through its own API. What happened during the
// outage reaches deploy through the re-list that follows the 410, and the outcome is right.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deploy, type DeployResult } from '../../../src/commands/deploy.js';
import { loadConfig } from '../../../src/gateways/files/load-config.js';
import { openClusterWriter } from '../../../src/gateways/kube/open-cluster-writer.js';
import { nodeLookingLike, sharedControlPlane, startCuttableRelay, waitFor, type ControlPlane, type CuttableRelay, type KubeObject } from '../../support/control-plane/index.js';

const controlPlane = sharedControlPlane({
  controllerManager: true,
  kwok: true,
  extraApiserverArgs: ['--watch-cache=false'],
  imagePullTiming: { firstPullMs: 200, backOffMs: 1000, retryMs: 3000 },
});
const NODE = 'dev-control-plane';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pullguard-deploy-gone-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A Deployment whose pods wait (Pending) until the node carries `gate=open`: the test decides when the rollout moves. */
function gatedDeployment(name: string, image: string, gate: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { nodeSelector: { [gate]: 'open' }, containers: [{ name: 'app', image }] } },
    },
  };
}

type Pod = KubeObject & { status?: { containerStatuses?: { state?: { waiting?: { reason?: string } } }[] } };
const waitingReason = (pod: Pod): string | undefined => pod.status?.containerStatuses?.[0]?.state?.waiting?.reason;
const isWatch = (path: string): boolean => /[?&]watch=1/.test(path);
const isPodPath = (path: string): boolean => /\/namespaces\/[^/]+\/pods\?/.test(path);

/**
 * Runs deploy through a relay; once its four watches (pods, events, the Deployment, its
 * ReplicaSets) are open, cuts the relay and hands over to `duringOutage`, then compacts etcd,
 * checks that the server answers 410 for the version the pod watch resumes from, and restores.
 */
async function deployThroughOutage(cp: ControlPlane, namespace: string, manifest: KubeObject, duringOutage: () => Promise<void>): Promise<DeployResult & { lines: string[]; afterCut: string[] }> {
  const file = join(dir, `${namespace}.yaml`);
  await writeFile(file, JSON.stringify(manifest));
  const relay: CuttableRelay = await startCuttableRelay(cp);
  const requests: string[] = [];
  const writer = openClusterWriter({ kubeconfig: relay.adminKubeconfigPath, env: { HOME: dir }, cwd: dir, namespace, stdinIsTerminal: false, onRequest: (path) => requests.push(path) });
  const lines: string[] = [];
  let finished = false;
  try {
    const running = deploy({ paths: [file], cwd: dir, config: await loadConfig({ cwd: dir, knownRuleIds: [] }), writer, namespace, skipPreflight: true, timeoutMs: 60_000, say: (text) => lines.push(text) }).finally(() => (finished = true));
    await waitFor('the four watches', async () => (requests.filter(isWatch).length >= 4 ? true : undefined));
    relay.cut();
    const cutAt = requests.length;
    await waitFor('deploy to try to reconnect', async () => (relay.refusedSinceCut > 0 ? true : undefined));
    await duringOutage();
    assert.equal(finished, false, `deploy ended during the outage: ${lines.join('')}`);
    const podWatch = requests.slice(0, cutAt).filter((path) => isWatch(path) && isPodPath(path)).at(-1) ?? '';
    const resumeFrom = /resourceVersion=(\d+)/.exec(podWatch)?.[1] ?? '';
    await cp.compactEtcd();
    const answer = await cp.request('GET', `/api/v1/namespaces/${namespace}/pods?watch=1&resourceVersion=${resumeFrom}&timeoutSeconds=1`, undefined, { accept: 'application/json' });
    assert.match(answer.text, /^\{"type":"ERROR","object":\{.*"reason":"Expired".*"code":410\}\}/, 'the version the pod watch resumes from is compacted');
    relay.restore();
    const result = await running;
    return { ...result, lines, afterCut: requests.slice(cutAt) };
  } finally {
    await writer.close();
    await relay.close();
  }
}

async function openGate(cp: ControlPlane, gate: string): Promise<void> {
  await cp.call('PATCH', `/api/v1/nodes/${NODE}`, { metadata: { labels: { [gate]: 'open' } } }, { contentType: 'application/merge-patch+json' });
}

describe('pullguard deploy: watches cut off while etcd compacts (410 Gone, re-list)', () => {
  before(async () => {
    await controlPlane().createNode(nodeLookingLike('kind'));
  });

  it('a rollout that completes during the outage: the re-list shows it, exit 0', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const gate = `gate-${namespace}`;
    const result = await deployThroughOutage(cp, namespace, gatedDeployment('web', 'example.test/web:1', gate), async () => {
      await openGate(cp, gate);
      await cp.waitForObject('apps/v1', 'Deployment', 'web', namespace, (d: KubeObject & { status?: { availableReplicas?: number; updatedReplicas?: number } }) => d.status?.availableReplicas === 2 && d.status.updatedReplicas === 2, 'the rollout to complete');
    });
    assert.equal(result.exitCode, 0, result.lines.join(''));
    assert.equal(result.record.outcome, 'rolled-out');
    // `ready` too, although the Deployment's watch may re-list before its ReplicaSets' watch does:
    // a complete Deployment's updated replicas are all available.
    assert.deepEqual(result.record.rollouts.map((r) => [r.workload.name, r.desired, r.complete, r.ready]), [['web', 2, true, 2]]);
    // Each watch resumed from its version, was told 410 and listed again: LISTs after the cut.
    assert.ok(result.afterCut.some((path) => isPodPath(path) && !isWatch(path)), result.afterCut.join('\n'));
    assert.ok(result.afterCut.some((path) => /\/deployments\?/.test(path) && !isWatch(path)), result.afterCut.join('\n'));
  });

  it('a pull failure that starts during the outage, a failing pod deleted and replaced meanwhile: exit 1 with the cause, the live pods named', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const gate = `gate-${namespace}`;
    const failing = async (count: number): Promise<Pod[]> =>
      waitFor(`${count} pods in ErrImagePull or back-off`, async () => {
        const pods = await cp.list<Pod>('v1', 'Pod', namespace, 'labelSelector=app%3Dweb');
        const alive = pods.filter((p) => p.metadata['deletionTimestamp'] === undefined);
        return alive.length === count && alive.every((p) => ['ErrImagePull', 'ImagePullBackOff'].includes(waitingReason(p) ?? '')) ? alive : undefined;
      });
    let deleted = '';
    const result = await deployThroughOutage(cp, namespace, gatedDeployment('web', 'registry.invalid/web:2', gate), async () => {
      await openGate(cp, gate);
      const [first] = await failing(2);
      deleted = first?.metadata.name ?? '';
      await cp.call('DELETE', `/api/v1/namespaces/${namespace}/pods/${deleted}?gracePeriodSeconds=0`);
      // Its replacement fails as well.
      await waitFor('the replacement', async () => ((await failing(2)).some((p) => p.metadata.name === deleted) ? undefined : true));
    });
    assert.equal(result.exitCode, 1, result.lines.join(''));
    assert.equal(result.record.outcome, 'pull-failure');
    const entry = result.record.diagnosis[0];
    assert.equal(entry?.cause, 'dns-error');
    const live = (await cp.list<Pod>('v1', 'Pod', namespace, 'labelSelector=app%3Dweb')).map((p) => p.metadata.name).sort();
    assert.equal(live.length, 2);
    assert.ok(!live.includes(deleted));
    // It stops at the first failure it sees, of a pod of the new revision: one that is there, or
    // the deleted one (its Failed event can be re-listed before the pod watch re-lists its DELETED:
    // the watches are independent, and that pod did fail to pull).
    assert.ok((entry?.pods.length ?? 0) >= 1, result.lines.join(''));
    for (const pod of entry?.pods ?? []) assert.ok([...live, deleted].includes(pod), `${pod} is not one of ${[...live, deleted].join(', ')}`);
    assert.equal(entry?.failingPods, entry?.pods.length);
    assert.ok(result.afterCut.some((path) => isPodPath(path) && !isWatch(path)), result.afterCut.join('\n'));
  });
});
