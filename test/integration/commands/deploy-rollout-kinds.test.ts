// `deploy` watching the kinds beyond the built-in workloads, against the real control plane
// (kube-apiserver, controller-manager, scheduler, kwok playing kubelet and its pull failures):
// CronJobs (--trigger-cronjobs, and a Job the schedule starts during the deploy), Argo Rollouts,
// and the kinds an operator runs pods for. The Argo Rollouts controller and the operators (Argo
// Workflows, Flink) cannot run here: their CRDs are installed in a minimal form and each test
// plays the controller's part, creating exactly the objects it would (a ReplicaSet owned by the
// Rollout with its hash label and the Rollout's status; a pod owned by the Workflow; a Deployment
// owned by the FlinkDeployment). Everything below them is real: the ReplicaSet and Deployment
// controllers create the pods, the scheduler places them, kwok runs them or fails their pulls.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DeployOptions } from '../../../src/commands/deploy.js';
import { dnsFailure, nodeLookingLike, sharedControlPlane, waitFor, type ControlPlane, type KubeObject } from '../../support/control-plane/index.js';
import { runDeploy as runDeployIn, type DeployRun } from '../../support/deploy/run-deploy.js';
import { compileSchema, readRepoFile, schemaErrors } from '../../unit/formatters/schema-validation.js';

const validate = compileSchema(JSON.parse(readRepoFile('docs/deploy-record.schema.json')) as object, { strict: true });

const controlPlane = sharedControlPlane({
  controllerManager: true,
  kwok: true,
  imagePullFailures: [dnsFailure('registry.invalid/')],
  imagePullTiming: { firstPullMs: 200, backOffMs: 1000, retryMs: 3000 },
});

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pullguard-deploy-kinds-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const runDeploy = (cp: ControlPlane, namespace: string, objects: readonly unknown[], extra: Partial<DeployOptions> = {}, kubeconfig?: string): Promise<DeployRun> =>
  runDeployIn(cp, dir, namespace, objects, extra, kubeconfig === undefined ? {} : { kubeconfig });

const podSpec = (image: string, restartPolicy?: string) => ({ ...(restartPolicy === undefined ? {} : { restartPolicy }), containers: [{ name: 'app', image }] });

/** A pod no node can take: it stays Pending, so the deploy keeps watching (not a pull failure). */
const waiter = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'waiter' }, spec: { nodeSelector: { 'pullguard.test/no-such-node': 'true' }, ...podSpec('example.test/waiter:1') } };

function cronJob(image: string): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'nightly' },
    spec: {
      // Once a year: the real CronJob controller never fires during a test.
      schedule: '0 0 1 1 *',
      jobTemplate: {
        metadata: { labels: { app: 'nightly' }, annotations: { team: 'data' } },
        spec: { backoffLimit: 0, template: { metadata: { labels: { app: 'nightly' } }, spec: podSpec(image, 'Never') } },
      },
    },
  };
}

