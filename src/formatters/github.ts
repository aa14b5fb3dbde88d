// `--format github`: one GitHub Actions annotation per finding (shown on the pull request's diff
// and in the job summary), then the verdict as a plain log line.
import type { Finding } from '../core/types.js';
import type { Severity } from '../shared/severity.js';
import { wholeOutput, type ChunkedFormatter, type Formatter } from './formatter.js';
import { printable } from './printable.js';
import { sortedFindings } from './report-order.js';
import { summarySentence } from './summary-sentence.js';
import { workflowCommand } from './workflow-command.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Annotations need a path relative to the repository; `<stdin>` has none, so that one gets no location. */
function locationOf(finding: Finding): Record<string, string | number | undefined> {
  if (finding.file === '<stdin>') return {};
  return {
    file: printable(finding.file).replace(/\\/g, '/').replace(/^(\.\/)+/, ''),
    line: Math.max(1, finding.line),
    col: Math.max(1, finding.column),
  };
}

function annotation(finding: Finding): string {
  const message = finding.remediation === undefined ? finding.message : `${finding.message}\nFix: ${finding.remediation}`;
  // The runner's log viewer interprets ANSI sequences too, so control characters are shown, not sent.
  return workflowCommand(
    COMMAND[finding.severity],
    { ...locationOf(finding), title: printable(finding.ruleId) },
    printable(message, { keepWhitespace: true }),
  );
}

export const githubChunks: ChunkedFormatter = function* (report) {
  for (const finding of sortedFindings(report.findings)) yield `${annotation(finding)}\n`;
  const sentence = summarySentence(report.summary);
  yield `pullguard: ${sentence.headline} (${sentence.details})\n`;
  if (sentence.unverified !== undefined) yield `pullguard: ${sentence.unverified}\n`;
};

export const formatGithub: Formatter = wholeOutput(githubChunks);
