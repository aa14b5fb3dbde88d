// The containers of one pod that cannot pull, each with its cause: container status first (it is
// current, and since Kubernetes 1.32 the back-off message keeps the cause), events second (the
// `Failed to pull image` event is the only one that carries the runtime's words, and the first
// to expire), the waiting reason last. What none of them says is left unknown and marked aged out
// (../shared/docs/diagnosis.md §5 "What the tool does").
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1.js';
import { classifyMessage, type MessageClassification } from '../causes/classify-message.js';
import { getCause, type CauseId } from '../causes/index.js';
import { containerOfFieldPath, type ContainerKind, type PodEvent } from './pod-event.js';
import { CAUSE_OF_REASON, PULL_WAITING_REASONS } from './pull-reasons.js';
import type { ContainerPullFailure, Evidence } from './types.js';

const QUOTED_IMAGE = /image "([^"]*)"/;
const SANDBOX_IMAGE = /sandbox image "([^"]*)"/;

interface ContainerSite {
  kind: Exclude<ContainerKind, 'sandbox'>;
  name: string;
  image: string;
  status?: ContainerStatus;
}

function containerSites(pod: Pod): ContainerSite[] {
  const spec = pod.spec;
  const status = pod.status;
  const sites: ContainerSite[] = [];
  const add = (kind: ContainerSite['kind'], containers: readonly { name: string; image?: string }[] | undefined, statuses: readonly ContainerStatus[] | undefined) => {
    for (const container of containers ?? []) {
      const found = statuses?.find((s) => s.name === container.name);
      sites.push({ kind, name: container.name, image: container.image ?? found?.image ?? '', ...(found === undefined ? {} : { status: found }) });
    }
  };
  add('initContainer', spec?.initContainers, status?.initContainerStatuses);
  add('container', spec?.containers, status?.containerStatuses);
  add('ephemeralContainer', spec?.ephemeralContainers, status?.ephemeralContainerStatuses);
  return sites;
}

type EventRole = 'pulling' | 'failed-pull' | 'error' | 'back-off' | 'never-pull' | 'inspect' | 'pulled';

function roleOf(event: PodEvent): EventRole | undefined {
  const { reason, message } = event;
  if (reason === 'Pulling') return 'pulling';
  if (reason === 'Pulled') return 'pulled';
  if (reason === 'ErrImageNeverPull') return 'never-pull';
  if (reason === 'InspectFailed') return 'inspect';
  if (reason === 'BackOff') return message.startsWith('Back-off pulling image') ? 'back-off' : undefined;
  if (reason === 'Failed') {
    if (message.startsWith('Failed to pull image')) return 'failed-pull';
    if (message === 'Error: ImagePullBackOff') return 'back-off';
    const error = /^Error: (\w+)$/.exec(message)?.[1];
    if (error !== undefined && PULL_WAITING_REASONS.has(error)) return 'error';
  }
  return undefined;
}

const CARRIES_CAUSE: ReadonlySet<EventRole> = new Set(['failed-pull', 'never-pull', 'inspect']);
const ATTEMPT_ROLES: ReadonlySet<EventRole> = new Set(['pulling', 'failed-pull', 'error', 'never-pull', 'inspect']);

interface SiteEvents {
  event: PodEvent;
  role: EventRole;
}

/** The events of a pod that belong to one container: by fieldPath, else by the image they quote, else the only failing container. */
function eventsOfSite(site: ContainerSite, events: readonly SiteEvents[], onlyFailing: boolean): SiteEvents[] {
  return events.filter(({ event }) => {
    const container = containerOfFieldPath(event.fieldPath);
    if (container !== undefined) return container.name === site.name && container.kind === site.kind;
    const quoted = QUOTED_IMAGE.exec(event.message)?.[1];
    if (quoted !== undefined) return sameImage(quoted, site.image);
    return onlyFailing;
  });
}

/** kubelet quotes the image as the spec writes it; the runtime may have added `:latest` or `docker.io/`. */
function sameImage(quoted: string, image: string): boolean {
  if (quoted === image) return true;
  const bare = (ref: string) => ref.replace(/^docker\.io\/(library\/)?/, '').replace(/:latest$/, '');
  return bare(quoted) === bare(image);
}

/** RFC 3339 in UTC, milliseconds only when there are some (as the API server writes times). */
const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'));

function eventEvidence(event: PodEvent): Evidence {
  return {
    kind: 'event',
    type: event.type,
    reason: event.reason,
    count: event.count,
    ...(event.firstMs === undefined ? {} : { firstSeen: iso(event.firstMs) as string }),
    ...(event.lastMs === undefined ? {} : { lastSeen: iso(event.lastMs) as string }),
  };
}

interface Named {
  cause: CauseId;
  message?: string;
  evidence?: Evidence;
  classification?: MessageClassification;
}

