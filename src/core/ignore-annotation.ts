import type { ManifestObject } from './types.js';

export const IGNORE_ANNOTATION = 'pullguard.dev/ignore';

/**
 * Rule ids an object opts out of with `pullguard.dev/ignore: rule-a, rule-b` (`all` or `*` for every rule).
 * Read from the object's own metadata and from its pod template's, because Helm charts often only
 * let users set pod annotations.
 */
export function ignoredRuleIds(object: ManifestObject, podTemplateMetadata: readonly (Record<string, unknown> | undefined)[]): Set<string> {
  const ids = new Set<string>();
  for (const metadata of [object.value['metadata'], ...podTemplateMetadata]) {
    const annotations = isRecord(metadata) ? metadata['annotations'] : undefined;
    const raw = isRecord(annotations) ? annotations[IGNORE_ANNOTATION] : undefined;
    if (typeof raw !== 'string') continue;
    for (const id of raw.split(/[,\s]+/)) if (id !== '') ids.add(id === '*' ? 'all' : id);
  }
  return ids;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
