// Images that something other than the manifest decides, so that image rules must stay silent:
// OpenShift image-change triggers overwrite the container's image with the ImageStreamTag's, and
// some controllers substitute their own template syntax at run time (Argo `{{inputs.parameters.x}}`,
// Tekton `$(params.x)`). Docs: ../../../docs/rules/README.md ("Images the rules skip").
import type { ManifestObject } from '../manifests/model.js';
import type { TemplateSyntax } from '../images/find-template-variables.js';
import { asPlainObject } from '../shared/is-plain-object.js';

const TRIGGERS_ANNOTATION = 'image.openshift.io/triggers';

/** Why the image of container `containerName` in `object` is set by a trigger, or undefined. */
export function imageSetByTrigger(object: ManifestObject, containerName: string): string | undefined {
  const value = object.value;
  const spec = asPlainObject(value['spec']);
  if (object.ref.kind === 'DeploymentConfig' && Array.isArray(spec?.['triggers'])) {
    for (const trigger of spec['triggers']) {
      const t = asPlainObject(trigger);
      const params = asPlainObject(t?.['imageChangeParams']);
      const names = params?.['containerNames'];
      if (t?.['type'] === 'ImageChange' && Array.isArray(names) && names.includes(containerName)) {
        return 'an OpenShift ImageChange trigger of this DeploymentConfig sets it';
      }
    }
  }
  const annotations = asPlainObject(asPlainObject(value['metadata'])?.['annotations']);
  const raw = annotations?.[TRIGGERS_ANNOTATION];
  if (typeof raw === 'string' && triggerAnnotationNames(raw).includes(containerName)) {
    return `the ${TRIGGERS_ANNOTATION} annotation sets it`;
  }
  return undefined;
}

/** Container names targeted by `image.openshift.io/triggers` fieldPaths such as `...containers[?(@.name=="web")].image`. */
function triggerAnnotationNames(raw: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const names: string[] = [];
  for (const entry of parsed) {
    const fieldPath = asPlainObject(entry)?.['fieldPath'];
    if (typeof fieldPath !== 'string') continue;
    for (const match of fieldPath.matchAll(/name\s*==\s*\\?["']([^"'\\]+)\\?["']/g)) names.push(match[1] ?? '');
  }
  return names;
}

const RUNTIME_TEMPLATES: readonly { group: string; kinds?: readonly string[]; syntax: TemplateSyntax; tool: string }[] = [
  {
    group: 'argoproj.io',
    kinds: ['AnalysisTemplate', 'ClusterAnalysisTemplate', 'Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'],
    syntax: 'double-braces',
    tool: 'Argo',
  },
  { group: 'tekton.dev', syntax: 'dollar-parentheses', tool: 'Tekton' },
];

/** The template syntax the object's own controller resolves at run time, if any (with the controller's name). */
export function runtimeTemplating(object: ManifestObject): { syntax: TemplateSyntax; tool: string } | undefined {
  const group = object.ref.apiVersion.includes('/') ? object.ref.apiVersion.split('/')[0] : '';
  for (const entry of RUNTIME_TEMPLATES) {
    if (entry.group === group && (entry.kinds === undefined || entry.kinds.includes(object.ref.kind))) {
      return { syntax: entry.syntax, tool: entry.tool };
    }
  }
  return undefined;
}
