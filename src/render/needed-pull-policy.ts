// The pull policy a target needs for an image, decided in this one place (docs/render.md, "Pull
// policy"): undefined keeps what is written. A remote cluster's nodes see nothing built on the
// developer's machine, so `Never` goes: `IfNotPresent` for a pinned image (a version tag or a
// digest), `Always` for a moving one (`:latest` or no tag). A local cluster uses loaded images: a
// local-only name must not be pulled (`Always` → `IfNotPresent`), and an image render moved to
// --registry must be pulled (`Never` → `IfNotPresent`).
import type { ImageReference } from '../images/types.js';
import type { PullPolicy } from '../k8s/pull-policy.js';
import type { TargetProfile } from '../detect/target-profile.js';

export interface PolicyInput {
  target: TargetProfile;
  reference: ImageReference;
  /** The policy the API server will store (written, or defaulted from the tag). */
  effective: PullPolicy;
  /** Still a local-only name after render. */
  localOnly: boolean;
  /** Moved to --registry by render. */
  moved: boolean;
}

export function neededPullPolicy({ target, reference, effective, localOnly, moved }: PolicyInput): PullPolicy | undefined {
  if (!target.nodesSeeLocalImages) {
    if (effective !== 'Never') return undefined;
    return isPinned(reference) ? 'IfNotPresent' : 'Always';
  }
  if (localOnly && effective === 'Always') return 'IfNotPresent';
  if (moved && effective === 'Never') return 'IfNotPresent';
  return undefined;
}

/** A digest, or a tag other than `latest`: the same name gives the same image tomorrow. */
export function isPinned(reference: ImageReference): boolean {
  if (reference.digest !== undefined) return true;
  return reference.explicitTag && reference.tag !== 'latest';
}
