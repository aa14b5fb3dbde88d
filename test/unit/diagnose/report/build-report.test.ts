// The seed incident (one Deployment, imagePullPolicy Never, 264 attempts over an hour on AKS)
// reported from its snapshot: the sections and figures the hand-written post-mortem had, now
// from the records. Plus a back-off incident, an aged-out one and a clean namespace.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnoseRecords, readClusterRecords } from '../../../../src/diagnose/diagnose-cluster.js';
import { buildIncidentReport } from '../../../../src/diagnose/report/build-report.js';
import type { IncidentReport } from '../../../../src/diagnose/report/types.js';
import { getTargetProfile } from '../../../../src/detect/profiles.js';
import type { ClusterSnapshot } from '../../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../../src/facts/snapshot-reader.js';
import { formatReportMarkdown } from '../../../../src/formatters/report/report-markdown.js';
import { formatReportHtml } from '../../../../src/formatters/report/report-html.js';
import { formatReportJson } from '../../../../src/formatters/report/report-json.js';
import { repoRoot } from '../../../support/control-plane/repo-root.js';

const FIXTURES = join(repoRoot(), 'test/fixtures/diagnose');

async function reportOf(file: string, namespace: string, target: string, now: string): Promise<IncidentReport> {
  const snapshot = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as ClusterSnapshot;
  const reader = snapshotReader(snapshot, `snapshot ${file}`);
  const profile = getTargetProfile(target);
  assert.ok(profile !== undefined);
  const records = await readClusterRecords(reader, namespace, true);
  return buildIncidentReport(diagnoseRecords(records, { namespace, target: profile, source: reader.source, includeRecovered: true }), records, { now: Date.parse(now) });
}

const seed = () => reportOf('seed-incident.snapshot.json', 'monadic-pipeline', 'aks', '2025-10-02T11:00:00Z');

