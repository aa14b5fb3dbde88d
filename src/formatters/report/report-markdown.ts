// `pullguard report` as Markdown (the default): the post-mortem a team would write by hand, in
// GitHub-flavoured Markdown. Text from the cluster goes into code spans or escaped cells.
import type { IncidentReport } from '../../diagnose/report/types.js';
import { escapeMarkdownCell } from '../escape-markdown.js';
import { printable } from '../printable.js';
import { chartCaption, eventYaml, evidenceLabel, generatedLine, impactFigures, SECTION_TITLES, TIMELINE_LABELS } from './report-text.js';

/** A code span that no backtick inside can close. */
function code(text: string): string {
  const content = printable(text);
  let longest = 0;
  for (const run of content.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

function fenced(text: string, info: string): string {
  let longest = 2;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${printable(text, { keepWhitespace: true })}\n${fence}`;
}

/** Prose with `code` spans as the model writes them: escape the prose, keep the spans. */
function prose(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? code(part.slice(1, -1)) : escapeMarkdownCell(part)))
    .join('');
}

export function formatReportMarkdown(report: IncidentReport): string {
  const out: string[] = [];
  const section = (title: string) => out.push('', `## ${title}`, '');
  out.push(`# Incident report: ${escapeMarkdownCell(report.title)}`, '', `_${escapeMarkdownCell(generatedLine(report))}_`);

  section(SECTION_TITLES.summary);
  out.push(prose(report.summary.text));
  if (report.summary.event !== undefined) out.push('', 'The event in the cluster:', '', fenced(eventYaml(report.summary.event), 'yaml'));

  section(SECTION_TITLES.impact);
  for (const line of impactFigures(report)) out.push(`- ${line}`);
  if (report.impact.rows.length > 0) {
    out.push('', '| Workload | Image | Cause | Pods failing | Unavailable since | Replica-seconds |', '| --- | --- | --- | --- | --- | --- |');
    for (const row of report.impact.rows) {
      out.push(
        `| ${escapeMarkdownCell(`${row.workload.kind} ${row.workload.namespace}/${row.workload.name}`)} | ${code(row.image)} | ${row.cause} | ${row.failingPods}/${row.totalPods} | ${row.unavailableSince ?? 'unknown'} | ${row.unavailableReplicaSeconds} |`,
      );
    }
  }

  section(SECTION_TITLES.timeline);
  out.push('| Time (UTC) | Step | What happened | From |', '| --- | --- | --- | --- |');
  for (const item of report.timeline) {
    out.push(`| ${item.at ?? 'not recorded'} | ${TIMELINE_LABELS[item.kind]} | ${prose(item.text)} | ${escapeMarkdownCell(item.from)} |`);
  }

  const caption = chartCaption(report);
  if (caption !== undefined && report.chart !== undefined) {
    section(SECTION_TITLES.attempts);
    out.push(escapeMarkdownCell(caption));
    const waits = report.chart.points.slice(1).map((p) => p.waitSeconds);
    if (waits.length > 0) out.push('', `Wait before each attempt (s): first ${waits.slice(0, 8).join(', ')}${waits.length > 8 ? ', …' : ''}; longest ${Math.max(...waits)}.`);
  }

  if (report.rootCause !== null) {
    const rc = report.rootCause;
    section(SECTION_TITLES.rootCause);
    out.push(`- **Root cause:** ${code(rc.cause)} — ${escapeMarkdownCell(rc.summary)} (${rc.transient ? 'transient: a later attempt may succeed' : 'deterministic: retrying cannot help'})`);
    if (rc.message !== undefined) out.push(`- **In the runtime's words:** ${code(rc.message)} (${escapeMarkdownCell(evidenceLabel(rc.evidence))})`);
    if (rc.agedOut) out.push('- **Aged out:** no status message or event left names the cause; none is guessed.');
    out.push(`- **Trigger:** ${prose(rc.trigger)}`);
  }

  if (report.resolution.length > 0) {
    section(SECTION_TITLES.resolution);
    report.resolution.forEach((step, i) => out.push(`${i + 1}. ${prose(step)}`));
  }
  section(SECTION_TITLES.prevention);
  for (const line of report.prevention) out.push(`- ${prose(line)}`);
  if (report.verification.length > 0) {
    section(SECTION_TITLES.verification);
    out.push(fenced(report.verification.join('\n'), 'sh'));
  }
  section(SECTION_TITLES.dataGaps);
  if (report.dataGaps.length === 0) out.push('None: every fact above is from the records.');
  for (const gap of report.dataGaps) out.push(`- ${prose(gap)}`);
  return `${out.join('\n')}\n`;
}
