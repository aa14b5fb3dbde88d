// Kubelet's registry glob matching (k8s pkg/credentialprovider keyring.go `URLsMatchStr`/`URLsMatch`),
// used for pull-secret keys and credential-provider `matchImages` (docs: shared/docs/registry.md §4.4):
// - an `http://` or `https://` scheme is ignored on both sides;
// - ports must be exactly equal (no port is "", so `host` does not match `host:443`);
// - the host names must have the same number of "."-separated parts, and each glob part must match the
//   target part with Go's `filepath.Match` (`*`, `?`, `[a-z]`, `[^a]`, `\` escape; case-sensitive);
// - the glob's path must be a string prefix of the target's path (`/foo` matches `/foobar`).
// `*.azurecr.io` matches `x.azurecr.io`, not `azurecr.io` nor `a.b.azurecr.io`.

interface SchemelessUrl {
  hostname: string;
  port: string;
  path: string;
}

function parseSchemeless(text: string): SchemelessUrl {
  const withoutScheme = text.replace(/^https?:\/\//, '');
  const slash = withoutScheme.indexOf('/');
  const hostPort = slash < 0 ? withoutScheme : withoutScheme.slice(0, slash);
  const path = slash < 0 ? '' : withoutScheme.slice(slash);
  return { ...splitHostPort(hostPort), path };
}

/** Go's `net.SplitHostPort`, falling back to "no port" when it would fail, as kubelet does. */
function splitHostPort(hostPort: string): { hostname: string; port: string } {
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close > 0 && hostPort.charAt(close + 1) === ':' && !hostPort.slice(close + 2).includes(':')) {
      return { hostname: hostPort.slice(1, close), port: hostPort.slice(close + 2) };
    }
    return { hostname: hostPort, port: '' };
  }
  const colon = hostPort.lastIndexOf(':');
  if (colon < 0 || hostPort.indexOf(':') !== colon) return { hostname: hostPort, port: '' };
  return { hostname: hostPort.slice(0, colon), port: hostPort.slice(colon + 1) };
}

/**
 * Go's `filepath.Match` for one host part (no "/" can occur in either). A malformed pattern (an
 * unclosed "[") never matches, as kubelet treats the returned error as "no match".
 */
export function matchesGlobPart(pattern: string, text: string): boolean {
  // Iterative wildcard matching: remember the last "*" and retry from one character further on
  // mismatch; linear in practice and never exponential.
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < pattern.length) {
      const pc = pattern.charAt(p);
      if (pc === '*') {
        starP = p++;
        starT = t;
        continue;
      }
      const step = matchOne(pattern, p, text.charAt(t));
      if (step === 'bad') return false;
      if (step > 0) {
        p += step;
        t++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP + 1;
    t = ++starT;
  }
  while (p < pattern.length && pattern.charAt(p) === '*') p++;
  if (p === pattern.length) return true;
  // Go reports ErrBadPattern for a malformed rest even when the text is exhausted; either way: no match.
  return false;
}

/**
 * Matches one pattern element at `p` against `ch`: returns the pattern length consumed when it
 * matches, 0 when it does not, 'bad' for a malformed pattern.
 */
function matchOne(pattern: string, p: number, ch: string): number | 'bad' {
  const pc = pattern.charAt(p);
  if (pc === '?') return 1;
  if (pc === '\\') {
    if (p + 1 >= pattern.length) return 'bad';
    return pattern.charAt(p + 1) === ch ? 2 : 0;
  }
  if (pc !== '[') return pc === ch ? 1 : 0;
  // Go: '[' ['^'] { lo ['-' hi] } ']', where lo and hi are a character or "\x" but never a bare
  // "-" or "]", and at least one range comes before the closing "]".
  let i = p + 1;
  const negated = pattern.charAt(i) === '^';
  if (negated) i++;
  let matched = false;
  let ranges = 0;
  const esc = (): string | undefined => {
    let c = pattern.charAt(i);
    if (i >= pattern.length || c === '-' || c === ']') return undefined;
    if (c === '\\') {
      i++;
      if (i >= pattern.length) return undefined;
      c = pattern.charAt(i);
    }
    i++;
    return i >= pattern.length ? undefined : c;
  };
  for (;;) {
    if (pattern.charAt(i) === ']' && ranges > 0) break;
    const lo = esc();
    if (lo === undefined) return 'bad';
    let hi = lo;
    if (pattern.charAt(i) === '-') {
      i++;
      const h = esc();
      if (h === undefined) return 'bad';
      hi = h;
    }
    if (lo <= ch && ch <= hi) matched = true;
    ranges++;
  }
  return matched !== negated ? i + 1 - p : 0;
}

// Rules match every container's registry against the same few dozen globs; parsing both sides
// each time cost a fifth of a 10,000-workload run. Answers by glob, then by target; bounded.
const answers = new Map<string, Map<string, boolean>>();

/**
 * Whether `target` (`host[:port][/path]`, e.g. an image's `domain/path`) matches `glob` the way kubelet
 * matches a pull-secret key or a credential provider's `matchImages` entry.
 */
export function matchesHostGlob(target: string, glob: string): boolean {
  let byTarget = answers.get(glob);
  if (byTarget === undefined) {
    if (answers.size >= 256) answers.clear();
    byTarget = new Map();
    answers.set(glob, byTarget);
  }
  let answer = byTarget.get(target);
  if (answer === undefined) {
    answer = matchHostGlob(target, glob);
    if (byTarget.size >= 1024) byTarget.clear();
    byTarget.set(target, answer);
  }
  return answer;
}

function matchHostGlob(target: string, glob: string): boolean {
  const g = parseSchemeless(glob);
  const t = parseSchemeless(target);
  if (g.port !== t.port) return false;
  const globParts = g.hostname.split('.');
  const targetParts = t.hostname.split('.');
  if (globParts.length !== targetParts.length) return false;
  for (let i = 0; i < globParts.length; i++) {
    if (!matchesGlobPart(globParts[i] ?? '', targetParts[i] ?? '')) return false;
  }
  return t.path.startsWith(g.path);
}

/**
 * Like `matchesHostGlob`, except that a pattern without a port matches any port: for conventions such
 * as k3d's `k3d-NAME` registries whose port is chosen when they are created. Not kubelet semantics.
 */
export function matchesHostPattern(host: string, pattern: string): boolean {
  const p = parseSchemeless(pattern);
  if (p.port !== '' || p.path !== '') return matchesHostGlob(host, pattern);
  const { hostname } = parseSchemeless(host);
  return matchesHostGlob(hostname, p.hostname);
}
