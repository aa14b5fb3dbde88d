// Parses an image string the way kubelet does: distribution/reference `ParseNormalizedNamed`
// (normalize.go) over `Parse` (reference.go), with go-digest validation of digests
// (docs: /work/shared/docs/registry.md §1). The verdicts (valid or not, and the normalised name) are
// upstream's; the error messages are ours and say what is wrong and at which offset of the input.

import type { ImageReference, ImageReferenceError, ImageReferenceErrorCode, ImageReferenceResult } from './types.js';
import { quoteChar, scanDigestShape, scanDomain, scanPath, scanTag } from './reference-grammar.js';
import type { GrammarProblem } from './reference-grammar.js';
import { validateDigest } from './validate-digest.js';

export const DOCKER_HUB_DOMAIN = 'docker.io';
/** The Docker Index's name, rewritten to `docker.io` (normalize.go `legacyDefaultDomain`). */
export const LEGACY_DOCKER_HUB_DOMAIN = 'index.docker.io';
export const OFFICIAL_REPO_PREFIX = 'library/';
export const DEFAULT_TAG = 'latest';
/** reference.go `RepositoryNameTotalLengthMax`: applies to the path only since reference v0.6.0. */
export const REPOSITORY_PATH_MAX_LENGTH = 255;

const IDENTIFIER = /^[a-f0-9]{64}$/;
/** Longest stretch of the input quoted in a message; the rest is elided. */
const QUOTE_MAX = 80;

function quotePart(part: string): string {
  return JSON.stringify(part.length > QUOTE_MAX ? `${part.slice(0, QUOTE_MAX)}…` : part);
}

function fail(code: ImageReferenceErrorCode, message: string, offset?: number): ImageReferenceResult {
  const error: ImageReferenceError = offset === undefined ? { code, message } : { code, message, offset };
  return { ok: false, error };
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
  let split: DomainSplit = looksLikeDomain
    ? {
        domain: first === LEGACY_DOCKER_HUB_DOMAIN ? DOCKER_HUB_DOMAIN : first,
        remainder: input.slice(slash + 1),
        tailStart: slash + 1,
        explicitDomain: true,
      }
    : { domain: DOCKER_HUB_DOMAIN, remainder: input, tailStart: 0, explicitDomain: false };
  if (split.domain === DOCKER_HUB_DOMAIN && !split.remainder.includes('/')) {
    split = { ...split, remainder: OFFICIAL_REPO_PREFIX + split.remainder };
  }
  return split;
}

/** The parts of `Parse`'s input that the reference regexp would capture. */
interface GrammarMatch {
  /** The domain the anchored name regexp captured; empty when the first component is no valid host but the whole name is a valid path. */
  domain: string;
  path: string;
  /** Offset of `path` in the canonical string. */
  pathStart: number;
  /** First component of the name (what a runtime connects to); equals `domain` unless `domain` is empty. */
  firstComponent: string;
  tag?: string;
  tagStart: number;
  digest?: string;
  digestStart: number;
}

interface LocatedProblem {
  code: ImageReferenceErrorCode;
  /** Offset in the canonical string. */
  offset: number;
  part: 'domain' | 'path' | 'tag' | 'digest';
  problem: GrammarProblem;
}

/**
 * Whether `canonical` matches `referencePat` (`^(name)(?::(tag))?(?:@(digest))?$`), decided without a
 * backtracking regexp: no part of the grammar contains "@", tags contain neither ":" nor "/", and a
 * name only contains ":" in its domain, so the split points are fixed.
 */
