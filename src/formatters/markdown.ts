// `--format markdown`: a report for a pull-request comment or $GITHUB_STEP_SUMMARY: the verdict,
// a table of findings (location, severity, rule linked to its docs page, object, message and
// fix), and the image verdicts when registry checks ran.
import { ruleDocsUrl } from '../core/docs-url.js';
import type { Finding, ImageVerdict } from '../core/types.js';
import { escapeMarkdownCell, markdownCodeCell } from './escape-markdown.js';
import { wholeOutput, type ChunkedFormatter, type Formatter } from './formatter.js';
import { subjectLabel } from './object-label.js';
import { sortedFindings, sortedImages } from './report-order.js';
import { summarySentence } from './summary-sentence.js';

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function ruleCell(ruleId: string, known: ReadonlySet<string>): string {
  // Only rules with metadata have a docs page; anything else is printed, not linked.
  return known.has(ruleId) && RULE_ID.test(ruleId) ? `[${ruleId}](${ruleDocsUrl(ruleId)})` : escapeMarkdownCell(ruleId);
}

function findingRow(finding: Finding, known: ReadonlySet<string>): string {
  const message =
    finding.remediation === undefined
      ? escapeMarkdownCell(finding.message)
      : `${escapeMarkdownCell(finding.message)}<br>**Fix:** ${escapeMarkdownCell(finding.remediation)}`;
  const subject = subjectLabel(finding);
  return [
    markdownCodeCell(`${finding.file}:${finding.line}:${finding.column}`),
    finding.severity,
    ruleCell(finding.ruleId, known),
    subject === undefined ? '' : escapeMarkdownCell(subject),
    message,
  ].join(' | ');
}

function imageRow(verdict: ImageVerdict): string {
  return [markdownCodeCell(verdict.image), markdownCodeCell(verdict.status), escapeMarkdownCell(verdict.summary)].join(' | ');
}

export const markdownChunks: ChunkedFormatter = function* (report, context) {
  const sentence = summarySentence(report.summary);
  const icon = sentence.problems ? (report.summary.errors > 0 ? '❌' : '⚠️') : '✅';
  yield [
    '## pullguard',
    '',
    `${icon} **${sentence.headline}** (${sentence.details})`,
    '',
    ...(sentence.unverified === undefined ? [] : [escapeMarkdownCell(sentence.unverified), '']),
    `Target: ${markdownCodeCell(report.target)} · pullguard ${escapeMarkdownCell(report.tool.version)}`,
    '',
  ].join('\n');
  if (report.findings.length > 0) {
    const known = new Set(context.rules.map((rule) => rule.id));
    yield '\n| Location | Severity | Rule | Object | Message |\n| --- | --- | --- | --- | --- |\n';
    for (const finding of sortedFindings(report.findings)) yield `| ${findingRow(finding, known)} |\n`;
  }
  if (report.images !== undefined && report.images.length > 0) {
    yield '\n### Images\n\n| Image | Status | Summary |\n| --- | --- | --- |\n';
    for (const verdict of sortedImages(report.images)) yield `| ${imageRow(verdict)} |\n`;
  }
};

export const formatMarkdown: Formatter = wholeOutput(markdownChunks);
