// When a pull failure stops the deploy. The cause decides (krane#477, tilt#5893: failing good
// deploys on a registry hiccup is as bad as waiting ten minutes on a typo): deterministic causes
// (not found, unauthorized, never-pull, invalid name, signature) stop at the first observation;
// transient ones (429, pull QPS, 5xx, timeouts, and a back-off whose cause is not known yet) stop
// after MAX_ATTEMPTS consecutive failed pulls of one container or once the grace has run out.
// Stateful but pure: the caller passes the time.
import { classifyMessage, type MessageClassification } from '../causes/classify-message.js';
import type { RemediationTarget } from '../causes/cause.js';
import type { KubeObject } from '../facts/cluster-writer.js';
import { carriesNoCause, causeOfBackOff, containerStates, DETERMINISTIC_REASONS, pullFailureFromEvent, pullFailuresInStatus, type PodEvent, type PullFailure } from './pull-failures.js';

export const DEFAULT_TRANSIENT_GRACE_MS = 90_000;
export const MAX_ATTEMPTS = 3;

export interface FailFastPolicy {
  transientGraceMs: number;
  maxAttempts: number;
  target?: RemediationTarget;
}

export interface Observation {
  /** Milliseconds since the epoch. */
  at: number;
  reason: string;
  message: string;
  source: 'status' | 'event';
  where: string;
}

/** One container's failure as tracked: the evidence that names the cause, and its history. */
export interface TrackedFailure {
  /** What is shown: the observation whose words carry the cause (status or event). */
  evidence: PullFailure;
  /** The waiting reason now. */
  reasonNow: string;
  classification: MessageClassification;
  /** Failed pulls seen in a row. */
  attempts: number;
  firstSeenAt: number;
  observations: Observation[];
}

export type Decision = { kind: 'stop'; failure: TrackedFailure } | { kind: 'retrying'; failure: TrackedFailure };

const key = (podUid: string, container: string): string => `${podUid}/${container}`;

export class PullFailureTracker {
  readonly #tracked = new Map<string, TrackedFailure>();
  /** Retrying was announced for (key, attempt). */
  readonly #announced = new Set<string>();

  constructor(private readonly policy: FailFastPolicy) {}

  get failures(): TrackedFailure[] {
    return [...this.#tracked.values()];
  }

  /** A new-revision pod as the watch delivered it. */
  observePod(pod: KubeObject, now: number): Decision[] {
    const uid = pod.metadata.uid ?? '';
    const states = containerStates(pod);
    // A container that left the failure (pulled, running) starts from zero if it fails again.
    for (const [name, state] of states) if (state === 'other') this.#tracked.delete(key(uid, name));
    const decisions: Decision[] = [];
    for (const failure of pullFailuresInStatus(pod)) {
      const decision = this.#observe(failure, now, failure.reason !== 'ImagePullBackOff');
      if (decision !== undefined) decisions.push(decision);
    }
    return decisions;
  }

  /** An event about a new-revision pod. */
  observeEvent(event: PodEvent, pod: KubeObject, now: number): Decision[] {
    const failure = pullFailureFromEvent(event, pod);
    if (failure === undefined) return [];
    const decision = this.#observe(failure, now, false, event.count);
    return decision === undefined ? [] : [decision];
  }

  /** Transient failures whose grace ran out by `now`. */
  expired(now: number): Decision[] {
    return this.failures.filter((f) => f.classification.transient && now - f.firstSeenAt >= this.policy.transientGraceMs).map((failure) => ({ kind: 'stop', failure }));
  }

  /** When the oldest transient failure's grace runs out, if any is open. */
  nextDeadline(): number | undefined {
    const open = this.failures.filter((f) => f.classification.transient).map((f) => f.firstSeenAt + this.policy.transientGraceMs);
    return open.length === 0 ? undefined : Math.min(...open);
  }

  #observe(failure: PullFailure, now: number, pullFailedNow: boolean, eventCount?: number): Decision | undefined {
    const id = key(failure.podUid, failure.container);
    const previous = this.#tracked.get(id);
    const observation: Observation = { at: now, reason: failure.reason, message: failure.message, source: failure.source, where: failure.where };
    const causeWords = failure.source === 'status' && failure.reason === 'ImagePullBackOff' ? causeOfBackOff(failure.message) : failure.message;
    const hasCause = !carriesNoCause(causeWords);
    let tracked: TrackedFailure;
    if (previous === undefined) {
      tracked = {
        evidence: failure,
        reasonNow: failure.source === 'status' ? failure.reason : 'ErrImagePull',
        classification: this.#classify(causeWords, failure.reason),
        attempts: Math.max(1, eventCount ?? 1),
        firstSeenAt: now,
        observations: [observation],
      };
      this.#tracked.set(id, tracked);
    } else {
      tracked = previous;
      tracked.observations.push(observation);
      if (failure.source === 'status') {
        // A pull that fails again after a back-off is one more attempt.
        if (pullFailedNow && tracked.reasonNow === 'ImagePullBackOff') tracked.attempts += 1;
        tracked.reasonNow = failure.reason;
      } else if (eventCount !== undefined && failure.reason === 'ErrImagePull') {
        tracked.attempts = Math.max(tracked.attempts, eventCount);
      }
      // Words that name the cause replace words that do not (the back-off line).
      const knownCause = !carriesNoCause(tracked.evidence.source === 'status' && tracked.evidence.reason === 'ImagePullBackOff' ? causeOfBackOff(tracked.evidence.message) : tracked.evidence.message);
      if (hasCause && (!knownCause || tracked.classification.cause === 'unknown')) {
        tracked.evidence = failure;
        tracked.classification = this.#classify(causeWords, failure.reason);
      }
    }
    return this.#decide(tracked, id, now);
  }

  #classify(words: string, reason: string): MessageClassification {
    const classification = classifyMessage(words, this.policy.target === undefined ? {} : { target: this.policy.target });
    // kubelet never pulls for these: nothing a retry could change.
    if (DETERMINISTIC_REASONS.has(reason)) return { ...classification, transient: false, recurrence: 'deterministic' };
    return classification;
  }

  #decide(tracked: TrackedFailure, id: string, now: number): Decision | undefined {
    if (!tracked.classification.transient) return { kind: 'stop', failure: tracked };
    if (tracked.attempts >= this.policy.maxAttempts || now - tracked.firstSeenAt >= this.policy.transientGraceMs) return { kind: 'stop', failure: tracked };
    const announced = `${id}#${tracked.attempts}`;
    if (this.#announced.has(announced)) return undefined;
    this.#announced.add(announced);
    return { kind: 'retrying', failure: tracked };
  }
}
