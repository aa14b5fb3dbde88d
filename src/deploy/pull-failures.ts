// Pull failures of one pod, from its container statuses (init containers first, as kubelet runs
// them) and from the events kubelet writes about it. Pure.
import type { KubeObject } from '../facts/cluster-writer.js';

/** The waiting reasons kubelet gives a container whose image it cannot get. */
export const PULL_FAILURE_REASONS: ReadonlySet<string> = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'RegistryUnavailable',
  'SignatureValidationFailed',
]);

/** Reasons that never change on retry: kubelet does not even try to pull. */
export const DETERMINISTIC_REASONS: ReadonlySet<string> = new Set(['ErrImageNeverPull', 'InvalidImageName', 'SignatureValidationFailed']);

/** The event reason of a sandbox that could not be made (its pause image could not be pulled, among others). */
export const SANDBOX_FAILURE_REASON = 'FailedCreatePodSandBox';
/** The pseudo-container of a sandbox failure: the pod's pause image. */
export const SANDBOX_CONTAINER = '(sandbox)';

export interface PullFailure {
  podUid: string;
  pod: string;
  namespace: string;
  node?: string;
  container: string;
  init: boolean;
  image: string;
  /** The waiting reason, or the event's reason (`Failed`, `FailedCreatePodSandBox`). */
  reason: string;
  /** The runtime's words, verbatim. */
  message: string;
  source: 'status' | 'event';
  /** `status.initContainerStatuses[name=x].state.waiting` or `event Failed (count 3)`. */
  where: string;
}

interface ContainerStatus {
  name: string;
  image?: string;
  state?: { waiting?: { reason?: string; message?: string }; running?: unknown; terminated?: unknown };
}

/** Every container of the pod that is waiting for an image now. */
export function pullFailuresInStatus(pod: KubeObject): PullFailure[] {
  const status = (pod.status as { initContainerStatuses?: ContainerStatus[]; containerStatuses?: ContainerStatus[] } | undefined) ?? {};
  const spec = (pod.spec as { nodeName?: string; initContainers?: { name: string; image?: string }[]; containers?: { name: string; image?: string }[] } | undefined) ?? {};
  const failures: PullFailure[] = [];
  const scan = (statuses: ContainerStatus[] | undefined, init: boolean): void => {
    for (const container of statuses ?? []) {
      const waiting = container.state?.waiting;
      if (waiting?.reason === undefined || !PULL_FAILURE_REASONS.has(waiting.reason)) continue;
      const specImage = (init ? spec.initContainers : spec.containers)?.find((c) => c.name === container.name)?.image;
      failures.push({
        podUid: pod.metadata.uid ?? '',
        pod: pod.metadata.name,
        namespace: pod.metadata.namespace ?? '',
        ...(spec.nodeName === undefined ? {} : { node: spec.nodeName }),
        container: container.name,
        init,
        image: specImage ?? container.image ?? '',
        reason: waiting.reason,
        message: waiting.message ?? '',
        source: 'status',
        where: `status.${init ? 'initContainerStatuses' : 'containerStatuses'}[${container.name}].state.waiting`,
      });
    }
  };
  scan(status.initContainerStatuses, true);
  scan(status.containerStatuses, false);
  return failures;
}

/** Whether a container has left the pull failure (running, terminated, or waiting for something else). */
export function containerStates(pod: KubeObject): Map<string, 'pull-failed' | 'back-off' | 'other'> {
  const status = (pod.status as { initContainerStatuses?: ContainerStatus[]; containerStatuses?: ContainerStatus[] } | undefined) ?? {};
  const states = new Map<string, 'pull-failed' | 'back-off' | 'other'>();
  for (const container of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) {
    const reason = container.state?.waiting?.reason;
    states.set(container.name, reason === 'ImagePullBackOff' ? 'back-off' : reason !== undefined && PULL_FAILURE_REASONS.has(reason) ? 'pull-failed' : 'other');
  }
  return states;
}

export interface PodEvent {
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string; fieldPath?: string };
  lastTimestamp?: string;
  eventTime?: string;
  source?: { host?: string };
}

/** `spec.initContainers{migrate}` → {name: migrate, init: true}. */
function containerOfFieldPath(fieldPath: string | undefined): { name: string; init: boolean } | undefined {
  const match = /^spec\.(initContainers|containers)\{([^}]+)\}$/.exec(fieldPath ?? '');
  return match === null ? undefined : { name: match[2] as string, init: match[1] === 'initContainers' };
}

/**
 * What an event says of a pull: `Failed` "Failed to pull image …: <cause>" (the cause kubelet's
 * back-off status drops before 1.32), `ErrImageNeverPull`, `InspectFailed` (an invalid name), or a
 * sandbox that could not be created because its pause image could not be pulled.
 */
export function pullFailureFromEvent(event: PodEvent, pod: KubeObject): PullFailure | undefined {
  const message = event.message ?? '';
  const base = {
    podUid: pod.metadata.uid ?? '',
    pod: pod.metadata.name,
    namespace: pod.metadata.namespace ?? '',
    ...((pod.spec as { nodeName?: string } | undefined)?.nodeName === undefined ? {} : { node: (pod.spec as { nodeName: string }).nodeName }),
    message,
    source: 'event' as const,
    where: `${event.reason ?? ''}${event.count === undefined ? '' : ` (count ${event.count})`}`,
  };
  if (event.reason === SANDBOX_FAILURE_REASON) {
    if (!/pull|image/i.test(message)) return undefined;
    const image = /(?:sandbox image|pull image|pulling image)\s+\\?"([^"\\]+)\\?"/i.exec(message)?.[1] ?? '';
    return { ...base, container: SANDBOX_CONTAINER, init: false, image, reason: SANDBOX_FAILURE_REASON };
  }
  const container = containerOfFieldPath(event.involvedObject?.fieldPath);
  if (container === undefined) return undefined;
  const specs = ((pod.spec as Record<string, { name: string; image?: string }[] | undefined> | undefined) ?? {})[container.init ? 'initContainers' : 'containers'] ?? [];
  const image = specs.find((c) => c.name === container.name)?.image ?? '';
  if (event.reason === 'Failed' && message.startsWith('Failed to pull image')) {
    // The runtime error follows the image; kubelet turns these two prefixes into their own reasons.
    const runtimeError = message.replace(/^Failed to pull image "[^"]*": /, '');
    const reason = /^(RegistryUnavailable|SignatureValidationFailed)\b/.exec(runtimeError)?.[1] ?? 'ErrImagePull';
    return { ...base, container: container.name, init: container.init, image, reason };
  }
  if (event.reason === 'ErrImageNeverPull' || event.reason === 'InspectFailed') {
    return { ...base, container: container.name, init: container.init, image, reason: event.reason === 'InspectFailed' ? 'InvalidImageName' : 'ErrImageNeverPull' };
  }
  return undefined;
}

/** A back-off message that carries no cause: `Back-off pulling image "x"` (kubelet < 1.32). */
export function carriesNoCause(message: string): boolean {
  return /^Back-off pulling image "[^"]*"$/.test(message.trim()) || message.trim() === '';
}

/** The runtime's cause inside a ≥1.32 back-off message: `Back-off pulling image "x": ErrImagePull: <cause>`. */
export function causeOfBackOff(message: string): string {
  const match = /^Back-off pulling image "[^"]*": (?:ErrImagePull|RegistryUnavailable|SignatureValidationFailed): ([\s\S]*)$/.exec(message);
  return match === null ? message : (match[1] as string);
}
