// `pullguard report -o json`: the report model as is (schemaVersion 1, docs/report.md).
import type { IncidentReport } from '../../diagnose/report/types.js';

export function formatReportJson(report: IncidentReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
