// The post-mortem from the cluster's records: summary with the actual event, impact, timeline,
// root cause vs trigger, resolution for this cluster's type, prevention, verification commands and
// what the records could not tell. Pure: the records, the diagnosis made of them and the clock in,
// the report out (the same input gives the same report).
import type { Pod } from 'kubernetes-types/core/v1.js';
import { getCause } from '../../causes/index.js';
import { VERSION } from '../../version.js';
import { indexPodEvents, type ClusterRecords } from '../diagnose-cluster.js';
import type { PodEvent } from '../pod-event.js';
import type { ContainerPullFailure, Diagnosis, DiagnosisEntry } from '../types.js';
import { backOffCapReachedAt, modelledAttempts } from './attempt-chart.js';
import { triggerOf } from './trigger.js';
import type { AttemptChart, ImpactRow, IncidentReport, ReportEvent, TimelineEntry } from './types.js';

export interface ReportOptions {
  /** Milliseconds since the epoch: "now" in the report (`--now`). */
  now: number;
  /** Where the manifests live, for the prevention line (`pullguard check PATH`). Default `k8s/`. */
  manifests?: string;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const ms = (time: string | undefined): number | undefined => (time === undefined ? undefined : Date.parse(time));

export function buildIncidentReport(diagnosis: Diagnosis, records: ClusterRecords, options: ReportOptions): IncidentReport {
  const now = options.now;
  const base = {
    schemaVersion: 1 as const,
    tool: { name: 'pullguard' as const, version: VERSION },
    generatedAt: iso(now),
    source: diagnosis.source,
    target: diagnosis.target,
    ...(diagnosis.namespace === undefined ? {} : { namespace: diagnosis.namespace }),
  };
  const primary = primaryEntry(diagnosis.entries);
  const where = diagnosis.namespace === undefined ? 'any namespace' : `namespace ${diagnosis.namespace}`;
  if (primary === undefined) {
    return {
      ...base,
      title: `No image-pull failure in ${where}`,
      clean: true,
      summary: { text: `No pod in ${where} is failing to pull an image as of ${iso(now)} (${diagnosis.source}).` },
      impact: { workloads: 0, pods: 0, unavailableReplicaSeconds: 0, rows: [] },
      timeline: [{ at: iso(now), kind: 'now', text: 'Report written; no pod is failing to pull.', from: '--now' }],
      rootCause: null,
      resolution: [],
      prevention: preventionLines(undefined, diagnosis.target, options.manifests),
      verification: [],
      dataGaps: [...diagnosis.gaps],
    };
  }
  const pods = new Map(records.pods.map((pod) => [`${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`, pod]));
  const eventsByPod = indexPodEvents(records.events);
  const failure = primaryFailure(primary);
  const pod = pods.get(`${failure.namespace}/${failure.pod}`);
  const podEvents = eventsByPod.get(`${failure.namespace}/${failure.pod}`) ?? [];
  const dataGaps: string[] = [...diagnosis.gaps];

  const rows = diagnosis.entries.map((entry) => impactRow(entry, now));
  const impact = {
    workloads: new Set(diagnosis.entries.map((e) => `${e.workload.namespace}/${e.workload.kind}/${e.workload.name}`)).size,
    pods: new Set(diagnosis.entries.flatMap((e) => e.pods.names.map((name) => `${e.workload.namespace}/${name}`))).size,
    unavailableReplicaSeconds: rows.reduce((sum, row) => sum + row.unavailableReplicaSeconds, 0),
    rows,
  };

  const trigger = triggerOf(primary.workload, pod, records);
  dataGaps.push(...trigger.gaps);
  const chart = attemptChart(failure, primary);
  if (chart !== undefined && chart.model !== 'recorded') {
    dataGaps.push(
      `The records keep the first attempt, the last and the count (${chart.attempts}); the times between on the chart are modelled ` +
        (chart.model === 'kubelet-back-off' ? "from kubelet's back-off (10 s doubling to 5 min)." : 'as even steps (kubelet retries on every pod sync, without back-off, for this cause).'),
    );
  }
  if (chart?.truncated === true) dataGaps.push(`The chart shows the first ${chart.points.length} of ${chart.attempts} attempts.`);
  if (primary.agedOut) {
    dataGaps.push('The cause has aged out of the events and the status shows only back-off: the runtime\'s words are not in the records, and no cause is guessed.');
  }
  const firstSeen = ms(failure.firstSeen);
  const created = ms(failure.podCreated);
  if (firstSeen !== undefined && created !== undefined && firstSeen - created > 10 * 60_000) {
    dataGaps.push(
      `The first recorded attempt (${failure.firstSeen}) is ${duration((firstSeen - created) / 1000)} after the pod was created: earlier events have expired (the API server keeps events for --event-ttl, 1 h by default).`,
    );
  }
  if (failure.attempts === undefined) dataGaps.push('No event records the attempts of the failing container: attempt counts and first/last seen are unknown.');

  const event = summaryEvent(podEvents, failure);
  const cause = getCause(primary.cause);
  const others = diagnosis.entries.filter((e) => e !== primary);
  const spanText = failure.firstSeen !== undefined && failure.lastSeen !== undefined ? ` over ${duration((Date.parse(failure.lastSeen) - Date.parse(failure.firstSeen)) / 1000)}` : '';
  const recovered = primary.recoveredAt !== undefined;
  const summaryText =
    `${primary.pods.failing} of ${primary.pods.total} pod${primary.pods.total === 1 ? '' : 's'} of ${primary.workload.kind} ${primary.workload.namespace}/${primary.workload.name} ` +
    `${recovered ? 'could not' : 'cannot'} start: kubelet ${recovered ? 'could not' : 'cannot'} get image ${primary.image} (${primary.waitingReasons.join(', ')}). Cause: ${primary.cause} (${lowerFirst(cause.summary).replace(/\.$/, '')}).` +
    (primary.attempts === undefined ? '' : ` ${primary.attempts} attempt${primary.attempts === 1 ? '' : 's'}${spanText}`) +
    (recovered ? `; recovered at ${primary.recoveredAt}.` : primary.attempts === undefined ? '' : `, still failing at ${iso(now)}.`) +
    (others.length === 0 ? '' : ` ${others.length} other workload/image/cause group${others.length === 1 ? '' : 's'} also fail${others.length === 1 ? 's' : ''} (see Impact).`);

  const title = `${primary.waitingReasons.join('/')}: ${primary.workload.kind} ${primary.workload.namespace}/${primary.workload.name} ${recovered ? 'could not pull' : 'cannot pull'} ${primary.image}${recovered ? ' (recovered)' : ''}`;
  return {
    ...base,
    title,
    clean: false,
    summary: { text: summaryText, ...(event === undefined ? {} : { event }) },
    impact,
    timeline: timeline(primary, failure, podEvents, trigger, chart, now),
    ...(chart === undefined ? {} : { chart }),
    rootCause: {
      cause: primary.cause,
      summary: cause.summary,
      transient: primary.transient,
      ...(primary.message === undefined ? {} : { message: primary.message }),
      ...(primary.evidence === undefined ? {} : { evidence: primary.evidence }),
      agedOut: primary.agedOut,
      trigger: trigger.text,
    },
    resolution: resolutionSteps(primary),
    prevention: preventionLines(primary, diagnosis.target, options.manifests),
    verification: verificationCommands(primary),
    dataGaps,
  };
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** The group that hurts most: failing now before recovered, then most failing pods, then most attempts, then the diagnosis order. */
function primaryEntry(all: readonly DiagnosisEntry[]): DiagnosisEntry | undefined {
  const current = all.filter((entry) => entry.recoveredAt === undefined);
  const entries = current.length > 0 ? current : all;
  let best: DiagnosisEntry | undefined;
  for (const entry of entries) {
    if (best === undefined || entry.pods.failing > best.pods.failing || (entry.pods.failing === best.pods.failing && (entry.attempts ?? 0) > (best.attempts ?? 0))) best = entry;
  }
  return best;
}

/** The failing container that has failed longest (the earliest first seen), then by name. */
function primaryFailure(entry: DiagnosisEntry): ContainerPullFailure {
  const sorted = [...entry.failures].sort(
    (a, b) => (a.firstSeen ?? a.podCreated ?? '\uffff').localeCompare(b.firstSeen ?? b.podCreated ?? '\uffff') || a.pod.localeCompare(b.pod),
  );
  return sorted[0] as ContainerPullFailure;
}

function impactRow(entry: DiagnosisEntry, now: number): ImpactRow {
  let seconds = 0;
  let since: number | undefined;
  const counted = new Set<string>();
  for (const failure of entry.failures) {
    if (counted.has(failure.pod)) continue;
    counted.add(failure.pod);
    const start = ms(failure.podCreated) ?? ms(failure.firstSeen);
    if (start === undefined) continue;
    since = since === undefined ? start : Math.min(since, start);
    const end = ms(failure.recoveredAt) ?? now;
    seconds += Math.max(0, Math.round((end - start) / 1000));
  }
  return {
    workload: { kind: entry.workload.kind, name: entry.workload.name, namespace: entry.workload.namespace },
    image: entry.image,
    cause: entry.cause,
    failingPods: entry.pods.failing,
    totalPods: entry.pods.total,
    ...(since === undefined ? {} : { unavailableSince: iso(since) }),
    unavailableReplicaSeconds: seconds,
  };
}

/** The event the post-mortem quotes: the one that names the cause, else the most repeated about the container. */
function summaryEvent(events: readonly PodEvent[], failure: ContainerPullFailure): ReportEvent | undefined {
  const about = events.filter((e) => e.type === 'Warning' && (e.fieldPath === undefined || e.fieldPath.endsWith(`{${failure.container}}`)));
  const carrying = about.filter((e) => e.reason === 'ErrImageNeverPull' || e.reason === 'InspectFailed' || e.message.startsWith('Failed to pull image') || e.reason === 'FailedCreatePodSandBox');
  const pick = (list: readonly PodEvent[]) => [...list].sort((a, b) => b.count - a.count || (b.lastMs ?? 0) - (a.lastMs ?? 0))[0];
  const chosen = pick(carrying) ?? pick(about);
  if (chosen === undefined) return undefined;
  return {
    type: chosen.type,
    reason: chosen.reason,
    message: chosen.message,
    count: chosen.count,
    object: { kind: 'Pod', name: chosen.podName, namespace: chosen.namespace },
    ...(chosen.firstMs === undefined ? {} : { firstSeen: iso(chosen.firstMs) }),
    ...(chosen.lastMs === undefined ? {} : { lastSeen: iso(chosen.lastMs) }),
  };
}

/** kubelet backs off between pulls; a never-pull or invalid name fails on every sync instead. */
function backsOff(entry: DiagnosisEntry): boolean {
  return !(entry.cause === 'never-pull-missing' || entry.cause === 'invalid-reference') || (entry.backOffs ?? 0) > 0;
}

function attemptChart(failure: ContainerPullFailure, entry: DiagnosisEntry): AttemptChart | undefined {
  if (failure.attempts === undefined || failure.firstSeen === undefined || failure.lastSeen === undefined) return undefined;
  const span = Math.max(0, (Date.parse(failure.lastSeen) - Date.parse(failure.firstSeen)) / 1000);
  const backOff = backsOff(entry);
  const { points, truncated } = modelledAttempts(failure.attempts, span, backOff);
  return {
    pod: failure.pod,
    container: failure.container,
    start: failure.firstSeen,
    end: failure.lastSeen,
    points,
    model: failure.attempts <= 2 ? 'recorded' : backOff ? 'kubelet-back-off' : 'even',
    attempts: failure.attempts,
    truncated,
  };
}

function timeline(
  entry: DiagnosisEntry,
  failure: ContainerPullFailure,
  events: readonly PodEvent[],
  trigger: ReturnType<typeof triggerOf>,
  chart: AttemptChart | undefined,
  now: number,
): TimelineEntry[] {
  const items: TimelineEntry[] = [];
  items.push({ ...(trigger.at === undefined ? {} : { at: trigger.at }), kind: 'change', text: trigger.text, from: trigger.from });
  if (failure.podCreated !== undefined) items.push({ at: failure.podCreated, kind: 'pod-created', text: `Pod ${failure.pod} created.`, from: 'Pod creationTimestamp' });
  const scheduledEvent = events.find((e) => e.reason === 'Scheduled');
  const scheduledAt = failure.podScheduled ?? (scheduledEvent?.firstMs === undefined ? undefined : iso(scheduledEvent.firstMs));
  if (scheduledAt !== undefined || failure.node !== undefined) {
    items.push({
      ...(scheduledAt === undefined ? {} : { at: scheduledAt }),
      kind: 'pod-scheduled',
      text: `Scheduled to node ${failure.node ?? 'unknown'}.`,
      from: failure.podScheduled !== undefined ? 'PodScheduled condition' : 'event Scheduled',
    });
  }
  const container = failure.containerKind === 'sandbox' ? 'the pod sandbox' : `container ${failure.container}`;
  const pulling = events.filter((e) => e.reason === 'Pulling' && (e.fieldPath === undefined || e.fieldPath.endsWith(`{${failure.container}}`)));
  const firstPull = minTime(pulling);
  if (firstPull !== undefined) items.push({ at: iso(firstPull), kind: 'first-attempt', text: `First pull of ${entry.image} for ${container}.`, from: 'event Pulling' });
  else if (entry.cause === 'never-pull-missing') {
    items.push({
      ...(failure.firstSeen === undefined ? {} : { at: failure.firstSeen }),
      kind: 'first-attempt',
      text: `kubelet looked for ${entry.image} on the node for ${container}; with imagePullPolicy Never it does not pull.`,
      from: 'first recorded failure',
    });
  }
  if (failure.firstSeen !== undefined) {
    items.push({
      at: failure.firstSeen,
      kind: 'first-failure',
      text: `First recorded failure: ${failure.waitingReason}${failure.message === undefined ? '' : ` — ${failure.message}`}`,
      from: 'earliest firstTimestamp of the pull events',
    });
  }
  const reported = failure.backOffs === undefined ? '' : `; kubelet reported back-off ${failure.backOffs} times`;
  if (chart !== undefined && chart.model === 'kubelet-back-off') {
    const capAt = backOffCapReachedAt(chart.points);
    items.push({
      at: capAt === undefined ? chart.end : iso(Date.parse(chart.start) + capAt * 1000),
      kind: 'back-off',
      text:
        capAt === undefined
          ? `Back-off between pulls doubling from 10 s; not yet at kubelet's 5-minute cap by the last attempt${reported}.`
          : `Back-off between pulls reached kubelet's 5-minute cap${reported}.`,
      from: 'modelled from the attempt count',
    });
  } else if (failure.backOffs !== undefined) {
    items.push({ ...(failure.lastSeen === undefined ? {} : { at: failure.lastSeen }), kind: 'back-off', text: `kubelet reported back-off ${failure.backOffs} times.`, from: 'BackOff event count' });
  }
  if (failure.attempts !== undefined && failure.lastSeen !== undefined) {
    items.push({ at: failure.lastSeen, kind: 'attempts', text: `Attempt ${failure.attempts}, the last recorded, failed the same way.`, from: 'latest lastTimestamp of the pull events' });
  }
  const pulled = events.find((e) => e.reason === 'Pulled' && (e.lastMs ?? 0) > (ms(failure.lastSeen) ?? Number.MAX_SAFE_INTEGER));
  if (pulled?.lastMs !== undefined) items.push({ at: iso(pulled.lastMs), kind: 'recovery', text: `Image pulled: ${pulled.message}`, from: 'event Pulled' });
  if (failure.recoveredAt !== undefined) {
    items.push({ at: failure.recoveredAt, kind: 'recovery', text: `${container === 'the pod sandbox' ? 'The pod' : `Container ${failure.container}`} started.`, from: 'container state startedAt' });
    items.push({ at: iso(now), kind: 'now', text: 'Report written: the pods of this incident run.', from: '--now' });
  } else {
    items.push({ at: iso(now), kind: 'now', text: `Report written: ${entry.pods.failing} pod${entry.pods.failing === 1 ? '' : 's'} still cannot pull.`, from: '--now' });
    if (pulled === undefined) items.push({ kind: 'recovery', text: 'Not recovered as of the report.', from: 'pod status' });
  }
  // Stable: dated entries in time order (ties keep the order above), undated ones where they were.
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      if (a.item.at === undefined || b.item.at === undefined) return a.index - b.index;
      return a.item.at.localeCompare(b.item.at) || a.index - b.index;
    })
    .map(({ item }) => item);
}

