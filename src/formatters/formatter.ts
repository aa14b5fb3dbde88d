import type { RuleMeta } from '../core/rule.js';
import type { Report } from '../core/types.js';

export interface FormatContext {
  /** Emit ANSI colour (text formatter only); decided by the CLI from TTY, NO_COLOR and FORCE_COLOR. */
  color: boolean;
  /** Metadata of every rule, for SARIF rule descriptors and help links. */
  rules: readonly RuleMeta[];
}

/** Formatters are pure: a report in, the whole output out. */
export type Formatter = (report: Report, context: FormatContext) => string;

export const FORMAT_NAMES = ['text', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