const crd = (group: string, kind: string, plural: string, version: string): KubeObject => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${plural}.${group}` },
  spec: {
    group,
    names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
    scope: 'Namespaced',
    versions: [{ name: version, served: true, storage: true, subresources: { status: {} }, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
});

async function installCrds(cp: ControlPlane): Promise<void> {
  for (const definition of [crd('argoproj.io', 'Rollout', 'rollouts', 'v1alpha1'), crd('argoproj.io', 'Workflow', 'workflows', 'v1alpha1'), crd('flink.apache.org', 'FlinkDeployment', 'flinkdeployments', 'v1beta1')]) {
    await cp.apply(definition);
    await cp.waitForObject('apiextensions.k8s.io/v1', 'CustomResourceDefinition', definition.metadata.name, undefined, (o: KubeObject) => JSON.stringify(o.status ?? {}).includes('"type":"Established","status":"True"'), `CRD ${definition.metadata.name} established`);
  }
}

describe('pullguard deploy: CronJobs, Argo Rollouts and operator kinds', () => {
  before(async () => {
    await controlPlane().createNode(nodeLookingLike('kind'));
    await installCrds(controlPlane());
  });

  describe('CronJob', () => {
    it('without --trigger-cronjobs: counts as complete once applied and says once that its Jobs are not waited for', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      const result = await runDeploy(cp, namespace, [cronJob('example.test/nightly:1')]);
      assert.equal(result.exitCode, 0, result.lines.join(''));
      const said = result.lines.filter((line) => line.startsWith(`CronJob nightly -n ${namespace}:`));
      assert.deepEqual(said, [
        `CronJob nightly -n ${namespace}: its Jobs run on its schedule (0 0 1 1 *) and are not waited for; a Job the schedule starts during the deploy is watched (--trigger-cronjobs starts one now)\n`,
      ]);
      assert.deepEqual(await cp.list('batch/v1', 'Job', namespace), []);
      assert.equal(result.record.rollouts[0]?.complete, true);
      assert.match(result.record.rollouts[0]?.notWaitedFor ?? '', /^its Jobs run on its schedule/);
    });

    it('--trigger-cronjobs: creates the Job kubectl create job --from=cronjob/nightly would, and watches it to completion', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      const result = await runDeploy(cp, namespace, [cronJob('example.test/nightly:1')], { triggerCronJobs: true });
      assert.equal(result.exitCode, 0, result.lines.join(''));
      assert.equal(schemaErrors(validate, result.record), '');
      const created = result.record.applied.find((a) => a.kind === 'Job');
      assert.ok(created !== undefined, JSON.stringify(result.record.applied));
      assert.match(created.name, /^nightly-manual-[0-9a-z]+$/);
      assert.deepEqual(created.createdFrom, { apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', namespace });
      assert.equal(created.existed, false);
      assert.ok(result.lines.includes(`created Job ${created.name} -n ${namespace} from CronJob nightly (--trigger-cronjobs)\n`), result.lines.join(''));
      const live = await cp.get<KubeObject & { status: { conditions?: { type: string; status: string }[] } }>('batch/v1', 'Job', created.name, namespace);
      const owner = await cp.get('batch/v1', 'CronJob', 'nightly', namespace);
      assert.equal(live?.metadata.annotations?.['cronjob.kubernetes.io/instantiate'], 'manual');
      assert.equal(live?.metadata.annotations?.team, 'data');
      assert.equal(live?.metadata.labels?.app, 'nightly');
      assert.deepEqual(live?.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: owner?.metadata.uid, controller: true }]);
      // SuccessCriteriaMet comes first (Kubernetes 1.31+), Complete once the pods are gone: either is done.
      assert.ok(live?.status.conditions?.some((c) => (c.type === 'Complete' || c.type === 'SuccessCriteriaMet') && c.status === 'True'), JSON.stringify(live?.status));
      assert.deepEqual(result.record.rollouts.map((r) => `${r.workload.kind}/${r.complete}`), ['CronJob/true', 'Job/true']);
    });

    it('--trigger-cronjobs with an unpullable image: stops with the cause, and --rollback deletes the Job it created', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      const result = await runDeploy(cp, namespace, [cronJob('registry.invalid/nightly:2')], { triggerCronJobs: true, rollback: true });
      assert.equal(result.exitCode, 1, result.lines.join(''));
      const entry = result.record.diagnosis[0];
      assert.equal(entry?.workload.kind, 'Job');
      assert.match(entry?.workload.name ?? '', /^nightly-manual-/);
      assert.equal(entry?.cause, 'dns-error');
      assert.equal(entry?.desiredPods, 1);
      const jobName = entry?.workload.name ?? '';
      assert.deepEqual(result.record.rollback?.actions.map((a) => `${a.action} ${a.kind}/${a.name}`), [`deleted Job/${jobName}`, 'deleted CronJob/nightly']);
      assert.equal(result.record.rollback?.ok, true);
      assert.equal(await cp.get('batch/v1', 'Job', jobName, namespace), undefined);
    });

    it('a Job the schedule starts during the deploy is watched: its pull failure stops the deploy', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      let fired = false;
      const result = await runDeploy(cp, namespace, [cronJob('registry.invalid/nightly:2'), waiter], {
        say: (text) => {
          if (text.startsWith('watching ') && !fired) {
            fired = true;
            void fireSchedule(cp, namespace, 'nightly');
          }
        },
      });
      assert.equal(result.exitCode, 1, result.lines.join(''));
      const entry = result.record.diagnosis[0];
      assert.deepEqual(entry?.workload, { apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', namespace });
      assert.equal(entry?.cause, 'dns-error');
      assert.match(entry?.pods[0] ?? '', /^nightly-\d+-/);
    });
  });

  describe('Argo Rollout', () => {
    it('rolls out: complete once the Rollout is Healthy for the applied generation, with the new pods available', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      const [result] = await Promise.all([runDeploy(cp, namespace, [argoRollout('example.test/web:1')]), playArgoController(cp, namespace, { generation: 1, hash: 'v1hash', healthy: true })]);
      assert.equal(result.exitCode, 0, result.lines.join(''));
      assert.deepEqual(result.record.rollouts.map((r) => [r.workload.kind, r.desired, r.ready, r.complete, r.revision]), [['Rollout', 2, 2, true, 'v1hash']]);
    });

    it('stops at the first pull failure of a new pod with the cause', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      const [result] = await Promise.all([runDeploy(cp, namespace, [argoRollout('registry.invalid/web:2')]), playArgoController(cp, namespace, { generation: 1, hash: 'v2hash', healthy: false })]);
      assert.equal(result.exitCode, 1, result.lines.join(''));
      const entry = result.record.diagnosis[0];
      assert.deepEqual(entry?.workload, { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'web', namespace });
      assert.equal(entry?.cause, 'dns-error');
      assert.equal(entry?.desiredPods, 2);
      const block = result.lines.find((line) => line.startsWith('✗ Rollout web'));
      assert.match(block ?? '', /\n  pods       \d\/2 of the new revision \(web-v2hash-/);
    });

    it('a Rollout paused for promotion counts as rolled out once its new pods are available, and says how to promote it', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      const [result] = await Promise.all([
        runDeploy(cp, namespace, [argoRollout('example.test/web:1')]),
        playArgoController(cp, namespace, { generation: 1, hash: 'pausehash', healthy: true, pausedFor: 'CanaryPauseStep' }),
      ]);
      assert.equal(result.exitCode, 0, result.lines.join(''));
      assert.ok(
        result.lines.includes(`Rollout web -n ${namespace}: paused (CanaryPauseStep): the new pods are available; promote it with kubectl argo rollouts promote web\n`),
        result.lines.join(''),
      );
      assert.deepEqual(
        result.record.rollouts.map((r) => [r.workload.kind, r.complete, r.revision, r.note]),
        [['Rollout', true, 'pausehash', 'paused (CanaryPauseStep): the new pods are available; promote it with kubectl argo rollouts promote web']],
      );
    });

    it('old pods in back-off do not fail a deploy whose new revision rolls out', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      // Revision 1 cannot pull: that deploy fails, and its pods stay in back-off.
      const [first] = await Promise.all([runDeploy(cp, namespace, [argoRollout('registry.invalid/web:1')]), playArgoController(cp, namespace, { generation: 1, hash: 'oldhash', healthy: false })]);
      assert.equal(first.exitCode, 1, first.lines.join(''));
      // Revision 2 pulls; the controller keeps the old ReplicaSet (as a canary does until promotion).
      const [second] = await Promise.all([runDeploy(cp, namespace, [argoRollout('example.test/web:2')]), playArgoController(cp, namespace, { generation: 2, hash: 'newhash', healthy: true })]);
      assert.equal(second.exitCode, 0, second.lines.join(''));
      assert.deepEqual(second.record.failures, []);
      const oldPods = await cp.list<KubeObject & { status?: { containerStatuses?: { state?: { waiting?: { reason?: string } } }[] } }>('v1', 'Pod', namespace, 'labelSelector=rollouts-pod-template-hash%3Doldhash');
      assert.ok(oldPods.length > 0);
      assert.ok(
        oldPods.every((p) => ['ErrImagePull', 'ImagePullBackOff'].includes(p.status?.containerStatuses?.[0]?.state?.waiting?.reason ?? '')),
        'the old pods were failing to pull all along',
      );
    });
  });

  describe('kinds an operator runs pods for', () => {
    it('a Workflow is not waited for, and the output says so', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      const result = await runDeploy(cp, namespace, [workflow('example.test/step:1')]);
      assert.equal(result.exitCode, 0, result.lines.join(''));
      assert.ok(
        result.lines.includes(`Workflow hello -n ${namespace}: its operator decides when it is done, so it is not waited for; pods it starts during the deploy are watched (--wait-operator-pods waits for one to start)\n`),
        result.lines.join(''),
      );
    });

    it("a Workflow's pod that cannot pull stops the deploy while other workloads roll out", async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      let started = false;
      const result = await runDeploy(cp, namespace, [workflow('registry.invalid/step:1'), waiter], {
        say: (text) => {
          if (text.startsWith('watching ') && !started) {
            started = true;
            void playWorkflowController(cp, namespace, 'hello');
          }
        },
      });
      assert.equal(result.exitCode, 1, result.lines.join(''));
      const entry = result.record.diagnosis[0];
      assert.deepEqual(entry?.workload, { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', name: 'hello', namespace });
      assert.equal(entry?.cause, 'dns-error');
      assert.deepEqual(entry?.pods, ['hello-main']);
    });

    it('--wait-operator-pods: a FlinkDeployment is complete once a pod of it started (owners followed: Deployment, ReplicaSet)', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      const [result] = await Promise.all([runDeploy(cp, namespace, [flinkDeployment('example.test/flink:1')], { waitForOperatorPods: true }), playFlinkOperator(cp, namespace, 'wordcount')]);
      assert.equal(result.exitCode, 0, result.lines.join(''));
      assert.deepEqual(result.record.rollouts.map((r) => [r.workload.kind, r.ready, r.complete]), [['FlinkDeployment', 1, true]]);
    });

    it('an owner the user may not read is said once, not taken silently as no owner', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      // The restricted user may deploy FlinkDeployments and watch pods and events, not read
      // ReplicaSets: the chain pod → ReplicaSet → Deployment → FlinkDeployment cannot be followed.
      await cp.grantRestricted(
        [
          { apiGroups: ['flink.apache.org'], resources: ['flinkdeployments'], verbs: ['get', 'list', 'watch', 'create', 'patch'] },
          { apiGroups: [''], resources: ['pods', 'events'], verbs: ['get', 'list', 'watch'] },
        ],
        namespace,
      );
      // (It also may not read its namespace: deploy goes on, as kubectl apply would.)
      const [result] = await Promise.all([
        runDeploy(cp, namespace, [flinkDeployment('example.test/flink:1')], { waitForOperatorPods: true, timeoutMs: 5000 }, cp.restrictedKubeconfigPath),
        playFlinkOperator(cp, namespace, 'wordcount'),
      ]);
      assert.equal(result.exitCode, 3, result.lines.join(''));
      const notices = result.lines.filter((line) => line.startsWith('cannot read '));
      assert.equal(notices.length, 1, result.lines.join(''));
      assert.match(notices[0] ?? '', new RegExp(`^cannot read ReplicaSet wordcount-jobmanager-\\w+ -n ${namespace} \\(forbidden: .*\\): the pods such objects own are not traced to the objects this deploy applied\\n$`));
    });

    it('--wait-operator-pods: a FlinkDeployment whose pods cannot pull stops with the cause', async () => {
      const cp = controlPlane();
      const namespace = await cp.createNamespace();
      const [result] = await Promise.all([runDeploy(cp, namespace, [flinkDeployment('registry.invalid/flink:1')], { waitForOperatorPods: true }), playFlinkOperator(cp, namespace, 'wordcount')]);
      assert.equal(result.exitCode, 1, result.lines.join(''));
      const entry = result.record.diagnosis[0];
      assert.deepEqual(entry?.workload, { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', name: 'wordcount', namespace });
      assert.equal(entry?.cause, 'dns-error');
      assert.match(entry?.pods[0] ?? '', /^wordcount-jobmanager-/);
    });
  });
});

/** The CronJob controller at the next schedule: a Job named `<cronjob>-<minutes>`, owned by the CronJob, from its jobTemplate. */
async function fireSchedule(cp: ControlPlane, namespace: string, name: string): Promise<void> {
  const owner = await waitFor('the CronJob', () => cp.get<KubeObject & { spec: { jobTemplate: { metadata?: { labels?: Record<string, string> }; spec: unknown } } }>('batch/v1', 'CronJob', name, namespace));
  const minutes = Math.floor(Date.now() / 60_000);
  await cp.apply({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${name}-${minutes}`,
      namespace,
      labels: owner.spec.jobTemplate.metadata?.labels ?? {},
      annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': new Date(minutes * 60_000).toISOString() },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: owner.spec.jobTemplate.spec,
  } as KubeObject);
}

