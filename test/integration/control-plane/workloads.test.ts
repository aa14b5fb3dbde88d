// The full control plane (controller-manager, scheduler, kwok): Deployments get Running pods on
// fake nodes, and images that cannot be pulled fail with kubelet's reasons, messages and events
// (texts: ../shared/docs/diagnosis.md §1, kubelet v1.36 pkg/kubelet/images/image_manager.go).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  dnsFailure,
  internalIpFor,
  manifestNotFound,
  nodeLookingLike,
  sharedControlPlane,
  type ControlPlane,
  type KubeObject,
} from '../../support/control-plane/index.js';

const controlPlane = sharedControlPlane({
  controllerManager: true,
  kwok: true,
  imagePullFailures: [
    dnsFailure('registry.invalid/'),
    manifestNotFound('notfound.registry.invalid/'),
    {
      imagePrefix: 'unavailable.registry.invalid/',
      runtimeError: 'RegistryUnavailable: pinging container registry unavailable.registry.invalid: connect: connection refused',
    },
  ],
  // A shorter retry than kubelet's 10 s, so that a second attempt fits in a test.
  imagePullTiming: { firstPullMs: 200, backOffMs: 1000, retryMs: 3000 },
});

const NODE = 'kind-control-plane';

interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: { waiting?: { reason: string; message?: string }; running?: unknown; terminated?: unknown };
  lastState: Record<string, unknown>;
}

interface Pod extends KubeObject {
  spec: { nodeName?: string };
  status: {
    phase: string;
    podIP?: string;
    hostIP?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

interface EventObject extends KubeObject {
  type: string;
  reason: string;
  message: string;
  count?: number;
  involvedObject: { kind: string; name: string; namespace: string; uid: string; fieldPath?: string };
  source?: { component?: string; host?: string };
}

function pod(namespace: string, name: string, containers: { name: string; image: string }[], initContainers?: { name: string; image: string }[]): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers, ...(initContainers === undefined ? {} : { initContainers }) },
  };
}

function waitingReason(status: ContainerStatus | undefined): string | undefined {
  return status?.state.waiting?.reason;
}

async function waitForPod(cp: ControlPlane, namespace: string, name: string, ready: (p: Pod) => boolean, what: string): Promise<Pod> {
  return cp.waitForObject<Pod>('v1', 'Pod', name, namespace, ready, `pod ${name}: ${what}`, { timeoutMs: 30_000 });
}

/** kubelet's events about a pod, as comparable lines. */
async function kubeletEvents(cp: ControlPlane, namespace: string, podName: string): Promise<string[]> {
  const events = (await cp.events(namespace, podName)) as EventObject[];
  return events
    .filter((e) => e.source?.component === 'kubelet')
    .map((e) => `${e.type} ${e.reason} ${e.involvedObject.fieldPath ?? ''} ${e.source?.host ?? ''}: ${e.message}`)
    .sort();
}

