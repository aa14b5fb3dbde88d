/** The source span of one YAML document of a stream, with its prologue (comments, directives). */
export interface DocumentChunk {
  start: number;
  end: number;
  /** True when the prologue holds a directive (`%YAML`, `%TAG`): only the full parser handles those. */
  hasDirective: boolean;
}

/**
 * Splits a YAML stream into documents at `---` and `...` markers in column 0, so that a broken
 * document (an unterminated quote, a bad indentation) can never swallow the documents after it.
 * A marker in column 0 always ends a document in YAML, even inside a block or quoted scalar,
 * so this split is exact; the corpus test checks it against `yaml`'s own document ranges.
 * Comment-only text before the first document or after a `...` is a prologue, not a document;
 * an explicit `---` always starts one, even when nothing follows it.
 */
export function splitYamlDocuments(text: string, from = 0): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  const length = text.length;
  let open = false;
  let chunkStart = from;
  let hasDirective = false;
  let lineStart = from;
  const hasCR = text.includes('\r');
  // Inside a document only marker lines (`---`, `...`) matter: with LF breaks, indexOf jumps to
  // the next one instead of stepping through every line of a big file.
  let nextDashes = -2;
  let nextDots = -2;
  while (lineStart < length) {
    if (open && !hasCR) {
      nextDashes = nextMarkerLine(text, '---', lineStart, nextDashes);
      nextDots = nextMarkerLine(text, '...', lineStart, nextDots);
      const next = nextDashes < 0 ? nextDots : nextDots < 0 ? nextDashes : Math.min(nextDashes, nextDots);
      if (next < 0) break;
      lineStart = next;
    }
    let lineEnd: number;
    if (hasCR) {
      lineEnd = lineStart;
      while (lineEnd < length) {
        const c = text.charCodeAt(lineEnd);
        if (c === 10 || c === 13) break;
        lineEnd++;
      }
    } else {
      lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = length;
    }
    const next =
      lineEnd >= length
        ? length
        : text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10
          ? lineEnd + 2
          : lineEnd + 1;

    const first = text.charCodeAt(lineStart);
    if (open && first !== 45 && first !== 46) {
      lineStart = next;
      continue;
    }
    if (isMarker(text, lineStart, lineEnd, 45 /* - */)) {
      if (open) {
        chunks.push({ start: chunkStart, end: lineStart, hasDirective });
        chunkStart = lineStart;
        hasDirective = false;
      }
      open = true;
    } else if (isMarker(text, lineStart, lineEnd, 46 /* . */)) {
      if (open) {
        chunks.push({ start: chunkStart, end: next, hasDirective });
        chunkStart = next;
        hasDirective = false;
        open = false;
      }
    } else if (!open) {
      if (first === 37 /* % */) hasDirective = true;
      else if (!isBlankOrComment(text, lineStart, lineEnd)) open = true;
    }
    lineStart = next;
  }
  if (open) chunks.push({ start: chunkStart, end: length, hasDirective });
  return chunks;
}

/**
 * Start of the first line at or after `from` that begins with `marker`, or -1; `previous` is the
 * answer of the last call (-2 for none), reused while it is still ahead.
 */
function nextMarkerLine(text: string, marker: string, from: number, previous: number): number {
  if (previous === -1 || previous >= from) return previous;
  for (let i = text.indexOf(marker, from); i >= 0; i = text.indexOf(marker, i + 1)) {
    if (i === from || text.charCodeAt(i - 1) === 10) return i;
  }
  return -1;
}

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
    if (c === 32 || c === 9 || c === 0xfeff) continue;
    return c === 35; /* # */
  }
  return true;
}

/**
 * Whether kubectl never reads this chunk: one that follows a `...` without a `---` of its own.
 * kubectl's splitter cuts only at `---`, and go-yaml decodes the first document of each piece, so
 * what follows `...` up to the next `---` is dropped unread.
 */
export function isDroppedByKubectl(text: string, chunk: DocumentChunk, index: number): boolean {
  if (index === 0) return false;
  let lineStart = chunk.start;
  while (lineStart < chunk.end) {
    let lineEnd = lineStart;
    while (lineEnd < chunk.end && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    if (isMarker(text, lineStart, lineEnd, 45 /* - */)) return false;
    if (!isBlankOrComment(text, lineStart, lineEnd) && text.charCodeAt(lineStart) !== 37 /* % */) return true;
    lineStart = lineEnd < chunk.end && text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
  }
  return false;
}

/**
 * What kubectl's own splitter (apimachinery `YAMLReader`) refuses in a chunk's prologue, which the
 * YAML readers would accept: content after `---` on the marker line (`--- {a: 1}`, `--- !!map`;
 * kubectl: "invalid Yaml document separator"), and a directive (`%YAML 1.1`), which kubectl's split at
 * `---` leaves as a document of its own that go-yaml refuses. The offset is the file offset to report.
 */
export function kubectlPrologueProblem(text: string, chunk: DocumentChunk): { offset: number; message: string } | undefined {
  let lineStart = chunk.start;
  while (lineStart < chunk.end) {
    let lineEnd = lineStart;
    while (lineEnd < chunk.end && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const first = text.charCodeAt(lineStart);
    if (first === 37 /* % */) {
      return {
        offset: lineStart,
        message: 'kubectl does not accept YAML directives (it splits the stream at "---" lines and the directive is left as a document of its own); remove this line',
      };
    }
    if (isMarker(text, lineStart, lineEnd, 45 /* - */)) {
      let i = lineStart + 3;
      while (i < lineEnd && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      if (i < lineEnd && text.charCodeAt(i) !== 35 /* # */) {
        return { offset: i, message: 'kubectl accepts only a comment after "---" on the same line; start the document on the next line' };
      }
      return undefined;
    }
    if (!isBlankOrComment(text, lineStart, lineEnd)) return undefined;
    lineStart = lineEnd < chunk.end && text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
  }
  return undefined;
}
