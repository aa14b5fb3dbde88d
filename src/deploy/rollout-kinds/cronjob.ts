// deploy/rollout-kinds: a CronJob runs on its schedule, not when it is applied, so a deploy never
// waits for it. Its revision is its jobTemplate: the Jobs its schedule started since the CronJob
// was last written run what is applied now, and their pods' pull failures stop the deploy like a
// Job's. `--trigger-cronjobs` starts one Job right away, as `kubectl create job --from=cronjob/X`
// does (jobFromCronJob), and that Job is watched as a Job. Pure.
import type { KubeObject } from '../../facts/cluster-writer.js';
import type { RelatedObjects, RolloutStatus } from '../rollout-model.js';
import { createdSince, jobUidOfPod, lastWrittenAt, NO_POD, num, ownedBy, specOf, str } from './object-fields.js';

/** The annotation kubectl puts on a Job it creates from a CronJob (the CronJob controller's Jobs lack it). */
export const MANUAL_INSTANTIATION = 'cronjob.kubernetes.io/instantiate';

/** Jobs its schedule started since the CronJob was last written; manually created ones are watched as Jobs. */
export function scheduledJobs(cronJob: KubeObject, jobs: readonly KubeObject[]): KubeObject[] {
  const since = lastWrittenAt(cronJob);
  return jobs.filter((job) => ownedBy(job, cronJob) && job.metadata.annotations?.[MANUAL_INSTANTIATION] === undefined && createdSince(job, since));
}

export function cronJobStatus(cronJob: KubeObject, related: Pick<RelatedObjects, 'jobs'>): RolloutStatus {
  const uid = cronJob.metadata.uid;
  const jobs = uid === undefined ? [] : scheduledJobs(cronJob, related.jobs);
  const uids = new Set(jobs.map((job) => job.metadata.uid));
  return {
    observed: uid !== undefined,
    isNewPod: jobs.length === 0 ? NO_POD : (pod) => uids.has(jobUidOfPod(pod)),
    desired: jobs.reduce((sum, job) => sum + num(specOf(job).parallelism, 1), 0),
    ready: 0,
    complete: true,
    notWaitedFor: `its Jobs run on its schedule (${scheduleText(cronJob)}) and are not waited for; a Job the schedule starts during the deploy is watched (--trigger-cronjobs starts one now)`,
    ...(uid === undefined ? {} : { revision: uid }),
  };
}

function scheduleText(cronJob: KubeObject): string {
  const spec = specOf(cronJob);
  const zone = str(spec.timeZone);
  const suspended = spec.suspend === true ? ', suspended' : '';
  return `${str(spec.schedule) ?? 'no schedule'}${zone === undefined ? '' : ` ${zone}`}${suspended}`;
}

/**
 * The Job `kubectl create job NAME --from=cronjob/X` creates (kubectl create_job.go): the
 * jobTemplate's spec, labels and annotations, `cronjob.kubernetes.io/instantiate: manual` (the
 * template's own annotations win), and a controller owner reference to the CronJob without
 * blockOwnerDeletion. The CronJob must be the one the server returned (its uid).
 */
export function jobFromCronJob(cronJob: KubeObject, name: string): KubeObject {
  const template = (specOf(cronJob).jobTemplate as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown } | undefined) ?? {};
  const labels = template.metadata?.labels;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      ...(cronJob.metadata.namespace === undefined ? {} : { namespace: cronJob.metadata.namespace }),
      annotations: { [MANUAL_INSTANTIATION]: 'manual', ...template.metadata?.annotations },
      ...(labels === undefined ? {} : { labels }),
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name, uid: cronJob.metadata.uid ?? '', controller: true }],
    },
    spec: template.spec ?? {},
  };
}

/** Job names are label values (`job-name`): at most 63 characters. */
const MAX_JOB_NAME = 63;

/**
 * A name for the Job --trigger-cronjobs starts: `<cronjob>-manual-<time in base 36>`, unlike the
 * schedule's `<cronjob>-<minutes since the epoch>`, so it never takes the name of a scheduled run.
 */
export function manualJobName(cronJobName: string, nowMs: number): string {
  const suffix = `-manual-${Math.floor(nowMs).toString(36)}`;
  return `${cronJobName.slice(0, MAX_JOB_NAME - suffix.length).replace(/[-.]+$/, '')}${suffix}`;
}
