// The images a Tiltfile builds, found by a deliberately small reader that never executes it: calls
// of `docker_build`, `custom_build` (Tilt's built-ins; docs.tilt.dev/api.html) and of the
// `docker_build_with_restart` extension whose first argument (or `ref=`) is a string literal, and
// `default_registry('HOST/PATH')`, the repository Tilt pushes to for a remote cluster. Anything
// computed (variables, loops, string formatting, `load()`ed files) is not seen.
// Docs: ../../docs/build-tools.md.
import type { ImageBuild } from './image-build.js';

export interface TiltfileImages {
  builds: ImageBuild[];
  /** The first argument of `default_registry(...)`, when it is a literal. */
  defaultRegistry?: string;
}

const BUILD_CALLS: ReadonlySet<string> = new Set(['docker_build', 'custom_build', 'docker_build_with_restart']);

interface Token {
  kind: 'name' | 'string' | 'punct';
  text: string;
  offset: number;
}

export function readTiltfile(text: string, file: string): TiltfileImages {
  const tokens = tokenize(text);
  const lines = lineStarts(text);
  const position = (offset: number): { line: number; column: number } => {
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lines[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lines[low] as number) + 1 };
  };
  const result: TiltfileImages = { builds: [] };
  let registry: string | undefined;
  const found: { name: string; offset: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    // A call: a name not preceded by `.` or `def`, then `(`.
    if (token.kind !== 'name' || tokens[i + 1]?.text !== '(') continue;
    const before = tokens[i - 1];
    if (before !== undefined && (before.text === '.' || before.text === 'def')) continue;
    const argument = firstStringArgument(tokens, i + 2, token.text === 'default_registry' ? 'host' : 'ref');
    if (argument === undefined) continue;
    // `host_from_cluster` is the name the cluster pulls by when it differs from the one Tilt pushes to.
    if (token.text === 'default_registry') registry ??= keywordString(tokens, i + 2, 'host_from_cluster')?.text ?? argument.text;
    else if (BUILD_CALLS.has(token.text)) found.push({ name: argument.text, offset: argument.offset });
  }
  for (const { name, offset } of found) {
    const build: ImageBuild = { tool: 'tilt', name, declaredAt: { file, ...position(offset) } };
    if (registry !== undefined) build.defaultRepository = registry;
    result.builds.push(build);
  }
  if (registry !== undefined) result.defaultRegistry = registry;
  return result;
}

/** The first positional argument if it is a string literal, else the keyword argument `keyword`. */
function firstStringArgument(tokens: readonly Token[], start: number, keyword: string): { text: string; offset: number } | undefined {
  const first = tokens[start];
  if (first?.kind === 'string' && (tokens[start + 1]?.text === ',' || tokens[start + 1]?.text === ')')) return { text: first.text, offset: first.offset };
  return keywordString(tokens, start, keyword);
}

/** The string literal given as `keyword=` among the arguments of the call opened before `start`. */
function keywordString(tokens: readonly Token[], start: number, keyword: string): { text: string; offset: number } | undefined {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.text === '(' || token.text === '[' || token.text === '{') depth++;
    else if (token.text === ')' || token.text === ']' || token.text === '}') {
      if (depth === 0) return undefined;
      depth--;
    } else if (depth === 0 && token.kind === 'name' && token.text === keyword && tokens[i + 1]?.text === '=') {
      const value = tokens[i + 2];
      const after = tokens[i + 3];
      if (value?.kind === 'string' && (after?.text === ',' || after?.text === ')')) return { text: value.text, offset: value.offset };
      return undefined;
    }
  }
  return undefined;
}

/** Names, plain string literals (single, double, triple-quoted; no escapes resolved beyond `\\x`) and punctuation; comments dropped. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i] as string)) i++;
      const name = text.slice(start, i);
      // String prefixes (r'', b''): the literal follows.
      if (/^[rRbB]{1,2}$/.test(name) && (text[i] === '"' || text[i] === "'")) continue;
      tokens.push({ kind: 'name', text: name, offset: start });
      continue;
    }
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      const start = i;
      i += quote.length;
      let value = '';
      while (i < text.length && !text.startsWith(quote, i)) {
        if (!triple && text[i] === '\n') break;
        if (text[i] === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        value += text[i];
        i++;
      }
      i += quote.length;
      tokens.push({ kind: 'string', text: value, offset: start });
      continue;
    }
    tokens.push({ kind: 'punct', text: c, offset: i });
    i++;
  }
  return tokens;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
