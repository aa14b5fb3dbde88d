// Watches the rollouts of the applied workloads until each is complete, one fails, a pull failure
// stops the deploy (fail-fast-policy.ts) or the time is up. Watches (ClusterWriter.watch: a list,
// then the watch stream): per namespace one on pods and one on events, and one on Jobs where a
// CronJob was applied; per workload one on the object itself (not for a bare Pod, a CronJob or an
// operator's kind, whose status says nothing the model uses), and one on the ReplicaSets of a
// Deployment or an Argo Rollout. The only reads: one GET per owner of a new pod that no watch
// delivers, when an operator's kind was applied in its namespace (rollout-kinds/operator-kinds.ts).
// No I/O of its own.
import { refOf, type ClusterWriter, type KubeObject, type ObjectRef, type Watch, type WriteError } from '../facts/cluster-writer.js';
import { PullFailureTracker, type Decision, type FailFastPolicy, type TrackedFailure } from './fail-fast-policy.js';
import type { PodEvent } from './pull-failures.js';
import { isArgoRollout } from './rollout-kinds/argo-rollout.js';
import { createdSince, lastWrittenAt } from './rollout-kinds/object-fields.js';
import { isOperatorKind, missingOwners } from './rollout-kinds/operator-kinds.js';
import { isWatchedKind, podSelector, rolloutStatus, type RolloutStatus } from './rollout-model.js';

export interface WorkloadProgress {
  workload: ObjectRef;
  status: RolloutStatus;
}

export interface RolloutWatchOptions {
  policy: FailFastPolicy;
  timeoutMs: number;
  now?: () => number;
  /** A workload's ready count or state changed. */
  onProgress?: (progress: WorkloadProgress) => void;
  /** A transient pull failure: the deploy goes on. */
  onRetrying?: (failure: TrackedFailure, workload: ObjectRef) => void;
  /** Operator kinds: wait until a pod of each has started (--wait-operator-pods). */
  waitForOperatorPods?: boolean;
  /** Something the watch could not see (an owner it may not read): one line, said once. */
  onNotice?: (line: string) => void;
}

export type RolloutWatchOutcome = 'complete' | 'pull-failure' | 'failed' | 'timeout' | 'error';

export interface RolloutWatchResult {
  outcome: RolloutWatchOutcome;
  /** Every workload's last status. */
  workloads: WorkloadProgress[];
  /** Pull failures of new pods by workload (all that were open when the deploy stopped). */
  failures: { workload: ObjectRef; desired: number; failures: TrackedFailure[] }[];
  firstFailureAt?: number;
  /** For `failed`, `timeout` and `error`: one line. */
  message?: string;
}

