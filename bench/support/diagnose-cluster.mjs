// A deterministic cluster for bench/diagnose.mjs: Deployments of 10 pods in namespaces of 100,
// every tenth Deployment failing to pull (image-not-found, DNS, unauthorized and never-pull in
// turn, with kubelet's messages and the five events of each failing container), the others
// running, and filler events (Scheduled, Pulled, Created, Started, ...) up to the event count.
const T0 = Date.parse('2026-11-30T08:00:00Z');
const at = (seconds) => new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');

const FAILURES = [
  (image) => ({ cause: 'image-not-found', reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found` }),
  (image) => ({ cause: 'dns-error', reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}": ErrImagePull: failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to do request: Head "https://registry.invalid/v2/x/manifests/1": dial tcp: lookup registry.invalid on 10.96.0.10:53: no such host` }),
  (image) => ({ cause: 'not-found-or-unauthorized', reason: 'ErrImagePull', message: `failed to pull and unpack image "${image}": failed to resolve reference "${image}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed` }),
  (image) => ({ cause: 'never-pull-missing', reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` }),
];

export function generateCluster({ pods = 5000, failing = 500, events = 50_000 } = {}) {
  const perDeployment = 10;
  const deployments = pods / perDeployment;
  const failingEvery = Math.round(pods / failing);
  const result = { namespaces: [], replicaSets: [], pods: [], events: [], expected: { failingPods: 0, causes: {} } };
  let eventNumber = 0;
  const event = (namespace, pod, reason, message, type, count, first, last, container) => {
    eventNumber += 1;
    result.events.push({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${pod}.${eventNumber.toString(16).padStart(16, '0')}`, namespace },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: pod, namespace, ...(container === undefined ? {} : { fieldPath: `spec.containers{${container}}` }) },
      type,
      reason,
      message,
      source: { component: 'kubelet', host: 'worker-1' },
      firstTimestamp: at(first),
      lastTimestamp: at(last),
      count,
    });
  };
  for (let d = 0; d < deployments; d += 1) {
    const namespace = `team-${String(Math.floor(d / 10)).padStart(3, '0')}`;
    if (d % 10 === 0) result.namespaces.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    const name = `svc-${String(d).padStart(4, '0')}`;
    const hash = (0x5f000000 + d).toString(16).slice(-9).padStart(9, '7');
    const replicaSet = `${name}-${hash}`;
    result.replicaSets.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: replicaSet, namespace, creationTimestamp: at(0), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: `uid-d-${d}`, controller: true }] },
      spec: { replicas: perDeployment },
    });
    const fails = (d * perDeployment) % (failingEvery * perDeployment) === 0;
    const image = fails ? `registry.example.com/shop/${name}:2` : `registry.example.com/shop/${name}:1`;
    const failure = fails ? FAILURES[(d / failingEvery) % FAILURES.length](image) : undefined;
    for (let p = 0; p < perDeployment; p += 1) {
      const pod = `${replicaSet}-${String(p).padStart(5, 'x')}`;
      const waiting = failure === undefined ? undefined : { reason: failure.reason, message: failure.message };
      result.pods.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: pod, namespace, creationTimestamp: at(0), labels: { app: name, 'pod-template-hash': hash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: replicaSet, uid: `uid-rs-${d}`, controller: true }] },
        spec: { nodeName: 'worker-1', containers: [{ name: 'app', image }] },
        status: {
          phase: waiting === undefined ? 'Running' : 'Pending',
          containerStatuses: [
            waiting === undefined
              ? { name: 'app', image, imageID: 'sha256:1', ready: true, restartCount: 0, state: { running: { startedAt: at(5) } } }
              : { name: 'app', image, imageID: '', ready: false, restartCount: 0, state: { waiting } },
          ],
        },
      });
      if (failure !== undefined) {
        result.expected.failingPods += 1;
        result.expected.causes[failure.cause] = (result.expected.causes[failure.cause] ?? 0) + 1;
        event(namespace, pod, 'Pulling', `Pulling image "${image}"`, 'Normal', 16, 10, 3550, 'app');
        event(namespace, pod, 'Failed', `Failed to pull image "${image}": ${failure.message}`, 'Warning', 16, 11, 3551, 'app');
        event(namespace, pod, 'Failed', `Error: ${failure.reason === 'ImagePullBackOff' ? 'ErrImagePull' : failure.reason}`, 'Warning', 16, 11, 3551, 'app');
        event(namespace, pod, 'BackOff', `Back-off pulling image "${image}"`, 'Normal', 271, 20, 3590, 'app');
        event(namespace, pod, 'Failed', 'Error: ImagePullBackOff', 'Warning', 271, 20, 3590, 'app');
      }
    }
  }
  const filler = ['Scheduled', 'Pulled', 'Created', 'Started', 'Killing', 'Unhealthy', 'Pulling', 'SandboxChanged'];
  const running = result.pods.filter((pod) => pod.status.phase === 'Running');
  for (let i = 0; result.events.length < events; i += 1) {
    const pod = running[i % running.length];
    const reason = filler[Math.floor(i / running.length) % filler.length];
    event(pod.metadata.namespace, pod.metadata.name, reason, `${reason} for container app`, reason === 'Unhealthy' ? 'Warning' : 'Normal', 1, 5, 5, 'app');
  }
  return result;
}

export function snapshotOf(cluster) {
  return {
    schemaVersion: 1,
    capturedAt: at(3600),
    context: { name: 'bench', namespace: 'default', cluster: { name: 'bench', server: 'https://127.0.0.1:6443' }, user: { name: 'bench', exec: null } },
    version: { gitVersion: 'v1.36.0' },
    apiGroups: ['apps', 'batch'],
    nodes: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' } }],
    namespaces: cluster.namespaces,
    pods: cluster.pods,
    events: cluster.events,
    replicaSets: cluster.replicaSets,
    jobs: [],
  };
}
