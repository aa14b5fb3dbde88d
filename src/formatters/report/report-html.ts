// `pullguard report -o html`: one self-contained page (inline CSS and SVG, no script, no external
// request) that reads on screen and in print: tables wrap long words instead of overflowing the
// page, and rows are not split across pages.
import type { IncidentReport } from '../../diagnose/report/types.js';
import { escapeXmlText } from '../escape-xml.js';
import { attemptChartSvg } from './attempt-chart-svg.js';
import { chartCaption, eventYaml, evidenceLabel, generatedLine, impactFigures, SECTION_TITLES, TIMELINE_LABELS } from './report-text.js';

const e = escapeXmlText;

/** Prose with `code` spans as the model writes them. */
function prose(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? `<code>${e(part.slice(1, -1))}</code>` : e(part)))
    .join('');
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --bad: #b42318; --accent: #0969da; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
.generated { color: var(--muted); margin-top: 0; }
code, pre { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
code { background: #f6f8fa; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: #f6f8fa; padding: .75rem; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #f6f8fa; }
col.time { width: 11.5rem; } col.step { width: 8rem; } col.from { width: 11rem; }
.cause { color: var(--bad); font-weight: 600; }
figure { margin: 1rem 0; }
figcaption { color: var(--muted); font-size: 13px; }
svg.attempt-chart { width: 100%; height: auto; display: block; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .label { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg .back-off { fill: none; stroke: var(--accent); stroke-width: 1.5; }
svg .attempt { fill: var(--bad); }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, figure, pre { break-inside: auto; }
  tr, figure svg { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 15mm; }
`;

export function formatReportHtml(report: IncidentReport): string {
  const out: string[] = [];
  const section = (id: string, title: string) => out.push(`<section id="${id}">`, `<h2>${e(title)}</h2>`);
  out.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may load from anywhere: the page is whole as written.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${e(`Incident report: ${report.title}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>Incident report: ${e(report.title)}</h1>`,
    `<p class="generated">${e(generatedLine(report))}</p>`,
  );

  section('summary', SECTION_TITLES.summary);
  out.push(`<p>${prose(report.summary.text)}</p>`);
  if (report.summary.event !== undefined) out.push('<p>The event in the cluster:</p>', `<pre class="event">${e(eventYaml(report.summary.event))}</pre>`);
  out.push('</section>');

  section('impact', SECTION_TITLES.impact);
  out.push('<ul>', ...impactFigures(report).map((line) => `<li>${e(line)}</li>`), '</ul>');
  if (report.impact.rows.length > 0) {
    out.push('<table class="impact">', '<thead><tr><th>Workload</th><th>Image</th><th>Cause</th><th>Pods failing</th><th>Unavailable since</th><th>Replica-seconds</th></tr></thead>', '<tbody>');
    for (const row of report.impact.rows) {
      out.push(
        `<tr><td>${e(`${row.workload.kind} ${row.workload.namespace}/${row.workload.name}`)}</td><td><code>${e(row.image)}</code></td><td class="cause">${e(row.cause)}</td>` +
          `<td>${row.failingPods}/${row.totalPods}</td><td>${e(row.unavailableSince ?? 'unknown')}</td><td>${row.unavailableReplicaSeconds}</td></tr>`,
      );
    }
    out.push('</tbody>', '</table>');
  }
  out.push('</section>');

  section('timeline', SECTION_TITLES.timeline);
  out.push('<table class="timeline">', '<colgroup><col class="time"><col class="step"><col><col class="from"></colgroup>', '<thead><tr><th>Time (UTC)</th><th>Step</th><th>What happened</th><th>From</th></tr></thead>', '<tbody>');
  for (const item of report.timeline) {
    out.push(`<tr class="${item.kind}"><td>${e(item.at ?? 'not recorded')}</td><td>${e(TIMELINE_LABELS[item.kind])}</td><td>${prose(item.text)}</td><td>${e(item.from)}</td></tr>`);
  }
  out.push('</tbody>', '</table>', '</section>');

  const caption = chartCaption(report);
  if (report.chart !== undefined && caption !== undefined) {
    section('attempts', SECTION_TITLES.attempts);
    out.push('<figure>', attemptChartSvg(report.chart), `<figcaption>${e(caption)}</figcaption>`, '</figure>', '</section>');
  }

  if (report.rootCause !== null) {
    const rc = report.rootCause;
    section('root-cause', SECTION_TITLES.rootCause);
    out.push('<dl>');
    out.push(`<dt>Root cause</dt><dd><span class="cause">${e(rc.cause)}</span>: ${e(rc.summary)} (${rc.transient ? 'transient: a later attempt may succeed' : 'deterministic: retrying cannot help'})</dd>`);
    if (rc.message !== undefined) out.push(`<dt>In the runtime's words</dt><dd><code>${e(rc.message)}</code> (${e(evidenceLabel(rc.evidence))})</dd>`);
    if (rc.agedOut) out.push('<dt>Aged out</dt><dd>No status message or event left names the cause; none is guessed.</dd>');
    out.push(`<dt>Trigger</dt><dd>${prose(rc.trigger)}</dd>`, '</dl>', '</section>');
  }
  if (report.resolution.length > 0) {
    section('resolution', SECTION_TITLES.resolution);
    out.push('<ol>', ...report.resolution.map((step) => `<li>${prose(step)}</li>`), '</ol>', '</section>');
  }
  section('prevention', SECTION_TITLES.prevention);
  out.push('<ul>', ...report.prevention.map((line) => `<li>${prose(line)}</li>`), '</ul>', '</section>');
  if (report.verification.length > 0) {
    section('verification', SECTION_TITLES.verification);
    out.push(`<pre class="commands">${e(report.verification.join('\n'))}</pre>`, '</section>');
  }
  section('data-gaps', SECTION_TITLES.dataGaps);
  if (report.dataGaps.length === 0) out.push('<p>None: every fact above is from the records.</p>');
  else out.push('<ul>', ...report.dataGaps.map((gap) => `<li>${prose(gap)}</li>`), '</ul>');
  out.push('</section>', '</body>', '</html>', '');
  return out.join('\n');
}
