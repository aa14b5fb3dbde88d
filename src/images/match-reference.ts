// distribution/reference `Parse` (reference.go): the reference grammar without Docker's normalisation.
// `referenceRegexp` and `anchoredNameRegexp` are decided by fixed split points instead of a
// backtracking regexp: no part of the grammar contains "@", tags contain neither ":" nor "/", and a
// name contains ":" only in its domain, so the digest starts after the first "@" and a tag after the
// last ":" when that ":" follows the last "/".

import type { ImageReferenceErrorCode } from './types.js';
import { quoteChar, scanDigestShape, scanDomain, scanPath, scanTag } from './reference-grammar.js';
import type { GrammarProblem } from './reference-grammar.js';
import { validateDigest } from './validate-digest.js';

/** reference.go `RepositoryNameTotalLengthMax`: applies to the path only since reference v0.6.0. */
export const REPOSITORY_PATH_MAX_LENGTH = 255;

export interface NameMatch {
  /** What `anchoredNameRegexp` captures as domain: empty when the first component is no valid host. */
  domain: string;
  path: string;
  /** Offset of `path` in the name. */
  pathStart: number;
}

export interface ReferenceMatch extends NameMatch {
  /** The name: `domain/path`, or `path` when `domain` is empty. */
  name: string;
  tag?: string;
  /** Offset of the tag (after ":") in the input; -1 without a tag. */
  tagStart: number;
  digest?: string;
  /** Offset of the digest (after "@") in the input; -1 without a digest. */
  digestStart: number;
}

export type ReferencePart = 'name' | 'domain' | 'path' | 'tag' | 'digest';

export interface ReferenceProblem {
  code: ImageReferenceErrorCode;
  /** Offset in the parsed string. */
  offset: number;
  part: ReferencePart;
  problem: GrammarProblem;
}

export type ReferenceMatchResult = { ok: true; match: ReferenceMatch } | { ok: false; error: ReferenceProblem };

/**
 * `anchoredNameRegexp` (`^(?:(domainAndPort)/)?(remoteName)$`): the optional domain group is greedy, so
 * the first component is the domain whenever both halves are valid; otherwise the whole name must be a
 * path. Returns the leftmost problem when neither reading works.
 */
export function matchName(name: string): { ok: true; match: NameMatch } | { ok: false; part: 'domain' | 'path'; problem: GrammarProblem } {
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const domainProblem = scanDomain(name.slice(0, slash));
    const restProblem = scanPath(name.slice(slash + 1));
    if (!domainProblem && !restProblem) {
      return { ok: true, match: { domain: name.slice(0, slash), path: name.slice(slash + 1), pathStart: slash + 1 } };
    }
    if (scanPath(name) === undefined) return { ok: true, match: { domain: '', path: name, pathStart: 0 } };
    if (domainProblem) return { ok: false, part: 'domain', problem: domainProblem };
    const problem = restProblem ?? { offset: 0, what: 'is invalid' };
    return { ok: false, part: 'path', problem: { ...problem, offset: slash + 1 + problem.offset } };
  }
  const problem = scanPath(name);
  if (problem) return { ok: false, part: 'path', problem };
  return { ok: true, match: { domain: '', path: name, pathStart: 0 } };
}

/** `referenceRegexp`: `^(name)(?::(tag))?(?:@(digest))?$`, without go-digest's checks or the length limit. */
export function matchReferenceGrammar(text: string): ReferenceMatchResult {
  const at = text.indexOf('@');
  const beforeDigest = at < 0 ? text : text.slice(0, at);
  const lastColon = beforeDigest.lastIndexOf(':');
  const hasTag = lastColon > beforeDigest.lastIndexOf('/');
  const name = hasTag ? beforeDigest.slice(0, lastColon) : beforeDigest;
  const named = matchName(name);
  if (!named.ok) {
    return { ok: false, error: { code: 'reference-invalid-format', offset: named.problem.offset, part: named.part, problem: named.problem } };
  }
  const match: ReferenceMatch = { ...named.match, name, tagStart: -1, digestStart: -1 };
  if (hasTag) {
    const tag = beforeDigest.slice(lastColon + 1);
    const problem = scanTag(tag);
    if (problem) return { ok: false, error: { code: 'tag-invalid', offset: lastColon + 1 + problem.offset, part: 'tag', problem } };
    match.tag = tag;
    match.tagStart = lastColon + 1;
  }
  if (at >= 0) {
    const digest = text.slice(at + 1);
    const secondAt = digest.indexOf('@');
    const problem: GrammarProblem | undefined =
      secondAt >= 0 ? { offset: secondAt, what: 'contains a second "@"', rule: 'a reference has at most one digest' } : scanDigestShape(digest);
    if (problem) return { ok: false, error: { code: 'digest-invalid', offset: at + 1 + problem.offset, part: 'digest', problem } };
    match.digest = digest;
    match.digestStart = at + 1;
  }
  return { ok: true, match };
}

function firstUppercase(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch.toLowerCase() !== ch) return i;
  }
  return -1;
}

/**
 * reference.go `Parse`: empty → name-empty; no grammar match → name-contains-uppercase when the
 * lowercased text matches, else the grammar problem; path longer than 255 → name-too-long; then
 * go-digest's checks of the digest.
 */
export function parseReferenceString(text: string): ReferenceMatchResult {
  if (text === '') {
    return { ok: false, error: { code: 'name-empty', offset: 0, part: 'name', problem: { offset: 0, what: 'is empty' } } };
  }
  const result = matchReferenceGrammar(text);
  if (!result.ok) {
    const lower = text.toLowerCase();
    if (lower !== text && matchReferenceGrammar(lower).ok) {
      const upper = firstUppercase(text);
      const problem: GrammarProblem = {
        offset: upper,
        what: `contains the uppercase letter ${quoteChar(text.charAt(upper))}`,
        rule: `repository names must be lowercase (${result.error.part === 'domain' ? 'the first component is not a valid registry host either, so it is read as part of the name' : 'only registry hosts may use uppercase'})`,
      };
      return { ok: false, error: { code: 'name-contains-uppercase', offset: upper, part: 'name', problem } };
    }
    return result;
  }
  const { match } = result;
  if (match.path.length > REPOSITORY_PATH_MAX_LENGTH) {
    const pathStart = match.domain === '' ? 0 : match.pathStart;
    const problem: GrammarProblem = {
      offset: pathStart,
      what: `is ${match.path.length} characters long`,
      rule: `repository name must not be more than ${REPOSITORY_PATH_MAX_LENGTH} characters (the registry host is not counted)`,
    };
    return { ok: false, error: { code: 'name-too-long', offset: pathStart, part: 'path', problem } };
  }
  if (match.digest !== undefined) {
    const problem = validateDigest(match.digest);
    if (problem) {
      return { ok: false, error: { code: problem.code, offset: match.digestStart + problem.offset, part: 'digest', problem } };
    }
  }
  return result;
}
