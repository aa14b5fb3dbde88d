// OpenShift `Template` objects (template.openshift.io/v1, and `v1` as OpenShift 3 wrote them): `oc
// process` turns each entry of `objects` into an object of its own once `${NAME}` parameters are
// substituted, so pullguard reads those entries as objects, as it reads the items of a `List`.
// Docs: ../../docs/openshift.md.
import type { ObjectRef, TemplateOrigin, TemplateParameter } from './model.js';
import { isPlainObject } from '../shared/is-plain-object.js';

/** `kind: Template` of template.openshift.io (or the legacy core `v1`), holding its objects in `objects`. */
export function isOpenShiftTemplate(
  value: Record<string, unknown>,
  ref: ObjectRef,
): value is Record<string, unknown> & { objects: unknown[] } {
  return (
    ref.kind === 'Template' &&
    (ref.apiVersion === 'v1' || ref.apiVersion.startsWith('template.openshift.io/')) &&
    Array.isArray(value['objects'])
  );
}

/** The template's parameters by name (the first of a repeated name wins, as `oc process` reads them). */
export function templateOrigin(template: Record<string, unknown>): TemplateOrigin {
  const parameters = new Map<string, TemplateParameter>();
  const list = template['parameters'];
  if (Array.isArray(list)) {
    for (const entry of list) {
      if (!isPlainObject(entry)) continue;
      const { name, value, generate, required } = entry;
      if (typeof name !== 'string' || name === '' || parameters.has(name)) continue;
      const parameter: TemplateParameter = { name, required: required === true };
      // `value: 9.5` is read by YAML as a number; `oc process` takes the text.
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') parameter.value = String(value);
      if (typeof generate === 'string' && generate !== '') parameter.generate = generate;
      parameters.set(name, parameter);
    }
  }
  const origin: TemplateOrigin = { parameters };
  if (isPlainObject(template['metadata'])) origin.metadata = template['metadata'];
  return origin;
}
