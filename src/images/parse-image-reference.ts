// images/: image reference grammar and normalisation, registry knowledge (Docker Hub, access,
// deprecations), kubelet's registry glob. Imports only shared/.
// Parses an image string the way kubelet does: distribution/reference `ParseNormalizedNamed`
// (normalize.go) over `Parse` (reference.go), with go-digest validation of digests
// (docs/rules/invalid-image-reference.md). The verdicts (valid or not, and the normalised name) are
// upstream's; the error messages are ours and say what is wrong and at which offset of the input.

import type { ImageReference, ImageReferenceErrorCode, ImageReferenceResult } from './types.js';
import { quoteChar, quoteText, scanDomain } from './reference-grammar.js';
import { parseReferenceString } from './match-reference.js';
import type { ReferenceProblem } from './match-reference.js';

export const DOCKER_HUB_DOMAIN = 'docker.io';
/** The Docker Index's name, rewritten to `docker.io` (normalize.go `legacyDefaultDomain`). */
export const LEGACY_DOCKER_HUB_DOMAIN = 'index.docker.io';
export const OFFICIAL_REPO_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';

const IDENTIFIER = /^[a-f0-9]{64}$/;

const quotePart = quoteText;

function fail(code: ImageReferenceErrorCode, message: string, offset: number): ImageReferenceResult {
  return { ok: false, error: { code, message, offset } };
}

function describe(subject: string, problem: { what: string; rule?: string }, offset: number): string {
  return `${subject} ${problem.what} at offset ${offset}${problem.rule ? `; ${problem.rule}` : ''}`;
}

/** How normalize.go's `splitDockerDomain` divided the input. */
interface DomainSplit {
  domain: string;
  /** What follows the domain in the canonical string: `library/` may have been added in front of the tail. */
  remainder: string;
  /** Offset in the input where the copied tail of `remainder` starts. */
  tailStart: number;
  explicitDomain: boolean;
}

function splitDockerDomain(input: string): DomainSplit {
  const slash = input.indexOf('/');
  if (slash < 0) {
    // Single element ("nginx", "localhost:5000"): always a Docker Hub official image name (upstream FIXME).
    return { domain: DOCKER_HUB_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + input, tailStart: 0, explicitDomain: false };
  }
  const first = input.slice(0, slash);
  const looksLikeDomain =
    first === 'localhost' ||
    first === LEGACY_DOCKER_HUB_DOMAIN ||
    first.includes('.') ||
    first.includes(':') ||
    first.toLowerCase() !== first;
  const split: DomainSplit = looksLikeDomain
    ? {
        domain: first === LEGACY_DOCKER_HUB_DOMAIN ? DOCKER_HUB_DOMAIN : first,
        remainder: input.slice(slash + 1),
        tailStart: slash + 1,
        explicitDomain: true,
      }
    : { domain: DOCKER_HUB_DOMAIN, remainder: input, tailStart: 0, explicitDomain: false };
  if (split.domain === DOCKER_HUB_DOMAIN && !split.remainder.includes('/')) {
    return { ...split, remainder: OFFICIAL_REPO_PREFIX + split.remainder };
  }
  return split;
}

function firstUppercase(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch.toLowerCase() !== ch) return i;
  }
  return -1;
}

/** Offsets in the canonical string `domain/remainder`, mapped back to the input. */
class OffsetMap {
  private readonly headLength: number;
  private readonly domainCopied: boolean;

  constructor(
    private readonly input: string,
    private readonly split: DomainSplit,
    canonical: string,
  ) {
    // The canonical string ends with the input's tail; what precedes it may be synthetic.
    this.headLength = canonical.length - (input.length - split.tailStart);
    this.domainCopied = split.explicitDomain && input.startsWith(`${split.domain}/`);
  }

  toInput(offset: number): number {
    if (offset >= this.headLength) return this.split.tailStart + (offset - this.headLength);
    if (this.domainCopied && offset < this.split.domain.length) return offset;
    return this.split.tailStart;
  }

  /** The input text for a canonical range, or "" when the range lies in the synthetic head. */
  slice(start: number, end: number): string {
    return this.input.slice(this.toInput(start), Math.max(this.toInput(start), this.toInput(end)));
  }
}

