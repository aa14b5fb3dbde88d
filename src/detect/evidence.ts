// One observation that speaks for or against a kind of cluster. The shape and the weights are those
// of ../shared/docs/detection.md §4 ("Evidence {probe, key, value, supports, weight, class, error?}",
// "identity +6, strong +3, hint +1"): every answer `detect` gives is a sum of these, shown to the user.
import type { ClusterType, Platform } from './cluster-type.js';

/** Where an observation comes from, cheapest first (detection.md §4 P0, P2, P3, P4), then the user's word. */
export type EvidenceSource = 'kubeconfig' | 'version' | 'api-groups' | 'nodes' | 'local-registry-hosting' | 'config' | 'flag' | 'answer';

/**
 * `identity`: written by the tool that made the cluster (strength A/A-); `hint`: a default name or
 * value (B, weight 3) or a marker shared by many clusters (C, weight 1); `veto`: rules a class out.
 */
export type EvidenceKind = 'identity' | 'hint' | 'veto';

/** What an observation speaks for: a cluster type, or only where the cluster runs. */
export type Supports = ClusterType | 'local' | 'remote';

export interface Evidence {
  source: EvidenceSource;
  /** What was looked at: `context name`, `server host`, `providerID`, `gitVersion`, a label key... */
  key: string;
  /** What was seen there (for node evidence: one example and on how many nodes). */
  value: string;
  /** What it speaks for; `null` for a fact that could not be read. */
  supports: Supports | null;
  /** Log-odds added to `supports` (0 for unreadable facts and for vetoes that point at no type). */
  weight: number;
  kind: EvidenceKind;
  /** For vetoes: what the observation rules out (`local`, or cluster types such as `eks`). */
  rulesOut?: readonly (ClusterType | 'local')[];
  /** The infrastructure the observation names (`aws` for `aws:///...`), kept for "openshift on aws". */
  platform?: Platform;
  /** Set when the fact could not be read (`forbidden: list nodes`): the probe's gap, not a crash. */
  unknown?: string;
}

/** detection.md §4 "Scoring": identity +6, strong +3, hint +1. */
export const WEIGHT = { identity: 6, strong: 3, hint: 1 } as const;

export function identity(source: EvidenceSource, key: string, value: string, supports: Supports, extra: Partial<Evidence> = {}): Evidence {
  return { source, key, value, supports, weight: WEIGHT.identity, kind: 'identity', ...extra };
}

/** Strength B: a tool's default name or value, rarely changed but user-editable. */
export function strong(source: EvidenceSource, key: string, value: string, supports: Supports, extra: Partial<Evidence> = {}): Evidence {
  return { source, key, value, supports, weight: WEIGHT.strong, kind: 'hint', ...extra };
}

/** Strength C: shared by many clusters. */
export function hint(source: EvidenceSource, key: string, value: string, supports: Supports, extra: Partial<Evidence> = {}): Evidence {
  return { source, key, value, supports, weight: WEIGHT.hint, kind: 'hint', ...extra };
}

/**
 * Rules out `rulesOut`; when it also names what the cluster is (a cloud's exec plugin names its
 * managed service), it counts for `supports` with `weight`.
 */
export function veto(
  source: EvidenceSource,
  key: string,
  value: string,
  rulesOut: readonly (ClusterType | 'local')[],
  supports: Supports | null = null,
  weight = 0,
  extra: Partial<Evidence> = {},
): Evidence {
  return { source, key, value, supports, weight, kind: 'veto', rulesOut, ...extra };
}

/** A probe whose fact could not be read becomes evidence of that gap. */
export function unreadable(source: EvidenceSource, key: string, reason: string): Evidence {
  return { source, key, value: `unknown (${reason})`, supports: null, weight: 0, kind: 'hint', unknown: reason };
}
