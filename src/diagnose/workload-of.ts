// Which workload a pod belongs to, through controller owner references: Pod → ReplicaSet →
// Deployment, Pod → Job → CronJob, Pod → StatefulSet / DaemonSet / ReplicationController / any
// other controller. Without the ReplicaSets (or Jobs) the last step is inferred from the naming
// conventions the controllers use (`<deployment>-<pod-template-hash>`, `<cronjob>-<minutes>`),
// and the workload says that it was.
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1.js';

export interface OwnerLink {
  kind: string;
  name: string;
}

export interface Workload {
  kind: string;
  name: string;
  namespace: string;
  /** From the pod up to the workload: `[Pod x, ReplicaSet y, Deployment z]`. */
  chain: OwnerLink[];
  /** Why a link was guessed rather than read, when one was. */
  inferred?: string;
}

export interface OwnerIndex {
  /** `namespace/name` → object; undefined when the list was not read. */
  replicaSets?: ReadonlyMap<string, ReplicaSet>;
  jobs?: ReadonlyMap<string, Job>;
}

export function ownerIndex(replicaSets: readonly ReplicaSet[] | undefined, jobs: readonly Job[] | undefined): OwnerIndex {
  const byKey = <T extends { metadata?: ObjectMeta }>(items: readonly T[]): Map<string, T> =>
    new Map(items.map((item) => [`${item.metadata?.namespace ?? ''}/${item.metadata?.name ?? ''}`, item]));
  return {
    ...(replicaSets === undefined ? {} : { replicaSets: byKey(replicaSets) }),
    ...(jobs === undefined ? {} : { jobs: byKey(jobs) }),
  };
}

function controllerOf(metadata: ObjectMeta | undefined): OwnerReference | undefined {
  const owners = metadata?.ownerReferences ?? [];
  return owners.find((owner) => owner.controller === true) ?? owners[0];
}

export function workloadOf(pod: Pod, owners: OwnerIndex): Workload {
  const namespace = pod.metadata?.namespace ?? '';
  const podName = pod.metadata?.name ?? '';
  const chain: OwnerLink[] = [{ kind: 'Pod', name: podName }];
  let inferred: string | undefined;
  let current = controllerOf(pod.metadata);
  let metadataOfCurrent: ObjectMeta | undefined;
  // Owner chains are short (at most three links in the built-in controllers); the bound stops a cycle.
  for (let depth = 0; current !== undefined && depth < 8; depth += 1) {
    chain.push({ kind: current.kind, name: current.name });
    const key = `${namespace}/${current.name}`;
    if (current.kind === 'ReplicaSet') {
      if (owners.replicaSets === undefined) {
        const deployment = deploymentByConvention(current.name, pod.metadata?.labels?.['pod-template-hash']);
        if (deployment !== undefined) {
          chain.push({ kind: 'Deployment', name: deployment });
          inferred = `Deployment ${deployment} inferred from the pod-template-hash label (ReplicaSets not read)`;
        }
        break;
      }
      metadataOfCurrent = owners.replicaSets.get(key)?.metadata;
    } else if (current.kind === 'Job') {
      if (owners.jobs === undefined) {
        const cronJob = cronJobByConvention(current.name);
        if (cronJob !== undefined) {
          chain.push({ kind: 'CronJob', name: cronJob });
          inferred = `CronJob ${cronJob} inferred from the Job's name (Jobs not read)`;
        }
        break;
      }
      metadataOfCurrent = owners.jobs.get(key)?.metadata;
    } else {
      break;
    }
    current = controllerOf(metadataOfCurrent);
  }
  const top = chain[chain.length - 1] as OwnerLink;
  return { kind: top.kind, name: top.name, namespace, chain, ...(inferred === undefined ? {} : { inferred }) };
}

/** The Deployment controller names ReplicaSets `<deployment>-<pod-template-hash>`. */
function deploymentByConvention(replicaSet: string, hash: string | undefined): string | undefined {
  if (hash === undefined || hash === '' || !replicaSet.endsWith(`-${hash}`)) return undefined;
  return replicaSet.slice(0, -(hash.length + 1));
}

/** The CronJob controller names Jobs `<cronjob>-<scheduled time in minutes since the epoch>`. */
function cronJobByConvention(job: string): string | undefined {
  const match = /^(.+)-(\d{8,})$/.exec(job);
  return match === null ? undefined : match[1];
}

export function workloadKey(workload: Pick<Workload, 'namespace' | 'kind' | 'name'>): string {
  return `${workload.namespace}/${workload.kind}/${workload.name}`;
}