function argoRollout(image: string): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: podSpec(image) },
      strategy: { canary: { steps: [{ setWeight: 50 }, { pause: { duration: '1s' } }] } },
    },
  };
}

/**
 * The Argo Rollouts controller's part for one revision: once it sees the generation, a ReplicaSet
 * owned by the Rollout with `rollouts-pod-template-hash`, and status.currentPodHash (with
 * observedGeneration as the string it is). With `healthy`, once the ReplicaSet's pods are
 * available, phase Healthy with that ReplicaSet stable.
 */
async function playArgoController(cp: ControlPlane, namespace: string, revision: { generation: number; hash: string; healthy: boolean; pausedFor?: string }): Promise<void> {
  type Rollout = KubeObject & { spec: { replicas: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: unknown } } };
  const rollout = await waitFor(`Rollout web generation ${revision.generation}`, async () => {
    const got = await cp.get<Rollout>('argoproj.io/v1alpha1', 'Rollout', 'web', namespace);
    return got !== undefined && got.metadata.generation === revision.generation ? got : undefined;
  });
  const labels = { ...rollout.spec.template.metadata.labels, 'rollouts-pod-template-hash': revision.hash };
  const rsName = `web-${revision.hash}`;
  await cp.apply({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: rsName, namespace, labels, ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'web', uid: rollout.metadata.uid, controller: true, blockOwnerDeletion: true }] },
    spec: { replicas: rollout.spec.replicas, selector: { matchLabels: { ...rollout.spec.selector.matchLabels, 'rollouts-pod-template-hash': revision.hash } }, template: { metadata: { labels }, spec: rollout.spec.template.spec } },
  } as KubeObject);
  const statusPath = `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts/web/status`;
  const patch = (status: Record<string, unknown>) => cp.call('PATCH', statusPath, { status }, { contentType: 'application/merge-patch+json' });
  await patch({ observedGeneration: String(revision.generation), currentPodHash: revision.hash, phase: 'Progressing', message: 'more replicas need to be updated' });
  if (!revision.healthy) return;
  await cp.waitForObject('apps/v1', 'ReplicaSet', rsName, namespace, (rs: KubeObject & { status?: { availableReplicas?: number } }) => rs.status?.availableReplicas === rollout.spec.replicas, `ReplicaSet ${rsName} available`);
  if (revision.pausedFor !== undefined) {
    // A canary's pause step: the new pods are up, the controller waits for someone to promote it.
    await patch({ phase: 'Paused', message: 'CanaryPauseStep', pauseConditions: [{ reason: revision.pausedFor, startTime: new Date().toISOString() }], controllerPause: true });
    return;
  }
  await patch({ phase: 'Healthy', message: null, stableRS: revision.hash, replicas: rollout.spec.replicas, updatedReplicas: rollout.spec.replicas, readyReplicas: rollout.spec.replicas, availableReplicas: rollout.spec.replicas });
}