/** Status first, events second, the reason last. */
function nameCause(waitingReason: string, waitingMessage: string | undefined, siteEvents: readonly SiteEvents[]): Named {
  if (waitingMessage !== undefined && waitingMessage !== '') {
    const classification = classifyMessage(waitingMessage);
    if (classification.cause !== 'unknown') {
      return { cause: classification.cause, message: waitingMessage, evidence: { kind: 'container-status', field: 'state.waiting.message' }, classification };
    }
  }
  const carriers = siteEvents
    .filter(({ role }) => CARRIES_CAUSE.has(role))
    .map(({ event }) => event)
    .sort((a, b) => (b.lastMs ?? 0) - (a.lastMs ?? 0));
  for (const event of carriers) {
    const classification = classifyMessage(event.message);
    if (classification.cause !== 'unknown') return { cause: classification.cause, message: event.message, evidence: eventEvidence(event), classification };
  }
  const byReason = CAUSE_OF_REASON[waitingReason];
  if (byReason !== undefined) {
    return {
      cause: byReason,
      ...(waitingMessage === undefined || waitingMessage === '' ? {} : { message: waitingMessage }),
      evidence: { kind: 'waiting-reason', reason: waitingReason },
    };
  }
  // Nothing names it. A message no pattern knows is still the runtime's word and is shown.
  if (waitingMessage !== undefined && waitingMessage !== '') {
    return { cause: 'unknown', message: waitingMessage, evidence: { kind: 'container-status', field: 'state.waiting.message' } };
  }
  const newest = carriers[0];
  if (newest !== undefined) return { cause: 'unknown', message: newest.message, evidence: eventEvidence(newest) };
  return { cause: 'unknown' };
}

/** A message that says only "back-off" (or nothing), so its cause was in an event that is gone. */
function isCauseless(message: string | undefined): boolean {
  return message === undefined || message === '' || /^Back-off pulling image "[^"]*"$/.test(message);
}

function tally(siteEvents: readonly SiteEvents[]): Pick<ContainerPullFailure, 'attempts' | 'backOffs' | 'firstSeen' | 'lastSeen'> {
  let attempts = 0;
  let backOffs = 0;
  let first: number | undefined;
  let last: number | undefined;
  for (const { event, role } of siteEvents) {
    if (role === 'pulled') continue;
    if (ATTEMPT_ROLES.has(role)) attempts = Math.max(attempts, event.count);
    if (role === 'back-off') backOffs = Math.max(backOffs, event.count);
    if (event.firstMs !== undefined) first = first === undefined ? event.firstMs : Math.min(first, event.firstMs);
    if (event.lastMs !== undefined) last = last === undefined ? event.lastMs : Math.max(last, event.lastMs);
  }
  return {
    ...(attempts === 0 ? {} : { attempts }),
    ...(backOffs === 0 ? {} : { backOffs }),
    ...(first === undefined ? {} : { firstSeen: iso(first) as string }),
    ...(last === undefined ? {} : { lastSeen: iso(last) as string }),
  };
}

/** `Unable to retrieve some image pull secrets (regcred, other); attempting …` → the names. */
function missingSecretsOf(events: readonly PodEvent[]): string[] | undefined {
  const event = events.find((e) => e.reason === 'FailedToRetrieveImagePullSecret');
  if (event === undefined) return undefined;
  const listed = /\(([^)]*)\)/.exec(event.message)?.[1];
  return listed === undefined ? [] : listed.split(',').map((name) => name.trim()).filter((name) => name !== '');
}

export interface PodPullFailureOptions {
  /**
   * Also the containers that run now but whose events show they failed to pull before (for the
   * report's recovery); `diagnose` asks only about what fails now.
   */
  recovered?: boolean;
}

export function podPullFailures(pod: Pod, podEvents: readonly PodEvent[], options: PodPullFailureOptions = {}): ContainerPullFailure[] {
  const namespace = pod.metadata?.namespace ?? '';
  const podName = pod.metadata?.name ?? '';
  const uid = pod.metadata?.uid;
  // An event of an earlier pod of the same name (a bare pod deleted and created again) is not this pod's.
  const events = uid === undefined ? podEvents : podEvents.filter((e) => e.podUid === undefined || e.podUid === uid);
  const withRoles: SiteEvents[] = [];
  for (const event of events) {
    const role = roleOf(event);
    if (role !== undefined) withRoles.push({ event, role });
  }
  const sites = containerSites(pod);
  const failing = sites.filter((site) => PULL_WAITING_REASONS.has(site.status?.state?.waiting?.reason ?? ''));
  const pullSecrets = (pod.spec?.imagePullSecrets ?? []).map((ref) => ref.name ?? '').filter((name) => name !== '');
  const missingSecrets = missingSecretsOf(events);
  const common = {
    namespace,
    pod: podName,
    ...(uid === undefined ? {} : { podUid: uid }),
    ...(pod.spec?.nodeName === undefined ? {} : { node: pod.spec.nodeName }),
    pullSecrets,
    ...(pod.metadata?.creationTimestamp === undefined ? {} : { podCreated: pod.metadata.creationTimestamp }),
    ...scheduledAt(pod),
  };
  const failures: ContainerPullFailure[] = failing.map((site) => {
    const waiting = site.status?.state?.waiting ?? {};
    const reason = waiting.reason as string;
    const siteEvents = eventsOfSite(site, withRoles, failing.length === 1);
    const named = nameCause(reason, waiting.message, siteEvents);
    const cause = withSecretEvent(named.cause, missingSecrets);
    const agedOut = named.cause === 'unknown' && isCauseless(named.message);
    return {
      ...common,
      container: site.name,
      containerKind: site.kind,
      image: site.image,
      waitingReason: reason,
      cause,
      transient: getCause(cause).recurrence === 'transient',
      ...(named.message === undefined ? {} : { message: named.message }),
      ...(named.evidence === undefined ? {} : { evidence: named.evidence }),
      agedOut,
      ...tally(siteEvents),
      ...(missingSecrets === undefined ? {} : { missingSecrets }),
    };
  });
  const sandbox = sandboxFailure(pod, events, sites);
  if (sandbox !== undefined) failures.push({ ...common, ...sandbox, ...(missingSecrets === undefined ? {} : { missingSecrets }) });
  if (options.recovered === true) {
    for (const site of sites) {
      if (failing.includes(site)) continue;
      const recovered = recoveredFailure(site, eventsOfSite(site, withRoles, false));
      if (recovered !== undefined) failures.push({ ...common, ...recovered });
    }
  }
  return failures;
}