describe('report: the seed incident', () => {
  it('summarises with the actual event', async () => {
    const report = await seed();
    assert.equal(report.title, 'ErrImageNeverPull: Deployment monadic-pipeline/monadic-pipeline-webapi cannot pull monadic-pipeline-webapi:latest');
    assert.equal(
      report.summary.text,
      '1 of 1 pod of Deployment monadic-pipeline/monadic-pipeline-webapi cannot start: kubelet cannot get image monadic-pipeline-webapi:latest (ErrImageNeverPull). ' +
        'Cause: never-pull-missing (imagePullPolicy: Never and the image is not on the node). 264 attempts over 59 min 44 s, still failing at 2025-10-02T11:00:00Z.',
    );
    assert.deepEqual(report.summary.event, {
      type: 'Warning',
      reason: 'ErrImageNeverPull',
      message: 'Container image "monadic-pipeline-webapi:latest" is not present with pull policy of Never',
      count: 264,
      object: { kind: 'Pod', name: 'monadic-pipeline-webapi-7ddcb5c887-knlf4', namespace: 'monadic-pipeline' },
      firstSeen: '2025-10-02T10:00:00Z',
      lastSeen: '2025-10-02T10:59:44Z',
    });
  });

  it('measures the impact: 1 workload, 1 pod, 3610 unavailable replica-seconds', async () => {
    const report = await seed();
    assert.deepEqual(report.impact, {
      workloads: 1,
      pods: 1,
      unavailableReplicaSeconds: 3610,
      rows: [
        {
          workload: { kind: 'Deployment', name: 'monadic-pipeline-webapi', namespace: 'monadic-pipeline' },
          image: 'monadic-pipeline-webapi:latest',
          cause: 'never-pull-missing',
          failingPods: 1,
          totalPods: 1,
          unavailableSince: '2025-10-02T09:59:50Z',
          unavailableReplicaSeconds: 3610,
        },
      ],
    });
  });

  it('builds the timeline from the change to now, with the field manager of the template', async () => {
    const report = await seed();
    assert.deepEqual(
      report.timeline.map((t) => `${t.at ?? '-'} ${t.kind}: ${t.text}`),
      [
        '2025-10-02T09:59:49Z change: ReplicaSet monadic-pipeline-webapi-7ddcb5c887 (revision 1) was created for Deployment monadic-pipeline-webapi; its pod template was last written by field manager `kubectl-client-side-apply` (Update) at 2025-10-02T09:59:49Z.',
        '2025-10-02T09:59:50Z pod-created: Pod monadic-pipeline-webapi-7ddcb5c887-knlf4 created.',
        '2025-10-02T09:59:51Z pod-scheduled: Scheduled to node aks-nodepool1-31718369-vmss000000.',
        '2025-10-02T10:00:00Z first-attempt: kubelet looked for monadic-pipeline-webapi:latest on the node for container webapi; with imagePullPolicy Never it does not pull.',
        '2025-10-02T10:00:00Z first-failure: First recorded failure: ErrImageNeverPull — Container image "monadic-pipeline-webapi:latest" is not present with pull policy of Never',
        '2025-10-02T10:59:44Z attempts: Attempt 264, the last recorded, failed the same way.',
        '2025-10-02T11:00:00Z now: Report written: 1 pod still cannot pull.',
        '- recovery: Not recovered as of the report.',
      ],
    );
  });

  it('charts 264 attempts, evenly spaced (no back-off for Never), and says the spacing is modelled', async () => {
    const report = await seed();
    assert.equal(report.chart?.points.length, 264);
    assert.equal(report.chart?.model, 'even');
    assert.deepEqual(report.chart?.points.slice(0, 3), [
      { offsetSeconds: 0, waitSeconds: 0 },
      { offsetSeconds: 13.6, waitSeconds: 13.6 },
      { offsetSeconds: 27.3, waitSeconds: 13.6 },
    ]);
    assert.equal(report.chart?.points.at(-1)?.offsetSeconds, 3584);
    assert.deepEqual(report.dataGaps, [
      'The records keep the first attempt, the last and the count (264); the times between on the chart are modelled as even steps (kubelet retries on every pod sync, without back-off, for this cause).',
    ]);
  });

  it('separates root cause from trigger and gives the AKS resolution, prevention and verification', async () => {
    const report = await seed();
    assert.equal(report.rootCause?.cause, 'never-pull-missing');
    assert.equal(report.rootCause?.message, 'Container image "monadic-pipeline-webapi:latest" is not present with pull policy of Never');
    assert.match(report.rootCause?.trigger ?? '', /^ReplicaSet monadic-pipeline-webapi-7ddcb5c887 \(revision 1\) was created/);
    assert.match(report.resolution[0] ?? '', /az acr build --registry REGISTRY --image IMAGE \..*--attach-acr REGISTRY/);
    assert.equal(report.resolution[1], 'Apply the corrected manifest, then wait for the rollout: `kubectl rollout status deployment/monadic-pipeline-webapi -n monadic-pipeline --timeout=5m`.');
    assert.equal(report.prevention[0], 'In CI, before deploying: `pullguard check k8s/ --target aks` (exit code 1 stops the pipeline when a node could not pull an image).');
    assert.deepEqual(report.verification, [
      'pullguard diagnose -n monadic-pipeline',
      'kubectl get pods -n monadic-pipeline -o wide',
      'kubectl rollout status deployment/monadic-pipeline-webapi -n monadic-pipeline',
      'kubectl get events -n monadic-pipeline --field-selector type=Warning --sort-by=.lastTimestamp',
    ]);
  });

  it('writes the Markdown sections in order, and the same bytes twice', async () => {
    const markdown = formatReportMarkdown(await seed());
    assert.deepEqual(
      markdown.split('\n').filter((line) => line.startsWith('#')),
      [
        '# Incident report: ErrImageNeverPull: Deployment monadic-pipeline/monadic-pipeline-webapi cannot pull monadic-pipeline-webapi:latest',
        '## Summary',
        '## Impact',
        '## Timeline',
        '## Pull attempts',
        '## Root cause and trigger',
        '## Resolution',
        '## Prevention',
        '## Verification',
        '## Data gaps',
      ],
    );
    assert.ok(markdown.includes('- Unavailable replica-seconds: 3610 (1 h of one replica)\n'));
    assert.ok(markdown.includes('count: 264\nfirstTimestamp: "2025-10-02T10:00:00Z"\nlastTimestamp: "2025-10-02T10:59:44Z"\n```'));
    assert.equal(formatReportMarkdown(await seed()), markdown);
    assert.equal(formatReportHtml(await seed()), formatReportHtml(await seed()));
    assert.equal(formatReportJson(await seed()), formatReportJson(await seed()));
  });
});

