// `pullguard diagnose` for people: one block per workload, image and cause, the runtime's own
// words verbatim (made printable) beside the class, where they were read, and the fix.
import type { Diagnosis, DiagnosisEntry, Evidence } from '../diagnose/types.js';
import { palette } from './ansi.js';
import { printable } from './printable.js';

export interface DiagnosisTextOptions {
  color: boolean;
}

const LABEL_WIDTH = 10;

export function formatDiagnosisText(diagnosis: Diagnosis, options: DiagnosisTextOptions): string {
  const paint = palette(options.color);
  const lines: string[] = [];
  const where = diagnosis.namespace === undefined ? 'all namespaces' : `namespace ${diagnosis.namespace}`;
  for (const entry of diagnosis.entries) {
    lines.push(...entryBlock(entry, paint), '');
  }
  for (const gap of diagnosis.gaps) lines.push(paint.yellow(`not read: ${printable(gap)}`));
  if (diagnosis.gaps.length > 0) lines.push('');
  lines.push(summaryLine(diagnosis, where));
  return `${lines.join('\n')}\n`;
}

function summaryLine(diagnosis: Diagnosis, where: string): string {
  if (diagnosis.entries.length === 0) return `No pod in ${where} is failing to pull an image (${diagnosis.source}).`;
  const workloads = new Set(diagnosis.entries.map((e) => `${e.workload.namespace}/${e.workload.kind}/${e.workload.name}`)).size;
  const causes = new Set(diagnosis.entries.map((e) => e.cause)).size;
  return (
    `${plural(diagnosis.failingPods, 'pod')} of ${plural(workloads, 'workload')} in ${where} cannot pull ` +
    `(${plural(causes, 'cause')}; ${diagnosis.source}, target ${diagnosis.target}).`
  );
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function row(label: string, value: string): string {
  return `  ${label.padEnd(LABEL_WIDTH)} ${value}`;
}

function entryBlock(entry: DiagnosisEntry, paint: ReturnType<typeof palette>): string[] {
  const w = entry.workload;
  const via = w.chain.slice(1, -1).map((link) => `${link.kind} ${link.name}`);
  const heading = `${w.namespace}/${w.kind} ${w.name}` + (via.length === 0 ? '' : ` (via ${via.join(', ')})`);
  const lines = [paint.bold(printable(heading))];
  if (w.inferred !== undefined) lines.push(row('', paint.dim(`(${printable(w.inferred)})`)));
  lines.push(row('pods', `${entry.pods.failing}/${entry.pods.total} cannot pull: ${printable(listed(entry.pods.names))}`));
  if (entry.nodes.length > 0) lines.push(row(entry.nodes.length === 1 ? 'node' : 'nodes', printable(listed(entry.nodes))));
  lines.push(row(entry.containers.length === 1 ? 'container' : 'containers', printable(entry.containers.map(containerLabel).join(', '))));
  lines.push(row('image', printable(entry.image)));
  lines.push(row('reason', entry.waitingReasons.join(', ')));
  const recurrence = entry.transient ? 'transient: a later attempt may succeed' : 'deterministic: retrying cannot help';
  lines.push(row('cause', `${paint.red(entry.cause)}: ${entry.summary} (${recurrence})`));
  const counts = attemptsText(entry);
  if (counts !== undefined) lines.push(row('attempts', counts));
  if (entry.agedOut) {
    lines.push(row('aged out', 'no status message or event left names the cause; nothing is guessed'));
  }
  if (entry.message !== undefined) {
    lines.push(row('said', printable(entry.message)));
    if (entry.evidence !== undefined) lines.push(row('', paint.dim(`(${evidenceText(entry.evidence)})`)));
  }
  if (entry.missingSecrets !== undefined) lines.push(row('secrets', `kubelet could not find imagePullSecrets: ${printable(entry.missingSecrets.join(', '))}`));
  if (entry.verification !== undefined) {
    const v = entry.verification;
    const by = v.credentialSource === undefined ? '' : ` with ${printable(v.credentialSource)}`;
    const note = v.note === undefined ? '' : ` (${printable(v.note)})`;
    lines.push(row('verified', `${v.outcome}: the registry says ${v.status}${by}: ${printable(v.summary)}${note}`));
  }
  lines.push(row('fix', printable(entry.fix)));
  return lines;
}

function containerLabel(container: DiagnosisEntry['containers'][number]): string {
  switch (container.kind) {
    case 'initContainer':
      return `${container.name} (init)`;
    case 'ephemeralContainer':
      return `${container.name} (ephemeral)`;
    case 'sandbox':
      return 'pod sandbox (pause image)';
    default:
      return container.name;
  }
}

/** Long pod lists are cut: the count says how many, the JSON has them all. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown}, … (${names.length - 5} more)` : shown;
}

export function attemptsText(entry: Pick<DiagnosisEntry, 'attempts' | 'backOffs' | 'firstSeen' | 'lastSeen'>): string | undefined {
  const parts: string[] = [];
  if (entry.attempts !== undefined) parts.push(`${entry.attempts}`);
  if (entry.backOffs !== undefined) parts.push(`${entry.backOffs} back-off${entry.backOffs === 1 ? '' : 's'}`);
  const times = [entry.firstSeen === undefined ? undefined : `first ${entry.firstSeen}`, entry.lastSeen === undefined ? undefined : `last ${entry.lastSeen}`].filter(
    (t): t is string => t !== undefined,
  );
  if (parts.length === 0 && times.length === 0) return undefined;
  const head = parts.length === 0 ? 'not recorded' : parts.join(', ');
  return times.length === 0 ? head : `${head} (${times.join(', ')})`;
}

export function evidenceText(evidence: Evidence): string {
  switch (evidence.kind) {
    case 'container-status':
      return `container status, ${evidence.field}`;
    case 'waiting-reason':
      return `waiting reason ${evidence.reason}; no message left`;
    case 'event': {
      const seen = evidence.lastSeen === undefined ? '' : `, last seen ${evidence.lastSeen}`;
      return `event ${evidence.type} ${evidence.reason}, x${evidence.count}${seen}`;
    }
  }
}