/** A container that runs (or ran) now, after pull failures its events still show. */
function recoveredFailure(site: ContainerSite, siteEvents: readonly SiteEvents[]): Omit<ContainerPullFailure, keyof PodCommon> | undefined {
  const state = site.status?.state;
  const startedAt = state?.running?.startedAt ?? state?.terminated?.startedAt;
  if (startedAt === undefined) return undefined;
  const failed = siteEvents.filter(({ role }) => CARRIES_CAUSE.has(role) || role === 'error');
  if (failed.length === 0) return undefined;
  const reason = failed.map(({ event }) => /^Error: (\w+)$/.exec(event.message)?.[1]).find((r) => r !== undefined) ?? (failed.some(({ role }) => role === 'never-pull') ? 'ErrImageNeverPull' : 'ErrImagePull');
  const named = nameCause(reason, undefined, siteEvents);
  return {
    container: site.name,
    containerKind: site.kind,
    image: site.image,
    waitingReason: reason,
    cause: named.cause,
    transient: getCause(named.cause).recurrence === 'transient',
    ...(named.message === undefined ? {} : { message: named.message }),
    ...(named.evidence === undefined ? {} : { evidence: named.evidence }),
    agedOut: named.cause === 'unknown',
    ...tally(siteEvents),
    recoveredAt: startedAt,
  };
}

type PodCommon = Pick<ContainerPullFailure, 'namespace' | 'pod' | 'podUid' | 'node' | 'pullSecrets' | 'podCreated' | 'podScheduled'>;

/** The pull secret kubelet could not find explains an auth failure (or one whose words aged out). */
function withSecretEvent(cause: CauseId, missingSecrets: readonly string[] | undefined): CauseId {
  if (missingSecrets === undefined) return cause;
  return cause === 'unknown' || getCause(cause).auth ? 'pull-secret-missing' : cause;
}

function scheduledAt(pod: Pod): { podScheduled?: string } {
  const condition = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'True');
  return condition?.lastTransitionTime === undefined ? {} : { podScheduled: condition.lastTransitionTime };
}

/**
 * The pause image: the pod never gets containers, so no container shows a pull reason; kubelet
 * says `Failed to create pod sandbox: … failed to get sandbox image "…": failed to pull image …`.
 */
function sandboxFailure(
  pod: Pod,
  events: readonly PodEvent[],
  sites: readonly ContainerSite[],
): Omit<ContainerPullFailure, 'namespace' | 'pod' | 'pullSecrets'> | undefined {
  if (pod.status?.phase !== undefined && pod.status.phase !== 'Pending') return undefined;
  if (sites.some((site) => site.status?.state?.running !== undefined)) return undefined;
  const sandboxEvents = events
    .filter((e) => e.reason === 'FailedCreatePodSandBox' && /pull|sandbox image/i.test(e.message))
    .sort((a, b) => (b.lastMs ?? 0) - (a.lastMs ?? 0));
  const newest = sandboxEvents[0];
  if (newest === undefined) return undefined;
  const classification = classifyMessage(newest.message);
  const image = SANDBOX_IMAGE.exec(newest.message)?.[1] ?? classification.image ?? QUOTED_IMAGE.exec(newest.message)?.[1] ?? '';
  let attempts = 0;
  let first: number | undefined;
  let last: number | undefined;
  for (const event of sandboxEvents) {
    attempts += event.count;
    if (event.firstMs !== undefined) first = Math.min(first ?? event.firstMs, event.firstMs);
    if (event.lastMs !== undefined) last = Math.max(last ?? event.lastMs, event.lastMs);
  }
  return {
    container: '(sandbox)',
    containerKind: 'sandbox',
    image,
    waitingReason: 'FailedCreatePodSandBox',
    cause: classification.cause,
    transient: classification.transient,
    message: newest.message,
    evidence: eventEvidence(newest),
    agedOut: false,
    attempts,
    ...(first === undefined ? {} : { firstSeen: iso(first) as string }),
    ...(last === undefined ? {} : { lastSeen: iso(last) as string }),
  };
}
