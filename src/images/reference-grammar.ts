// The component grammars of distribution/reference (regexp.go), as linear scanners instead of regular
// expressions: a scanner never backtracks, so a 10,000-character hostile string costs one pass, and it
// can say exactly where and why a component does not match.
//
// Each scanner returns undefined when the text matches, otherwise a problem whose offset is relative to
// the start of the scanned text and whose message names the offending part but not the offset (the
// caller knows where the text sits in the original input).

export interface GrammarProblem {
  /** 0-based offset inside the scanned text. */
  offset: number;
  /** What is wrong, without the offset: e.g. `contains an invalid character " "`. */
  what: string;
  /** The rule that was broken, appended after the offset in messages. */
  rule?: string;
}

const PATH_RULE = 'path components are lowercase letters and digits joined by ".", "_", "__" or "-"';

function isLowerAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

function isAlnum(c: number): boolean {
  return isLowerAlnum(c) || (c >= 0x41 && c <= 0x5a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** `\w` in RE2 and in JS without the `u` flag: ASCII letters, digits and `_`. */
function isWord(c: number): boolean {
  return isAlnum(c) || c === 0x5f;
}

/** Quotes one character for a message; control and non-ASCII characters are shown as code points. */
export function quoteChar(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x20 || c === 0x7f) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(ch);
}

/** Quotes a part of the input for a message, eliding what is past 80 characters. */
export function quoteText(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i) ?? 0);
}

/** A separator run must be exactly `.`, `_`, `__` or one or more `-` (regexp.go `separator`). */
function isValidSeparator(run: string): boolean {
  if (run === '.' || run === '_' || run === '__') return true;
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) !== 0x2d) return false;
  return run.length > 0;
}

/**
 * One path component: `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`.
 * `text` is the whole path; the component is `text[start, end)`.
 */
function scanPathComponent(text: string, start: number, end: number): GrammarProblem | undefined {
  if (start === end) {
    return { offset: start, what: 'has an empty path component (nothing between two "/", or a leading or trailing "/")' };
  }
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isLowerAlnum(c) && c !== 0x2e && c !== 0x5f && c !== 0x2d) {
      const ch = charAt(text, i);
      const hint = c >= 0x41 && c <= 0x5a ? ' (uppercase is not allowed)' : '';
      return { offset: i, what: `contains an invalid character ${quoteChar(ch)}${hint}`, rule: PATH_RULE };
    }
  }
  const component = text.slice(start, end);
  if (!isLowerAlnum(text.charCodeAt(start))) {
    return {
      offset: start,
      what: `has the path component ${quoteText(component)} starting with ${quoteChar(charAt(text, start))}`, rule: PATH_RULE,
    };
  }
  if (!isLowerAlnum(text.charCodeAt(end - 1))) {
    return {
      offset: end - 1,
      what: `has the path component ${quoteText(component)} ending with ${quoteChar(charAt(text, end - 1))}`, rule: PATH_RULE,
    };
  }
  let i = start;
  while (i < end) {
    if (isLowerAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const runStart = i;
    while (i < end && !isLowerAlnum(text.charCodeAt(i))) i++;
    const run = text.slice(runStart, i);
    if (!isValidSeparator(run)) {
      return { offset: runStart, what: `has the separator ${quoteText(run)}`, rule: PATH_RULE };
    }
  }
  return undefined;
}

/** `remoteName`: path components joined by `/`. */
export function scanPath(text: string): GrammarProblem | undefined {
  let start = 0;
  for (;;) {
    const slash = text.indexOf('/', start);
    const end = slash < 0 ? text.length : slash;
    const problem = scanPathComponent(text, start, end);
    if (problem) return problem;
    if (slash < 0) return undefined;
    start = slash + 1;
  }
}

const HOST_RULE = 'registry hosts are DNS names (letters, digits and "-", dot-separated, no "-" at either end of a label), IPv4 addresses or [IPv6] addresses, optionally followed by ":port"';

