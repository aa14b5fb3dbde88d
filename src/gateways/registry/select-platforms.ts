// Which platforms an image offers, and whether each node platform finds one (docs/registry.md §2.5).
// Normalisation follows containerd's `platforms.Normalize` (arm64 v8 is plain arm64, arm without a
// variant is v7, amd64 v1 is plain amd64); an arm or amd64 node also runs a lower variant.
import type { Platform } from '../../facts/registry-gateway.js';

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

/** The platform an image config declares (`os`, `architecture`, `variant` at its top level). */
export function platformOfConfig(config: unknown): Platform | undefined {
  return platformFrom(config);
}

function variantNumber(variant: string | undefined): number | undefined {
  const match = /^v(\d+)$/.exec(variant ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** A node of `wanted` can run `offered`: same os/arch and the same variant, or a lower arm/amd64 one. */
function runsOn(wanted: Platform, offered: Platform): 'exact' | 'fallback' | false {
  if (wanted.os !== offered.os || wanted.architecture !== offered.architecture) return false;
  if ((wanted.variant ?? '') === (offered.variant ?? '')) return 'exact';
  if (wanted.architecture !== 'arm' && wanted.architecture !== 'amd64') return false;
  const wantedLevel = variantNumber(wanted.variant) ?? 1;
  const offeredLevel = variantNumber(offered.variant) ?? 1;
  return offeredLevel < wantedLevel ? 'fallback' : false;
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
    if (available.some((o) => runsOn(wanted, o) === 'exact')) continue;
    const fallback = available.find((o) => runsOn(wanted, o) === 'fallback');
    if (fallback === undefined) selection.missing.push(raw);
    else selection.fallbacks.push({ wanted: raw, offered: fallback });
  }
  return selection;
}
