/**
 * Guards against hostile or broken input. Real manifests stay far below each of them: the
 * deepest CRD schemas in the corpus nest under 100 levels, and YAML anchors in manifests are
 * used a handful of times.
 */
export interface LoadLimits {
  /** Deepest nesting of collections in one document. */
  maxDepth: number;
  /** Nodes that aliases may add to a document when expanded (billion-laughs guard). */
  maxAliasExpansion: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  maxDepth: 500,
  maxAliasExpansion: 100_000,
};
