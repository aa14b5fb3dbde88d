// formatters/: report → text, one pure function per format. Imports core/ (the report contract) and below.
// The formatter registry: `--format NAME` → a pure function from report to output text, whole
// (FORMATTERS) or in pieces (CHUNKED_FORMATTERS, which the CLI writes as they come).
import type { ChunkedFormatter, FormatName, Formatter } from './formatter.js';
import { formatGithub, githubChunks } from './github.js';
import { formatJson, jsonChunks } from './json.js';
import { formatJunit, junitChunks } from './junit.js';
import { formatMarkdown, markdownChunks } from './markdown.js';
import { formatSarif, sarifChunks } from './sarif.js';
import { formatText, textChunks } from './text.js';

export const FORMATTERS: Readonly<Record<FormatName, Formatter>> = {
  github: formatGithub,
  json: formatJson,
  junit: formatJunit,
  markdown: formatMarkdown,
  sarif: formatSarif,
  text: formatText,
};

export const CHUNKED_FORMATTERS: Readonly<Record<FormatName, ChunkedFormatter>> = {
  github: githubChunks,
  json: jsonChunks,
  junit: junitChunks,
  markdown: markdownChunks,
  sarif: sarifChunks,
  text: textChunks,
};

/** The formatter for a `--format` value, or undefined for an unknown name (`toString` included). */
export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name as FormatName] : undefined;
}

export function getChunkedFormatter(name: string): ChunkedFormatter | undefined {
  return Object.hasOwn(CHUNKED_FORMATTERS, name) ? CHUNKED_FORMATTERS[name as FormatName] : undefined;
}
