// Failures grouped the way a person fixes them: one workload, one image, one cause. Counts and
// times add up over the group's pods; the words shown are the newest the records hold.
import { getCause, type CauseId, type RemediationTarget } from '../causes/index.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import { fixFor } from './fix-for.js';
import type { ContainerPullFailure, DiagnosisEntry } from './types.js';
import { workloadKey, type Workload } from './workload-of.js';

export interface FailureWithWorkload {
  failure: ContainerPullFailure;
  workload: Workload;
}

export function groupFailures(
  failures: readonly FailureWithWorkload[],
  podsPerWorkload: ReadonlyMap<string, number>,
  target: RemediationTarget,
): DiagnosisEntry[] {
  const groups = new Map<string, FailureWithWorkload[]>();
  for (const item of failures) {
    const recovered = item.failure.recoveredAt === undefined ? 'now' : 'recovered';
    const key = `${workloadKey(item.workload)}\u0000${item.failure.image}\u0000${item.failure.cause}\u0000${recovered}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  const entries = [...groups.values()].map((group) => entryOf(group, podsPerWorkload, target));
  return entries.sort(compareEntries);
}

function compareEntries(a: DiagnosisEntry, b: DiagnosisEntry): number {
  return (
    compare(a.workload.namespace, b.workload.namespace) ||
    compare(a.workload.kind, b.workload.kind) ||
    compare(a.workload.name, b.workload.name) ||
    compare(a.image, b.image) ||
    compare(a.cause, b.cause) ||
    compare(a.recoveredAt ?? '', b.recoveredAt ?? '')
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort(compare);

function entryOf(group: readonly FailureWithWorkload[], podsPerWorkload: ReadonlyMap<string, number>, target: RemediationTarget): DiagnosisEntry {
  const failures = group.map((item) => item.failure).sort((a, b) => compare(a.pod, b.pod) || compare(a.container, b.container));
  const first = group[0] as FailureWithWorkload;
  const workload = first.workload;
  const cause = first.failure.cause as CauseId;
  const image = first.failure.image;
  const podNames = sortedUnique(failures.map((f) => f.pod));
  // The words shown: the newest the records hold, a status before an event at the same time.
  const speaking = failures
    .filter((f) => f.message !== undefined)
    .sort((a, b) => compare(b.lastSeen ?? '', a.lastSeen ?? '') || statusFirst(a) - statusFirst(b) || compare(a.pod, b.pod))[0];
  const sum = (pick: (f: ContainerPullFailure) => number | undefined): number | undefined => {
    const values = failures.map(pick).filter((v): v is number => v !== undefined);
    return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0);
  };
  const attempts = sum((f) => f.attempts);
  const backOffs = sum((f) => f.backOffs);
  const firstSeen = failures.map((f) => f.firstSeen).filter((t): t is string => t !== undefined).sort(compare)[0];
  const lastSeen = failures.map((f) => f.lastSeen).filter((t): t is string => t !== undefined).sort(compare).at(-1);
  const missingSecrets = sortedUnique(failures.flatMap((f) => f.missingSecrets ?? []));
  const recoveredAt = failures.every((f) => f.recoveredAt !== undefined) ? failures.map((f) => f.recoveredAt as string).sort(compare).at(-1) : undefined;
  const parsed = parseImageReference(image);
  const registry = parsed.ok ? parsed.reference.domain : '';
  const catalogue = getCause(cause);
  return {
    workload,
    image,
    cause,
    summary: catalogue.summary,
    transient: catalogue.recurrence === 'transient',
    fix: fixFor(cause, {
      image,
      registry,
      target,
      sendsCredentials: failures.some((f) => f.pullSecrets.length > 0),
      namespace: workload.namespace,
      missingSecrets,
      agedOut: failures.every((f) => f.agedOut),
    }),
    pods: { failing: podNames.length, total: Math.max(podNames.length, podsPerWorkload.get(workloadKey(workload)) ?? 0), names: podNames },
    nodes: sortedUnique(failures.map((f) => f.node).filter((n): n is string => n !== undefined)),
    containers: uniqueContainers(failures),
    waitingReasons: sortedUnique(failures.map((f) => f.waitingReason)),
    ...(attempts === undefined ? {} : { attempts }),
    ...(backOffs === undefined ? {} : { backOffs }),
    ...(firstSeen === undefined ? {} : { firstSeen }),
    ...(lastSeen === undefined ? {} : { lastSeen }),
    ...(speaking?.message === undefined ? {} : { message: speaking.message }),
    ...(speaking?.evidence === undefined ? {} : { evidence: speaking.evidence }),
    agedOut: failures.every((f) => f.agedOut),
    ...(missingSecrets.length === 0 ? {} : { missingSecrets }),
    ...(recoveredAt === undefined ? {} : { recoveredAt }),
    failures,
  };
}

function statusFirst(failure: ContainerPullFailure): number {
  return failure.evidence?.kind === 'container-status' ? 0 : 1;
}

function uniqueContainers(failures: readonly ContainerPullFailure[]): DiagnosisEntry['containers'] {
  const seen = new Map<string, DiagnosisEntry['containers'][number]>();
  for (const f of failures) seen.set(`${f.containerKind}/${f.container}`, { name: f.container, kind: f.containerKind });
  return [...seen.values()].sort((a, b) => compare(a.kind, b.kind) || compare(a.name, b.name));
}