function matchReferenceGrammar(canonical: string): { match: GrammarMatch } | { problem: LocatedProblem } {
  const at = canonical.indexOf('@');
  const beforeDigest = at < 0 ? canonical : canonical.slice(0, at);
  const lastColon = beforeDigest.lastIndexOf(':');
  const hasTag = lastColon > beforeDigest.lastIndexOf('/');
  const name = hasTag ? beforeDigest.slice(0, lastColon) : beforeDigest;
  const slash = name.indexOf('/');
  // The canonical string always has "domain/": a name without "/" can only come from a tag split
  // that swallowed it, which the lastIndexOf('/') comparison excludes.
  const firstComponent = slash < 0 ? '' : name.slice(0, slash);
  const rest = slash < 0 ? name : name.slice(slash + 1);
  const domainProblem = slash < 0 ? undefined : scanDomain(firstComponent);
  const restProblem = scanPath(rest);
  let domain: string;
  let path: string;
  let pathStart: number;
  if (slash >= 0 && !domainProblem && !restProblem) {
    domain = firstComponent;
    path = rest;
    pathStart = slash + 1;
  } else if (scanPath(name) === undefined) {
    // e.g. "my_registry.local/app": the first component is no valid host, but the whole name is a valid
    // path, so upstream accepts it with an empty domain (containerd then connects to "my_registry.local").
    domain = '';
    path = name;
    pathStart = 0;
  } else if (slash >= 0 && domainProblem) {
    return { problem: { code: 'reference-invalid-format', offset: domainProblem.offset, part: 'domain', problem: domainProblem } };
  } else {
    const problem = restProblem ?? { offset: 0, what: 'is invalid' };
    return { problem: { code: 'reference-invalid-format', offset: slash + 1 + problem.offset, part: 'path', problem } };
  }
  const match: GrammarMatch = { domain, path, pathStart, firstComponent, tagStart: lastColon + 1, digestStart: at + 1 };
  if (hasTag) {
    const tag = beforeDigest.slice(lastColon + 1);
    const tagProblem = scanTag(tag);
    if (tagProblem) {
      return { problem: { code: 'tag-invalid', offset: lastColon + 1 + tagProblem.offset, part: 'tag', problem: tagProblem } };
    }
    match.tag = tag;
  }
  if (at >= 0) {
    const digest = canonical.slice(at + 1);
    const secondAt = digest.indexOf('@');
    if (secondAt >= 0) {
      const problem = { offset: secondAt, what: 'contains a second "@"', rule: 'a reference has at most one digest' };
      return { problem: { code: 'digest-invalid', offset: at + 1 + secondAt, part: 'digest', problem } };
    }
    const digestProblem = scanDigestShape(digest);
    if (digestProblem) {
      return { problem: { code: 'digest-invalid', offset: at + 1 + digestProblem.offset, part: 'digest', problem: digestProblem } };
    }
    match.digest = digest;
  }
  return { match };
}

/** Maps offsets in the canonical string (`domain/remainder`) back to the input. */
function offsetMapper(input: string, split: DomainSplit, canonical: string): (offset: number) => number {
  const headLength = canonical.length - (input.length - split.tailStart);
  const domainCopied = split.explicitDomain && input.startsWith(`${split.domain}/`);
  return (offset) => {
    if (offset >= headLength) return split.tailStart + (offset - headLength);
    if (domainCopied && offset < split.domain.length) return offset;
    return split.tailStart;
  };
}

function firstUppercase(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch.toLowerCase() !== ch) return i;
  }
  return -1;
}

