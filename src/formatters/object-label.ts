// How a finding names its subject in human-readable output: `Deployment/webapi`, with the
// namespace when the manifest gives one, and the container when the finding is about one.
import type { Finding } from '../core/types.js';
import type { ObjectRef } from '../manifests/model.js';

/** `Deployment/webapi`, `Deployment/webapi (namespace prod)`; undefined for findings on no object (YAML syntax errors). */
export function objectLabel(ref: ObjectRef): string | undefined {
  if (ref.kind === '') return undefined;
  const name = ref.name === undefined || ref.name === '' ? ref.kind : `${ref.kind}/${ref.name}`;
  return ref.namespace === undefined || ref.namespace === '' ? name : `${name} (namespace ${ref.namespace})`;
}

/** `Deployment/webapi, container api`; undefined when the finding names neither an object nor a container. */
export function subjectLabel(finding: Finding): string | undefined {
  const parts: string[] = [];
  const object = objectLabel(finding.object);
  if (object !== undefined) parts.push(object);
  if (finding.container !== undefined) parts.push(`container ${finding.container}`);
  return parts.length === 0 ? undefined : parts.join(', ');
}
