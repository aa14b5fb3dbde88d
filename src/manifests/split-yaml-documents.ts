/** The source span of one YAML document as kubectl reads it, with its prologue (comments, `---`). */
export interface DocumentChunk {
  start: number;
  end: number;
  /** Why kubectl refuses the document without reading it, and the file offset to report. */
  refused?: { offset: number; message: string };
}

const LF = 10;
const CR = 13;
const DASH = 45;
const DOT = 46;

/**
 * Splits a YAML stream into the documents kubectl reads, as `kubectl apply -f` does
 * (apimachinery's YAMLReader, then go-yaml's first document of each piece):
 *
 * - the stream is cut at every line (LF-separated) that starts with `---`, when something came
 *   before it since the last cut; the `---` line itself is dropped then, and kept as the start of
 *   the next piece otherwise. Only spaces or a `#` comment may follow the dashes (`---#x` cuts too);
 *   anything else stops kubectl ("invalid Yaml document separator");
 * - go-yaml drops a byte order mark at the start of a piece and reads only the first YAML document
 *   of it: what follows a `...` marker (or a `---` after a lone CR) up to the next cut is never read;
 * - a piece that starts with a directive (`%YAML`) or with `...` is refused.
 *
 * A marker in column 0 always ends a document in YAML, even inside a block or quoted scalar, so a
 * broken document never swallows the ones after it. Lines in between are skipped with indexOf.
 */
export function splitYamlDocuments(text: string, from = 0): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  const length = text.length;
  const loneCr = text.includes('\r') && /\r(?!\n)/.test(text);
  // The next `...` line at an LF line start, found once and reused while it is still ahead.
  const dots = { at: -2 };
  let pieceStart = from;
  let pieceHasLines = false;
  let lineStart = from;
  while (lineStart < length) {
    if (pieceHasLines) {
      // Only lines that start with `---` matter now.
      const next = nextDashesLine(text, lineStart);
      if (next < 0) break;
      lineStart = next;
    }
    let lineEnd = text.indexOf('\n', lineStart);
    const nextLine = lineEnd < 0 ? length : lineEnd + 1;
    if (lineEnd < 0) lineEnd = length;
    if (startsWithDashes(text, lineStart)) {
      const invalid = invalidSeparatorContent(text, lineStart + 3, lineEnd);
      if (invalid >= 0) {
        const refused = { offset: invalid, message: INVALID_SEPARATOR };
        // kubectl stops before it decodes the piece this line ends: that document is never applied.
        const previous = pieceHasLines ? firstDocument(text, pieceStart, lineStart, loneCr, dots) : undefined;
        if (previous !== undefined && previous.hasContent) chunks.push({ ...previous.chunk, refused: previous.chunk.refused ?? refused });
        else {
          if (previous !== undefined) chunks.push(previous.chunk);
          chunks.push({ start: lineStart, end: nextLine, refused });
        }
        pieceStart = nextLine;
        pieceHasLines = false;
      } else if (pieceHasLines) {
        chunks.push(firstDocument(text, pieceStart, lineStart, loneCr, dots).chunk);
        pieceStart = nextLine;
        pieceHasLines = false;
      } else pieceHasLines = true;
      lineStart = nextLine;
      continue;
    }
    pieceHasLines = true;
    lineStart = nextLine;
  }
  if (pieceHasLines) chunks.push(firstDocument(text, pieceStart, length, loneCr, dots).chunk);
  return chunks;
}

const INVALID_SEPARATOR = 'kubectl accepts only a comment after "---" on the same line ("invalid Yaml document separator"); start the document on the next line';

/** Start of the first line at or after `from` (an LF line start) that begins with `---`, or -1. */
function nextDashesLine(text: string, from: number): number {
  if (startsWithDashes(text, from)) return from;
  const at = text.indexOf('\n---', from);
  return at < 0 ? -1 : at + 1;
}

function startsWithDashes(text: string, at: number): boolean {
  return text.charCodeAt(at) === DASH && text.charCodeAt(at + 1) === DASH && text.charCodeAt(at + 2) === DASH;
}

/**
 * The offset of what follows `---` when kubectl refuses it as a separator, else -1: after Go's
 * strings.TrimSpace, nothing or a `#` comment may follow. bufio's ReadLine drops the CR of CRLF.
 */
