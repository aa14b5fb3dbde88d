// Go's path/filepath.Match (Unix flavour), which kubelet applies to each dot-separated part of a
// registry host: `*` any run of non-'/' characters, `?` one non-'/' character, `[...]` / `[^...]`
// classes with `lo-hi` ranges, `\` escapes. A malformed pattern matches nothing (kubelet treats
// Match's ErrBadPattern as "no match"). Matching is case-sensitive and works on code points.

const compiled = new Map<string, RegExp | null>();

function literal(ch: string): string {
  return `\\u{${(ch.codePointAt(0) as number).toString(16)}}`;
}

/** The pattern as an anchored regular expression, or null when Go would report ErrBadPattern. */
function compile(pattern: string): RegExp | null {
  const chars = Array.from(pattern);
  let out = '^';
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] as string;
    if (ch === '*') {
      out += '[^/]*';
      i++;
    } else if (ch === '?') {
      out += '[^/]';
      i++;
    } else if (ch === '\\') {
      const next = chars[i + 1];
      if (next === undefined) return null;
      out += literal(next);
      i += 2;
    } else if (ch === '[') {
      i++;
      let negated = false;
      if (chars[i] === '^') {
        negated = true;
        i++;
      }
      let body = '';
      let ranges = 0;
      for (;;) {
        if (chars[i] === ']' && ranges > 0) {
          i++;
          break;
        }
        const lo = readClassChar(chars, i);
        if (lo === null) return null;
        i = lo.next;
        let hi = lo.char;
        if (chars[i] === '-') {
          const upper = readClassChar(chars, i + 1);
          if (upper === null) return null;
          hi = upper.char;
          i = upper.next;
        }
        // Go accepts an inverted range and it simply matches nothing; a JS class would throw.
        body += (lo.char.codePointAt(0) as number) <= (hi.codePointAt(0) as number) ? `${literal(lo.char)}-${literal(hi)}` : '';
        ranges++;
      }
      // An all-empty body (only inverted ranges) must still match nothing / everything.
      out += negated ? (body === '' ? '[^]' : `[^${body}]`) : body === '' ? '[]' : `[${body}]`;
    } else {
      out += literal(ch);
      i++;
    }
  }
  return new RegExp(`${out}$`, 'u');
}

/** One class member: a plain character (not `-` or `]`) or an escaped one. */
function readClassChar(chars: readonly string[], i: number): { char: string; next: number } | null {
  const ch = chars[i];
  if (ch === undefined || ch === '-' || ch === ']') return null;
  if (ch === '\\') {
    const escaped = chars[i + 1];
    if (escaped === undefined) return null;
    return { char: escaped, next: i + 2 };
  }
  return { char: ch, next: i + 1 };
}

/** `filepath.Match(pattern, name)` with ErrBadPattern folded into `false`. */
export function goPathMatch(pattern: string, name: string): boolean {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = compile(pattern);
    compiled.set(pattern, regex);
  }
  return regex !== null && regex.test(name);
}
