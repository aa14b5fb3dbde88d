// formatters/: report → text, one pure function per format. Imports core/ (the report contract) and below.
// The formatter registry: `--format NAME` → a pure function from report to output text.
import type { FormatName, Formatter } from './formatter.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  github: formatGithub,
  json: formatJson,
  junit: formatJunit,
  markdown: formatMarkdown,
  sarif: formatSarif,
  text: formatText,
};

/** The formatter for a `--format` value, or undefined for an unknown name (`toString` included). */
export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name as FormatName] : undefined;
}