function invalidSeparatorContent(text: string, from: number, lineEnd: number): number {
  let end = lineEnd;
  if (end > from && text.charCodeAt(end - 1) === CR) end--;
  let i = from;
  while (i < end && isGoSpace(text.charCodeAt(i))) i++;
  if (i === end || text.charCodeAt(i) === 35 /* # */) return -1;
  let last = end;
  while (last > i && isGoSpace(text.charCodeAt(last - 1))) last--;
  return last > i ? i : -1;
}

/** Go's unicode.IsSpace. */
function isGoSpace(c: number): boolean {
  if (c <= 0xff) return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * go-yaml's first document of the piece `start`..`end`: from the start (past a byte order mark)
 * to the next document marker after its first content line (`...` included), or the piece's end.
 */
function firstDocument(
  text: string,
  start: number,
  end: number,
  loneCr: boolean,
  dots: { at: number },
): { chunk: DocumentChunk; hasContent: boolean } {
  const from = text.charCodeAt(start) === 0xfeff ? start + 1 : start;
  let lineStart = from;
  while (lineStart < end) {
    const lineEnd = endOfLine(text, lineStart, end, loneCr);
    const first = text.charCodeAt(lineStart);
    if (!isBlankOrComment(text, lineStart, lineEnd)) {
      if (first === 37 /* % */) {
        return {
          chunk: {
            start: from,
            end,
            refused: {
              offset: lineStart,
              message: 'kubectl does not accept YAML directives (it splits the stream at "---" lines and the directive is left as a document of its own); remove this line',
            },
          },
          hasContent: true,
        };
      }
      if (isMarker(text, lineStart, lineEnd, DOT)) {
        return {
          chunk: { start: from, end, refused: { offset: lineStart, message: 'a document end marker ("...") before any document, which kubectl refuses (go-yaml: "did not find expected node content")' } },
          hasContent: true,
        };
      }
      const documentEnd = nextMarker(text, nextLineStart(text, lineEnd, end), end, loneCr, dots);
      return { chunk: { start: from, end: documentEnd }, hasContent: true };
    }
    lineStart = nextLineStart(text, lineEnd, end);
  }
  return { chunk: { start: from, end }, hasContent: false };
}

/** The end of the document whose content goes on at `from`: at a `---` line, after a `...` line, or `end`. */
function nextMarker(text: string, from: number, end: number, loneCr: boolean, dots: { at: number }): number {
  if (!loneCr) {
    // At LF line starts, `---` lines are kubectl's cuts: only `...` can end the document early.
    for (;;) {
      if (dots.at !== -1 && dots.at < from) {
        const found = text.indexOf('\n...', from - 1);
        dots.at = found < 0 ? -1 : found + 1;
      }
      if (dots.at < 0 || dots.at >= end) return end;
      const lineEnd = endOfLine(text, dots.at, end, false);
      if (isMarker(text, dots.at, lineEnd, DOT)) return nextLineStart(text, lineEnd, end);
      from = lineEnd + 1;
    }
  }
  let lineStart = from;
  while (lineStart < end) {
    const lineEnd = endOfLine(text, lineStart, end, true);
    if (isMarker(text, lineStart, lineEnd, DASH)) return lineStart;
    if (isMarker(text, lineStart, lineEnd, DOT)) return nextLineStart(text, lineEnd, end);
    lineStart = nextLineStart(text, lineEnd, end);
  }
  return end;
}

/** End of the line at `lineStart` (before its break): LF, CRLF, and with `loneCr` a lone CR too. */
function endOfLine(text: string, lineStart: number, end: number, loneCr: boolean): number {
  if (!loneCr) {
    let i = text.indexOf('\n', lineStart);
    if (i < 0 || i > end) i = end;
    if (i > lineStart && text.charCodeAt(i - 1) === CR) i--;
    return i;
  }
  let i = lineStart;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) break;
    i++;
  }
  return i;
}

function nextLineStart(text: string, lineEnd: number, end: number): number {
  if (lineEnd >= end) return end;
  return text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF ? lineEnd + 2 : lineEnd + 1;
}

/** A YAML document marker line: three dashes or dots, then a blank or the line end. */
function isMarker(text: string, start: number, end: number, char: number): boolean {
  if (end - start < 3) return false;
  if (text.charCodeAt(start) !== char || text.charCodeAt(start + 1) !== char || text.charCodeAt(start + 2) !== char) {
    return false;
  }
  if (end === start + 3) return true;
  const after = text.charCodeAt(start + 3);
  return after === 32 || after === 9;
}

function isBlankOrComment(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    return c === 35; /* # */
  }
  return true;
}