export function parseImageReference(input: string): ImageReferenceResult {
  if (input === '') return fail('name-empty', 'image reference is empty; expected e.g. "nginx:1.27" or "registry.example.com/team/app:v1"', 0);
  if (IDENTIFIER.test(input)) {
    return fail(
      'hex-identifier',
      `invalid repository name ${quotePart(input)} at offset 0: cannot specify 64-byte hexadecimal strings (this is an image ID, not a name; reference content by digest with NAME@sha256:${input.slice(0, 12)}…)`,
      0,
    );
  }

  const split = splitDockerDomain(input);
  const canonical = `${split.domain}/${split.remainder}`;
  const offsets = new OffsetMap(input, split, canonical);

  // normalize.go: the remote name (everything after the domain up to the first ":") must be lowercase.
  const tagSep = split.remainder.indexOf(':');
  const remote = tagSep < 0 ? split.remainder : split.remainder.slice(0, tagSep);
  const upper = firstUppercase(remote);
  if (upper >= 0) {
    const remoteStart = split.domain.length + 1;
    const offset = offsets.toInput(remoteStart + upper);
    const ch = quoteChar(remote.charAt(upper));
    const atSign = remote.indexOf('@');
    if (atSign >= 0 && atSign < upper) {
      // No tag, so the first ":" is the digest's: the uppercase letter is in the digest algorithm.
      return fail(
        'digest-invalid',
        `digest algorithm ${quotePart(remote.slice(atSign + 1))} contains the uppercase letter ${ch} at offset ${offset}; algorithm names are lowercase, e.g. sha256`,
        offset,
      );
    }
    const written = offsets.slice(remoteStart, remoteStart + remote.length);
    return fail('name-contains-uppercase', `repository name must be lowercase: ${quotePart(written)} contains the uppercase letter ${ch} at offset ${offset}`, offset);
  }

  const parsed = parseReferenceString(canonical);
  if (!parsed.ok) {
    const offset = offsets.toInput(parsed.error.offset);
    return fail(parsed.error.code, hintFor(input) ?? describeProblem(parsed.error, offsets, canonical, input, split), hintFor(input) === undefined ? offset : 0);
  }

  const match = parsed.match;
  // An empty regexp domain ("my_registry.local/app": no valid host, but a valid path) keeps upstream's
  // verdict; the first component is still what a runtime connects to, so it is reported as the domain.
  const slash = match.name.indexOf('/');
  const domain = match.domain === '' ? match.name.slice(0, slash) : match.domain;
  const path = match.domain === '' ? match.name.slice(slash + 1) : match.path;
  const name = `${domain}/${path}`;
  const tagPart = match.tag !== undefined ? `:${match.tag}` : match.digest !== undefined ? '' : `:${DEFAULT_TAG}`;
  const reference: ImageReference = {
    original: input,
    domain,
    path,
    name,
    explicitDomain: split.explicitDomain,
    explicitTag: match.tag !== undefined,
    normalized: `${name}${tagPart}${match.digest !== undefined ? `@${match.digest}` : ''}`,
  };
  if (match.tag !== undefined) reference.tag = match.tag;
  else if (match.digest === undefined) reference.tag = DEFAULT_TAG;
  if (match.digest !== undefined) reference.digest = match.digest;
  return { ok: true, reference };
}

const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** Messages for two common mistakes that are always invalid, said in their own words. */
function hintFor(input: string): string | undefined {
  const scheme = URL_SCHEME.exec(input);
  if (scheme) {
    return `image references have no URL scheme: remove ${quotePart(scheme[0])} at offset 0 (e.g. ${quotePart(input.slice(scheme[0].length))})`;
  }
  if (!input.includes('/') && (input.startsWith('[') || input.includes('.') || input.includes(':')) && scanDomain(input) === undefined) {
    return `${quotePart(input)} is a registry host without a repository at offset 0; add the repository path, e.g. ${quotePart(`${input}/app:v1`)}`;
  }
  return undefined;
}

function describeProblem(error: ReferenceProblem, offsets: OffsetMap, canonical: string, input: string, split: DomainSplit): string {
  const offset = offsets.toInput(error.offset);
  switch (error.part) {
    case 'domain':
      return describe(`registry host ${quotePart(split.domain)}`, error.problem, offset);
    case 'tag': {
      const tagStart = canonical.lastIndexOf(':', error.offset);
      const at = canonical.indexOf('@');
      return describe(`tag ${quotePart(canonical.slice(tagStart + 1, at < 0 ? canonical.length : at))}`, error.problem, offset);
    }
    case 'digest':
      return describe(`digest ${quotePart(canonical.slice(canonical.indexOf('@') + 1))}`, error.problem, offset);
    case 'name':
      return describe(`repository name ${quotePart(input)}`, error.problem, offset);
    case 'path': {
      const written = offsets.slice(split.domain.length + 1, nameEnd(canonical));
      if (written === '') {
        const next = input.charAt(split.tailStart);
        const found = next === '' ? 'nothing' : quoteChar(next);
        return `repository name is missing at offset ${offset} (found ${found} where the name should start); expected e.g. "nginx" or "registry.example.com/team/app"`;
      }
      const implied =
        error.code === 'name-too-long' && !split.explicitDomain && canonical.startsWith(`${DOCKER_HUB_DOMAIN}/${OFFICIAL_REPO_PREFIX}`)
          ? ' (with the implied "library/" prefix)'
          : '';
      return describe(`repository name ${quotePart(written)}${implied}`, error.problem, offset);
    }
  }
}

/** End of the name in the canonical string: before the tag's ":" or the digest's "@". */
function nameEnd(canonical: string): number {
  const at = canonical.indexOf('@');
  const beforeDigest = at < 0 ? canonical : canonical.slice(0, at);
  const lastColon = beforeDigest.lastIndexOf(':');
  return lastColon > beforeDigest.lastIndexOf('/') ? lastColon : beforeDigest.length;
}