export function parseImageReference(input: string): ImageReferenceResult {
  if (input === '') return fail('name-empty', 'image reference is empty', 0);
  if (IDENTIFIER.test(input)) {
    return fail(
      'hex-identifier',
      `invalid repository name ${quotePart(input)}: cannot specify 64-byte hexadecimal strings (this looks like an image ID; use a name, e.g. "repo@sha256:${input.slice(0, 8)}…")`,
      0,
    );
  }

  const split = splitDockerDomain(input);
  const canonical = `${split.domain}/${split.remainder}`;
  const toInput = offsetMapper(input, split, canonical);
  const headLength = canonical.length - (input.length - split.tailStart);

  // normalize.go: the remote name (everything after the domain up to the first ":") must be lowercase.
  const tagSep = split.remainder.indexOf(':');
  const remote = tagSep < 0 ? split.remainder : split.remainder.slice(0, tagSep);
  const upper = firstUppercase(remote);
  if (upper >= 0) {
    const offset = toInput(split.domain.length + 1 + upper);
    const ch = quoteChar(remote.charAt(upper));
    const atSign = remote.indexOf('@');
    if (atSign >= 0 && atSign < upper) {
      return fail('digest-invalid', `digest algorithm ${quotePart(remote.slice(atSign + 1))} contains the uppercase letter ${ch} at offset ${offset}; algorithm names are lowercase, e.g. sha256`, offset);
    }
    const writtenName = input.slice(split.tailStart, toInput(split.domain.length + 1 + remote.length));
    return fail('name-contains-uppercase', `repository name must be lowercase: ${quotePart(writtenName)} contains the uppercase letter ${ch} at offset ${offset}`, offset);
  }

  const result = matchReferenceGrammar(canonical);
  if ('problem' in result) {
    const lower = canonical.toLowerCase();
    if (lower !== canonical && 'match' in matchReferenceGrammar(lower)) {
      // reference.go: fails as written, matches when lowercased. Only an uppercase first component that
      // is not a valid host gets here ("My_Registry/app"): it is then read as a path component.
      const upperAt = firstUppercase(canonical);
      const offset = toInput(upperAt);
      return fail(
        'name-contains-uppercase',
        `repository name must be lowercase: ${quotePart(input)} contains the uppercase letter ${quoteChar(canonical.charAt(upperAt))} at offset ${offset}, and ${quotePart(canonical.slice(0, canonical.indexOf('/')))} is not a valid registry host (${describeProblem(result.problem, toInput, canonical, input, split, headLength)})`,
        offset,
      );
    }
    return locatedFailure(result.problem, toInput, canonical, input, split, headLength);
  }

  const match = result.match;
  if (match.path.length > REPOSITORY_PATH_MAX_LENGTH) {
    const offset = toInput(match.pathStart);
    const implied = match.path.startsWith(OFFICIAL_REPO_PREFIX) && !split.explicitDomain ? ' (including the implied "library/" prefix)' : '';
    return fail(
      'name-too-long',
      `repository name must not be more than ${REPOSITORY_PATH_MAX_LENGTH} characters: the path starting at offset ${offset} is ${match.path.length} characters${implied}; the registry host is not counted`,
      offset,
    );
  }
  if (match.digest !== undefined) {
    const problem = validateDigest(match.digest);
    if (problem) {
      const offset = toInput(match.digestStart + problem.offset);
      return fail(problem.code, describe(`digest ${quotePart(match.digest)}`, problem, offset), offset);
    }
  }

  const domain = match.domain === '' ? match.firstComponent : match.domain;
  const path = match.domain === '' ? match.path.slice(match.firstComponent.length + 1) : match.path;
  const name = `${domain}/${path}`;
  const reference: ImageReference = {
    original: input,
    domain,
    path,
    name,
    explicitDomain: split.explicitDomain,
    explicitTag: match.tag !== undefined,
    normalized: `${name}${match.tag !== undefined ? `:${match.tag}` : match.digest !== undefined ? '' : `:${DEFAULT_TAG}`}${match.digest !== undefined ? `@${match.digest}` : ''}`,
  };
  if (match.tag !== undefined) reference.tag = match.tag;
  else if (match.digest === undefined) reference.tag = DEFAULT_TAG;
  if (match.digest !== undefined) reference.digest = match.digest;
  return { ok: true, reference };
}

function locatedFailure(
  located: LocatedProblem,
  toInput: (offset: number) => number,
  canonical: string,
  input: string,
  split: DomainSplit,
  headLength: number,
): ImageReferenceResult {
  const offset = toInput(located.offset);
  return fail(located.code, describeProblem(located, toInput, canonical, input, split, headLength), offset);
}

function describeProblem(
  located: LocatedProblem,
  toInput: (offset: number) => number,
  canonical: string,
  input: string,
  split: DomainSplit,
  headLength: number,
): string {
  const offset = toInput(located.offset);
  switch (located.part) {
    case 'domain':
      return describe(`registry host ${quotePart(split.domain)}`, located.problem, offset);
    case 'tag': {
      const tagStart = input.lastIndexOf(':', offset);
      const tagEnd = input.indexOf('@', offset);
      const tag = input.slice(tagStart + 1, tagEnd < 0 ? input.length : tagEnd);
      return describe(`tag ${quotePart(tag)}`, located.problem, offset);
    }
    case 'digest': {
      const at = input.indexOf('@');
      return describe(`digest ${quotePart(input.slice(at + 1))}`, located.problem, offset);
    }
    case 'path': {
      // The written name: from where the copied tail starts up to the tag or digest.
      const nameInCanonical = canonicalNameEnd(canonical);
      const writtenEnd = nameInCanonical >= headLength ? toInput(nameInCanonical) : split.tailStart;
      const written = input.slice(split.tailStart, writtenEnd);
      if (written === '') {
        const next = input.charAt(split.tailStart);
        const after = next === '' ? '' : ` (found ${quoteChar(next)} where the name should start)`;
        return `repository name is missing at offset ${offset}${after}; expected e.g. "nginx" or "registry.example.com/team/app"`;
      }
      return describe(`repository name ${quotePart(written)}`, located.problem, offset);
    }
  }
}

/** End of the name part in the canonical string: before the tag's ":" or the digest's "@". */
function canonicalNameEnd(canonical: string): number {
  const at = canonical.indexOf('@');
  const beforeDigest = at < 0 ? canonical : canonical.slice(0, at);
  const lastColon = beforeDigest.lastIndexOf(':');
  return lastColon > beforeDigest.lastIndexOf('/') ? lastColon : beforeDigest.length;
}
