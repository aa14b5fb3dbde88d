// The incident report (`pullguard report`): the post-mortem written from the cluster's records.
// Plain data in a fixed order; the Markdown, HTML and JSON formatters only lay it out, so the
// three say the same thing and two runs on the same records and `--now` give the same bytes.
import type { CauseId } from '../../causes/index.js';
import type { Evidence } from '../types.js';

export interface ReportEvent {
  type: string;
  reason: string;
  message: string;
  count: number;
  object: { kind: string; name: string; namespace: string };
  firstSeen?: string;
  lastSeen?: string;
}

export interface ImpactRow {
  workload: { kind: string; name: string; namespace: string };
  image: string;
  cause: CauseId;
  failingPods: number;
  totalPods: number;
  /** Since the earliest failing pod was created. */
  unavailableSince?: string;
  /** Σ over failing pods of (end − creation), end being recovery or now. */
  unavailableReplicaSeconds: number;
}

export type TimelineKind =
  | 'change'
  | 'pod-created'
  | 'pod-scheduled'
  | 'first-attempt'
  | 'first-failure'
  | 'back-off'
  | 'attempts'
  | 'now'
  | 'recovery';

export interface TimelineEntry {
  /** RFC 3339; absent when the records do not date it. */
  at?: string;
  kind: TimelineKind;
  text: string;
  /** Where the time comes from (`ReplicaSet creationTimestamp`, `event ErrImageNeverPull firstTimestamp`, `modelled`). */
  from: string;
}

/** One pull attempt on the chart: when, and how long kubelet waited before it. */
export interface ChartPoint {
  /** Seconds since the first attempt. */
  offsetSeconds: number;
  /** Seconds since the previous attempt (0 for the first). */
  waitSeconds: number;
}

export interface AttemptChart {
  pod: string;
  container: string;
  start: string;
  end: string;
  points: ChartPoint[];
  /** The records keep the first, the last and the count; times between are modelled and the chart says how. */
  model: 'kubelet-back-off' | 'even' | 'recorded';
  /** Attempts recorded (the points are at most this many; see `truncated`). */
  attempts: number;
  truncated: boolean;
}

export interface IncidentReport {
  schemaVersion: 1;
  tool: { name: 'pullguard'; version: string };
  title: string;
  generatedAt: string;
  source: string;
  target: string;
  /** The namespace read, or undefined for all. */
  namespace?: string;
  /** No pod failing to pull: the report says so and little else. */
  clean: boolean;
  summary: { text: string; event?: ReportEvent };
  impact: { workloads: number; pods: number; unavailableReplicaSeconds: number; rows: ImpactRow[] };
  timeline: TimelineEntry[];
  chart?: AttemptChart;
  rootCause: {
    cause: CauseId;
    summary: string;
    transient: boolean;
    message?: string;
    evidence?: Evidence;
    agedOut: boolean;
    /** What set it off, as distinct from why it failed. */
    trigger: string;
  } | null;
  resolution: string[];
  prevention: string[];
  verification: string[];
  dataGaps: string[];
}
