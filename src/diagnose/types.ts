// The diagnosis model: what `pullguard diagnose` prints and `pullguard report` builds on. Plain
// data, JSON-ready (times as RFC 3339 strings), in a stable order.
import type { CauseId } from '../causes/index.js';
import type { ContainerKind } from './pod-event.js';
import type { Workload } from './workload-of.js';

export type { ContainerKind } from './pod-event.js';
export type { OwnerLink, Workload } from './workload-of.js';

/** Where the words that name the cause were read. */
export type Evidence =
  | { kind: 'container-status'; field: string }
  | { kind: 'event'; type: string; reason: string; count: number; firstSeen?: string; lastSeen?: string }
  | { kind: 'waiting-reason'; reason: string };

/** One container (or a pod's sandbox) that cannot pull its image. */
export interface ContainerPullFailure {
  namespace: string;
  pod: string;
  podUid?: string;
  node?: string;
  container: string;
  containerKind: ContainerKind;
  image: string;
  /** `state.waiting.reason`, or `FailedCreatePodSandBox` for a sandbox (pause image). */
  waitingReason: string;
  cause: CauseId;
  transient: boolean;
  /** The runtime's (or kubelet's) own words, verbatim, and where they were read. */
  message?: string;
  evidence?: Evidence;
  /** Nothing left in the status or the events names the cause: it aged out, and nothing is guessed. */
  agedOut: boolean;
  /** Pull attempts recorded (Pulling, "Failed to pull image", "Error: <reason>" events; the highest count). */
  attempts?: number;
  /** Back-off syncs recorded (BackOff, "Error: ImagePullBackOff"). */
  backOffs?: number;
  firstSeen?: string;
  lastSeen?: string;
  /** Pull secrets the pod names (names only). */
  pullSecrets: string[];
  /** Pull secrets kubelet could not find (FailedToRetrieveImagePullSecret). */
  missingSecrets?: string[];
  /** When the pod was created, for the impact and the timeline. */
  podCreated?: string;
  podScheduled?: string;
  /** When the container started after all (only when recovered failures are asked for). */
  recoveredAt?: string;
}

/** Failures of one workload, image and cause: one block of `diagnose`. */
export interface DiagnosisEntry {
  workload: Workload;
  image: string;
  cause: CauseId;
  /** The catalogue's one line about the cause. */
  summary: string;
  transient: boolean;
  /** The fix on this cluster's type. */
  fix: string;
  pods: { failing: number; total: number; names: string[] };
  nodes: string[];
  containers: { name: string; kind: ContainerKind }[];
  waitingReasons: string[];
  attempts?: number;
  backOffs?: number;
  firstSeen?: string;
  lastSeen?: string;
  message?: string;
  evidence?: Evidence;
  agedOut: boolean;
  missingSecrets?: string[];
  /** Every failure of the entry recovered: when the last of them did (the report's recovery). */
  recoveredAt?: string;
  /** With `--verify`: what the registry said with the pod's own pull secrets. */
  verification?: Verification;
  failures: ContainerPullFailure[];
}

export interface Verification {
  /** `ok` or a cause id, as `pullguard check` reports it. */
  status: string;
  summary: string;
  /** Where the credential that decided came from (never its value), or `anonymous`. */
  credentialSource?: string;
  /** `confirmed`: the registry says the same; `differs`: it says something else; `not-checkable`: the cause is not the registry's to confirm. */
  outcome: 'confirmed' | 'differs' | 'not-checkable';
  /** Why the check could not use the pod's secrets, when it could not. */
  note?: string;
}

export interface Diagnosis {
  /** `snapshot cluster.json`, `context kind-dev`. */
  source: string;
  /** The namespace read, or undefined for all (`-A`). */
  namespace?: string;
  target: string;
  entries: DiagnosisEntry[];
  /** Pods that cannot pull now (recovered ones not counted). */
  failingPods: number;
  /** Facts that could not be read and what that leaves out (`events: forbidden: list events`). */
  gaps: string[];
}
