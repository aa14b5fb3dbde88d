// Registries the target's nodes read with their own identity: AKS kubelet identity and ACR
// (`*.azurecr.io`), EKS node role and ECR (`*.dkr.ecr.*.amazonaws.com`), GKE node service account
// and Artifact Registry (`*-docker.pkg.dev`, `gcr.io`, `*.gcr.io`). Kubelet gets those credentials
// from credential-provider plugins on the node, after the pull secrets' (registry.md §4.4, §4.6),
// so nothing visible from here decides the pull: a failed check with the pull secrets (or
// anonymously) is "cannot be verified from here", not a failure. Globs follow kubelet's
// `matchImages` rules (one label per `*`, ports and path prefixes), the same as the keyring.
// The globs come from the target profile (`TargetProfile.nodeIdentityRegistries`).

import { getCause } from '../causes/index.js';
import type { ImageReference } from '../images/types.js';
import type { ImageCheckResult } from '../facts/registry-gateway.js';
import { matchesHostGlob } from '../images/host-glob.js';

/** `credentialSource` of verdicts decided by node identity (ImageVerdict documents this value). */
export const NODE_IDENTITY_SOURCE = 'node identity';

export interface NodeIdentityMatch {
  /** The profile glob that matched, e.g. `*.azurecr.io`. */
  glob: string;
  /** The image's registry host[:port]. */
  registry: string;
}

/** The first glob that matches the image's repository name (`myacr.azurecr.io/team/api`), if any. */
export function matchNodeIdentityRegistry(
  image: Pick<ImageReference, 'name' | 'domain'>,
  globs: readonly string[],
): NodeIdentityMatch | undefined {
  const glob = globs.find((candidate) => matchesHostGlob(image.name, candidate));
  return glob === undefined ? undefined : { glob, registry: image.domain };
}

/** The verdict when nothing from here can settle the pull. */
export function nodeIdentityVerdict(match: NodeIdentityMatch, targetName: string): ImageCheckResult {
  return {
    status: 'unknown',
    summary: `cannot be verified from here: ${targetName} nodes pull from ${match.registry} with their own identity (matches ${match.glob}), which pullguard cannot use`,
    registry: match.registry,
    credentialSource: NODE_IDENTITY_SOURCE,
  };
}

/**
 * Combines a registry check made with the pod's credentials with node identity: success stands
 * (kubelet stops at the first credential that works), and so do answers about the image itself
 * (missing tag, platform, network); an authentication refusal becomes `unknown`, keeping the
 * registry's evidence. Without a match the result is returned unchanged.
 */
export function applyNodeIdentity(result: ImageCheckResult, match: NodeIdentityMatch | undefined, targetName: string): ImageCheckResult {
  // Only verdicts that say "these credentials were not enough" (the catalogue's `auth` causes),
  // which node identity may overcome.
  if (match === undefined || result.status === 'ok' || !getCause(result.status).auth) return result;
  const verdict = nodeIdentityVerdict(match, targetName);
  verdict.summary = `${verdict.summary}; with ${result.credentialSource ?? 'anonymous'} credentials the registry answered ${result.status}`;
  if (result.evidence !== undefined) verdict.evidence = result.evidence;
  return verdict;
}
