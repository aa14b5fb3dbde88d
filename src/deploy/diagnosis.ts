// The diagnosis of a stopped deploy: one entry per (workload, image, cause), with the pods, nodes
// and containers it covers, the runtime's words verbatim and where they were read. Pure.
import { describeRef, type ObjectRef } from '../facts/cluster-writer.js';
import type { DiagnosisEntry, PodFailure } from './deploy-record.js';
import type { TrackedFailure } from './fail-fast-policy.js';
import { SANDBOX_CONTAINER } from './pull-failures.js';

export interface WorkloadFailures {
  workload: ObjectRef;
  desired: number;
  failures: readonly TrackedFailure[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function podFailureRecord(failure: TrackedFailure): PodFailure {
  const evidence = failure.evidence;
  return {
    pod: evidence.pod,
    namespace: evidence.namespace,
    ...(evidence.node === undefined ? {} : { node: evidence.node }),
    container: evidence.container,
    initContainer: evidence.init,
    image: evidence.image,
    reason: failure.reasonNow,
    cause: failure.classification.cause,
    transient: failure.classification.transient,
    attempts: failure.attempts,
    firstObservedAt: iso(failure.firstSeenAt),
    observations: failure.observations.map((o) => ({ at: iso(o.at), reason: o.reason, message: o.message, source: o.source, where: o.where })),
  };
}

export function diagnose(workloads: readonly WorkloadFailures[]): DiagnosisEntry[] {
  const entries: DiagnosisEntry[] = [];
  for (const { workload, desired, failures } of workloads) {
    const groups = new Map<string, TrackedFailure[]>();
    for (const failure of failures) {
      const id = `${failure.evidence.image}\u0000${failure.classification.cause}`;
      groups.set(id, [...(groups.get(id) ?? []), failure]);
    }
    for (const group of groups.values()) {
      const first = group[0] as TrackedFailure;
      const unique = (values: (string | undefined)[]): string[] => [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))].sort();
      entries.push({
        workload,
        image: first.evidence.image,
        cause: first.classification.cause,
        summary: first.classification.summary,
        transient: first.classification.transient,
        failingPods: unique(group.map((f) => f.evidence.pod)).length,
        desiredPods: desired,
        pods: unique(group.map((f) => f.evidence.pod)),
        nodes: unique(group.map((f) => f.evidence.node)),
        containers: unique(group.map((f) => (f.evidence.init ? `${f.evidence.container} (init)` : f.evidence.container))),
        message: first.evidence.message,
        source: first.evidence.source,
        where: first.evidence.where,
        reason: first.evidence.reason,
        fix: first.classification.fix,
      });
    }
  }
  return entries;
}

/** The block printed for one entry. */
export function diagnosisText(entry: DiagnosisEntry): string {
  const container = entry.containers.join(', ');
  const lines = [
    `✗ ${describeRef(entry.workload)}: ${entry.image === '' ? 'an image' : entry.image} cannot be pulled: ${entry.cause}${entry.transient ? ' (transient, retries used up)' : ''}`,
    `  pods       ${entry.failingPods}/${entry.desiredPods} of the new revision (${entry.pods.join(', ')})`,
    `  node       ${entry.nodes.length === 0 ? 'not scheduled' : entry.nodes.join(', ')}`,
    `  container  ${container === SANDBOX_CONTAINER ? 'the pod sandbox (pause image)' : container}`,
    `  image      ${entry.image}`,
    `  cause      ${entry.cause}: ${entry.summary}`,
    `  runtime    ${entry.message}`,
    `  from       ${entry.source === 'event' ? 'event ' : ''}${entry.where} (${entry.reason})`,
    `  fix        ${entry.fix}`,
  ];
  return `${lines.join('\n')}\n`;
}
