// diagnose from snapshot fixtures, one namespace per case (test/fixtures/diagnose/README.md):
// every waiting reason, init / ephemeral / sandbox, owner chains, core/v1 counts and
// events.k8s.io series, causes in the status, in an event, or aged out.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnoseCluster } from '../../../src/diagnose/diagnose-cluster.js';
import type { DiagnosisEntry } from '../../../src/diagnose/types.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';
import { repoRoot } from '../../support/control-plane/repo-root.js';

const FIXTURES = join(repoRoot(), 'test/fixtures/diagnose');
const remote = getTargetProfile('remote');
if (remote === undefined) throw new Error('no remote profile');

function reader(file: string) {
  return snapshotReader(JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as ClusterSnapshot, `snapshot ${file}`);
}

/** The parts of an entry a case pins down, in one line each. */
function shape(entry: DiagnosisEntry) {
  return {
    chain: entry.workload.chain.map((link) => `${link.kind} ${link.name}`).join(' > '),
    image: entry.image,
    reasons: entry.waitingReasons.join(','),
    containers: entry.containers.map((c) => `${c.kind}:${c.name}`).join(','),
    cause: entry.cause,
    from: entry.evidence === undefined ? 'none' : entry.evidence.kind === 'event' ? `event ${entry.evidence.reason} x${entry.evidence.count}` : entry.evidence.kind,
    agedOut: entry.agedOut,
    attempts: entry.attempts ?? null,
    backOffs: entry.backOffs ?? null,
    seen: `${entry.firstSeen ?? '-'} .. ${entry.lastSeen ?? '-'}`,
    pods: `${entry.pods.failing}/${entry.pods.total}`,
  };
}

