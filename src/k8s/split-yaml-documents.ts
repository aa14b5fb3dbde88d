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
  while (lineStart < length) {
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
