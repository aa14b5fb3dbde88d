// deploy/rollout-kinds: the custom kinds of `lint`'s image-site table whose operator runs pods
// (Argo Workflows, Tekton runs, KubeVirt, Flink, Spark, Strimzi, OpenShift DeploymentConfig, and
// a bare ReplicaSet or ReplicationController). pullguard does not know when such an object is
// done: its operator decides. Its pods are those whose ownerReferences chain reaches the applied
// object (a Workflow's pods directly, a VirtualMachine's through its VirtualMachineInstance, a
// FlinkDeployment's through a Deployment and a ReplicaSet), created since the object was last
// written (those run what is applied now). They are watched while the other workloads roll out;
// with `waitForPod` (--wait-operator-pods) the deploy also waits until one of them has started.
// Pure: owners the watches do not deliver are looked up by the caller (missingOwners).
import type { KubeObject, ObjectRef } from '../../facts/cluster-writer.js';
import { apiGroup, IMAGE_SITE_TABLE } from '../../k8s/image-site-table.js';
import type { RelatedObjects, RolloutStatus } from '../rollout-model.js';
import { createdSince, lastWrittenAt, podStarted } from './object-fields.js';

/** Kinds of the table that are templates for other objects' pods: nothing runs as them. */
const TEMPLATE_KINDS: ReadonlySet<string> = new Set([
  '/PodTemplate',
  'argoproj.io/WorkflowTemplate',
  'argoproj.io/ClusterWorkflowTemplate',
  'tekton.dev/Task',
  'tekton.dev/ClusterTask',
  'tekton.dev/Pipeline',
  'tekton.dev/StepAction',
]);

/** Kinds with their own rollout model (rollout-model.ts). */
const MODELLED_KINDS: ReadonlySet<string> = new Set([
  '/Pod',
  'apps/Deployment',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'batch/Job',
  'batch/CronJob',
  'argoproj.io/Rollout',
  // extensions/* were removed in Kubernetes 1.16: the server rejects them before any watch.
  'extensions/Deployment',
  'extensions/ReplicaSet',
  'extensions/DaemonSet',
]);

/** `group/Kind` of every kind whose operator runs pods; derived from the image-site table. */
export const OPERATOR_POD_KINDS: ReadonlySet<string> = new Set(
  IMAGE_SITE_TABLE.filter((entry) => entry.sites.length > 0)
    .flatMap((entry) => entry.kinds.map((kind) => `${entry.group}/${kind}`))
    .filter((key) => !TEMPLATE_KINDS.has(key) && !MODELLED_KINDS.has(key)),
);

export function isOperatorKind(object: KubeObject): boolean {
  return OPERATOR_POD_KINDS.has(`${apiGroup(object.apiVersion)}/${object.kind}`);
}

/** How far an ownerReferences chain is followed (pod → ReplicaSet → Deployment → FlinkDeployment is 3). */
export const MAX_OWNER_DEPTH = 5;

type OwnerRef = NonNullable<KubeObject['metadata']['ownerReferences']>[number];

/**
 * Whether the object's ownerReferences chain reaches `rootUid` through `owners` (objects by uid).
 * 'unknown' when it cannot tell yet: an owner on the way is not in `owners`.
 */
export function ownerChainReaches(object: KubeObject, rootUid: string, owners: ReadonlyMap<string, KubeObject | null>, depth = MAX_OWNER_DEPTH): boolean | 'unknown' {
  let unknown = false;
  for (const ref of object.metadata.ownerReferences ?? []) {
    if (ref.uid === rootUid) return true;
    if (depth <= 1) continue;
    const owner = owners.get(ref.uid);
    if (owner === undefined) {
      unknown = true;
      continue;
    }
    if (owner === null) continue;
    const reached = ownerChainReaches(owner, rootUid, owners, depth - 1);
    if (reached === true) return true;
    if (reached === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : false;
}

/** Owners on the object's chains that are not in `owners` yet: what the caller reads (one GET each). */
export function missingOwners(object: KubeObject, owners: ReadonlyMap<string, KubeObject | null>, depth = MAX_OWNER_DEPTH): (ObjectRef & { uid: string })[] {
  const missing: (ObjectRef & { uid: string })[] = [];
  for (const ref of object.metadata.ownerReferences ?? []) {
    const owner = owners.get(ref.uid);
    if (owner === undefined) missing.push(ownerRef(ref, object.metadata.namespace));
    else if (owner !== null && depth > 1) missing.push(...missingOwners(owner, owners, depth - 1));
  }
  return missing;
}

function ownerRef(ref: OwnerRef, namespace: string | undefined): ObjectRef & { uid: string } {
  // Owners live in their dependent's namespace, or are cluster-scoped (the server path ignores it then).
  return { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, uid: ref.uid, ...(namespace === undefined ? {} : { namespace }) };
}

export function operatorKindStatus(object: KubeObject, related: Pick<RelatedObjects, 'pods' | 'owners' | 'waitForOperatorPods'>): RolloutStatus {
  const uid = object.metadata.uid;
  const since = lastWrittenAt(object);
  const isNewPod = (pod: KubeObject): boolean =>
    uid !== undefined && pod.metadata.namespace === object.metadata.namespace && createdSince(pod, since) && ownerChainReaches(pod, uid, related.owners) === true;
  const pods = related.pods.filter(isNewPod);
  const started = pods.filter(podStarted).length;
  const wait = related.waitForOperatorPods === true;
  return {
    observed: uid !== undefined,
    isNewPod,
    desired: wait ? Math.max(1, pods.length) : pods.length,
    ready: started,
    complete: !wait || started > 0,
    ...(wait ? {} : { notWaitedFor: 'its operator decides when it is done, so it is not waited for; pods it starts during the deploy are watched (--wait-operator-pods waits for one to start)' }),
    ...(uid === undefined ? {} : { revision: uid }),
  };
}
