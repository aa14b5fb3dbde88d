import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../src/facts/cluster-writer.js';
import { PullFailureTracker } from '../../../src/deploy/fail-fast-policy.js';

const NOT_FOUND = 'rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/web:2": failed to resolve reference "ghcr.io/acme/web:2": ghcr.io/acme/web:2: not found';
const SERVER_ERROR = 'failed to pull and unpack image "ghcr.io/acme/web:2": failed to resolve reference "ghcr.io/acme/web:2": unexpected status from HEAD request to https://ghcr.io/v2/acme/web/manifests/2: 503 Service Unavailable';

function pod(waiting: { reason: string; message?: string } | 'running', resourceVersion = '1', init = false): KubeObject {
  const state = waiting === 'running' ? { running: { startedAt: 'x' } } : { waiting };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'shop', uid: 'u1', resourceVersion },
    spec: { nodeName: 'node-a', ...(init ? { initContainers: [{ name: 'migrate', image: 'ghcr.io/acme/web:2' }] } : {}), containers: [{ name: 'app', image: 'ghcr.io/acme/web:2' }] },
    status: init ? { initContainerStatuses: [{ name: 'migrate', state }], containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } } }] } : { containerStatuses: [{ name: 'app', state }] },
  };
}
const tracker = (graceMs = 90_000): PullFailureTracker => new PullFailureTracker({ transientGraceMs: graceMs, maxAttempts: 3 });

describe('PullFailureTracker', () => {
  it('a deterministic cause stops at the first observation, with the status as evidence', () => {
    const [decision] = tracker().observePod(pod({ reason: 'ErrImagePull', message: NOT_FOUND }), 1000);
    assert.equal(decision?.kind, 'stop');
    assert.equal(decision?.failure.classification.cause, 'image-not-found');
    assert.equal(decision?.failure.evidence.where, 'status.containerStatuses[app].state.waiting');
    assert.equal(decision?.failure.evidence.node, 'node-a');
  });

  it('init containers count', () => {
    const [decision] = tracker().observePod(pod({ reason: 'ErrImagePull', message: NOT_FOUND }, '1', true), 1000);
    assert.equal(decision?.failure.evidence.container, 'migrate');
    assert.equal(decision?.failure.evidence.init, true);
  });

  it('ErrImageNeverPull and InvalidImageName stop whatever the message says', () => {
    for (const reason of ['ErrImageNeverPull', 'InvalidImageName']) {
      const [decision] = tracker().observePod(pod({ reason, message: '' }), 1000);
      assert.equal(decision?.kind, 'stop', reason);
    }
  });

  it('a transient cause retries, and stops at the third consecutive failed attempt', () => {
    const t = tracker();
    const kinds: string[] = [];
    let version = 0;
    const see = (waiting: { reason: string; message?: string }, at: number): void => {
      version += 1;
      for (const d of t.observePod(pod(waiting, String(version)), at)) kinds.push(`${d.kind}#${d.failure.attempts}`);
    };
    see({ reason: 'ErrImagePull', message: SERVER_ERROR }, 0);
    see({ reason: 'ImagePullBackOff', message: `Back-off pulling image "ghcr.io/acme/web:2": ErrImagePull: ${SERVER_ERROR}` }, 1000);
    see({ reason: 'ErrImagePull', message: SERVER_ERROR }, 11_000);
    see({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "ghcr.io/acme/web:2"' }, 12_000);
    see({ reason: 'ErrImagePull', message: SERVER_ERROR }, 32_000);
    assert.deepEqual(kinds, ['retrying#1', 'retrying#2', 'stop#3']);
  });

  it('a container that recovers starts from zero', () => {
    const t = tracker();
    t.observePod(pod({ reason: 'ErrImagePull', message: SERVER_ERROR }, '1'), 0);
    t.observePod(pod('running', '2'), 5000);
    assert.deepEqual(t.failures, []);
  });

  it('the grace runs out for a transient failure', () => {
    const t = tracker(5000);
    t.observePod(pod({ reason: 'ErrImagePull', message: SERVER_ERROR }), 0);
    assert.equal(t.nextDeadline(), 5000);
    assert.deepEqual(t.expired(4999), []);
    assert.equal(t.expired(5000)[0]?.kind, 'stop');
  });

  it('a back-off without a cause takes it from the Failed event (kubelet < 1.32)', () => {
    const t = tracker();
    const backOff = pod({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "ghcr.io/acme/web:2"' });
    const [first] = t.observePod(backOff, 0);
    assert.equal(first?.kind, 'retrying');
    assert.equal(first?.failure.classification.cause, 'unknown');
    const [decision] = t.observeEvent(
      { reason: 'Failed', message: `Failed to pull image "ghcr.io/acme/web:2": ${NOT_FOUND}`, count: 2, involvedObject: { kind: 'Pod', uid: 'u1', fieldPath: 'spec.containers{app}' } },
      backOff,
      10,
    );
    assert.equal(decision?.kind, 'stop');
    assert.equal(decision?.failure.classification.cause, 'image-not-found');
    assert.equal(decision?.failure.evidence.source, 'event');
    assert.equal(decision?.failure.evidence.where, 'Failed (count 2)');
    assert.equal(decision?.failure.attempts, 2);
  });

  it('a sandbox whose pause image cannot be pulled (FailedCreatePodSandBox event)', () => {
    const p = pod({ reason: 'ContainerCreating' });
    const message =
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "registry.k8s.io/pause:3.10": failed to pull image "registry.k8s.io/pause:3.10": failed to pull and unpack image "registry.k8s.io/pause:3.10": failed to resolve reference "registry.k8s.io/pause:3.10": failed to do request: Head "https://registry.k8s.io/v2/pause/manifests/3.10": dial tcp: lookup registry.k8s.io on 10.0.0.10:53: no such host';
    const [decision] = tracker().observeEvent({ reason: 'FailedCreatePodSandBox', type: 'Warning', message, count: 1, involvedObject: { kind: 'Pod', uid: 'u1' } }, p, 0);
    assert.equal(decision?.kind, 'stop');
    assert.equal(decision?.failure.evidence.container, '(sandbox)');
    assert.equal(decision?.failure.evidence.image, 'registry.k8s.io/pause:3.10');
    assert.equal(decision?.failure.classification.cause, 'dns-error');
  });
});