function workflow(image: string): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name: 'hello' },
    spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image, command: ['echo', 'hello'] } }] },
  };
}

/** The Argo Workflows controller starting the `main` step: a pod owned by the Workflow. */
async function playWorkflowController(cp: ControlPlane, namespace: string, name: string): Promise<void> {
  const owner = await waitFor(`Workflow ${name}`, () => cp.get<KubeObject & { spec: { templates: { container: { image: string } }[] } }>('argoproj.io/v1alpha1', 'Workflow', name, namespace));
  await cp.apply({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${name}-main`, namespace, labels: { 'workflows.argoproj.io/workflow': name }, ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }] },
    spec: podSpec(owner.spec.templates[0]?.container.image ?? '', 'Never'),
  } as KubeObject);
}

function flinkDeployment(image: string): KubeObject {
  return { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', metadata: { name: 'wordcount' }, spec: { image, flinkVersion: 'v1_20', jobManager: { replicas: 1 }, taskManager: {} } };
}

/** The Flink operator's first step: the JobManager Deployment, owned by the FlinkDeployment. */
async function playFlinkOperator(cp: ControlPlane, namespace: string, name: string): Promise<void> {
  const owner = await waitFor(`FlinkDeployment ${name}`, () => cp.get<KubeObject & { spec: { image: string } }>('flink.apache.org/v1beta1', 'FlinkDeployment', name, namespace));
  const labels = { app: name, component: 'jobmanager', type: 'flink-native-kubernetes' };
  await cp.apply({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `${name}-jobmanager`, namespace, labels, ownerReferences: [{ apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }] },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'flink-main-container', image: owner.spec.image }] } } },
  } as KubeObject);
}
