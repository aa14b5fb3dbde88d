// The human format (the default): findings grouped by file, one aligned row per finding, the
// object/container and the remediation on indented lines beneath, an image table when registry
// checks ran, and a one-line verdict. Every string that came from a manifest goes through
// `printable`, so a hostile manifest cannot drive the terminal.
import type { ClusterSummary, Finding, ImageVerdict, Report } from '../core/types.js';
import type { Severity } from '../shared/severity.js';
import { palette, type Palette } from './ansi.js';
import { wholeOutput, type ChunkedFormatter, type Formatter } from './formatter.js';
import { subjectLabel } from './object-label.js';
import { printable } from './printable.js';
import { sortedFindings, sortedImages } from './report-order.js';
import { summarySentence } from './summary-sentence.js';

/**
 * Columns are aligned across the whole report, not per file. Messages longer than this do not
 * push every rule id further right; they just overflow.
 */
const MESSAGE_COLUMN_MAX = 72;
const SEVERITY_WIDTH = 'warning'.length;

/** Columns counted in code points: close enough for terminals, without a width table for CJK and emoji. */
function width(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function padEnd(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

function paintSeverity(paint: Palette, severity: Severity, text: string): string {
  if (severity === 'error') return paint.red(text);
  if (severity === 'warning') return paint.yellow(text);
  return paint.cyan(text);
}

/** Widths over the whole report, in a loop: spreading 100,000 rows into Math.max overflows the stack. */
function columnWidths(findings: readonly Finding[]): { location: number; message: number } {
  let location = 0;
  let message = 0;
  for (const finding of findings) {
    location = Math.max(location, width(`${finding.line}:${finding.column}`));
    if (message < MESSAGE_COLUMN_MAX) message = Math.min(MESSAGE_COLUMN_MAX, Math.max(message, width(printable(finding.message))));
  }
  return { location, message };
}

/** One piece per finding: its row, then the subject and the fix on indented lines. */
function* findingLines(findings: readonly Finding[], paint: Palette): Generator<string> {
  const widths = columnWidths(findings);
  const indent = ' '.repeat(2 + widths.location + 2 + SEVERITY_WIDTH + 2);
  let file: string | undefined;
  for (const finding of findings) {
    let piece = '';
    if (finding.file !== file) {
      if (file !== undefined) piece += '\n\n';
      file = finding.file;
      piece += `${paint.underline(printable(file))}\n`;
    } else {
      piece += '\n';
    }
    piece +=
      `  ${paint.dim(padEnd(`${finding.line}:${finding.column}`, widths.location))}  ` +
      `${paintSeverity(paint, finding.severity, padEnd(finding.severity, SEVERITY_WIDTH))}  ` +
      `${padEnd(printable(finding.message), widths.message)}  ${paint.dim(printable(finding.ruleId))}`;
    const subject = subjectLabel(finding);
    if (subject !== undefined) piece += `\n${indent}${paint.dim(printable(subject))}`;
    if (finding.remediation !== undefined) piece += `\n${indent}fix: ${printable(finding.remediation)}`;
    yield piece;
  }
}

function imageLines(images: readonly ImageVerdict[], paint: Palette): string[] {
  const rows = sortedImages(images).map((verdict) => ({
    ok: verdict.status === 'ok',
    cells: [printable(verdict.image), printable(verdict.status), printable(verdict.summary)] as const,
  }));
  const header = ['IMAGE', 'STATUS', 'SUMMARY'] as const;
  let imageWidth: number = header[0].length;
  let statusWidth: number = header[1].length;
  for (const row of rows) {
    imageWidth = Math.max(imageWidth, width(row.cells[0]));
    statusWidth = Math.max(statusWidth, width(row.cells[1]));
  }
  const lines = [
    paint.bold('Images'),
    paint.dim(`  ${padEnd(header[0], imageWidth)}  ${padEnd(header[1], statusWidth)}  ${header[2]}`),
  ];
  for (const row of rows) {
    const status = padEnd(row.cells[1], statusWidth);
    lines.push(`  ${padEnd(row.cells[0], imageWidth)}  ${row.ok ? paint.green(status) : paint.red(status)}  ${row.cells[2]}`);
  }
  return lines;
}

/** What was read from the cluster, and each fact that could not be (the reason names the missing permission). */
function clusterLines(cluster: ClusterSummary, paint: Palette): string[] {
  const kind = `${cluster.type}${cluster.clusterName === undefined ? '' : ` ${cluster.clusterName}`}, ${cluster.local ? 'local' : 'remote'}`;
  const nodes = cluster.nodes === undefined ? '' : `; ${cluster.nodes.count} node(s)${cluster.nodes.platforms.length === 0 ? '' : ` (${cluster.nodes.platforms.join(', ')})`}`;
  const lines = [paint.bold('Cluster'), `  ${printable(cluster.source)}: ${printable(kind)} (${cluster.typeFrom === 'detected' ? `detected: ${printable(cluster.evidence[0] ?? '')}` : 'from --target'})${nodes}`];
  for (const namespace of cluster.namespaces) {
    const detail = namespace.status === 'unknown' ? `unknown (${namespace.reason ?? ''})` : namespace.pods === undefined ? namespace.status : `${namespace.status}, ${namespace.pods} pod(s)`;
    lines.push(`  namespace ${printable(namespace.name)}: ${printable(detail)}`);
  }
  for (const item of cluster.unknown) lines.push(`  ${paint.yellow('unknown')} ${printable(item.fact)}: ${printable(item.reason)}`);
  return lines;
}

function summaryLine(report: Report, paint: Palette): string {
  const sentence = summarySentence(report.summary);
  const details = ` (${sentence.details})`;
  const unverified = sentence.unverified === undefined ? '' : `\n${sentence.problems ? paint.yellow(sentence.unverified) : sentence.unverified}`;
  if (!sentence.problems) return paint.green(`✔ ${sentence.headline}`) + details + unverified;
  const colour = report.summary.errors > 0 ? paint.red : paint.yellow;
  return paint.bold(colour(`✖ ${sentence.headline}`)) + details + unverified;
}

/** Sections (findings, images, verdict) apart by one blank line. */
export const textChunks: ChunkedFormatter = function* (report, context) {
  const paint = palette(context.color);
  if (report.findings.length > 0) {
    yield* findingLines(sortedFindings(report.findings), paint);
    yield '\n\n';
  }
  if (report.cluster !== undefined) yield `${clusterLines(report.cluster, paint).join('\n')}\n\n`;
  if (report.images !== undefined && report.images.length > 0) yield `${imageLines(report.images, paint).join('\n')}\n\n`;
  yield `${summaryLine(report, paint)}\n`;
};

export const formatText: Formatter = wholeOutput(textChunks);
