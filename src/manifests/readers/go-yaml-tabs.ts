import { type Document, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';

/**
 * Where kubectl's go-yaml v2 refuses a tab that `yaml` accepts, or undefined. go-yaml's scanner
 * (scannerc.go) skips tabs between tokens only inside flow collections or where no simple key may
 * start, so in block context a tab refuses to start a token at the start of a line or right after
 * a `-`, `?` or explicit `:` indicator; block scalars and multi-line plain scalars refuse a tab
 * before their indentation column (in an auto-indented block scalar, before the first content).
 * Quoted scalars and flow collections take tabs anywhere. `source` is the text `doc` was parsed from.
 */
export function goYamlTabProblem(source: string, doc: Document.Parsed): { offset: number; message: string } | undefined {
  if (!source.includes('\t')) return undefined;
  const free: [number, number][] = [];
  const plains: { start: number; end: number; indent: number }[] = [];
  let found: { offset: number; message: string } | undefined;
  const blockEnds: [number, number][] = [];
  visit(doc, {
    Node(_key, node) {
      if (found !== undefined) return visit.BREAK;
      const range = node.range;
      if (range === undefined || range === null) return undefined;
      if ((isMap(node) || isSeq(node)) && node.flow) {
        free.push([range[0], range[1]]);
        return visit.SKIP;
      }
      if (!isScalar(node)) return undefined;
      if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) free.push([range[0], range[1]]);
      else if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
        const block = checkBlockScalar(source, range[0]);
        if ('offset' in block) found = block;
        else blockEnds.push([range[0], block.end]);
      } else if (node.type === Scalar.PLAIN && range[1] > range[0]) {
        // The scanner of a plain scalar also reads the blank lines after it, up to the next token.
        let end = range[1];
        while (end < source.length && isWhite(source.charCodeAt(end))) end++;
        plains.push({ start: range[0], end, indent: parentIndent(source, range[0]) + 1 });
      }
      return undefined;
    },
  });
  if (found !== undefined) return found;
  const inside = (regions: [number, number][], at: number): boolean => regions.some(([from, to]) => at >= from && at < to);
  for (let at = source.indexOf('\t'); at >= 0; at = source.indexOf('\t', at + 1)) {
    if (inside(free, at) || inside(blockEnds, at)) continue;
    const lineStart = startOfLine(source, at);
    const plain = plains.find((p) => at >= p.start && at < p.end);
    if (plain !== undefined) {
      // Leading white space of a continuation line, before the scalar's indentation column.
      if (lineStart > plain.start && /^[ \t]*$/.test(source.slice(lineStart, at)) && at - lineStart < plain.indent) {
        return { offset: at, message: 'a tab in the indentation of this multi-line plain scalar, which kubectl refuses (go-yaml: "found a tab character that violates indentation"); indent with spaces' };
      }
      continue;
    }
    if (/^(?:[ ]*[-?:](?=[ \t]|$))*[ ]*$/.test(source.slice(lineStart, at))) {
      return { offset: at, message: 'a tab where kubectl expects indentation or a value (go-yaml: "found character that cannot start any token"); use spaces' };
    }
  }
  return undefined;
}

/**
 * go-yaml's block scalar scan from its header at `header`: the tab error it raises, or where its
 * content (with the blank lines it reads after it) ends.
 */
function checkBlockScalar(source: string, header: number): { offset: number; message: string } | { end: number } {
  let i = header + 1;
  let increment = 0;
  for (let k = 0; k < 2; k++) {
    const c = source.charCodeAt(i);
    if (c >= 49 && c <= 57) {
      increment = c - 48;
      i++;
    } else if (c === 43 || c === 45) i++;
  }
  const parent = parentIndent(source, header);
  let indent = increment > 0 ? (parent >= 0 ? parent + increment : increment) : 0;
  let maxIndent = 0;
  let line = source.indexOf('\n', header);
  if (line < 0) return { end: source.length };
  line++;
  while (line < source.length) {
    let j = line;
    while ((indent === 0 || j - line < indent) && source.charCodeAt(j) === 32) j++;
    if (indent === 0) maxIndent = Math.max(maxIndent, j - line);
    if ((indent === 0 || j - line < indent) && source.charCodeAt(j) === 9) {
      return { offset: j, message: 'a tab before the indentation of this block scalar, which kubectl refuses (go-yaml: "found a tab character where an indentation space is expected"); indent with spaces' };
    }
    const c = source.charCodeAt(j);
    const blank = c === 10 || c === 13 || j >= source.length;
    if (!blank) {
      if (indent === 0) indent = Math.max(maxIndent, parent + 1, 1);
      if (j - line < indent) return { end: line };
    }
    const next = source.indexOf('\n', j);
    if (next < 0) return { end: source.length };
    line = next + 1;
  }
  return { end: source.length };
}

/** go-yaml's `parser.indent` for a node starting at `at`: the column of its block collection, -1 at the root. */
function parentIndent(source: string, at: number): number {
  const lineStart = startOfLine(source, at);
  let column = lineStart;
  while (source.charCodeAt(column) === 32) column++;
  let lastDash = -1;
  while (column < at && source.charCodeAt(column) === 45 /* - */ && isWhiteOrEnd(source.charCodeAt(column + 1))) {
    lastDash = column;
    column++;
    while (source.charCodeAt(column) === 32) column++;
  }
  if (column === at) {
    if (lastDash >= 0) return lastDash - lineStart;
    // A value on a line of its own: the key's collection is the nearest less indented line's.
    return lineStart === 0 ? -1 : nearestLessIndented(source, lineStart, column - lineStart);
  }
  return column - lineStart;
}

function nearestLessIndented(source: string, lineStart: number, indent: number): number {
  let end = lineStart - 1;
  while (end > 0) {
    const start = startOfLine(source, end);
    let j = start;
    while (source.charCodeAt(j) === 32) j++;
    const c = source.charCodeAt(j);
    if (j < end && c !== 35 && c !== 13 && j - start < indent) return j - start;
    end = start - 1;
  }
  return -1;
}

function startOfLine(source: string, at: number): number {
  let i = at;
  while (i > 0 && source.charCodeAt(i - 1) !== 10 && source.charCodeAt(i - 1) !== 13) i--;
  return i;
}

function isWhite(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isWhiteOrEnd(c: number): boolean {
  return Number.isNaN(c) || isWhite(c);
}