/** `domainAndPort`: `(?:domainName|\[[a-fA-F0-9:]+\])(?::[0-9]+)?`. */
export function scanDomain(text: string): GrammarProblem | undefined {
  let hostEnd: number;
  if (text.charCodeAt(0) === 0x5b /* [ */) {
    const close = text.indexOf(']');
    if (close < 0) return { offset: 0, what: `has an IPv6 address with no closing "]"`, rule: HOST_RULE };
    if (close === 1) return { offset: 0, what: `has an empty IPv6 address "[]"`, rule: HOST_RULE };
    for (let i = 1; i < close; i++) {
      const c = text.charCodeAt(i);
      if (!isHex(c) && c !== 0x3a) {
        return { offset: i, what: `has an invalid character ${quoteChar(charAt(text, i))} in the IPv6 address`, rule: HOST_RULE };
      }
    }
    hostEnd = close + 1;
  } else {
    const colon = text.indexOf(':');
    hostEnd = colon < 0 ? text.length : colon;
    let labelStart = 0;
    for (let i = 0; i <= hostEnd; i++) {
      if (i < hostEnd && text.charCodeAt(i) !== 0x2e) {
        const c = text.charCodeAt(i);
        if (!isAlnum(c) && c !== 0x2d) {
          return { offset: i, what: `contains an invalid character ${quoteChar(charAt(text, i))}`, rule: HOST_RULE };
        }
        continue;
      }
      // End of a label at i (a "." or the end of the host).
      if (i === labelStart) {
        return { offset: i, what: `has an empty label (a leading, trailing or doubled ".")`, rule: HOST_RULE };
      }
      if (text.charCodeAt(labelStart) === 0x2d) {
        return { offset: labelStart, what: `has a label starting with "-"`, rule: HOST_RULE };
      }
      if (text.charCodeAt(i - 1) === 0x2d) {
        return { offset: i - 1, what: `has a label ending with "-"`, rule: HOST_RULE };
      }
      labelStart = i + 1;
    }
  }
  if (hostEnd === text.length) return undefined;
  if (text.charCodeAt(hostEnd) !== 0x3a) {
    return { offset: hostEnd, what: `has ${quoteChar(charAt(text, hostEnd))} after the IPv6 address where ":port" or "/" was expected` };
  }
  if (hostEnd + 1 === text.length) return { offset: hostEnd, what: 'has an empty port after ":"' };
  const secondColon = text.indexOf(':', hostEnd + 1);
  if (secondColon >= 0 && text.charCodeAt(0) !== 0x5b) {
    return { offset: hostEnd, what: 'has more than one ":"', rule: 'an IPv6 address must be written in brackets, e.g. [fd00::1]:5000' };
  }
  for (let i = hostEnd + 1; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i))) {
      return { offset: i, what: `has a port ${quoteText(text.slice(hostEnd + 1))} that is not a number (invalid character ${quoteChar(charAt(text, i))})` };
    }
  }
  return undefined;
}

export const TAG_MAX_LENGTH = 128;
const TAG_RULE = `tags may use letters, digits, "_", "." and "-" (max ${TAG_MAX_LENGTH})`;

/** `tag`: `[\w][\w.-]{0,127}`. */
export function scanTag(text: string): GrammarProblem | undefined {
  if (text.length === 0) return { offset: 0, what: `is empty after ":"`, rule: TAG_RULE };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isWord(c) && c !== 0x2e && c !== 0x2d) {
      return { offset: i, what: `contains an invalid character ${quoteChar(charAt(text, i))}`, rule: TAG_RULE };
    }
  }
  if (!isWord(text.charCodeAt(0))) {
    return { offset: 0, what: `starts with ${quoteChar(charAt(text, 0))}`, rule: 'a tag must start with a letter, digit or "_"' };
  }
  if (text.length > TAG_MAX_LENGTH) {
    return { offset: TAG_MAX_LENGTH, what: `is ${text.length} characters long`, rule: TAG_RULE };
  }
  return undefined;
}

const DIGEST_RULE = 'a digest is ALGORITHM:HEX, e.g. "sha256:" followed by 64 lowercase hex digits';

/**
 * The digest shape that the reference regexp accepts (`digestPat`):
 * `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`.
 * Whether the algorithm is registered and the length right is go-digest's job (see digest.ts).
 */
export function scanDigestShape(text: string): GrammarProblem | undefined {
  if (text.length === 0) return { offset: 0, what: 'is empty after "@"', rule: DIGEST_RULE };
  const colon = text.indexOf(':');
  if (colon < 0) return { offset: 0, what: 'has no ":"', rule: DIGEST_RULE };
  if (colon === 0) return { offset: 0, what: 'has no algorithm before ":"', rule: DIGEST_RULE };
  let expectLetter = true;
  for (let i = 0; i < colon; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (expectLetter) {
      if (!letter) return { offset: i, what: `has an algorithm with ${quoteChar(charAt(text, i))} where a letter is required` };
      expectLetter = false;
    } else if (c === 0x2d || c === 0x5f || c === 0x2b || c === 0x2e) {
      expectLetter = true;
    } else if (!isAlnum(c)) {
      return { offset: i, what: `has an invalid character ${quoteChar(charAt(text, i))} in the algorithm` };
    }
  }
  if (expectLetter) return { offset: colon - 1, what: 'has an algorithm ending with a separator' };
  for (let i = colon + 1; i < text.length; i++) {
    if (!isHex(text.charCodeAt(i))) {
      return { offset: i, what: `has a non-hex character ${quoteChar(charAt(text, i))}`, rule: DIGEST_RULE };
    }
  }
  const hexLength = text.length - colon - 1;
  if (hexLength < 32) {
    const expected = expectedDigestHexLength(text.slice(0, colon));
    const need = expected === undefined ? 'at least 32' : `exactly ${expected}`;
    return { offset: colon + 1, what: `has ${hexLength} hex digits`, rule: `${text.slice(0, colon)} needs ${need}` };
  }
  return undefined;
}

/** go-digest's registered algorithms and their hex lengths (a registered algorithm's size × 2). */
export const DIGEST_ALGORITHMS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

export function expectedDigestHexLength(algorithm: string): number | undefined {
  return Object.hasOwn(DIGEST_ALGORITHMS, algorithm) ? DIGEST_ALGORITHMS[algorithm] : undefined;
}