const CASES: Record<string, ReturnType<typeof shape>[]> = {
  'err-image-pull': [
    {
      chain: 'Pod api-6d5f8c7b9-x7k2p > ReplicaSet api-6d5f8c7b9 > Deployment api',
      image: 'registry.internal.example/team/api:1.4.2',
      reasons: 'ErrImagePull',
      containers: 'container:api',
      cause: 'dns-error',
      from: 'container-status',
      agedOut: false,
      attempts: 4,
      backOffs: 9,
      seen: '2026-11-30T08:01:00Z .. 2026-11-30T08:03:40Z',
      pods: '1/1',
    },
  ],
  'back-off-keeps-cause': [
    { chain: 'Pod web', image: 'ghcr.io/acme/web:2.0.1', reasons: 'ImagePullBackOff', containers: 'container:web', cause: 'image-not-found', from: 'container-status', agedOut: false, attempts: null, backOffs: null, seen: '- .. -', pods: '1/1' },
  ],
  'aged-out': [
    {
      chain: 'Pod worker',
      image: 'quay.io/acme/worker:7',
      reasons: 'ImagePullBackOff',
      containers: 'container:worker',
      cause: 'unknown',
      from: 'container-status',
      agedOut: true,
      attempts: 16,
      backOffs: 271,
      seen: '2026-11-30T08:00:05Z .. 2026-11-30T08:59:50Z',
      pods: '1/1',
    },
  ],
  'cause-in-event': [
    {
      chain: 'Pod cart',
      image: 'myregistry.azurecr.io/shop/cart:3.1',
      reasons: 'ImagePullBackOff',
      containers: 'container:cart',
      cause: 'unauthorized',
      // The newest of the two "Failed to pull image" events.
      from: 'event Failed x1',
      agedOut: false,
      attempts: 3,
      backOffs: null,
      seen: '2026-11-30T08:02:00Z .. 2026-11-30T08:12:00Z',
      pods: '1/1',
    },
  ],
  'never-pull': [
    { chain: 'Pod app', image: 'local/app:dev', reasons: 'ErrImageNeverPull', containers: 'container:app', cause: 'never-pull-missing', from: 'container-status', agedOut: false, attempts: 30, backOffs: null, seen: '2026-11-30T08:01:00Z .. 2026-11-30T08:08:00Z', pods: '1/1' },
  ],
  'invalid-name': [
    { chain: 'Pod app', image: 'Acme/App:1', reasons: 'InvalidImageName', containers: 'container:app', cause: 'invalid-reference', from: 'container-status', agedOut: false, attempts: 12, backOffs: null, seen: '2026-11-30T08:01:00Z .. 2026-11-30T08:04:00Z', pods: '1/1' },
  ],
  'inspect-error': [
    { chain: 'Pod web', image: 'nginx:1.27', reasons: 'ImageInspectError', containers: 'container:web', cause: 'invalid-reference', from: 'container-status', agedOut: false, attempts: null, backOffs: null, seen: '- .. -', pods: '1/1' },
  ],
  'registry-unavailable': [
    { chain: 'Pod cli', image: 'registry.lan:5000/tools/cli:1', reasons: 'RegistryUnavailable', containers: 'container:cli', cause: 'connection-refused', from: 'container-status', agedOut: false, attempts: null, backOffs: null, seen: '- .. -', pods: '1/1' },
  ],
  signature: [
    { chain: 'Pod app', image: 'registry.example.com/secure/app:1', reasons: 'SignatureValidationFailed', containers: 'container:app', cause: 'signature-policy', from: 'container-status', agedOut: false, attempts: null, backOffs: null, seen: '- .. -', pods: '1/1' },
  ],
  'init-container': [
    { chain: 'Pod db-setup', image: 'docker.io/acme/migrate:4', reasons: 'ErrImagePull', containers: 'initContainer:migrate', cause: 'image-not-found', from: 'container-status', agedOut: false, attempts: 2, backOffs: null, seen: '2026-11-30T08:01:00Z .. 2026-11-30T08:02:00Z', pods: '1/1' },
  ],
  ephemeral: [
    { chain: 'Pod api', image: 'docker.io/nicolaka/netshoot:v0.99', reasons: 'ErrImagePull', containers: 'ephemeralContainer:debugger', cause: 'image-not-found', from: 'container-status', agedOut: false, attempts: null, backOffs: null, seen: '- .. -', pods: '1/1' },
  ],
  sandbox: [
    {
      chain: 'Pod web',
      image: '602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/pause:3.5',
      reasons: 'FailedCreatePodSandBox',
      containers: 'sandbox:(sandbox)',
      cause: 'unauthorized',
      from: 'event FailedCreatePodSandBox x25',
      agedOut: false,
      attempts: 25,
      backOffs: null,
      seen: '2026-11-30T08:01:00Z .. 2026-11-30T08:20:00Z',
      pods: '1/1',
    },
  ],
  'secret-missing': [
    { chain: 'Pod app', image: 'docker.io/acme/private:1', reasons: 'ErrImagePull', containers: 'container:app', cause: 'pull-secret-missing', from: 'container-status', agedOut: false, attempts: null, backOffs: null, seen: '- .. -', pods: '1/1' },
  ],
  series: [
    {
      chain: 'Pod cache',
      image: 'docker.io/library/redis:7.4',
      reasons: 'ImagePullBackOff',
      containers: 'container:redis',
      cause: 'rate-limited',
      from: 'event Failed x42',
      agedOut: false,
      attempts: 42,
      backOffs: 510,
      // eventTime is the first occurrence, series.lastObservedTime the last.
      seen: '2026-11-30T08:01:00.250Z .. 2026-11-30T08:42:00Z',
      pods: '1/1',
    },
  ],
  cronjob: [
    { chain: 'Pod nightly-29400480-q8r2m > Job nightly-29400480 > CronJob nightly', image: 'registry.example.com/batch/report:9', reasons: 'ErrImagePull', containers: 'container:report', cause: 'image-not-found', from: 'container-status', agedOut: false, attempts: null, backOffs: null, seen: '- .. -', pods: '1/1' },
  ],
  partial: [
    {
      // Two of the Deployment's three pods (the third runs the previous ReplicaSet's image); counts add up.
      chain: 'Pod front-7c9d6b5f4-a1b2c > ReplicaSet front-7c9d6b5f4 > Deployment front',
      image: 'registry.example.com/shop/front:5',
      reasons: 'ErrImagePull',
      containers: 'container:front',
      cause: 'image-not-found',
      from: 'container-status',
      agedOut: false,
      attempts: 6,
      backOffs: null,
      seen: '2026-11-30T08:01:00Z .. 2026-11-30T08:04:00Z',
      pods: '2/3',
    },
  ],
  statefulset: [
    { chain: 'Pod db-0 > StatefulSet db', image: 'registry.example.com/data/db:16', reasons: 'ErrImagePull', containers: 'container:db', cause: 'tls-error', from: 'container-status', agedOut: false, attempts: null, backOffs: null, seen: '- .. -', pods: '1/1' },
  ],
  healthy: [],
  // Failed to pull five times, runs now: not a failure of today (the report tells its story).
  recovered: [],
};

