// What happens on a node whose platform an image does not offer, in the words the verdicts use.
// containerd decides by the shape of what the tag points at (containerd `core/images/image.go`
// `Manifest` and `core/images/handlers.go` `FilterPlatforms`/`LimitManifests`, at commit
// 301026e58c619e63d09c0ec411012e54c0124b03):
// - an index is filtered by platform; no entry left fails the pull with "no match for platform in
//   manifest: not found";
// - a single manifest at the top is pulled whatever its config says: `Manifest` compares platforms
//   only for descriptors other than the image itself (`desc.Digest != image.Digest`), and the
//   client's unpacker matches `platforms.All` (`client/pull.go` `Pull`). The container then fails
//   when it starts: `exec format error` for another CPU architecture, CrashLoopBackOff.
// Pure.
import { formatPlatform, normalizePlatform, type Platform } from '../../images/select-platforms.js';

/** An index lists the image per platform; a single manifest is one image with one config. */
export type ImageShape = 'index' | 'single-manifest';

export interface PlatformGap {
  shape: ImageShape;
  /** Node platforms the image does not serve, as the nodes name them. */
  missing: readonly Platform[];
  /** Platforms it offers (for a single manifest: the one its config names). */
  offered: readonly Platform[];
}

/** Each platform once (an index may list one platform twice, e.g. for two OS versions). */
function list(platforms: readonly Platform[]): string {
  return [...new Set(platforms.map(formatPlatform))].join(', ');
}

/** One sentence: what the image offers, what the nodes lack, and whether the pull or the start fails. */
export function platformGapSummary(ref: string, gap: PlatformGap): string {
  const missing = list(gap.missing);
  const nodes = `${missing} nodes`;
  if (gap.shape === 'index') {
    const offers = gap.offered.length === 0 ? 'lists no runnable platform in its index' : `offers ${list(gap.offered)} but not ${missing}`;
    return `${ref} ${offers}: ${nodes} fail to pull it (no match for platform in manifest)`;
  }
  const built = gap.offered[0];
  if (built === undefined) return `${ref} names no platform`;
  const otherArchitecture = gap.missing.some((m) => normalizePlatform(m).architecture !== normalizePlatform(built).architecture);
  const howItFails = otherArchitecture ? 'exec format error, CrashLoopBackOff' : 'CrashLoopBackOff';
  return `${ref} is a single-platform image for ${formatPlatform(built)}, not ${missing}: ${nodes} pull it, but its container fails to start there (${howItFails})`;
}

/**
 * The note for a single manifest whose config names no complete platform (`crane append` without
 * a base writes `"os": ""` and `"architecture": ""`): containerd pulls it anyway, as any top-level
 * manifest, and whether it runs depends on the binaries in it, which no registry answer shows.
 */
export function unnamedPlatformNote(config: unknown): string {
  const record = typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as Record<string, unknown>) : {};
  const named = (value: unknown): value is string => typeof value === 'string' && value !== '';
  const { os, architecture } = record;
  const which = !named(os) && !named(architecture) ? 'no os or architecture' : named(os) ? `os ${os} but no architecture` : `architecture ${String(architecture)} but no os`;
  return `its config names ${which}, so every node pulls it, and it starts only where its binaries can run`;
}
