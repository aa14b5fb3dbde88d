// Kubelet's rules for "does this credential key apply to this image", from
// kubernetes/kubernetes pkg/credentialprovider/keyring.go (the TrackedAuthConfig version, 1.33+):
// BasicDockerKeyring.Add's key normalisation, URLsMatch / URLsMatchStr, isDefaultRegistryMatch.
// The same glob rules apply to credential-provider plugins' `matchImages` and to the
// node-identity registry globs of target profiles. See docs/credentials.md.

import { goPathMatch } from './go-path-match.js';
import { parseGoUrl, splitGoHostPort } from './go-url.js';

/**
 * The key kubelet files a docker config entry under: `https://` added unless the key has a scheme,
 * scheme dropped, a leading `/v1/` or `/v2/` dropped from the path, and `host` alone when nothing
 * is left but `/`. `https://index.docker.io/v1/` becomes `index.docker.io`, `quay.io/team` stays.
 * Undefined when Go's url.Parse rejects the key (kubelet logs it and skips the entry).
 */
export function keyringKey(configKey: string): string | undefined {
  const withScheme = configKey.startsWith('https://') || configKey.startsWith('http://') ? configKey : `https://${configKey}`;
  const parsed = parseGoUrl(withScheme);
  if (parsed === undefined) return undefined;
  let path = parsed.path;
  if (path.startsWith('/v2/') || path.startsWith('/v1/')) path = path.slice(3);
  return path.length > 0 && path !== '/' ? parsed.host + path : parsed.host;
}

/** URLsMatch: parts of the host and port of a schemeless glob URL against a schemeless target. */
export function registryUrlMatches(glob: string, target: string): boolean {
  const globUrl = parseGoUrl(`https://${glob}`);
  const targetUrl = parseGoUrl(`https://${target}`);
  if (globUrl === undefined || targetUrl === undefined) return false;
  const globHost = splitGoHostPort(globUrl.host);
  const targetHost = splitGoHostPort(targetUrl.host);
  // No port is the empty port: `registry` never matches `registry:443`.
  if (globHost.port !== targetHost.port) return false;
  const globParts = globHost.host.split('.');
  const targetParts = targetHost.host.split('.');
  // One glob part per host part: `*.azurecr.io` matches `x.azurecr.io`, never `a.b.azurecr.io`.
  if (globParts.length !== targetParts.length) return false;
  // A plain string prefix: `/team` also matches `/teamwork`.
  if (!targetUrl.path.startsWith(globUrl.path)) return false;
  return globParts.every((part, index) => goPathMatch(part, targetParts[index] as string));
}

/**
 * Whether an image name pulls from Docker Hub by kubelet's reckoning: a single component, a first
 * component of `docker.io` or `index.docker.io`, or a first component without `.` and `:`.
 */
export function isDefaultRegistryMatch(image: string): boolean {
  const slash = image.indexOf('/');
  const first = slash < 0 ? image : image.slice(0, slash);
  if (first.length === 0) return false;
  if (slash < 0) return true;
  if (first === 'docker.io' || first === 'index.docker.io') return true;
  return !first.includes('.') && !first.includes(':');
}
