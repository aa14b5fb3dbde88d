import type { ManifestObject } from '../manifests/model.js';
import { isPlainObject } from '../shared/is-plain-object.js';

export const IGNORE_ANNOTATION = 'pullguard.dev/ignore';

/**
 * Rule ids an object opts out of with `pullguard.dev/ignore: rule-a, rule-b` (`all` or `*` for every rule).
 * Read from the object's own metadata and from its pod template's, because Helm charts often only
 * let users set pod annotations, and from the metadata of the OpenShift Template it comes from.
 */
export function ignoredRuleIds(
  object: ManifestObject,
  podTemplateMetadata: readonly (Record<string, unknown> | undefined)[],
): ReadonlySet<string> {
  let ids = addIgnored(undefined, object.value['metadata']);
  if (object.template?.metadata !== undefined) ids = addIgnored(ids, object.template.metadata);
  for (const metadata of podTemplateMetadata) ids = addIgnored(ids, metadata);
  return ids ?? NOTHING_IGNORED;
}

// Shared by the objects that ignore nothing (almost all): no set per object.
const NOTHING_IGNORED: ReadonlySet<string> = new Set();

function addIgnored(ids: Set<string> | undefined, metadata: unknown): Set<string> | undefined {
  const annotations = isPlainObject(metadata) ? metadata['annotations'] : undefined;
  const raw = isPlainObject(annotations) ? annotations[IGNORE_ANNOTATION] : undefined;
  if (typeof raw !== 'string') return ids;
  const result = ids ?? new Set<string>();
  for (const id of raw.split(/[,\s]+/)) if (id !== '') result.add(id === '*' ? 'all' : id);
  return result;
}