function minTime(events: readonly PodEvent[]): number | undefined {
  let min: number | undefined;
  for (const e of events) if (e.firstMs !== undefined) min = min === undefined ? e.firstMs : Math.min(min, e.firstMs);
  return min;
}

function workloadRef(entry: DiagnosisEntry): string {
  return `${entry.workload.kind.toLowerCase()}/${entry.workload.name}`;
}

function resolutionSteps(entry: DiagnosisEntry): string[] {
  const ns = entry.workload.namespace;
  const steps = [entry.fix];
  const rolls = ['Deployment', 'StatefulSet', 'DaemonSet'].includes(entry.workload.kind);
  if (rolls) {
    steps.push(`Apply the corrected manifest, then wait for the rollout: \`kubectl rollout status ${workloadRef(entry)} -n ${ns} --timeout=5m\`.`);
  } else {
    steps.push(`Apply the corrected manifest; a bare pod or Job pod does not change in place: delete it (\`kubectl delete pod ${entry.pods.names[0] ?? 'POD'} -n ${ns}\`) so that it is created again.`);
  }
  if (entry.transient) steps.push('The cause is transient: once the registry or network is healthy again, kubelet pulls on its next attempt (within 5 minutes); deleting the pod resets the back-off.');
  return steps;
}

function preventionLines(entry: DiagnosisEntry | undefined, target: string, manifests = 'k8s/'): string[] {
  const lines = [`In CI, before deploying: \`pullguard check ${manifests} --target ${target}\` (exit code 1 stops the pipeline when a node could not pull an image).`];
  if (entry === undefined) return lines;
  if (entry.cause === 'never-pull-missing') {
    lines.push(
      `Keep imagePullPolicy: Never to manifests for clusters whose nodes see locally built images (kind, minikube, docker-desktop after loading the image); manifests for ${target} reference the image in a registry its nodes can pull from, with imagePullPolicy: IfNotPresent.`,
    );
  }
  lines.push(`What the cause means and how to avoid it: \`pullguard explain ${entry.cause}\`.`);
  return lines;
}

function verificationCommands(entry: DiagnosisEntry): string[] {
  const ns = entry.workload.namespace;
  const commands = [`pullguard diagnose -n ${ns}`, `kubectl get pods -n ${ns} -o wide`];
  if (['Deployment', 'StatefulSet', 'DaemonSet'].includes(entry.workload.kind)) commands.push(`kubectl rollout status ${workloadRef(entry)} -n ${ns}`);
  commands.push(`kubectl get events -n ${ns} --field-selector type=Warning --sort-by=.lastTimestamp`);
  return commands;
}

/** `59 min 44 s`, `2 h 5 min`, `12 s`. */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return m === 0 ? `${h} h` : `${h} h ${m} min`;
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}
