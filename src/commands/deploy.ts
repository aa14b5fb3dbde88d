// `pullguard deploy`: preflight, (--load), server-side dry-run of everything, record what was
// there, server-side apply in dependency order, watch each rollout and stop at the first pull
// failure of a new pod with a diagnosis, and (--rollback) restore what was recorded. Composition
// only: the cluster is a ClusterWriter, the policy and the rollout model live in src/deploy/.
// Printing and exit codes are the caller's; the caller gets the record and lines to show.
import type { PullguardConfig } from '../core/config.js';
import type { Report } from '../core/types.js';
import { diagnose, diagnosisText, podFailureRecord } from '../deploy/diagnosis.js';
import { DEPLOY_RECORD_SCHEMA_VERSION, type AppliedObject, type DeployOutcome, type DeployRecord, type Rejection, type RollbackAction } from '../deploy/deploy-record.js';
import { DEFAULT_TRANSIENT_GRACE_MS, MAX_ATTEMPTS, type TrackedFailure } from '../deploy/fail-fast-policy.js';
import { jobFromCronJob, manualJobName } from '../deploy/rollout-kinds/cronjob.js';
import { rolloutStatus } from '../deploy/rollout-model.js';
import { watchedWorkloads, watchRollouts, type RolloutWatchResult, type WorkloadProgress } from '../deploy/watch-rollouts.js';
import type { ClusterReader } from '../facts/cluster-reader.js';
import { oncePerRun } from '../gather/once-per-run.js';
import { profileFromDetection } from '../gather/profile-for-cluster.js';
import { detect } from './detect.js';
import { imagesTheNodesLack } from '../gather/images-the-nodes-lack.js';
import { resolveTarget } from '../detect/resolve-target.js';
import type { TargetProfile } from '../detect/target-profile.js';
import { describeRef, refOf, type ClusterWriter, type KubeObject, type ObjectRef, type WriteError } from '../facts/cluster-writer.js';
import { applyOrder } from '../k8s/apply-order.js';
import { awaitObject, isEstablished } from '../deploy/await-object.js';
import { undoneLine, undoObject } from '../deploy/undo-object.js';
import { VERSION } from '../version.js';
import { runPreflight, type PreflightOptions } from './deploy-preflight.js';
import { loadManifestPaths } from './lint.js';

export const EXIT_ROLLED_OUT = 0;
export const EXIT_PULL_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_ROLLOUT_FAILED = 3;
export const EXIT_ROLLBACK_FAILED = 4;

export const DEFAULT_DEPLOY_TIMEOUT_MS = 600_000;
/** How long a CRD may take to be Established, and a namespace this deploy created to be deleted. */
const PREREQUISITE_TIMEOUT_MS = 60_000;
const DISCOVERY_RETRY_MS = 100;

export interface DeployOptions {
  paths: string[];
  cwd: string;
  stdin?: NodeJS.ReadableStream;
  config: PullguardConfig;
  writer: ClusterWriter;
  /** The same cluster read: detection (when no --target) and the preflight's cluster facts. */
  cluster?: ClusterReader;
  /** Namespace of objects that do not name one (`-n`, else the context's). */
  namespace: string;
  context?: string;
  server?: string;
  target?: string;
  /** Go on when the preflight has errors (they are printed). */
  force?: boolean;
  /** Take fields other field managers own (server-side apply `force`). */
  forceConflicts?: boolean;
  createNamespace?: boolean;
  rollback?: boolean;
  timeoutMs?: number;
  transientGraceMs?: number;
  /** `--trigger-cronjobs`: start one Job from each applied CronJob and watch it to completion. */
  triggerCronJobs?: boolean;
  /** `--wait-operator-pods`: wait until a pod of each operator-run kind (Workflow, SparkApplication, ...) has started. */
  waitForOperatorPods?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Skip the preflight (library callers that ran `check` themselves). */
  skipPreflight?: boolean;
  preflight?: (options: PreflightOptions) => Promise<Report>;
  /**
   * `--load`: called with the target, the images of the workloads the nodes do not hold yet, and the
   * cluster's own name (kind cluster, minikube profile, k3d cluster) when detection knows it.
   */
  load?: (target: TargetProfile, images: string[], clusterName?: string) => Promise<{ ok: boolean; message?: string }>;
  /** A line for the user (progress, "retrying", the diagnosis). */
  say?: (text: string) => void;
  onProgress?: (progress: WorkloadProgress) => void;
  now?: () => number;
}

