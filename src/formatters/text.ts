// The human format (the default): findings grouped by file, one aligned row per finding, the
// object/container and the remediation on indented lines beneath, an image table when registry
// checks ran, and a one-line verdict. Every string that came from a manifest goes through
// `printable`, so a hostile manifest cannot drive the terminal.
import type { Finding, ImageVerdict, Report } from '../core/types.js';
import type { Severity } from '../shared/severity.js';
import { palette, type Palette } from './ansi.js';
import type { FormatContext, Formatter } from './formatter.js';
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

function findingLines(findings: readonly Finding[], paint: Palette): string[] {
  const rows = findings.map((finding) => ({
    finding,
    location: `${finding.line}:${finding.column}`,
    message: printable(finding.message),
  }));
  const locationWidth = Math.max(...rows.map((row) => width(row.location)));
  const messageWidth = Math.min(MESSAGE_COLUMN_MAX, Math.max(...rows.map((row) => width(row.message))));
  const indent = ' '.repeat(2 + locationWidth + 2 + SEVERITY_WIDTH + 2);

  const lines: string[] = [];
  let file: string | undefined;
  for (const row of rows) {
    const { finding } = row;
    if (finding.file !== file) {
      if (file !== undefined) lines.push('');
      file = finding.file;
      lines.push(paint.underline(printable(file)));
    }
    lines.push(
      `  ${paint.dim(padEnd(row.location, locationWidth))}  ` +
        `${paintSeverity(paint, finding.severity, padEnd(finding.severity, SEVERITY_WIDTH))}  ` +
        `${padEnd(row.message, messageWidth)}  ${paint.dim(printable(finding.ruleId))}`,
    );
    const subject = subjectLabel(finding);
    if (subject !== undefined) lines.push(indent + paint.dim(printable(subject)));
    if (finding.remediation !== undefined) lines.push(`${indent}fix: ${printable(finding.remediation)}`);
  }
  return lines;
}

function imageLines(images: readonly ImageVerdict[], paint: Palette): string[] {
  const rows = sortedImages(images).map((verdict) => ({
    ok: verdict.status === 'ok',
    cells: [printable(verdict.image), printable(verdict.status), printable(verdict.summary)] as const,
  }));
  const header = ['IMAGE', 'STATUS', 'SUMMARY'] as const;
  const imageWidth = Math.max(header[0].length, ...rows.map((row) => width(row.cells[0])));
  const statusWidth = Math.max(header[1].length, ...rows.map((row) => width(row.cells[1])));
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

function summaryLine(report: Report, paint: Palette): string {
  const sentence = summarySentence(report.summary);
  const details = ` (${sentence.details})`;
  if (!sentence.problems) return paint.green(`✔ ${sentence.headline}`) + details;
  const colour = report.summary.errors > 0 ? paint.red : paint.yellow;
  return paint.bold(colour(`✖ ${sentence.headline}`)) + details;
}

export const formatText: Formatter = (report: Report, context: FormatContext): string => {
  const paint = palette(context.color);
  const sections: string[][] = [];
  if (report.findings.length > 0) sections.push(findingLines(sortedFindings(report.findings), paint));
  if (report.images !== undefined && report.images.length > 0) sections.push(imageLines(report.images, paint));
  sections.push([summaryLine(report, paint)]);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
};
