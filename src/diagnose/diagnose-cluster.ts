// diagnose/: pods and events → why images cannot be pulled, grouped by workload, image and cause;
// the incident report's model (report/). Reads the cluster only through a ClusterReader; pure.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { RemediationTarget } from '../causes/index.js';
import { isKnownClusterFact, type ClusterFact, type ClusterReader, type ListScope } from '../facts/cluster-reader.js';
import type { ClusterEvent } from '../facts/cluster-snapshot.js';
import { groupFailures, type FailureWithWorkload } from './group-failures.js';
import { podEventOf, type PodEvent } from './pod-event.js';
import { podPullFailures } from './pod-pull-failures.js';
import type { Diagnosis } from './types.js';
import { ownerIndex, workloadKey, workloadOf, type OwnerIndex } from './workload-of.js';

export interface DiagnoseOptions {
  /** One namespace, or undefined for all (`-A`). */
  namespace?: string;
  target: RemediationTarget;
  /** Also containers that failed to pull and run now (the report's recovery). */
  includeRecovered?: boolean;
}

/** What diagnose read, kept for the report (which needs the same objects again). */
export interface ClusterRecords {
  pods: Pod[];
  events: ClusterEvent[];
  replicaSets?: ReplicaSet[];
  jobs?: Job[];
  /** Read only for the report (the field manager of a template change); diagnose does not need them. */
  deployments?: Deployment[];
  gaps: string[];
}

export async function readClusterRecords(reader: ClusterReader, namespace: string | undefined, withDeployments = false): Promise<ClusterRecords> {
  const scope: ListScope = namespace === undefined ? {} : { namespace };
  const optional = <T>(read: ((scope?: ListScope) => Promise<ClusterFact<T>>) | undefined): Promise<ClusterFact<T>> =>
    read === undefined ? Promise.resolve({ unknown: 'not read by this version of the cluster reader' }) : read(scope);
  const [pods, events, replicaSets, jobs, deployments] = await Promise.all([
    reader.pods(scope),
    reader.events(scope),
    optional(reader.replicaSets?.bind(reader)),
    optional(reader.jobs?.bind(reader)),
    withDeployments ? optional(reader.deployments?.bind(reader)) : Promise.resolve(undefined),
  ]);
  const gaps: string[] = [];
  if (!isKnownClusterFact(pods)) gaps.push(`pods: ${pods.unknown}`);
  if (!isKnownClusterFact(events)) gaps.push(`events: ${events.unknown} (causes come from container status only; no attempt counts or first/last seen)`);
  if (!isKnownClusterFact(replicaSets)) gaps.push(`replicaSets: ${replicaSets.unknown} (Deployments inferred from the pod-template-hash label)`);
  if (!isKnownClusterFact(jobs)) gaps.push(`jobs: ${jobs.unknown} (CronJobs inferred from Job names)`);
  if (deployments !== undefined && !isKnownClusterFact(deployments)) {
    gaps.push(`deployments: ${deployments.unknown} (who last changed a pod template is not known)`);
  }
  return {
    pods: isKnownClusterFact(pods) ? pods.value : [],
    events: isKnownClusterFact(events) ? events.value : [],
    ...(isKnownClusterFact(replicaSets) ? { replicaSets: replicaSets.value } : {}),
    ...(isKnownClusterFact(jobs) ? { jobs: jobs.value } : {}),
    ...(deployments !== undefined && isKnownClusterFact(deployments) ? { deployments: deployments.value } : {}),
    gaps,
  };
}

export async function diagnoseCluster(reader: ClusterReader, options: DiagnoseOptions): Promise<Diagnosis> {
  const records = await readClusterRecords(reader, options.namespace);
  return diagnoseRecords(records, { ...options, source: reader.source });
}

/** Events of pods, by `namespace/name`. */
export function indexPodEvents(events: readonly ClusterEvent[]): Map<string, PodEvent[]> {
  const byPod = new Map<string, PodEvent[]>();
  for (const event of events) {
    const podEvent = podEventOf(event);
    if (podEvent === undefined) continue;
    const key = `${podEvent.namespace}/${podEvent.podName}`;
    const list = byPod.get(key);
    if (list === undefined) byPod.set(key, [podEvent]);
    else list.push(podEvent);
  }
  return byPod;
}

export function diagnoseRecords(records: ClusterRecords, options: DiagnoseOptions & { source: string }): Diagnosis {
  const owners: OwnerIndex = ownerIndex(records.replicaSets, records.jobs);
  const eventsByPod = indexPodEvents(records.events);
  const podsPerWorkload = new Map<string, number>();
  const failures: FailureWithWorkload[] = [];
  const failingPods = new Set<string>();
  for (const pod of records.pods) {
    const workload = workloadOf(pod, owners);
    const key = workloadKey(workload);
    podsPerWorkload.set(key, (podsPerWorkload.get(key) ?? 0) + 1);
    const podKey = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
    for (const failure of podPullFailures(pod, eventsByPod.get(podKey) ?? [], { recovered: options.includeRecovered === true })) {
      failures.push({ failure, workload });
      if (failure.recoveredAt === undefined) failingPods.add(podKey);
    }
  }
  return {
    source: options.source,
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    target: options.target.id,
    entries: groupFailures(failures, podsPerWorkload, options.target),
    failingPods: failingPods.size,
    gaps: records.gaps,
  };
}
