// `WWW-Authenticate` as RFC 9110 §11.6.1 defines it: several challenges in one header (or in several
// headers joined with commas), each a scheme followed by a token68 or by `name=value` parameters,
// values as tokens or quoted strings with backslash escapes and commas inside quotes.

export interface AuthChallenge {
  /** Lower-cased scheme: `bearer`, `basic`, ... */
  scheme: string;
  /** Parameter names lower-cased; values unquoted and unescaped. */
  params: Record<string, string>;
  token68?: string;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;

class Cursor {
  index = 0;
  constructor(readonly text: string) {}
  get done(): boolean {
    return this.index >= this.text.length;
  }
  peek(): string {
    return this.text[this.index] ?? '';
  }
  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.index += 1;
  }
  skipSpacesAndCommas(): void {
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === ',') this.index += 1;
  }
  read(pattern: RegExp): string {
    const start = this.index;
    while (!this.done && pattern.test(this.peek())) this.index += 1;
    return this.text.slice(start, this.index);
  }
  readQuoted(): string {
    this.index += 1; // opening quote
    let value = '';
    while (!this.done) {
      const char = this.peek();
      this.index += 1;
      if (char === '"') return value;
      if (char === '\\' && !this.done) {
        value += this.peek();
        this.index += 1;
      } else {
        value += char;
      }
    }
    return value; // unterminated: keep what there is rather than dropping the challenge
  }
}

/** Reads `name=value` at the cursor; on anything else leaves the cursor where it was and returns undefined. */
function readParam(cursor: Cursor): [string, string] | undefined {
  const start = cursor.index;
  const name = cursor.read(TOKEN_CHAR);
  cursor.skipSpaces();
  if (name === '' || cursor.peek() !== '=') {
    cursor.index = start;
    return undefined;
  }
  cursor.index += 1;
  cursor.skipSpaces();
  const value = cursor.peek() === '"' ? cursor.readQuoted() : cursor.read(TOKEN_CHAR);
  return [name.toLowerCase(), value];
}

/** Reads a token68 (`abc123==`) when that is what follows the scheme, else returns undefined. */
function readToken68(cursor: Cursor): string | undefined {
  const start = cursor.index;
  const body = cursor.read(TOKEN68_CHAR);
  const padding = cursor.read(/=/);
  cursor.skipSpaces();
  const atEnd = cursor.done || cursor.peek() === ',';
  // `name=value` also starts with token characters and one `=`: only a token68 if nothing follows.
  if (body !== '' && atEnd) return body + padding;
  cursor.index = start;
  return undefined;
}

export function parseWwwAuthenticate(header: string | readonly string[] | undefined): AuthChallenge[] {
  if (header === undefined) return [];
  const cursor = new Cursor(typeof header === 'string' ? header : header.join(', '));
  const challenges: AuthChallenge[] = [];
  while (true) {
    cursor.skipSpacesAndCommas();
    if (cursor.done) break;
    const scheme = cursor.read(TOKEN_CHAR);
    if (scheme === '') {
      cursor.index += 1; // stray character: skip it, keep the rest
      continue;
    }
    const challenge: AuthChallenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    cursor.skipSpaces();
    const token68 = readToken68(cursor);
    if (token68 !== undefined) {
      challenge.token68 = token68;
      continue;
    }
    while (true) {
      const param = readParam(cursor);
      if (param === undefined) break;
      challenge.params[param[0]] = param[1];
      const afterValue = cursor.index;
      cursor.skipSpacesAndCommas();
      // The next `name=` continues this challenge; a bare token starts the next challenge.
      const probe = cursor.index;
      if (readParam(cursor) === undefined) {
        cursor.index = probe === afterValue ? afterValue : probe;
        break;
      }
      cursor.index = probe;
    }
  }
  return challenges;
}

/** The challenge pullguard answers: Bearer before Basic (a registry offering both prefers tokens). */
export function pickChallenge(challenges: readonly AuthChallenge[]): AuthChallenge | undefined {
  return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}
