// `pullguard explain` on a terminal: a docs page as text a person reads in a terminal, not Markdown
// source. The pages are ours (docs/rules, docs/causes) and use a small part of Markdown, so this
// renders that part line by line instead of loading a Markdown parser into the CLI:
//   headings        text, underlined with = or - (levels 1 and 2), bold in colour
//   code blocks     the fence lines dropped, the code indented by four spaces, kept verbatim
//   tables          one list item per row: the first cell, then "column: cell" lines
//   links           to another rule or cause: its text, plus "(pullguard explain ID)" when the text
//                   is not the id; any other relative link: its text and the absolute docs URL;
//                   web links: text and URL
//   **strong**      its text (bold in colour); *emphasis* its text
//   `code`          kept with its backticks (they mark where a command starts and ends), or cyan
//                   without them in colour
//   \x escapes      the character
// Lists, numbering, blockquotes and line breaks stay as written: they read well as they are.
import { DOCS_BASE_URL } from '../core/docs-url.js';
import { palette, type Palette } from '../formatters/ansi.js';

export interface DocsPageTextOptions {
  /** The page's path inside docs/, e.g. `rules/latest-tag.md`: relative links resolve against it. */
  pagePath: string;
  color: boolean;
  /** Whether `pullguard explain ID` knows an id (a rule or a failure cause). */
  isExplainable(id: string): boolean;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const TABLE_SEPARATOR = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

export function docsPageText(markdown: string, options: DocsPageTextOptions): string {
  const style = palette(options.color);
  const inline = (text: string): string => renderInline(text, options, style);
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  // Consecutive lines of text render together: a code span or a link may wrap onto the next line.
  let paragraph: string[] = [];
  const endParagraph = (): void => {
    if (paragraph.length > 0) out.push(inline(paragraph.join('\n')));
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      endParagraph();
      out.push('');
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence !== null && !(fence[2]!.startsWith('`') && fence[3]!.includes('`'))) {
      endParagraph();
      const [, indent, marker] = fence as unknown as [string, string, string];
      for (i++; i < lines.length; i++) {
        const body = lines[i]!;
        if (new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`).test(body)) break;
        const code = body.startsWith(indent) ? body.slice(indent.length) : body.trimStart();
        out.push(code === '' ? '' : `    ${code}`);
      }
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading !== null) {
      endParagraph();
      const level = heading[1]!.length;
      const text = inline(heading[2]!);
      out.push(style.bold(text));
      if (level <= 2) out.push((level === 1 ? '=' : '-').repeat(visibleLength(text)));
      continue;
    }

    if (line.trimStart().startsWith('|') && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) {
      endParagraph();
      const header = tableCells(line).map(inline);
      i++;
      while (i + 1 < lines.length && lines[i + 1]!.trimStart().startsWith('|')) {
        i++;
        const cells = tableCells(lines[i]!).map(inline);
        out.push(`- ${cells[0] ?? ''}`);
        for (let column = 1; column < header.length; column++) {
          const cell = cells[column] ?? '';
          if (cell !== '') out.push(`    ${header[column]}: ${cell}`);
        }
      }
      continue;
    }

    paragraph.push(line);
  }
  endParagraph();
  return `${out.join('\n')}\n`;
}

/** The cells of a table row: split at pipes that are not escaped, the outer pipes dropped. */
function tableCells(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  const text = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (char === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current.trim());
  return cells;
}

const LINK = /^\[((?:[^[\]]|\[[^\]]*\])*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)/;
const AUTOLINK = /^<((?:https?|mailto):[^<>\s]+)>/;
const CODE_SPAN = /^(`+)([\s\S]*?[^`])\1(?!`)/;
const ESCAPABLE = /^\\([!-/:-@[-`{-~])/;

function renderInline(text: string, options: DocsPageTextOptions, style: Palette): string {
  let out = '';
  let plain = '';
  let strong = false;
  const flush = (): void => {
    out += emphasis(plain);
    plain = '';
  };
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i);
    // `**` opens before a non-space and closes after one; a strong span may hold code and links.
    if (rest.startsWith('**') && (strong ? /\S/.test(text[i - 1] ?? ' ') : /\S/.test(text[i + 2] ?? ' '))) {
      flush();
      out += options.color ? (strong ? '\u001b[22m' : '\u001b[1m') : '';
      strong = !strong;
      i += 2;
      continue;
    }
    const code = rest.startsWith('`') ? CODE_SPAN.exec(rest) : null;
    if (code !== null) {
      flush();
      out += options.color ? style.cyan(code[2]!) : code[0];
      i += code[0].length;
      continue;
    }
    const link = rest.startsWith('[') ? LINK.exec(rest) : null;
    if (link !== null) {
      flush();
      out += renderLink(renderInline(link[1]!, options, style), link[1]!, link[2]!, options);
      i += link[0].length;
      continue;
    }
    const autolink = rest.startsWith('<') ? AUTOLINK.exec(rest) : null;
    if (autolink !== null) {
      flush();
      out += autolink[1]!;
      i += autolink[0].length;
      continue;
    }
    const escaped = rest.startsWith('\\') ? ESCAPABLE.exec(rest) : null;
    if (escaped !== null) {
      // An escaped character is literal: keep it away from the emphasis pass below.
      flush();
      out += escaped[1]!;
      i += 2;
      continue;
    }
    plain += text[i];
    i++;
  }
  flush();
  return strong && options.color ? `${out}\u001b[22m` : out;
}

function emphasis(text: string): string {
  return text
    .replace(/(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![\w_])/g, '$1');
}

function renderLink(text: string, source: string, target: string, options: DocsPageTextOptions): string {
  const shownText = source.replace(/`/g, '');
  if (/^(https?|mailto):/i.test(target)) return shownText === target ? target : `${text} (${target})`;
  const url = new URL(target, `${DOCS_BASE_URL}/${options.pagePath}`);
  const withoutAnchor = `${url.origin}${url.pathname}`;
  const docsPath = withoutAnchor.startsWith(`${DOCS_BASE_URL}/`) ? withoutAnchor.slice(DOCS_BASE_URL.length + 1) : undefined;
  const page = docsPath === undefined ? null : /^(?:rules|causes)\/([a-z0-9-]+)\.md$/.exec(docsPath);
  if (page !== null && options.isExplainable(page[1]!)) {
    return shownText === page[1] ? text : `${text} (pullguard explain ${page[1]})`;
  }
  return `${text} (${url.href})`;
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[\d+m/g, '').length;
}
