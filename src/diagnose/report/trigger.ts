// The change that set the incident off, as the records show it: the ReplicaSet (or Job) the
// failing pods came from, and, from the owner's managedFields, which field manager last wrote
// its pod template and when. managedFields name a tool (`kubectl-client-side-apply`, `helm`,
// `argocd-controller`), not a person; the report says so.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { ManagedFieldsEntry } from 'kubernetes-types/meta/v1.js';
import type { Workload } from '../workload-of.js';

export interface TriggerFacts {
  at?: string;
  text: string;
  from: string;
  gaps: string[];
}

export interface TriggerRecords {
  replicaSets?: readonly ReplicaSet[];
  jobs?: readonly Job[];
  deployments?: readonly Deployment[];
}

/** The newest managedFields entry that wrote the pod template (`f:spec` → `f:template`), the status subresource aside. */
export function templateWriter(entries: readonly ManagedFieldsEntry[] | undefined, path: readonly string[] = ['f:spec', 'f:template']): ManagedFieldsEntry | undefined {
  let newest: ManagedFieldsEntry | undefined;
  for (const entry of entries ?? []) {
    if (entry.subresource !== undefined && entry.subresource !== '') continue;
    let fields = entry.fieldsV1 as Record<string, unknown> | undefined;
    for (const key of path) fields = (fields?.[key] as Record<string, unknown> | undefined) ?? undefined;
    if (fields === undefined) continue;
    if (newest === undefined || (entry.time ?? '') > (newest.time ?? '')) newest = entry;
  }
  return newest;
}

/** Not listed at all, or listed without it (deleted since, or another namespace read). */
function missing(list: readonly unknown[] | undefined): string {
  return list === undefined ? 'was not read' : 'is not among the objects read';
}

function writerText(entry: ManagedFieldsEntry | undefined): string {
  if (entry === undefined) return '';
  const how = entry.operation === 'Apply' ? 'server-side apply' : (entry.operation ?? 'a write');
  return `field manager \`${entry.manager ?? 'unknown'}\` (${how})`;
}

export function triggerOf(workload: Workload, pod: Pod | undefined, records: TriggerRecords): TriggerFacts {
  const gaps: string[] = [];
  const find = <T extends { metadata?: { name?: string; namespace?: string } }>(items: readonly T[] | undefined, name: string | undefined): T | undefined =>
    items?.find((item) => item.metadata?.name === name && item.metadata?.namespace === workload.namespace);
  const link = (kind: string) => workload.chain.find((l) => l.kind === kind)?.name;

  const replicaSetName = link('ReplicaSet');
  if (replicaSetName !== undefined) {
    const replicaSet = find(records.replicaSets, replicaSetName);
    const deploymentName = link('Deployment');
    const deployment = find(records.deployments, deploymentName);
    const revision = replicaSet?.metadata?.annotations?.['deployment.kubernetes.io/revision'];
    const writer = templateWriter(deployment?.metadata?.managedFields);
    let text = `ReplicaSet ${replicaSetName}${revision === undefined ? '' : ` (revision ${revision})`} was created` + (deploymentName === undefined ? '' : ` for Deployment ${deploymentName}`);
    if (writer !== undefined) text += `; its pod template was last written by ${writerText(writer)} at ${writer.time ?? 'an unrecorded time'}`;
    text += '.';
    if (replicaSet === undefined) gaps.push(`ReplicaSet ${replicaSetName} ${missing(records.replicaSets)}: its creation time and revision are unknown.`);
    if (deploymentName !== undefined && deployment === undefined) {
      gaps.push(`Deployment ${deploymentName} ${missing(records.deployments)}: which field manager changed its pod template is unknown.`);
    }
    else if (deployment !== undefined && writer === undefined) gaps.push(`Deployment ${deploymentName} has no managedFields entry for its pod template: who changed it is unknown.`);
    const at = replicaSet?.metadata?.creationTimestamp ?? writer?.time;
    return { ...(at === undefined ? {} : { at }), text, from: replicaSet !== undefined ? 'ReplicaSet creationTimestamp' : 'Deployment managedFields', gaps };
  }
  const jobName = link('Job');
  if (jobName !== undefined) {
    const job = find(records.jobs, jobName);
    const cronJob = link('CronJob');
    const text = `Job ${jobName} was created${cronJob === undefined ? '' : ` by CronJob ${cronJob}`}.`;
    if (job === undefined) gaps.push(`Job ${jobName} ${missing(records.jobs)}: its creation time is unknown.`);
    const at = job?.metadata?.creationTimestamp;
    return { ...(at === undefined ? {} : { at }), text, from: 'Job creationTimestamp', gaps };
  }
  if (workload.kind === 'Pod') {
    const writer = templateWriter(pod?.metadata?.managedFields, ['f:spec']);
    const text = `Pod ${workload.name} was created` + (writer === undefined ? '' : ` by ${writerText(writer)}`) + '.';
    const at = pod?.metadata?.creationTimestamp;
    return { ...(at === undefined ? {} : { at }), text, from: 'Pod creationTimestamp', gaps };
  }
  const revision = pod?.metadata?.labels?.['controller-revision-hash'];
  gaps.push(`${workload.kind} ${workload.name} was not read: the change that created its failing pods is not dated.`);
  return { text: `${workload.kind} ${workload.name} created its pods${revision === undefined ? '' : ` from revision ${revision}`}.`, from: 'pod labels', gaps };
}
