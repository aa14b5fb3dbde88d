// deploy/: what a rollout is, from the objects the watches deliver. Pure: no I/O, no clock.
// Which pods belong to the new revision of a workload (only they can fail a deploy: old pods in
// back-off are someone else's incident), and when the rollout is complete or has failed, with
// the rules `kubectl rollout status` uses. Kinds beyond the built-in workloads have a file each
// in rollout-kinds/ (CronJob, Argo Rollouts, the kinds an operator runs pods for).
import type { KubeObject } from '../facts/cluster-writer.js';
import { apiGroup } from '../k8s/image-site-table.js';
import { argoRolloutStatus, isArgoRollout } from './rollout-kinds/argo-rollout.js';
import { cronJobStatus } from './rollout-kinds/cronjob.js';
import { conditions, jobUidOfPod, label, NO_POD, num, ownedBy, podIsReady, specOf, statusOf, str } from './rollout-kinds/object-fields.js';
import { isOperatorKind, operatorKindStatus } from './rollout-kinds/operator-kinds.js';

export type RolloutKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'Pod' | 'Rollout';

const BUILT_IN: ReadonlySet<string> = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'batch/Job', 'batch/CronJob', '/Pod']);

/** Whether `deploy` watches this object: a workload kind it models, an Argo Rollout, or a kind an operator runs pods for. */
export function isWatchedKind(object: KubeObject): boolean {
  return BUILT_IN.has(`${apiGroup(object.apiVersion)}/${object.kind}`) || isArgoRollout(object) || isOperatorKind(object);
}

export interface RolloutStatus {
  /** The controller has seen the applied spec (observedGeneration), so the revision below is the new one. */
  observed: boolean;
  /** Whether a pod is of the new revision; always false until `observed`. */
  isNewPod: (pod: KubeObject) => boolean;
  /** Pods the new revision wants (replicas, scheduled daemon pods, parallelism, 1). */
  desired: number;
  /** New-revision pods that are ready / available. */
  ready: number;
  complete: boolean;
  /** A failure other than a pull error (ProgressDeadlineExceeded, a failed Job or Pod). */
  failed?: string;
  /** The new revision's name: ReplicaSet hash, StatefulSet revision, DaemonSet generation, Job or Pod uid. */
  revision?: string;
  /**
   * Why the deploy does not wait for it (a CronJob's schedule, an operator's kind): it counts as
   * complete, and the pods it starts meanwhile are still watched.
   */
  notWaitedFor?: string;
  /** Something to say once about how it finished (an Argo Rollout paused for promotion). */
  note?: string;
}

/** What the watches know beside the workload itself. */
export interface RelatedObjects {
  /** ReplicaSets of Deployments and Argo Rollouts. */
  replicaSets: readonly KubeObject[];
  /** Jobs in the namespaces of CronJobs. */
  jobs: readonly KubeObject[];
  pods: readonly KubeObject[];
  /** Objects by uid that ownership chains run through; null: looked up and gone. */
  owners: ReadonlyMap<string, KubeObject | null>;
  /** For operator kinds: wait until a pod of each has started (--wait-operator-pods). */
  waitForOperatorPods?: boolean;
}

const NOTHING: RelatedObjects = { replicaSets: [], jobs: [], pods: [], owners: new Map() };

function observedSpec(workload: KubeObject): boolean {
  const observed = statusOf(workload).observedGeneration;
  return typeof observed === 'number' && observed >= (workload.metadata.generation ?? 0);
}

/** The new ReplicaSet of a Deployment: owned by it, with the Deployment's revision annotation. */
export function newReplicaSet(deployment: KubeObject, replicaSets: readonly KubeObject[]): KubeObject | undefined {
  const revision = deployment.metadata.annotations?.['deployment.kubernetes.io/revision'];
  if (revision === undefined) return undefined;
  return replicaSets.find(
    (rs) => rs.metadata.ownerReferences?.some((owner) => owner.uid === deployment.metadata.uid && owner.controller === true) === true && rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === revision,
  );
}

export function rolloutStatus(workload: KubeObject, related: Partial<RelatedObjects> = {}): RolloutStatus {
  const all: RelatedObjects = { ...NOTHING, ...related };
  if (isArgoRollout(workload)) return argoRolloutStatus(workload, all);
  if (isOperatorKind(workload)) return operatorKindStatus(workload, all);
  switch (workload.kind) {
    case 'Deployment':
      return deploymentStatus(workload, all.replicaSets);
    case 'StatefulSet':
      return statefulSetStatus(workload);
    case 'DaemonSet':
      return daemonSetStatus(workload);
    case 'Job':
      return jobStatus(workload);
    case 'CronJob':
      return cronJobStatus(workload, all);
    case 'Pod':
      return podStatus(workload);
    default:
      return { observed: true, isNewPod: NO_POD, desired: 0, ready: 0, complete: true };
  }
}

