// OpenShift template parameters in an image: `oc process` replaces `${NAME}` (and `${{NAME}}`, the
// form for non-string values, when it is the whole value) with the value of each parameter the template declares, and leaves
// any other `${...}` as it is. So a declared parameter is not an unresolved variable, a parameter
// with a default value can be judged with that value, and one without a value (given with
// `oc process -p`, or generated) cannot be judged at all. Docs: ../../docs/openshift.md.
import type { TemplateVariable } from '../images/find-template-variables.js';
import type { TemplateOrigin, TemplateParameter } from '../manifests/model.js';

/** How the parameters of a template decide an image's variables. */
export type ParameterUse =
  /** Some variables are not parameters of the template: they stay unresolved. */
  | { kind: 'undeclared'; variables: TemplateVariable[] }
  /** Every variable is a parameter with a default value: the image `oc process` writes by default. */
  | { kind: 'defaults'; image: string; note: string }
  /** Every variable is a parameter, and some have no default value: the image is not known. */
  | { kind: 'unset'; names: string[] };

/** Undefined when no variable has the form of a template parameter. */
export function templateParameterUse(
  image: string,
  variables: readonly TemplateVariable[],
  origin: TemplateOrigin,
): ParameterUse | undefined {
  const declared: { variable: TemplateVariable; parameter: TemplateParameter }[] = [];
  const undeclared: TemplateVariable[] = [];
  for (const variable of variables) {
    const parameter = parameterSyntax(variable, image) ? origin.parameters.get(variable.name) : undefined;
    if (parameter === undefined) undeclared.push(variable);
    else declared.push({ variable, parameter });
  }
  if (declared.length === 0 && !undeclared.some((variable) => parameterSyntax(variable, image))) return undefined;
  if (undeclared.length > 0) return { kind: 'undeclared', variables: undeclared };
  // `oc process` generates a value only where the template gives none.
  const unset = declared.filter(({ parameter }) => parameter.value === undefined || parameter.value === '');
  if (unset.length > 0) return { kind: 'unset', names: [...new Set(unset.map(({ parameter }) => parameter.name))] };

  let substituted = '';
  let at = 0;
  for (const { variable, parameter } of declared) {
    substituted += image.slice(at, variable.offset) + parameter.value;
    at = variable.offset + variable.text.length;
  }
  substituted += image.slice(at);
  const values = [...new Map(declared.map(({ parameter }) => [parameter.name, parameter.value])).entries()];
  const note = `"${image}" with the template's default ${values.length > 1 ? 'values' : 'value'} ${values
    .map(([name, value]) => `${name}=${value}`)
    .join(', ')}`;
  return { kind: 'defaults', image: substituted, note };
}

/**
 * `${NAME}` anywhere, and `${{NAME}}` as the whole value: the forms `oc process` substitutes
 * (openshift/library-go pkg/template/templateprocessing); `${{NAME}}` inside a longer string stays as written.
 */
function parameterSyntax(variable: TemplateVariable, image: string): boolean {
  if (!/^[A-Za-z0-9_]+$/.test(variable.name)) return false;
  if (variable.syntax === 'shell-braced') return variable.text === `\${${variable.name}}`;
  return variable.syntax === 'dollar-double-braces' && variable.text === `\${{${variable.name}}}` && variable.text === image;
}
