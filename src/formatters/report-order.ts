// One order for every formatter, so that two runs over the same manifests print the same bytes
// (diffable CI logs, stable SARIF uploads). Plain code-unit comparison, never localeCompare: the
// order must not depend on the machine's locale.
import type { Finding, ImageVerdict } from '../core/types.js';
import type { Severity } from '../shared/severity.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** File, line, column, severity (errors first), rule id, then message as the last tie-breaker. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

/** A sorted copy: formatters are pure and never reorder the caller's report. */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function sortedImages(images: readonly ImageVerdict[]): ImageVerdict[] {
  return [...images].sort((a, b) => compareText(a.image, b.image) || compareText(a.reference, b.reference));
}