describe('report: other incidents', () => {
  it('models back-off and says when the template owner was not among the objects read', async () => {
    const report = await reportOf('cases.snapshot.json', 'err-image-pull', 'remote', '2026-11-30T09:00:00Z');
    assert.equal(report.chart?.model, 'kubelet-back-off');
    assert.deepEqual(report.chart?.points.map((p) => p.offsetSeconds), [0, 22.9, 68.6, 160]);
    assert.equal(
      report.timeline.find((t) => t.kind === 'back-off')?.text,
      "Back-off between pulls doubling from 10 s; not yet at kubelet's 5-minute cap by the last attempt; kubelet reported back-off 9 times.",
    );
    assert.ok(report.dataGaps.includes('Deployment api is not among the objects read: which field manager changed its pod template is unknown.'));
  });

  it('reaches the back-off cap on a long incident and reports an aged-out cause as a gap, not a guess', async () => {
    const report = await reportOf('cases.snapshot.json', 'aged-out', 'remote', '2026-11-30T09:00:00Z');
    assert.equal(report.rootCause?.cause, 'unknown');
    assert.equal(report.rootCause?.agedOut, true);
    assert.equal(report.timeline.find((t) => t.kind === 'back-off')?.text, "Back-off between pulls reached kubelet's 5-minute cap; kubelet reported back-off 271 times.");
    assert.ok(report.dataGaps.includes("The cause has aged out of the events and the status shows only back-off: the runtime's words are not in the records, and no cause is guessed."));
  });

  it('tells the story of an incident that recovered: when, and the replica-seconds until then', async () => {
    const report = await reportOf('cases.snapshot.json', 'recovered', 'remote', '2026-11-30T09:00:00Z');
    assert.equal(report.clean, false);
    assert.equal(report.title, 'ErrImagePull: Pod recovered/late could not pull registry.example.com/shop/late:3 (recovered)');
    assert.equal(
      report.summary.text,
      '1 of 1 pod of Pod recovered/late could not start: kubelet could not get image registry.example.com/shop/late:3 (ErrImagePull). ' +
        'Cause: image-not-found (the registry has no such repository, tag or digest). 6 attempts over 18 min 50 s; recovered at 2026-11-30T08:20:00Z.',
    );
    assert.equal(report.impact.unavailableReplicaSeconds, 1200);
    assert.deepEqual(
      report.timeline.filter((t) => t.kind === 'recovery' || t.kind === 'now').map((t) => `${t.at} ${t.kind}: ${t.text}`),
      [
        '2026-11-30T08:19:55Z recovery: Image pulled: Successfully pulled image "registry.example.com/shop/late:3" in 1.2s (1.2s including waiting). Image size: 5242880 bytes.',
        '2026-11-30T08:20:00Z recovery: Container late started.',
        '2026-11-30T09:00:00Z now: Report written: the pods of this incident run.',
      ],
    );
  });

  it('says so when nothing is failing', async () => {
    const report = await reportOf('cases.snapshot.json', 'healthy', 'remote', '2026-11-30T09:00:00Z');
    assert.equal(report.clean, true);
    assert.equal(report.title, 'No image-pull failure in namespace healthy');
    assert.equal(report.rootCause, null);
  });
});
