// Wording the three report formats share, so that they say the same thing.
import type { Evidence } from '../../diagnose/types.js';
import type { IncidentReport, ReportEvent, TimelineKind } from '../../diagnose/report/types.js';
import { duration } from '../../diagnose/report/build-report.js';

export const SECTION_TITLES = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  attempts: 'Pull attempts',
  rootCause: 'Root cause and trigger',
  resolution: 'Resolution',
  prevention: 'Prevention',
  verification: 'Verification',
  dataGaps: 'Data gaps',
} as const;

export const TIMELINE_LABELS: Record<TimelineKind, string> = {
  change: 'Change',
  'pod-created': 'Pod created',
  'pod-scheduled': 'Pod scheduled',
  'first-attempt': 'First attempt',
  'first-failure': 'First failure',
  'back-off': 'Back-off',
  attempts: 'Attempts',
  now: 'Now',
  recovery: 'Recovery',
};

export function generatedLine(report: IncidentReport): string {
  const scope = report.namespace === undefined ? 'all namespaces' : `namespace ${report.namespace}`;
  return `Written ${report.generatedAt} by pullguard ${report.tool.version} from ${report.source} (${scope}, target ${report.target}).`;
}

/** The event as `kubectl get event -o yaml` would show its telling fields. */
export function eventYaml(event: ReportEvent): string {
  const lines = [
    `type: ${event.type}`,
    `reason: ${event.reason}`,
    `message: ${JSON.stringify(event.message)}`,
    'involvedObject:',
    `  kind: ${event.object.kind}`,
    `  name: ${event.object.name}`,
    `  namespace: ${event.object.namespace}`,
    `count: ${event.count}`,
  ];
  if (event.firstSeen !== undefined) lines.push(`firstTimestamp: "${event.firstSeen}"`);
  if (event.lastSeen !== undefined) lines.push(`lastTimestamp: "${event.lastSeen}"`);
  return lines.join('\n');
}

export function impactFigures(report: IncidentReport): string[] {
  const seconds = report.impact.unavailableReplicaSeconds;
  return [
    `Workloads affected: ${report.impact.workloads}`,
    `Pods that cannot start: ${report.impact.pods}`,
    `Unavailable replica-seconds: ${seconds}${seconds >= 60 ? ` (${duration(seconds)} of one replica)` : ''}`,
  ];
}

export function evidenceLabel(evidence: Evidence | undefined): string {
  if (evidence === undefined) return 'no record';
  switch (evidence.kind) {
    case 'container-status':
      return `container status, ${evidence.field}`;
    case 'waiting-reason':
      return `waiting reason ${evidence.reason}`;
    case 'event':
      return `event ${evidence.type} ${evidence.reason} x${evidence.count}${evidence.lastSeen === undefined ? '' : `, last seen ${evidence.lastSeen}`}`;
  }
}

export function chartCaption(report: IncidentReport): string | undefined {
  const chart = report.chart;
  if (chart === undefined) return undefined;
  const model =
    chart.model === 'recorded'
      ? 'as recorded'
      : chart.model === 'kubelet-back-off'
        ? "times between the first and the last modelled from kubelet's back-off (10 s doubling to 5 min)"
        : 'times between the first and the last modelled as even steps (no back-off for this cause)';
  return `${chart.attempts} attempts for pod ${chart.pod}, container ${chart.container}, from ${chart.start} to ${chart.end}; ${model}.`;
}
