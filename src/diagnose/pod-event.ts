// One event about a pod, whichever API wrote it: core/v1 (`involvedObject`, `count`,
// `firstTimestamp`/`lastTimestamp`) or events.k8s.io/v1 (`regarding`, `note`, `series`,
// `eventTime`, the `deprecated*` copies). The newer recorder folds repeats into `series.count`
// (the total, from 2) with `series.lastObservedTime`; core/v1 views of such events carry the same
// series with an empty count. Reading both the same way is what lets first/last seen and attempt
// counts agree however the cluster recorded them.
import type { ClusterEvent } from '../facts/cluster-snapshot.js';

export interface PodEvent {
  namespace: string;
  podName: string;
  podUid?: string;
  /** `spec.containers{api}`, `spec.initContainers{migrate}`; absent for pod-level events. */
  fieldPath?: string;
  type: string;
  reason: string;
  message: string;
  /** Occurrences folded into this object (1 when nothing says more). */
  count: number;
  /** Milliseconds since the epoch; undefined when the event carries no time at all. */
  firstMs?: number;
  lastMs?: number;
}

interface LooseEvent {
  apiVersion?: string;
  metadata?: { namespace?: string; creationTimestamp?: string };
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string; fieldPath?: string };
  regarding?: { kind?: string; name?: string; namespace?: string; uid?: string; fieldPath?: string };
  type?: string;
  reason?: string;
  message?: string;
  note?: string;
  count?: number;
  deprecatedCount?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  deprecatedFirstTimestamp?: string | null;
  deprecatedLastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string | null };
}

/** The event as a PodEvent, or undefined when it is not about a pod. */
export function podEventOf(event: ClusterEvent): PodEvent | undefined {
  const loose = event as LooseEvent;
  const object = loose.regarding ?? loose.involvedObject;
  if (object?.kind !== 'Pod' || object.name === undefined) return undefined;
  const namespace = object.namespace ?? loose.metadata?.namespace ?? '';
  const first = time(loose.firstTimestamp) ?? time(loose.deprecatedFirstTimestamp) ?? time(loose.eventTime) ?? time(loose.metadata?.creationTimestamp);
  const last = time(loose.series?.lastObservedTime) ?? time(loose.lastTimestamp) ?? time(loose.deprecatedLastTimestamp) ?? time(loose.eventTime) ?? first;
  const count = positive(loose.series?.count) ?? positive(loose.count) ?? positive(loose.deprecatedCount) ?? 1;
  return {
    namespace,
    podName: object.name,
    ...(object.uid === undefined || object.uid === '' ? {} : { podUid: object.uid }),
    ...(object.fieldPath === undefined || object.fieldPath === '' ? {} : { fieldPath: object.fieldPath }),
    type: loose.type ?? '',
    reason: loose.reason ?? '',
    message: loose.note ?? loose.message ?? '',
    count,
    ...(first === undefined ? {} : { firstMs: first }),
    ...(last === undefined ? {} : { lastMs: Math.max(last, first ?? last) }),
  };
}

function time(value: string | null | undefined): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const ms = Date.parse(value);
  // The zero time Go writes for an unset timestamp (`0001-01-01T00:00:00Z`) is no time at all.
  return Number.isNaN(ms) || ms <= 0 ? undefined : ms;
}

function positive(value: number | undefined): number | undefined {
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/** `spec.initContainers{migrate}` → the container's name and kind, or undefined for other paths. */
export function containerOfFieldPath(fieldPath: string | undefined): { kind: ContainerKind; name: string } | undefined {
  const match = /^spec\.(containers|initContainers|ephemeralContainers)\{([^}]*)\}$/.exec(fieldPath ?? '');
  if (match === null) return undefined;
  const kind: ContainerKind = match[1] === 'initContainers' ? 'initContainer' : match[1] === 'ephemeralContainers' ? 'ephemeralContainer' : 'container';
  return { kind, name: match[2] as string };
}

export type ContainerKind = 'container' | 'initContainer' | 'ephemeralContainer' | 'sandbox';
