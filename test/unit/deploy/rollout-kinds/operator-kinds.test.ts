import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../../src/facts/cluster-writer.js';
import { isOperatorKind, missingOwners, OPERATOR_POD_KINDS, operatorKindStatus, ownerChainReaches } from '../../../../src/deploy/rollout-kinds/operator-kinds.js';
import { isWatchedKind } from '../../../../src/deploy/rollout-model.js';

const owned = (kind: string, name: string, uid: string, owner?: { kind: string; name: string; uid: string; apiVersion?: string }, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1',
  kind,
  metadata: {
    name,
    namespace: 'shop',
    uid,
    ...(owner === undefined ? {} : { ownerReferences: [{ apiVersion: owner.apiVersion ?? 'apps/v1', kind: owner.kind, name: owner.name, uid: owner.uid, controller: true }] }),
    ...extra,
  },
});

const flink: KubeObject = {
  apiVersion: 'flink.apache.org/v1beta1',
  kind: 'FlinkDeployment',
  metadata: { name: 'wordcount', namespace: 'shop', uid: 'fd-1', creationTimestamp: '2026-12-01T00:00:00Z', managedFields: [{ manager: 'pullguard', operation: 'Apply', time: '2026-12-06T17:00:00Z' }] },
};
const deployment = owned('Deployment', 'wordcount', 'd-1', { kind: 'FlinkDeployment', name: 'wordcount', uid: 'fd-1', apiVersion: 'flink.apache.org/v1beta1' });
const replicaSet = owned('ReplicaSet', 'wordcount-abc', 'rs-1', { kind: 'Deployment', name: 'wordcount', uid: 'd-1' });
const newPod = owned('Pod', 'wordcount-abc-1', 'p-1', { kind: 'ReplicaSet', name: 'wordcount-abc', uid: 'rs-1' }, { creationTimestamp: '2026-12-06T17:00:03Z' });
const oldPod = owned('Pod', 'wordcount-abc-0', 'p-0', { kind: 'ReplicaSet', name: 'wordcount-abc', uid: 'rs-1' }, { creationTimestamp: '2026-12-06T16:00:00Z' });

describe('operator kinds', () => {
  const kindCases: { apiVersion: string; kind: string; operator: boolean }[] = [
    { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', operator: true },
    { apiVersion: 'argoproj.io/v1alpha1', kind: 'CronWorkflow', operator: true },
    { apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', operator: false },
    { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', operator: false },
    { apiVersion: 'tekton.dev/v1', kind: 'TaskRun', operator: true },
    { apiVersion: 'tekton.dev/v1', kind: 'PipelineRun', operator: true },
    { apiVersion: 'tekton.dev/v1', kind: 'Task', operator: false },
    { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', operator: true },
    { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', operator: true },
    { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkSessionJob', operator: false },
    { apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication', operator: true },
    { apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'KafkaConnect', operator: true },
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', operator: true },
    { apiVersion: 'v1', kind: 'ReplicationController', operator: true },
    { apiVersion: 'apps/v1', kind: 'Deployment', operator: false },
    { apiVersion: 'batch/v1', kind: 'CronJob', operator: false },
    { apiVersion: 'v1', kind: 'PodTemplate', operator: false },
    { apiVersion: 'example.com/v1', kind: 'Workflow', operator: false },
  ];
  for (const c of kindCases) {
    it(`${c.apiVersion} ${c.kind}: ${c.operator ? 'an operator runs its pods' : 'not an operator kind'}`, () => {
      const object: KubeObject = { apiVersion: c.apiVersion, kind: c.kind, metadata: { name: 'x' } };
      assert.equal(isOperatorKind(object), c.operator);
      if (c.operator) assert.equal(isWatchedKind(object), true);
    });
  }

  it('the kinds come from the image-site table', () => {
    assert.ok(OPERATOR_POD_KINDS.has('kubevirt.io/VirtualMachineInstance'));
    assert.ok(OPERATOR_POD_KINDS.has('pool.kubevirt.io/VirtualMachinePool'));
    assert.ok(OPERATOR_POD_KINDS.has('apps.openshift.io/DeploymentConfig'));
  });

  it('ownerChainReaches: through known owners; unknown until every owner on the way is known; null is a dead end', () => {
    const all = new Map<string, KubeObject | null>([['rs-1', replicaSet], ['d-1', deployment], ['fd-1', flink]]);
    assert.equal(ownerChainReaches(newPod, 'fd-1', all), true);
    assert.equal(ownerChainReaches(newPod, 'other', all), false);
    assert.equal(ownerChainReaches(newPod, 'fd-1', new Map([['rs-1', replicaSet]])), 'unknown');
    assert.equal(ownerChainReaches(newPod, 'fd-1', new Map([['rs-1', null]])), false);
    assert.equal(ownerChainReaches(newPod, 'fd-1', all, 2), false, 'depth limit');
    assert.equal(ownerChainReaches(owned('Pod', 'solo', 'p-9'), 'fd-1', all), false);
  });

  it('missingOwners: the owners to read, in the dependent\'s namespace', () => {
    assert.deepEqual(missingOwners(newPod, new Map()), [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'wordcount-abc', uid: 'rs-1', namespace: 'shop' }]);
    assert.deepEqual(missingOwners(newPod, new Map([['rs-1', replicaSet]])), [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordcount', uid: 'd-1', namespace: 'shop' }]);
    assert.deepEqual(missingOwners(newPod, new Map([['rs-1', replicaSet], ['d-1', deployment], ['fd-1', flink]])), []);
    assert.deepEqual(missingOwners(newPod, new Map([['rs-1', null]])), []);
  });

  it('status: not waited for; new pods are its own created since it was last written', () => {
    const owners = new Map<string, KubeObject | null>([['rs-1', replicaSet], ['d-1', deployment]]);
    const status = operatorKindStatus(flink, { pods: [newPod, oldPod], owners });
    assert.equal(status.complete, true);
    assert.match(status.notWaitedFor ?? '', /^its operator decides when it is done/);
    assert.equal(status.isNewPod(newPod), true);
    assert.equal(status.isNewPod(oldPod), false, 'created before the apply: an earlier revision');
    assert.equal(status.desired, 1);
  });

  it('status with --wait-operator-pods: complete once a new pod has started', () => {
    const owners = new Map<string, KubeObject | null>([['rs-1', replicaSet], ['d-1', deployment]]);
    const waiting = operatorKindStatus(flink, { pods: [newPod], owners, waitForOperatorPods: true });
    assert.deepEqual([waiting.complete, waiting.ready, waiting.desired, waiting.notWaitedFor], [false, 0, 1, undefined]);
    const running = { ...newPod, status: { phase: 'Running' } };
    assert.equal(operatorKindStatus(flink, { pods: [running], owners, waitForOperatorPods: true }).complete, true);
    assert.equal(operatorKindStatus(flink, { pods: [], owners, waitForOperatorPods: true }).complete, false);
  });
});
