// How serious a finding is; part of the public JSON contract (docs/json-output.md).
export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
