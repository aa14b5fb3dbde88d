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

/**
 * The same output as a lazy sequence of pieces that, joined, make the whole output: the CLI
 * writes them as they come, so a report of 200,000 findings is never held as one tree of output
 * objects nor as one string. Each piece holds one finding (or one header) at most; no formatter
 * spreads a report-sized array into a call (`Math.max(...rows)`, `push(...lines)`), which
 * overflows the stack at about 100,000 elements.
 */
export type ChunkedFormatter = (report: Report, context: FormatContext) => Iterable<string>;

export function joinChunks(chunks: Iterable<string>): string {
  // One join at the end: appending piece by piece builds a rope of 100,000s of nodes that the
  // garbage collector walks again and again.
  return Array.from(chunks).join('');
}

/** The string form of a chunked formatter, for callers that want the output whole. */
export function wholeOutput(chunked: ChunkedFormatter): Formatter {
  return (report, context) => joinChunks(chunked(report, context));
}

export const FORMAT_NAMES = ['text', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
