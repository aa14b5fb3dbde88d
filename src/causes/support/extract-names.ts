// Which image, registry and host a pull-error message is about, from the wordings of kubelet and
// the runtimes (the pod's image as written comes first: it is what the user will search for in
// the manifests). Pure; the only state is a bounded cache of parsed image references.
import { parseImageReference } from '../../images/parse-image-reference.js';

/** Each pattern's first group is the image; the first pattern that matches wins, so the order matters. */
const QUOTED_IMAGE =
  /\b(?:Failed to pull image|Back-off pulling image|[Pp]ulling image|Container image|Failed to inspect image|Failed to apply default image tag|failed pulling image|failed to get sandbox image|failed to inspect sandbox image|failed to pull and unpack image|failed to resolve reference|error pulling image) "([^"]+)"/;
// Each with a word the text must hold: a plain substring search is cheaper than trying a pattern
// that cannot match (this runs 100,000 times a second).
const UNQUOTED_IMAGE: readonly (readonly [string, RegExp])[] = [
  ['ambiguous', /\bimage name (\S+) returns ambiguous list/],
  ['pull failed for', /\bimage pull failed for ([^\s,]+?),? (?:because|this may be)/],
  ['denied for', /\bpull access denied for ([^\s,]+),/],
  ['manifest for', /\bmanifest for (\S+) not found/],
  ['repository', /\brepository (\S+) not found/],
  ['docker://', /\bdocker:\/\/(\S+): /],
  ['pull image', /\bfailed to pull image ([^\s"]+): /i],
];
/** containers/image `reading manifest TAG in NAME: …` and Docker 1.x `Error pulling image (TAG) from NAME, …`. */
const TAG_IN_NAME = /\breading manifest (\S+) in (\S+): /i;
const TAG_FROM_NAME = /\bError pulling image \((\S+)\) from ([^\s,]+),/;
const TAGGED_IMAGE: readonly (readonly [string, RegExp])[] = [
  ['manifest', TAG_IN_NAME],
  ['Error pulling image (', TAG_FROM_NAME],
];

/** An image string worth printing: no blanks, no controls, not absurdly long. */
function plausible(image: string): boolean {
  return image.length > 0 && image.length <= 512 && !/[\s\u0000-\u001f]/.test(image);
}

export function extractImage(message: string): string | undefined {
  const quoted = message.includes('"') ? QUOTED_IMAGE.exec(message)?.[1] : undefined;
  if (quoted !== undefined && plausible(quoted)) return quoted;
  for (const [word, pattern] of UNQUOTED_IMAGE) {
    const image = message.includes(word) ? pattern.exec(message)?.[1] : undefined;
    if (image !== undefined && plausible(image)) return image;
  }
  for (const [word, pattern] of TAGGED_IMAGE) {
    const match = message.includes(word) ? pattern.exec(message) : null;
    if (match !== null && plausible(`${match[2]}:${match[1]}`)) return `${match[2]}:${match[1]}`;
  }
  return undefined;
}

// The registry API or ping URL, and containers/image's and containerd 1.6's host wordings.
const REGISTRY_IN_TEXT: readonly (readonly [string, RegExp])[] = [
  ['://', /\bhttps?:\/\/(?:[^/\s"@]+@)?([^/\s"?]+)\/v[12]\//],
  ['pinging', /\bpinging (?:container|docker) registry ([^\s:]+(?::\d+)?)/],
  ['from host', /\bpulling from host (\S+) failed/],
];

const registryCache = new Map<string, string | undefined>();

/** The registry host[:port] of the image (`docker.io` for Docker Hub), else of the URL the message names. */
export function extractRegistry(image: string | undefined, message: string): string | undefined {
  if (image !== undefined) {
    const registry = registryOfImage(image);
    if (registry !== undefined) return registry;
  }
  for (const [word, pattern] of REGISTRY_IN_TEXT) {
    const host = message.includes(word) ? pattern.exec(message)?.[1] : undefined;
    if (host !== undefined && host.length <= 255) return host;
  }
  return undefined;
}

function registryOfImage(image: string): string | undefined {
  if (registryCache.has(image)) return registryCache.get(image);
  const parsed = parseImageReference(image);
  let registry: string | undefined;
  if (parsed.ok) {
    registry = parsed.reference.domain;
  } else {
    // Unparsable (placeholders, an `https://` the user wrote, upper case): the first component
    // when it looks like a host, as the runtime would have tried it.
    const withoutScheme = image.replace(/^[a-z]+:\/\//i, '');
    const first = withoutScheme.split('/')[0] ?? '';
    registry = withoutScheme.includes('/') && first !== '' && /[.:]|^localhost$/.test(first) ? first : undefined;
  }
  if (registryCache.size >= 1024) registryCache.clear();
  registryCache.set(image, registry);
  return registry;
}

// The host the failure itself names: the name a DNS lookup failed for, a URL's host (a mirror, a
// token service or a blob CDN may answer for the registry), the address a dial went to.
const HOST_IN_TEXT: readonly (readonly [string, RegExp])[] = [
  ['lookup ', /\blookup ([^\s:]+)(?::\d+)?(?: on |: )/],
  ['://', /\bhttps?:\/\/(?:[^/\s"@]+@)?([^/\s"?#]+)/i],
  ['dial ', /\bdial tcp ((?:\d{1,3}\.){3}\d{1,3}:\d+|\[[0-9a-f:]+\]:\d+)/i],
  ['pinging', /\bpinging (?:container|docker) registry ([^\s:]+(?::\d+)?)/],
];

/** The host the failure names, when the message names one. */
export function extractHost(message: string): string | undefined {
  for (const [word, pattern] of HOST_IN_TEXT) {
    const host = message.includes(word) ? pattern.exec(message)?.[1] : undefined;
    if (host !== undefined && host.length <= 255) return host;
  }
  return undefined;
}
