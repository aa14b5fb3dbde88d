import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../../src/facts/cluster-writer.js';
import { cronJobStatus, jobFromCronJob, manualJobName, scheduledJobs } from '../../../../src/deploy/rollout-kinds/cronjob.js';
import { rolloutStatus } from '../../../../src/deploy/rollout-model.js';

const cronJob: KubeObject = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: {
    name: 'nightly',
    namespace: 'shop',
    uid: 'cj-1',
    creationTimestamp: '2026-12-01T10:00:00Z',
    managedFields: [
      { manager: 'pullguard', operation: 'Apply', time: '2026-12-06T17:00:05Z' },
      { manager: 'kube-controller-manager', operation: 'Update', subresource: 'status', time: '2026-12-06T17:30:00Z' },
    ],
  },
  spec: {
    schedule: '0 3 * * *',
    timeZone: 'Europe/Berlin',
    jobTemplate: {
      metadata: { labels: { app: 'nightly' }, annotations: { team: 'data', 'cronjob.kubernetes.io/instantiate': 'by-template' } },
      spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'run', image: 'example.test/nightly:2' }] } } },
    },
  },
};

const job = (uid: string, created: string, extra: Partial<KubeObject['metadata']> = {}, owner = 'cj-1'): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: `nightly-${uid}`, namespace: 'shop', uid, creationTimestamp: created, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: owner, controller: true }], ...extra },
  spec: { parallelism: 2 },
});
const pod = (jobUid: string, labelKey = 'batch.kubernetes.io/controller-uid'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${jobUid}`, labels: { [labelKey]: jobUid } } });

describe('CronJob', () => {
  const cases: { title: string; job: KubeObject; scheduled: boolean }[] = [
    { title: 'started by the schedule after the CronJob was last written', job: job('j-new', '2026-12-06T17:01:00Z'), scheduled: true },
    { title: 'in the same second as the write (seconds precision)', job: job('j-same', '2026-12-06T17:00:05Z'), scheduled: true },
    { title: 'started before the write: the earlier template', job: job('j-old', '2026-12-06T03:00:00Z'), scheduled: false },
    { title: 'another CronJob\'s', job: job('j-other', '2026-12-06T17:01:00Z', {}, 'cj-2'), scheduled: false },
    { title: 'created by hand (kubectl create job --from): watched as a Job of its own', job: job('j-manual', '2026-12-06T17:01:00Z', { annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' } }), scheduled: false },
  ];
  for (const c of cases) {
    it(`scheduledJobs: ${c.title}`, () => {
      assert.deepEqual(scheduledJobs(cronJob, [c.job]).map((j) => j.metadata.uid), c.scheduled ? [c.job.metadata.uid] : []);
    });
  }

  it('is complete once applied and says why; pods of its scheduled Jobs are new, by either controller-uid label', () => {
    const status = cronJobStatus(cronJob, { jobs: [job('j-new', '2026-12-06T17:01:00Z'), job('j-old', '2026-12-06T03:00:00Z')] });
    assert.equal(status.complete, true);
    assert.equal(status.notWaitedFor, 'its Jobs run on its schedule (0 3 * * * Europe/Berlin) and are not waited for; a Job the schedule starts during the deploy is watched (--trigger-cronjobs starts one now)');
    assert.equal(status.isNewPod(pod('j-new')), true);
    assert.equal(status.isNewPod(pod('j-new', 'controller-uid')), true);
    assert.equal(status.isNewPod(pod('j-old')), false);
    assert.equal(status.desired, 2);
    assert.equal(rolloutStatus(cronJob).complete, true);
  });

  it('jobFromCronJob: what kubectl create job --from=cronjob/nightly creates', () => {
    assert.deepEqual(jobFromCronJob(cronJob, 'nightly-manual-x'), {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'nightly-manual-x',
        namespace: 'shop',
        // The template's own annotations are copied after kubectl's, so they win.
        annotations: { 'cronjob.kubernetes.io/instantiate': 'by-template', team: 'data' },
        labels: { app: 'nightly' },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'cj-1', controller: true }],
      },
      spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'run', image: 'example.test/nightly:2' }] } } },
    });
    const bare = jobFromCronJob({ ...cronJob, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: {} } } } }, 'x');
    assert.deepEqual(bare.metadata.annotations, { 'cronjob.kubernetes.io/instantiate': 'manual' });
    assert.equal(bare.metadata.labels, undefined);
  });

  it('manualJobName: unlike a scheduled run\'s, at most 63 characters', () => {
    assert.equal(manualJobName('nightly', 1_796_000_000_000), `nightly-manual-${(1_796_000_000_000).toString(36)}`);
    const long = manualJobName(`${'a'.repeat(50)}-b-c`, 1_796_000_000_000);
    assert.equal(long.length <= 63, true);
    assert.match(long, /^a+-manual-[0-9a-z]+$/);
  });
});