const refKey = (ref: ObjectRef): string => `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;

/** The workloads among applied objects whose rollout `deploy` watches. */
export function watchedWorkloads(applied: readonly KubeObject[]): KubeObject[] {
  return applied.filter(isWatchedKind);
}

/** Kinds whose own watch (status) the rollout model needs. */
const needsObjectWatch = (workload: KubeObject): boolean => workload.kind !== 'Pod' && workload.kind !== 'CronJob' && !isOperatorKind(workload);

export function watchRollouts(writer: ClusterWriter, workloads: readonly KubeObject[], options: RolloutWatchOptions): Promise<RolloutWatchResult> {
  const now = options.now ?? Date.now;
  const tracker = new PullFailureTracker(options.policy);
  const latest = new Map<string, KubeObject>(workloads.map((w) => [refKey(refOf(w)), w]));
  const replicaSets = new Map<string, KubeObject>();
  const jobs = new Map<string, KubeObject>();
  const pods = new Map<string, KubeObject>();
  /** Owners read once by uid (null: gone or unreadable), and those being read. */
  const fetchedOwners = new Map<string, KubeObject | null>();
  const fetching = new Set<string>();
  /** Per namespace with an operator's kind: the earliest time its objects were written. */
  const operatorSince = new Map<string, number>();
  for (const workload of workloads) {
    if (!isOperatorKind(workload)) continue;
    const namespace = workload.metadata.namespace ?? 'default';
    const since = lastWrittenAt(workload) ?? 0;
    operatorSince.set(namespace, Math.min(since, operatorSince.get(namespace) ?? since));
  }
  /** Events that arrived before their pod was known as new. */
  const pendingEvents = new Map<string, PodEvent[]>();
  /** resourceVersion of each pod last given to the tracker. */
  const observedVersion = new Map<string, string>();
  /** The workload each new pod belongs to. */
  const podOwner = new Map<string, string>();
  const lastProgress = new Map<string, string>();
  const watches: Watch[] = [];
  let firstFailureAt: number | undefined;
  let finished = false;
  let graceTimer: NodeJS.Timeout | undefined;

  return new Promise<RolloutWatchResult>((resolve) => {
    const owners = (): Map<string, KubeObject | null> => {
      const all = new Map<string, KubeObject | null>(fetchedOwners);
      for (const object of [...latest.values(), ...replicaSets.values(), ...jobs.values()]) if (object.metadata.uid !== undefined) all.set(object.metadata.uid, object);
      return all;
    };
    const statuses = (): WorkloadProgress[] => {
      const related = {
        replicaSets: [...replicaSets.values()],
        jobs: [...jobs.values()],
        pods: [...pods.values()],
        owners: operatorSince.size === 0 ? new Map<string, KubeObject | null>() : owners(),
        waitForOperatorPods: options.waitForOperatorPods === true,
      };
      return [...latest.values()].map((w) => ({ workload: refOf(w), status: rolloutStatus(w, related) }));
    };

    /** One GET per owner of a new pod that no watch delivers, so that its chain can be followed. */
    const readOwners = (pod: KubeObject, known: ReadonlyMap<string, KubeObject | null>): void => {
      for (const ref of missingOwners(pod, known)) {
        if (fetching.has(ref.uid) || fetchedOwners.has(ref.uid)) continue;
        fetching.add(ref.uid);
        void writer.get(ref).then((got) => {
          fetching.delete(ref.uid);
          if ('error' in got && got.error.kind !== 'not-found') notice(ref, got.error);
          const owner = 'error' in got || got.value === null || got.value.metadata.uid !== ref.uid ? null : { ...got.value, apiVersion: ref.apiVersion, kind: ref.kind };
          fetchedOwners.set(ref.uid, owner);
          evaluate();
        });
      }
    };

    /** Once per kind: the pods such owners own cannot be traced to an operator's object. */
    const noticed = new Set<string>();
    const notice = (ref: ObjectRef, error: WriteError): void => {
      const key = `${ref.apiVersion}/${ref.kind}`;
      if (noticed.has(key) || finished) return;
      noticed.add(key);
      options.onNotice?.(`cannot read ${ref.kind} ${ref.name}${ref.namespace === undefined ? '' : ` -n ${ref.namespace}`} (${error.kind}: ${error.message}): the pods such objects own are not traced to the objects this deploy applied`);
    };

    const finish = (outcome: RolloutWatchOutcome, message?: string): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timeout);
      clearTimeout(graceTimer);
      for (const watch of watches) watch.stop();
      const byWorkload = new Map<string, TrackedFailure[]>();
      for (const failure of tracker.failures) {
        const owner = podOwner.get(failure.evidence.podUid);
        if (owner !== undefined) byWorkload.set(owner, [...(byWorkload.get(owner) ?? []), failure]);
      }
      const current = statuses();
      resolve({
        outcome,
        workloads: current,
        failures: current
          .filter((p) => byWorkload.has(refKey(p.workload)))
          .map((p) => ({ workload: p.workload, desired: p.status.desired, failures: byWorkload.get(refKey(p.workload)) ?? [] })),
        ...(firstFailureAt === undefined ? {} : { firstFailureAt }),
        ...(message === undefined ? {} : { message }),
      });
    };

    const timeout = setTimeout(() => finish('timeout', `the rollout did not finish within ${Math.round(options.timeoutMs / 1000)} s`), options.timeoutMs);

    const act = (decisions: Decision[]): void => {
      for (const decision of decisions) {
        firstFailureAt ??= decision.failure.firstSeenAt;
        if (decision.kind === 'stop') {
          finish('pull-failure');
          return;
        }
        const owner = latest.get(podOwner.get(decision.failure.evidence.podUid) ?? '');
        if (owner !== undefined) options.onRetrying?.(decision.failure, refOf(owner));
      }
      scheduleGrace();
    };

    const scheduleGrace = (): void => {
      clearTimeout(graceTimer);
      const deadline = tracker.nextDeadline();
      if (deadline === undefined || finished) return;
      graceTimer = setTimeout(() => act(tracker.expired(now())), Math.max(0, deadline - now()));
    };

    const evaluate = (): void => {
      if (finished) return;
      const current = statuses();
      for (const progress of current) {
        const key = refKey(progress.workload);
        const summary = `${progress.status.ready}/${progress.status.desired}/${progress.status.complete}/${progress.status.observed}`;
        // Not waited for: no progress to show (deploy says why once).
        if (progress.status.notWaitedFor === undefined && lastProgress.get(key) !== summary) {
          lastProgress.set(key, summary);
          options.onProgress?.(progress);
        }
      }
      // Pods: the tracker sees each new-revision pod once per version.
      let known: Map<string, KubeObject | null> | undefined;
      for (const pod of pods.values()) {
        const uid = pod.metadata.uid ?? '';
        const owner = current.find((p) => p.workload.namespace === pod.metadata.namespace && p.status.isNewPod(pod));
        if (owner === undefined) {
          // Maybe an operator's: follow its owners, if it is new enough to be.
          const since = operatorSince.get(pod.metadata.namespace ?? '');
          if (since !== undefined && createdSince(pod, since)) readOwners(pod, (known ??= owners()));
          continue;
        }
        podOwner.set(uid, refKey(owner.workload));
        const version = pod.metadata.resourceVersion ?? '';
        if (observedVersion.get(uid) === version) continue;
        const firstTime = !observedVersion.has(uid);
        observedVersion.set(uid, version);
        act(tracker.observePod(pod, now()));
        if (finished) return;
        if (firstTime) {
          for (const event of pendingEvents.get(uid) ?? []) act(tracker.observeEvent(event, pod, now()));
          pendingEvents.delete(uid);
          if (finished) return;
        }
      }
      const failed = current.find((p) => p.status.failed !== undefined);
      if (failed !== undefined) {
        finish('failed', `${failed.workload.kind} ${failed.workload.name}: ${failed.status.failed}`);
        return;
      }
      if (current.every((p) => p.status.complete)) finish('complete');
    };

    const onError = (what: string) => (error: WriteError): void => finish('error', `${what}: ${error.message}`);

    const namespaces = new Set(workloads.map((w) => w.metadata.namespace ?? 'default'));
    const cronJobNamespaces = new Set(workloads.filter((w) => w.kind === 'CronJob').map((w) => w.metadata.namespace ?? 'default'));
    for (const namespace of cronJobNamespaces) {
      watches.push(
        writer.watch({ apiVersion: 'batch/v1', kind: 'Job', namespace }, {
          onEvent: (type, job) => {
            if (type === 'DELETED') jobs.delete(job.metadata.uid ?? '');
            else jobs.set(job.metadata.uid ?? '', job);
            evaluate();
          },
          onError: onError(`watch Jobs in namespace ${namespace}`),
        }),
      );
    }
    for (const namespace of namespaces) {
      watches.push(
        writer.watch({ apiVersion: 'v1', kind: 'Pod', namespace }, {
          onEvent: (type, pod) => {
            if (type === 'DELETED') pods.delete(pod.metadata.uid ?? '');
            else pods.set(pod.metadata.uid ?? '', pod);
            // A bare Pod is its own workload: this watch keeps it current.
            const asWorkload = refKey({ apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, namespace });
            if (type !== 'DELETED' && latest.get(asWorkload)?.metadata.uid === pod.metadata.uid) latest.set(asWorkload, { ...pod, apiVersion: 'v1', kind: 'Pod' });
            evaluate();
          },
          onError: onError(`watch pods in namespace ${namespace}`),
        }),
        writer.watch({ apiVersion: 'v1', kind: 'Event', namespace, fieldSelector: 'involvedObject.kind=Pod' }, {
          onEvent: (type, object) => {
            if (type === 'DELETED' || finished) return;
            const event = object as unknown as PodEvent;
            const uid = event.involvedObject?.uid ?? '';
            const pod = pods.get(uid);
            if (pod !== undefined && podOwner.has(uid)) {
              act(tracker.observeEvent(event, pod, now()));
            } else {
              const pending = pendingEvents.get(uid) ?? [];
              pending.push(event);
              pendingEvents.set(uid, pending.slice(-50));
            }
          },
          onError: onError(`watch events in namespace ${namespace}`),
        }),
      );
    }
    for (const workload of workloads) {
      const namespace = workload.metadata.namespace ?? 'default';
      if (needsObjectWatch(workload)) {
        watches.push(
          writer.watch({ apiVersion: workload.apiVersion, kind: workload.kind, namespace, fieldSelector: `metadata.name=${workload.metadata.name}` }, {
            onEvent: (type, object) => {
              if (type !== 'DELETED') latest.set(refKey(refOf(object)), object);
              evaluate();
            },
            onError: onError(`watch ${workload.kind} ${workload.metadata.name}`),
          }),
        );
      }
      if (workload.kind === 'Deployment' || isArgoRollout(workload)) {
        const selector = podSelector(workload);
        watches.push(
          writer.watch({ apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace, ...(selector === undefined ? {} : { labelSelector: selector }) }, {
            onEvent: (type, rs) => {
              if (type === 'DELETED') replicaSets.delete(rs.metadata.uid ?? '');
              else replicaSets.set(rs.metadata.uid ?? '', rs);
              evaluate();
            },
            onError: onError(`watch ReplicaSets of ${workload.metadata.name}`),
          }),
        );
      }
    }
    if (workloads.length === 0) finish('complete');
    // Once everything is listed, even when no watch had anything to deliver (a CronJob alone is complete then).
    else void Promise.all(watches.map((watch) => watch.synced)).then(evaluate);
  });
}
