// Kubelet's registry glob matching, the one implementation (k8s pkg/credentialprovider keyring.go
// `URLsMatchStr` / `URLsMatch` / `ParseSchemelessURL`), for pull-secret keys, credential-provider
// `matchImages` and the node-identity registry globs of target profiles (docs/rules/missing-pull-secret.md):
// - both sides go through Go's `url.Parse("https://" + s)`; a side it rejects matches nothing
//   (kubelet drops the error): `[a-c].io` is read as a broken IPv6 literal, `a\*.io` holds a
//   character hosts may not hold;
// - ports must be exactly equal (no port is "", so `host` does not match `host:443`);
// - the host names must have the same number of "."-separated parts, and each glob part must match
//   the target part with Go's `path.Match` (go-path-match.ts; case-sensitive);
// - the glob's path must be a string prefix of the target's path (`/foo` matches `/foobar`).
// `*.azurecr.io` matches `x.azurecr.io`, not `azurecr.io` nor `a.b.azurecr.io`.
import { goPathMatch } from './go-path-match.js';
import { parseGoUrl, splitGoHostPort } from './go-url.js';

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
    answer = urlsMatch(glob, target);
    if (byTarget.size >= 1024) byTarget.clear();
    byTarget.set(target, answer);
  }
  return answer;
}

function urlsMatch(glob: string, target: string): boolean {
  const globUrl = parseGoUrl(`https://${glob}`);
  const targetUrl = parseGoUrl(`https://${target}`);
  if (globUrl === undefined || targetUrl === undefined) return false;
  const globHost = splitGoHostPort(globUrl.host);
  const targetHost = splitGoHostPort(targetUrl.host);
  if (globHost.port !== targetHost.port) return false;
  const globParts = globHost.host.split('.');
  const targetParts = targetHost.host.split('.');
  if (globParts.length !== targetParts.length) return false;
  if (!targetUrl.path.startsWith(globUrl.path)) return false;
  return globParts.every((part, index) => goPathMatch(part, targetParts[index] as string));
}

/**
 * Like `matchesHostGlob`, except that a pattern without a port matches any port: for conventions such
 * as k3d's `k3d-NAME` registries whose port is chosen when they are created. Not kubelet semantics.
 */
export function matchesHostPattern(host: string, pattern: string): boolean {
  const patternUrl = parseGoUrl(`https://${pattern}`);
  if (patternUrl === undefined) return false;
  if (splitGoHostPort(patternUrl.host).port !== '' || patternUrl.path !== '') return matchesHostGlob(host, pattern);
  const hostUrl = parseGoUrl(`https://${host}`);
  if (hostUrl === undefined) return false;
  return matchesHostGlob(splitGoHostPort(hostUrl.host).host, pattern);
}