function deploymentStatus(deployment: KubeObject, replicaSets: readonly KubeObject[]): RolloutStatus {
  const status = statusOf(deployment);
  const desired = num(specOf(deployment).replicas, 1);
  const observed = observedSpec(deployment);
  const rs = observed ? newReplicaSet(deployment, replicaSets) : undefined;
  const hash = rs === undefined ? undefined : label(rs, 'pod-template-hash');
  const isNewPod =
    rs === undefined || hash === undefined
      ? NO_POD
      : (pod: KubeObject) => label(pod, 'pod-template-hash') === hash && pod.metadata.ownerReferences?.some((owner) => owner.uid === rs.metadata.uid) === true;
  const updated = num(status.updatedReplicas);
  const available = num(status.availableReplicas);
  const deadline = conditions(deployment).find((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded');
  // kubectl rollout status: all replicas updated, no old ones left, all updated ones available.
  const complete = observed && rs !== undefined && updated >= desired && num(status.replicas) <= updated && available >= updated;
  return {
    observed,
    isNewPod,
    desired,
    // The Deployment's watch can run ahead of its ReplicaSet's: once the Deployment says every
    // updated replica is available, so are the new ReplicaSet's.
    ready: rs === undefined ? 0 : complete ? Math.max(desired, num(statusOf(rs).availableReplicas)) : num(statusOf(rs).availableReplicas),
    complete,
    ...(deadline === undefined ? {} : { failed: `${deadline.reason}: ${deadline.message ?? ''}`.trim() }),
    ...(hash === undefined ? {} : { revision: hash }),
  };
}

function statefulSetStatus(set: KubeObject): RolloutStatus {
  const status = statusOf(set);
  const desired = num(specOf(set).replicas, 1);
  const observed = observedSpec(set);
  const revision = observed ? str(status.updateRevision) : undefined;
  const strategy = specOf(set).updateStrategy as { type?: string; rollingUpdate?: { partition?: number } } | undefined;
  const partition = strategy?.type === 'OnDelete' ? desired : num(strategy?.rollingUpdate?.partition);
  const updated = num(status.updatedReplicas);
  return {
    observed,
    isNewPod: revision === undefined ? NO_POD : (pod) => label(pod, 'controller-revision-hash') === revision,
    desired: desired - partition,
    ready: Math.min(num(status.readyReplicas), updated),
    complete:
      observed &&
      revision !== undefined &&
      num(status.readyReplicas) >= desired &&
      updated >= desired - partition &&
      (partition > 0 || str(status.currentRevision) === revision || updated >= desired),
    ...(revision === undefined ? {} : { revision }),
  };
}

function daemonSetStatus(set: KubeObject): RolloutStatus {
  const status = statusOf(set);
  const observed = observedSpec(set);
  const generation = String(set.metadata.generation ?? 0);
  const desired = num(status.desiredNumberScheduled);
  return {
    observed,
    // The DaemonSet controller labels each pod with the template's generation.
    isNewPod: observed ? (pod) => label(pod, 'pod-template-generation') === generation && ownedBy(pod, set) : NO_POD,
    desired,
    ready: num(status.numberAvailable),
    complete: observed && num(status.updatedNumberScheduled) >= desired && num(status.numberAvailable) >= desired,
    revision: generation,
  };
}

function jobStatus(job: KubeObject): RolloutStatus {
  const uid = job.metadata.uid;
  const status = statusOf(job);
  const complete = conditions(job).find((c) => (c.type === 'Complete' || c.type === 'SuccessCriteriaMet') && c.status === 'True');
  const failed = conditions(job).find((c) => (c.type === 'Failed' || c.type === 'FailureTarget') && c.status === 'True');
  return {
    observed: uid !== undefined,
    isNewPod: uid === undefined ? NO_POD : (pod) => jobUidOfPod(pod) === uid,
    desired: num(specOf(job).completions, num(specOf(job).parallelism, 1)),
    ready: num(status.succeeded),
    complete: complete !== undefined,
    ...(failed === undefined ? {} : { failed: `${failed.reason ?? 'Failed'}: ${failed.message ?? ''}`.trim() }),
    ...(uid === undefined ? {} : { revision: uid }),
  };
}

function podStatus(pod: KubeObject): RolloutStatus {
  const uid = pod.metadata.uid;
  const phase = str(statusOf(pod).phase);
  return {
    observed: uid !== undefined,
    isNewPod: uid === undefined ? NO_POD : (other) => other.metadata.uid === uid,
    desired: 1,
    ready: podIsReady(pod) || phase === 'Succeeded' ? 1 : 0,
    complete: podIsReady(pod) || phase === 'Succeeded',
    ...(phase === 'Failed' ? { failed: `pod failed: ${str(statusOf(pod).reason) ?? ''} ${str(statusOf(pod).message) ?? ''}`.trim() } : {}),
    ...(uid === undefined ? {} : { revision: uid }),
  };
}

/** The label selector of a workload's pods (`app=web,tier=front`), for the pod watch. */
export function podSelector(workload: KubeObject): string | undefined {
  if (workload.kind === 'Pod') return undefined;
  const selector = specOf(workload).selector as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined;
  if (selector === undefined) return undefined;
  const parts = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  for (const expression of selector.matchExpressions ?? []) {
    const values = (expression.values ?? []).join(',');
    if (expression.operator === 'In') parts.push(`${expression.key} in (${values})`);
    else if (expression.operator === 'NotIn') parts.push(`${expression.key} notin (${values})`);
    else if (expression.operator === 'Exists') parts.push(expression.key);
    else if (expression.operator === 'DoesNotExist') parts.push(`!${expression.key}`);
  }
  return parts.join(',');
}