describe('diagnose: one case per namespace of cases.snapshot.json', () => {
  for (const [namespace, expected] of Object.entries(CASES)) {
    it(namespace, async () => {
      const diagnosis = await diagnoseCluster(reader('cases.snapshot.json'), { namespace, target: remote });
      assert.deepEqual(diagnosis.entries.map(shape), expected);
      assert.deepEqual(diagnosis.gaps, []);
    });
  }

  it('reads every namespace with -A, in namespace order, and counts failing pods', async () => {
    const diagnosis = await diagnoseCluster(reader('cases.snapshot.json'), { target: remote });
    const namespaces = Object.keys(CASES).filter((ns) => CASES[ns]?.length !== 0).sort();
    assert.deepEqual(diagnosis.entries.map((e) => e.workload.namespace), namespaces);
    assert.equal(diagnosis.failingPods, 18);
  });

  it('keeps the runtime words verbatim and says where they came from', async () => {
    const [entry] = (await diagnoseCluster(reader('cases.snapshot.json'), { namespace: 'cause-in-event', target: remote })).entries;
    assert.equal(
      entry?.message,
      'Failed to pull image "myregistry.azurecr.io/shop/cart:3.1": failed to pull and unpack image "myregistry.azurecr.io/shop/cart:3.1": failed to resolve reference ' +
        '"myregistry.azurecr.io/shop/cart:3.1": failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://myregistry.azurecr.io/oauth2/token: 401 Unauthorized',
    );
    assert.deepEqual(entry?.evidence, { kind: 'event', type: 'Warning', reason: 'Failed', count: 1, firstSeen: '2026-11-30T08:12:00Z', lastSeen: '2026-11-30T08:12:00Z' });
  });

  it('names the missing pull secret and the command that creates it', async () => {
    const [entry] = (await diagnoseCluster(reader('cases.snapshot.json'), { namespace: 'secret-missing', target: remote })).entries;
    assert.deepEqual(entry?.missingSecrets, ['regcred']);
    assert.match(entry?.fix ?? '', /^Create secret regcred in namespace secret-missing with credentials for docker\.io \(`kubectl create secret docker-registry regcred -n secret-missing/);
  });

  it('says the cause aged out and what to do instead of guessing', async () => {
    const [entry] = (await diagnoseCluster(reader('cases.snapshot.json'), { namespace: 'aged-out', target: remote })).entries;
    assert.equal(entry?.message, 'Back-off pulling image "quay.io/acme/worker:7"');
    assert.equal(
      entry?.fix,
      'The cause has aged out of the events and the status shows only back-off. kubelet tries again within 5 minutes: run `kubectl get events -n aged-out --field-selector reason=Failed -w` ' +
        'to catch the next "Failed to pull image" event, or delete the pod to reset the back-off.',
    );
  });

  it('gives the fix for the cluster type', async () => {
    const kind = getTargetProfile('kind');
    assert.ok(kind !== undefined);
    const [entry] = (await diagnoseCluster(reader('cases.snapshot.json'), { namespace: 'never-pull', target: kind })).entries;
    assert.match(entry?.fix ?? '', /^Push "local\/app:dev" to a registry the nodes can pull from, .*kind load docker-image/);
  });
});

describe('diagnose without ReplicaSets and Jobs', () => {
  it('infers Deployment and CronJob from the naming conventions and says so', async () => {
    const diagnosis = await diagnoseCluster(reader('owners-not-read.snapshot.json'), { namespace: 'owners', target: remote });
    assert.deepEqual(
      diagnosis.entries.map((e) => [e.workload.chain.map((l) => `${l.kind} ${l.name}`).join(' > '), e.workload.inferred]),
      [
        ['Pod nightly-29400480-q8r2m > Job nightly-29400480 > CronJob nightly', "CronJob nightly inferred from the Job's name (Jobs not read)"],
        ['Pod api-6d5f8c7b9-x7k2p > ReplicaSet api-6d5f8c7b9 > Deployment api', 'Deployment api inferred from the pod-template-hash label (ReplicaSets not read)'],
      ],
    );
    assert.deepEqual(diagnosis.gaps, [
      'replicaSets: forbidden: list replicasets.apps (Deployments inferred from the pod-template-hash label)',
      'jobs: forbidden: list jobs.batch (CronJobs inferred from Job names)',
    ]);
  });
});