describe('control plane with controller-manager, scheduler and kwok', () => {
  before(async () => {
    await controlPlane().createNode(nodeLookingLike('kind', 'kind'));
  });

  it('runs a Deployment: ReplicaSet, then Running and Ready pods on the kwok node', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
      },
    });
    await cp.waitForObject(
      'apps/v1',
      'Deployment',
      'web',
      namespace,
      (d) => (d.status as { readyReplicas?: number } | undefined)?.readyReplicas === 2,
      'Deployment web to have 2 ready replicas',
    );
    const replicaSets = await cp.list('apps/v1', 'ReplicaSet', namespace);
    assert.equal(replicaSets.length, 1);
    const pods = (await cp.list('v1', 'Pod', namespace)) as Pod[];
    assert.equal(pods.length, 2);
    for (const p of pods) {
      assert.equal(p.spec.nodeName, NODE);
      assert.equal(p.status.phase, 'Running');
      assert.match(p.status.podIP ?? '', /^10\.244\.\d+\.\d+$/);
      assert.equal(p.status.hostIP, internalIpFor(NODE));
      assert.equal(p.status.conditions?.find((c) => c.type === 'Ready')?.status, 'True');
      const [status] = p.status.containerStatuses ?? [];
      assert.equal(status?.ready, true);
      assert.ok(status?.state.running !== undefined);
    }
  });

  it('fails a pull like kubelet: ErrImagePull, then ImagePullBackOff, with the same texts and events', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply(pod(namespace, 'api', [{ name: 'api', image: 'registry.invalid/team/api:1.4.2' }]));
    const error =
      'failed to pull and unpack image "registry.invalid/team/api:1.4.2": failed to resolve reference "registry.invalid/team/api:1.4.2": ' +
      'failed to do request: Head "https://registry.invalid/v2/team/api/manifests/1.4.2": dial tcp: lookup registry.invalid on 127.0.0.53:53: no such host';

    const pulling = await waitForPod(cp, namespace, 'api', (p) => waitingReason(p.status.containerStatuses?.[0]) === 'ErrImagePull', 'ErrImagePull');
    assert.deepEqual(pulling.status.containerStatuses, [
      {
        name: 'api',
        image: 'registry.invalid/team/api:1.4.2',
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        state: { waiting: { reason: 'ErrImagePull', message: error } },
        lastState: {},
      },
    ]);
    assert.equal(pulling.status.phase, 'Pending');

    const backingOff = await waitForPod(cp, namespace, 'api', (p) => waitingReason(p.status.containerStatuses?.[0]) === 'ImagePullBackOff', 'ImagePullBackOff');
    assert.deepEqual(backingOff.status.containerStatuses?.[0]?.state, {
      waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "registry.invalid/team/api:1.4.2": ErrImagePull: ${error}` },
    });
    const ready = backingOff.status.conditions?.find((c) => c.type === 'Ready');
    assert.deepEqual([ready?.status, ready?.reason, ready?.message], ['False', 'ContainersNotReady', 'containers with unready status: [api]']);

    const host = NODE;
    assert.deepEqual(await kubeletEvents(cp, namespace, 'api'), [
      `Normal BackOff spec.containers{api} ${host}: Back-off pulling image "registry.invalid/team/api:1.4.2"`,
      `Normal Pulling spec.containers{api} ${host}: Pulling image "registry.invalid/team/api:1.4.2"`,
      `Warning Failed spec.containers{api} ${host}: Error: ErrImagePull`,
      `Warning Failed spec.containers{api} ${host}: Error: ImagePullBackOff`,
      `Warning Failed spec.containers{api} ${host}: Failed to pull image "registry.invalid/team/api:1.4.2": ${error}`,
    ]);
  });

  it('retries the pull after the back-off, counting the attempts on the events', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply(pod(namespace, 'retry', [{ name: 'app', image: 'registry.invalid/app:2' }]));
    await waitForPod(cp, namespace, 'retry', (p) => waitingReason(p.status.containerStatuses?.[0]) === 'ImagePullBackOff', 'first back-off');
    await waitForPod(cp, namespace, 'retry', (p) => waitingReason(p.status.containerStatuses?.[0]) === 'ErrImagePull', 'second pull attempt');
    const events = (await cp.events(namespace, 'retry')) as EventObject[];
    const pullingEvents = events.filter((e) => e.reason === 'Pulling');
    assert.equal(pullingEvents.length, 1, 'repeats fold into one Event, as kubelet\'s correlator does');
    assert.equal(pullingEvents[0]?.count, 2);
  });

  it('adds the default tag to an untagged image, as kubelet does before pulling', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply(pod(namespace, 'untagged', [{ name: 'app', image: 'registry.invalid/app' }]));
    const failed = await waitForPod(cp, namespace, 'untagged', (p) => waitingReason(p.status.containerStatuses?.[0]) === 'ErrImagePull', 'ErrImagePull');
    assert.equal(
      failed.status.containerStatuses?.[0]?.state.waiting?.message,
      'failed to pull and unpack image "registry.invalid/app:latest": failed to resolve reference "registry.invalid/app:latest": ' +
        'failed to do request: Head "https://registry.invalid/v2/app/manifests/latest": dial tcp: lookup registry.invalid on 127.0.0.53:53: no such host',
    );
    assert.equal(failed.status.containerStatuses?.[0]?.image, 'registry.invalid/app');
  });

  it('fails only the containers with bad images; the others run', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply(pod(namespace, 'mixed', [{ name: 'app', image: 'nginx:1.27' }, { name: 'sidecar', image: 'notfound.registry.invalid/proxy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }]));
    const mixed = await waitForPod(cp, namespace, 'mixed', (p) => waitingReason(p.status.containerStatuses?.[1]) === 'ImagePullBackOff', 'sidecar back-off');
    const [app, sidecar] = mixed.status.containerStatuses ?? [];
    assert.ok(app?.state.running !== undefined);
    assert.equal(app?.ready, true);
    const image = 'notfound.registry.invalid/proxy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    assert.equal(
      sidecar?.state.waiting?.message,
      `Back-off pulling image "${image}": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image "${image}": ` +
        `failed to resolve reference "${image}": ${image}: not found`,
    );
    assert.equal(mixed.status.phase, 'Pending');
    assert.equal(mixed.status.conditions?.find((c) => c.type === 'ContainersReady')?.message, 'containers with unready status: [sidecar]');
  });

  it('reports RegistryUnavailable with kubelet\'s rewritten message', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply(pod(namespace, 'down', [{ name: 'app', image: 'unavailable.registry.invalid/app:1' }]));
    const failed = await waitForPod(cp, namespace, 'down', (p) => waitingReason(p.status.containerStatuses?.[0]) === 'RegistryUnavailable', 'RegistryUnavailable');
    const message =
      'image pull failed for unavailable.registry.invalid/app:1 because the registry is unavailable: ' +
      'pinging container registry unavailable.registry.invalid: connect: connection refused';
    assert.equal(failed.status.containerStatuses?.[0]?.state.waiting?.message, message);
    const backOff = await waitForPod(cp, namespace, 'down', (p) => waitingReason(p.status.containerStatuses?.[0]) === 'ImagePullBackOff', 'back-off');
    assert.equal(
      backOff.status.containerStatuses?.[0]?.state.waiting?.message,
      `Back-off pulling image "unavailable.registry.invalid/app:1": RegistryUnavailable: ${message}`,
    );
    const errors = ((await cp.events(namespace, 'down')) as EventObject[]).filter((e) => e.message.startsWith('Error: ')).map((e) => e.message).sort();
    assert.deepEqual(errors, ['Error: ImagePullBackOff', 'Error: RegistryUnavailable']);
  });

  it('blocks the pod on a failing init container: Init:ErrImagePull, the rest PodInitializing', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply(pod(namespace, 'init', [{ name: 'app', image: 'nginx:1.27' }], [{ name: 'migrate', image: 'registry.invalid/migrate:3' }]));
    const blocked = await waitForPod(cp, namespace, 'init', (p) => waitingReason(p.status.initContainerStatuses?.[0]) === 'ErrImagePull', 'init ErrImagePull');
    assert.equal(waitingReason(blocked.status.containerStatuses?.[0]), 'PodInitializing');
    const initialized = blocked.status.conditions?.find((c) => c.type === 'Initialized');
    assert.deepEqual([initialized?.status, initialized?.reason, initialized?.message], ['False', 'ContainersNotInitialized', 'containers with incomplete status: [migrate]']);
    const events = await kubeletEvents(cp, namespace, 'init');
    assert.ok(events.includes(`Warning Failed spec.initContainers{migrate} ${NODE}: Error: ErrImagePull`), events.join('\n'));
  });

  it('leaves a Deployment with a bad image unavailable', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'broken', namespace },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'broken' } },
        template: { metadata: { labels: { app: 'broken' } }, spec: { containers: [{ name: 'app', image: 'registry.invalid/broken:1' }] } },
      },
    });
    const deployment = await cp.waitForObject(
      'apps/v1',
      'Deployment',
      'broken',
      namespace,
      (d) => (d.status as { unavailableReplicas?: number } | undefined)?.unavailableReplicas === 1,
      'Deployment broken to report its unavailable replica',
    );
    assert.equal((deployment.status as { availableReplicas?: number }).availableReplicas, undefined);
    const [brokenPod] = (await cp.list('v1', 'Pod', namespace)) as Pod[];
    assert.ok(brokenPod !== undefined);
    await waitForPod(cp, namespace, brokenPod.metadata.name, (p) => waitingReason(p.status.containerStatuses?.[0]) === 'ImagePullBackOff', 'back-off');
  });

  it('completes a Job', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'once', namespace },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'task', image: 'busybox:1.37' }] } } },
    });
    await cp.waitForObject('batch/v1', 'Job', 'once', namespace, (j) => (j.status as { succeeded?: number } | undefined)?.succeeded === 1, 'Job once to succeed');
  });

  it('keeps the identity a test gives its nodes once kwok has made them Ready', async () => {
    const cp = controlPlane();
    for (const target of ['aks', 'gke', 'k3d'] as const) {
      // Unschedulable, so that other tests' pods stay on the kind node.
      const spec = { ...nodeLookingLike(target, 'idcheck'), unschedulable: true };
      const node = (await cp.createNode(spec)) as KubeObject & {
        spec: { providerID?: string };
        status: { nodeInfo: Record<string, string>; addresses?: { type: string }[] };
      };
      assert.equal(node.spec.providerID, spec.providerID, target);
      for (const [key, value] of Object.entries(spec.nodeInfo ?? {})) assert.equal(node.status.nodeInfo[key], value, `${target} ${key}`);
      for (const [key, value] of Object.entries(spec.labels ?? {})) assert.equal(node.metadata.labels?.[key], value, `${target} ${key}`);
      assert.ok(node.status.addresses?.some((a) => a.type === 'InternalIP'), target);
    }
  });
});
