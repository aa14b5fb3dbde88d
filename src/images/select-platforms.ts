// Which platforms an image offers, and whether each node platform finds one (docs/registry.md §2.5).
// Normalisation follows containerd's `platforms.Normalize` (arm64 v8 is plain arm64, arm without a
// variant is v7, amd64 v1 is plain amd64); matching follows its `platforms.Only`: a node also runs
// a lower arm or amd64 variant, 386 on amd64, 32-bit arm on arm64, each noted as a fallback.
/** An OCI platform: what a node runs, or what an image is built for. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

const ARCH_ALIASES: Readonly<Record<string, string>> = {
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
  armhf: 'arm',
  armel: 'arm',
  i386: '386',
};

export function normalizePlatform(platform: Platform): Platform {
  const os = platform.os.toLowerCase();
  const architecture = ARCH_ALIASES[platform.architecture.toLowerCase()] ?? platform.architecture.toLowerCase();
  let variant = platform.variant?.toLowerCase() ?? '';
  if (/^\d+$/.test(variant)) variant = `v${variant}`;
  if (architecture === 'arm64' && variant === 'v8') variant = '';
  if (architecture === 'amd64' && variant === 'v1') variant = '';
  if (architecture === 'arm' && variant === '') variant = 'v7';
  return variant === '' ? { os, architecture } : { os, architecture, variant };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter((p) => p !== undefined && p !== '').join('/');
}

/** `linux/arm64`, `linux/arm/v7`; undefined when it is not `os/arch[/variant]`. */
export function parsePlatform(text: string): Platform | undefined {
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) return undefined;
  const [os, architecture, variant] = parts as [string, string, string | undefined];
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function platformFrom(value: unknown): Platform | undefined {
  const record = asRecord(value);
  if (record === undefined) return undefined;
  const { os, architecture, variant } = record;
  if (typeof os !== 'string' || typeof architecture !== 'string' || os === '' || architecture === '') return undefined;
  return typeof variant === 'string' && variant !== '' ? { os, architecture, variant } : { os, architecture };
}

/** BuildKit stores provenance/SBOM as index entries with `unknown/unknown` and this annotation. */
function isAttestation(entry: Record<string, unknown>, platform: Platform | undefined): boolean {
  const annotations = asRecord(entry.annotations);
  if (annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') return true;
  return platform !== undefined && platform.os === 'unknown' && platform.architecture === 'unknown';
}

/** Runnable platforms listed by an OCI index or Docker manifest list, attestations left out. */
export function platformsOfIndex(index: unknown): Platform[] {
  const manifests = asRecord(index)?.manifests;
  if (!Array.isArray(manifests)) return [];
  const platforms: Platform[] = [];
  for (const item of manifests) {
    const entry = asRecord(item);
    if (entry === undefined) continue;
    const platform = platformFrom(entry.platform);
    if (platform === undefined || isAttestation(entry, platform)) continue;
    platforms.push(platform);
  }
  return platforms;
}

/**
 * Index entries that name no platform, attestations left out. containerd keeps such an entry when
 * it filters an index by platform and then judges it by the platform its config names (containerd
 * `core/images/image.go` `Manifest`, `ConfigPlatform`), so these need their configs read.
 */
export function entriesWithoutPlatform(index: unknown): { digest: string; mediaType?: string }[] {
  const manifests = asRecord(index)?.manifests;
  if (!Array.isArray(manifests)) return [];
  const entries: { digest: string; mediaType?: string }[] = [];
  for (const item of manifests) {
    const entry = asRecord(item);
    if (entry === undefined || typeof entry.digest !== 'string' || entry.platform !== undefined) continue;
    if (isAttestation(entry, undefined)) continue;
    entries.push(typeof entry.mediaType === 'string' ? { digest: entry.digest, mediaType: entry.mediaType } : { digest: entry.digest });
  }
  return entries;
}

/** The platform an image config declares (`os`, `architecture`, `variant` at its top level). */
export function platformOfConfig(config: unknown): Platform | undefined {
  return platformFrom(config);
}

function variantNumber(variant: string | undefined): number | undefined {
  const match = /^v(\d+)$/.exec(variant ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * Where `offered` sits in containerd's ordered list of the platforms a `wanted` node runs
 * (containerd/platforms `compare.go` `platformVector`, commit 09756f59cb1d6b3fb368f371043d36e634789537):
 * 0 for the node's own platform; then lower amd64 variants and 386 for amd64, lower arm variants
 * down to v5 for arm, arm v8 down to v5 for arm64. Undefined: the node cannot run it. Both normalized.
 */
function fallbackRank(wanted: Platform, offered: Platform): number | undefined {
  if (wanted.os !== offered.os) return undefined;
  const wantedLevel = variantNumber(wanted.variant);
  const offeredLevel = variantNumber(offered.variant);
  if (wanted.architecture === offered.architecture) {
    if ((wanted.variant ?? '') === (offered.variant ?? '')) return 0;
    if (wanted.architecture === 'amd64') {
      const from = wantedLevel ?? 1;
      const to = offeredLevel ?? 1;
      return to < from ? from - to : undefined;
    }
    if (wanted.architecture === 'arm' && wantedLevel !== undefined && offeredLevel !== undefined) {
      return offeredLevel < wantedLevel && offeredLevel >= 5 ? wantedLevel - offeredLevel : undefined;
    }
    return undefined;
  }
  if (wanted.architecture === 'amd64' && offered.architecture === '386') return 100;
  if (wanted.architecture === 'arm64' && offered.architecture === 'arm' && offeredLevel !== undefined && offeredLevel >= 5 && offeredLevel <= 8) {
    return 100 + (8 - offeredLevel);
  }
  return undefined;
}

export interface PlatformSelection {
  /** Requested platforms with no runnable entry. */
  missing: Platform[];
  /** Requested platforms served by a lower variant (`linux/arm/v6` for a `linux/arm/v7` node). */
  fallbacks: { wanted: Platform; offered: Platform }[];
}

export function selectPlatforms(requested: readonly Platform[], offered: readonly Platform[]): PlatformSelection {
  const available = offered.map(normalizePlatform);
  const selection: PlatformSelection = { missing: [], fallbacks: [] };
  for (const raw of requested) {
    const wanted = normalizePlatform(raw);
    // containerd takes the best-ranked platform the index offers, as LimitManifests sorts them.
    let best: { rank: number; platform: Platform } | undefined;
    for (const platform of available) {
      const rank = fallbackRank(wanted, platform);
      if (rank !== undefined && (best === undefined || rank < best.rank)) best = { rank, platform };
    }
    if (best === undefined) selection.missing.push(raw);
    else if (best.rank > 0) selection.fallbacks.push({ wanted: raw, offered: best.platform });
  }
  return selection;
}
