// Text from manifests inside a GitHub-flavoured Markdown table cell. Backslash escapes (valid
// before any ASCII punctuation in CommonMark) neutralise emphasis, links, inline HTML, entities
// and the `|` that would split the cell; line breaks become <br>; other control characters are
// shown as escapes (see printable.ts).
import { printable } from './printable.js';

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~&#!]/g;

export function escapeMarkdownCell(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => printable(line).replace(MARKDOWN_SPECIAL, (char) => `\\${char}`))
    .join('<br>');
}

/** Inline code inside a table cell: a fence longer than any backtick run inside, and `|` escaped (GFM tables). */
export function markdownCodeCell(text: string): string {
  const content = printable(text);
  let longestRun = 0;
  for (const run of content.matchAll(/`+/g)) longestRun = Math.max(longestRun, run[0].length);
  const fence = '`'.repeat(longestRun + 1);
  const padded = content.startsWith('`') || content.endsWith('`') ? ` ${content} ` : content;
  return `${fence}${padded.replace(/\|/g, '\\|')}${fence}`;
}