export interface DeployResult {
  record: DeployRecord;
  exitCode: number;
}

/** Labels and annotations that controllers set on the objects they own; never restored. */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const now = options.now ?? Date.now;
  const iso = (ms = now()): string => new Date(ms).toISOString();
  const say = options.say ?? (() => undefined);
  const writer = options.writer;
  // Detection as check and `pullguard detect` answer it, answers saved in .pullguard.yaml included.
  // Detection, the preflight and --load all read the nodes: one read per run serves them.
  const cluster = options.cluster === undefined ? undefined : oncePerRun(options.cluster);
  const detection = cluster === undefined ? undefined : await detect({ reader: cluster, config: options.config });
  const detected = detection === undefined ? undefined : profileFromDetection(detection.detection, detection.facts);
  // As check: --target, else the cluster's own evidence, else .pullguard.yaml's target.
  const target = detected === undefined || options.target !== undefined ? resolveTarget(options.target, options.config.target) : detected.target;
  const record: DeployRecord = {
    schemaVersion: DEPLOY_RECORD_SCHEMA_VERSION,
    tool: { name: 'pullguard', version: VERSION },
    ...(options.context === undefined ? {} : { context: options.context }),
    ...(options.server === undefined ? {} : { server: options.server }),
    outcome: 'rolled-out',
    exitCode: EXIT_ROLLED_OUT,
    startedAt: iso(),
    endedAt: '',
    rejections: [],
    applied: [],
    rollouts: [],
    failures: [],
    diagnosis: [],
  };
  const end = (outcome: DeployOutcome, exitCode: number, message?: string): DeployResult => {
    record.outcome = outcome;
    record.exitCode = exitCode;
    if (message !== undefined) record.message = message;
    record.endedAt = iso();
    return { record, exitCode };
  };

  // 1. The manifests. A file that does not parse stops the deploy: applying part of a set is worse.
  const load = await loadManifestPaths(options.paths, options.cwd, options.stdin);
  if (load.problems.length > 0) {
    for (const problem of load.problems) say(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}\n`);
    return end('error', EXIT_USAGE, `${load.problems.length} manifest file problem(s); nothing was applied`);
  }
  const files = new Map<KubeObject, string>();
  const objects: KubeObject[] = [];
  for (const loaded of load.objects) {
    const object = structuredClone(loaded.value) as unknown as KubeObject;
    if (typeof object.metadata?.name !== 'string') {
      say(`${loaded.file}: ${String(object.kind)} without metadata.name: deploy needs a name (generateName is not supported)\n`);
      return end('error', EXIT_USAGE, 'an object without metadata.name');
    }
    files.set(object, `${loaded.file}`);
    objects.push(object);
  }

  // 2. Preflight: check over the same manifests.
  if (options.skipPreflight !== true) {
    const report = await (options.preflight ?? runPreflight)({
      paths: options.paths,
      config: options.config,
      cwd: options.cwd,
      namespace: options.namespace,
      target: target.id,
      ...(options.env === undefined ? {} : { env: options.env }),
      ...(cluster === undefined ? {} : { cluster }),
    });
    const blocking = report.findings.filter((f) => f.severity === 'error');
    record.preflight = {
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      forced: options.force === true && blocking.length > 0,
      findings: report.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, file: f.file, line: f.line, column: f.column })),
    };
    if (blocking.length > 0) {
      for (const finding of blocking) say(`${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.ruleId}: ${finding.message}\n`);
      if (options.force !== true) {
        say(`preflight: ${blocking.length} error(s); nothing was applied (--force deploys anyway)\n`);
        return end('preflight-failed', EXIT_PULL_FAILURE, `the preflight found ${blocking.length} error(s)`);
      }
      say(`preflight: ${blocking.length} error(s), deploying anyway (--force)\n`);
    }
  }

  // 2b. --load: the target's exact load command for each image (local clusters that load images).
  if (options.load !== undefined) {
    const all = [...new Set(objects.flatMap(podImages))];
    const images = cluster === undefined ? all : await imagesTheNodesLack(cluster, all);
    const held = all.filter((image) => !images.includes(image));
    if (held.length > 0) say(`--load: already on the nodes: ${held.join(', ')}\n`);
    if (target.imageDelivery !== 'load-command' || target.loadCommand === undefined) {
      say(`--load: ${target.displayName} ${target.imageDelivery === 'shared-daemon' ? 'shares the container engine with this machine' : 'pulls from registries'}: nothing to load\n`);
    } else if (images.length > 0) {
      // The cluster's own name only when detection saw the same kind of cluster the target names.
      const loaded = await options.load(target, images, detected?.target.id === target.id ? detected.clusterName : undefined);
      if (!loaded.ok) {
        say(`${loaded.message ?? '--load failed'}; nothing was applied\n`);
        return end('error', EXIT_USAGE, loaded.message ?? '--load failed');
      }
    }
  }

  // 3. Scope: default the namespace of namespaced objects; kinds the server does not serve are
  // rejections, unless a CRD of this deploy defines them.
  const crdScopes = new Map<string, boolean>();
  for (const object of objects) {
    if (object.kind !== 'CustomResourceDefinition') continue;
    const spec = object.spec as { group?: string; names?: { kind?: string }; scope?: string; versions?: { name: string }[] } | undefined;
    for (const version of spec?.versions ?? []) crdScopes.set(`${spec?.group}/${version.name}/${spec?.names?.kind}`, spec?.scope === 'Namespaced');
  }
  const pendingCrd = new Set<KubeObject>();
  for (const object of objects) {
    const scope = await writer.resource(object.apiVersion, object.kind);
    let namespaced: boolean;
    if ('error' in scope) {
      const fromCrd = crdScopes.get(`${object.apiVersion}/${object.kind}`);
      if (fromCrd === undefined) {
        record.rejections.push(rejection(object, files, scope.error));
        continue;
      }
      namespaced = fromCrd;
      pendingCrd.add(object);
    } else namespaced = scope.value.namespaced;
    if (namespaced) object.metadata.namespace ??= options.namespace;
    else delete object.metadata.namespace;
  }

  // 4. Namespaces: those the manifests declare are applied; others must exist, or --create-namespace.
  const declared = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));
  const needed = [...new Set(objects.map((o) => o.metadata.namespace).filter((n): n is string => n !== undefined))];
  const newNamespaces = new Set<string>();
  /** Named by objects, not there, not to be created: one rejection each (their objects are not tried). */
  const missingNamespaces = new Set<string>();
  for (const name of needed) {
    if (declared.has(name)) continue;
    const existing = await writer.get({ apiVersion: 'v1', kind: 'Namespace', name });
    // A user whose rights end at its namespace may not read the namespace itself: deploy as
    // kubectl apply would, and let the dry-run say if the namespace is not there.
    if ('error' in existing && existing.error.kind === 'forbidden') continue;
    if ('error' in existing) return end('error', EXIT_USAGE, `get namespace ${name}: ${existing.error.message}`);
    if (existing.value !== null) continue;
    if (options.createNamespace !== true) {
      missingNamespaces.add(name);
      record.rejections.push({ apiVersion: 'v1', kind: 'Namespace', name, error: { kind: 'not-found', message: `namespace "${name}" does not exist (--create-namespace creates it)` } });
      continue;
    }
    objects.unshift({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    declared.add(name);
  }

  // 5. What was there, for the record and the rollback.
  const before = new Map<KubeObject, KubeObject | null>();
  await Promise.all(
    objects.map(async (object) => {
      if (pendingCrd.has(object)) {
        before.set(object, null);
        return;
      }
      const got = await writer.get(refOf(object));
      before.set(object, 'error' in got ? null : got.value);
    }),
  );
  for (const object of objects) if (object.kind === 'Namespace' && before.get(object) === null) newNamespaces.add(object.metadata.name);

  // 6. Server-side dry-run of everything that can be tried now, every rejection reported at once:
  // the namespaces and CRDs themselves included. Objects in a namespace this deploy creates, and
  // custom resources of its CRDs, cannot be tried before those exist (6b).
  const ordered = applyOrder(objects);
  const later = (object: KubeObject): boolean => pendingCrd.has(object) || (object.metadata.namespace !== undefined && newNamespaces.has(object.metadata.namespace));
  await dryRun(ordered.filter((o) => !later(o) && !missingNamespaces.has(o.metadata.namespace ?? '')));
  if (record.rejections.length > 0) return rejected();

  record.applyStartedAt = iso();
  const applied: KubeObject[] = [];
  const applyOne = async (object: KubeObject): Promise<boolean> => {
    const result = await writer.apply(object, { dryRun: false, force: options.forceConflicts === true });
    if ('error' in result) {
      record.rejections.push(rejection(object, files, result.error));
      return false;
    }
    const previous = before.get(object) ?? null;
    const entry: AppliedObject = {
      ...refOf(result.value),
      existed: previous !== null,
      ...(previous?.metadata.resourceVersion === undefined ? {} : { resourceVersionBefore: previous.metadata.resourceVersion }),
      ...(result.value.metadata.resourceVersion === undefined ? {} : { resourceVersionAfter: result.value.metadata.resourceVersion }),
      appliedAt: iso(),
    };
    record.applied.push(entry);
    applied.push(result.value);
    say(`applied ${describeRef(refOf(result.value))}${previous === null ? ' (created)' : ''}\n`);
    return true;
  };
  const applyFailed = (object: KubeObject): Promise<DeployResult> => {
    say(`apply failed: ${describeRef(refOf(object))}: ${record.rejections.at(-1)?.error.message ?? ''}\n`);
    return afterFailure('error', EXIT_ROLLOUT_FAILED, `apply of ${describeRef(refOf(object))} failed`);
  };

  // 6b. For the objects 6 could not try: create what they need and nothing else (the new
  // namespaces, the CRDs of their kinds), dry-run them, and if one is rejected delete what 6b
  // created and wait until it is gone, so that a rejected deploy leaves the cluster as it was.
  // There is no other way: the server refuses even a dry-run in a namespace that does not exist.
  const lateObjects = ordered.filter(later);
  const prerequisites = new Set<KubeObject>();
  if (lateObjects.length > 0) {
    const pendingKinds = new Set([...pendingCrd].map((o) => `${o.apiVersion}/${o.kind}`));
    for (const object of ordered) {
      if (object.kind === 'Namespace' && newNamespaces.has(object.metadata.name)) prerequisites.add(object);
      if (object.kind === 'CustomResourceDefinition' && crdKinds(object).some((key) => pendingKinds.has(key))) prerequisites.add(object);
    }
    for (const object of prerequisites) if (!(await applyOne(object))) return applyFailed(object);
    for (const crd of [...prerequisites].filter((o) => o.kind === 'CustomResourceDefinition')) {
      // Its kinds are served (and can be dry-run) once the CRD is Established.
      const established = await awaitObject(writer, refOf(crd), isEstablished, Math.min(options.timeoutMs ?? DEFAULT_DEPLOY_TIMEOUT_MS, PREREQUISITE_TIMEOUT_MS));
      if (established !== 'reached') say(`${describeRef(refOf(crd))}: not Established ${established === 'timeout' ? `after ${PREREQUISITE_TIMEOUT_MS / 1000} s` : `(${established.error})`}\n`);
    }
    // The apiserver's discovery serves a new kind a moment after its CRD is Established: ask
    // again (bounded, a few reads) until it does, or the dry-run reports the kind as unknown.
    const discoveryDeadline = Date.now() + Math.min(options.timeoutMs ?? DEFAULT_DEPLOY_TIMEOUT_MS, PREREQUISITE_TIMEOUT_MS);
    for (const object of new Map([...pendingCrd].map((o) => [`${o.apiVersion}/${o.kind}`, o])).values()) {
      for (;;) {
        writer.refreshDiscovery();
        const served = await writer.resource(object.apiVersion, object.kind);
        if (!('error' in served) || served.error.kind !== 'unknown-kind' || Date.now() >= discoveryDeadline) break;
        await new Promise((resolve) => setTimeout(resolve, DISCOVERY_RETRY_MS));
      }
    }
    await dryRun(lateObjects);
    if (record.rejections.length > 0) return rejectedAfterPrerequisites([...prerequisites]);
  }

  // 7. Apply, in dependency order.
  for (const object of ordered) {
    if (prerequisites.has(object)) continue;
    if (!(await applyOne(object))) return applyFailed(object);
    if (object.kind === 'CustomResourceDefinition') writer.refreshDiscovery();
  }
  record.applyEndedAt = iso();

  // 7b. --trigger-cronjobs: one Job from each applied CronJob, as `kubectl create job --from=cronjob/X`
  // makes it; recorded as created, so that --rollback deletes it.
  if (options.triggerCronJobs === true) {
    for (const cronJob of applied.filter((o) => o.kind === 'CronJob' && o.apiVersion.startsWith('batch/'))) {
      const job = jobFromCronJob(cronJob, manualJobName(cronJob.metadata.name, now()));
      const result = await writer.apply(job, { dryRun: false });
      if ('error' in result) {
        record.rejections.push(rejection(job, files, result.error));
        say(`--trigger-cronjobs: creating ${describeRef(refOf(job))} failed: ${result.error.message}\n`);
        return afterFailure('error', EXIT_ROLLOUT_FAILED, `--trigger-cronjobs: creating ${describeRef(refOf(job))} failed`);
      }
      record.applied.push({
        ...refOf(result.value),
        existed: false,
        createdFrom: refOf(cronJob),
        ...(result.value.metadata.resourceVersion === undefined ? {} : { resourceVersionAfter: result.value.metadata.resourceVersion }),
        appliedAt: iso(),
      });
      applied.push(result.value);
      say(`created ${describeRef(refOf(result.value))} from CronJob ${cronJob.metadata.name} (--trigger-cronjobs)\n`);
    }
  }

  // 8. Watch the rollouts.
  const workloads = watchedWorkloads(applied);
  if (workloads.length > 0) say(`watching ${workloads.map((w) => describeRef(refOf(w))).join(', ')}\n`);
  for (const workload of workloads) {
    const notWaitedFor = rolloutStatus(workload, { waitForOperatorPods: options.waitForOperatorPods === true }).notWaitedFor;
    if (notWaitedFor !== undefined) say(`${describeRef(refOf(workload))}: ${notWaitedFor}\n`);
  }
  const watched = await watchRollouts(writer, workloads, {
    policy: { transientGraceMs: options.transientGraceMs ?? DEFAULT_TRANSIENT_GRACE_MS, maxAttempts: MAX_ATTEMPTS, target },
    timeoutMs: options.timeoutMs ?? DEFAULT_DEPLOY_TIMEOUT_MS,
    now,
    waitForOperatorPods: options.waitForOperatorPods === true,
    onProgress: (progress) => options.onProgress?.(progress),
    onRetrying: (failure, workload) => say(retryingLine(failure, workload)),
    onNotice: (line) => say(`${line}\n`),
  });
  recordWatch(watched);
  switch (watched.outcome) {
    case 'complete':
      for (const { workload, status } of watched.workloads) if (status.note !== undefined) say(`${describeRef(workload)}: ${status.note}\n`);
      say(`rolled out: ${workloads.length === 0 ? 'nothing to watch' : workloads.map((w) => describeRef(refOf(w))).join(', ')}\n`);
      return end('rolled-out', EXIT_ROLLED_OUT);
    case 'pull-failure':
      for (const entry of record.diagnosis) say(diagnosisText(entry));
      return afterFailure('pull-failure', EXIT_PULL_FAILURE, 'a new pod cannot pull its image');
    case 'timeout':
      say(`timeout: ${watched.message ?? ''}\n`);
      return afterFailure('timeout', EXIT_ROLLOUT_FAILED, watched.message);
    default:
      say(`rollout failed: ${watched.message ?? ''}\n`);
      return afterFailure(watched.outcome === 'failed' ? 'rollout-failed' : 'error', EXIT_ROLLOUT_FAILED, watched.message);
  }

  async function dryRun(batch: KubeObject[]): Promise<void> {
    const results = await Promise.all(batch.map(async (object) => ({ object, result: await writer.apply(object, { dryRun: true, force: options.forceConflicts === true }) })));
    for (const { object, result } of results) {
      if ('error' in result) record.rejections.push(rejection(object, files, result.error));
    }
  }

  function sayRejections(applied: 'nothing' | 'nothing else'): void {
    say(`server-side dry-run: ${record.rejections.length} object(s) rejected; ${applied} was applied\n`);
    for (const r of record.rejections) say(`  ${r.file === undefined ? '' : `${r.file}: `}${describeRef(r)}: ${r.error.message}\n`);
  }

  function rejected(): DeployResult {
    sayRejections('nothing');
    return end('rejected', EXIT_USAGE, `${record.rejections.length} object(s) rejected by the server`);
  }

  /**
   * 6b rejected an object: undo what 6b did for the dry-run (delete the namespaces and CRDs it
   * created and wait until they are gone; re-apply a CRD that existed as it was recorded).
   */
  async function rejectedAfterPrerequisites(done: readonly KubeObject[]): Promise<DeployResult> {
    const names = done.map((object) => describeRef(refOf(object))).join(', ');
    sayRejections('nothing else');
    say(`undoing what this deploy applied for the dry-run: ${names}\n`);
    const startedAt = iso();
    const actions: RollbackAction[] = [];
    const timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_DEPLOY_TIMEOUT_MS, PREREQUISITE_TIMEOUT_MS);
    // Newest first: the CRDs, then the namespaces.
    for (const object of [...done].reverse()) {
      const { action } = await undoObject(writer, refOf(object), before.get(object) ?? null, { awaitGoneMs: timeoutMs });
      actions.push(action);
      say(undoneLine(action, describeRef));
    }
    const ok = actions.every((a) => a.ok);
    record.rollback = { startedAt, endedAt: iso(), ok, actions, available: true };
    say(ok ? 'the cluster is as it was before this deploy\n' : `NOT undone: ${actions.filter((a) => !a.ok).map((a) => describeRef(a)).join(', ')}\n`);
    return end('rejected', EXIT_USAGE, `${record.rejections.length} object(s) rejected by the server; ${ok ? 'undone' : 'NOT all undone'}: what this deploy applied for the dry-run (${names})`);
  }

  function recordWatch(watched: RolloutWatchResult): void {
    record.rollouts = watched.workloads.map((w) => ({
      workload: w.workload,
      desired: w.status.desired,
      ready: w.status.ready,
      complete: w.status.complete,
      ...(w.status.revision === undefined ? {} : { revision: w.status.revision }),
      ...(w.status.failed === undefined ? {} : { failed: w.status.failed }),
      ...(w.status.notWaitedFor === undefined ? {} : { notWaitedFor: w.status.notWaitedFor }),
      ...(w.status.note === undefined ? {} : { note: w.status.note }),
    }));
    const failures: TrackedFailure[] = watched.failures.flatMap((w) => w.failures);
    record.failures = failures.map(podFailureRecord);
    record.diagnosis = diagnose(watched.failures);
    if (watched.firstFailureAt !== undefined) record.firstFailureObservedAt = iso(watched.firstFailureAt);
  }

  /** The evidence is in the record and printed; then (--rollback) restore. */
  async function afterFailure(outcome: DeployOutcome, exitCode: number, message?: string): Promise<DeployResult> {
    if (options.rollback !== true) return end(outcome, exitCode, message);
    const ok = await restore(applied, outcome);
    return end(outcome, ok ? exitCode : EXIT_ROLLBACK_FAILED, ok ? message : `${message ?? outcome}; the rollback failed`);
  }

  /** Re-applies what was there before (force: the recorded state wins), deletes what this deploy created. */
  async function restore(done: KubeObject[], why: string): Promise<boolean> {
    const startedAt = iso();
    const actions: RollbackAction[] = [];
    say(`rollback (${why}): restoring ${done.length} object(s)\n`);
    const restored: KubeObject[] = [];
    for (const live of [...done].reverse()) {
      const original = [...before.entries()].find(([object]) => sameRef(refOf(object), refOf(live)))?.[1] ?? null;
      const undone = await undoObject(writer, refOf(live), original);
      actions.push(undone.action);
      say(undoneLine(undone.action, describeRef));
      if (undone.restored !== undefined) restored.push(undone.restored);
    }
    let available = true;
    const workloads = watchedWorkloads(restored);
    if (workloads.length > 0) {
      say(`rollback: watching ${workloads.map((w) => describeRef(refOf(w))).join(', ')} until the previous revision is available\n`);
      const watched = await watchRollouts(writer, workloads, {
        policy: { transientGraceMs: options.transientGraceMs ?? DEFAULT_TRANSIENT_GRACE_MS, maxAttempts: MAX_ATTEMPTS, target },
        timeoutMs: options.timeoutMs ?? DEFAULT_DEPLOY_TIMEOUT_MS,
        now,
      });
      available = watched.outcome === 'complete';
      say(available ? 'rollback: the previous revision is available\n' : `rollback: the previous revision did not become available (${watched.outcome}${watched.message === undefined ? '' : `: ${watched.message}`})\n`);
    }
    const ok = available && actions.every((a) => a.ok);
    record.rollback = { startedAt, endedAt: iso(), ok, actions, available };
    return ok;
  }
}

/** Images of a pod-running object's containers and init containers. */
function podImages(object: KubeObject): string[] {
  const spec = object.kind === 'Pod' ? object.spec : object.kind === 'CronJob' ? (object.spec as { jobTemplate?: { spec?: { template?: { spec?: unknown } } } } | undefined)?.jobTemplate?.spec?.template?.spec : (object.spec as { template?: { spec?: unknown } } | undefined)?.template?.spec;
  const pod = spec as { containers?: { image?: string }[]; initContainers?: { image?: string }[] } | undefined;
  return [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])].map((c) => c.image).filter((i): i is string => typeof i === 'string' && i !== '');
}

/** `group/version/Kind` of each version a CustomResourceDefinition serves. */
function crdKinds(crd: KubeObject): string[] {
  const spec = crd.spec as { group?: string; names?: { kind?: string }; versions?: { name: string }[] } | undefined;
  return (spec?.versions ?? []).map((version) => `${spec?.group}/${version.name}/${spec?.names?.kind}`);
}

function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.apiVersion === b.apiVersion && a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

function rejection(object: KubeObject, files: Map<KubeObject, string>, error: WriteError): Rejection {
  const file = files.get(object);
  return { ...refOf(object), ...(file === undefined ? {} : { file }), error };
}

function retryingLine(failure: TrackedFailure, workload: ObjectRef): string {
  const e = failure.evidence;
  return `retrying: ${describeRef(workload)} pod ${e.pod} container ${e.container}: ${failure.classification.cause} (transient), attempt ${failure.attempts}/${MAX_ATTEMPTS}: ${e.message}\n`;
}
