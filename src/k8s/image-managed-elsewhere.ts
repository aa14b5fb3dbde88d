// Images that something other than the manifest decides, so that image rules must stay silent:
// some controllers substitute their own template syntax at run time (Argo `{{inputs.parameters.x}}`,
// Tekton `$(params.x)`). OpenShift image triggers are in openshift-triggers.ts.
// Docs: ../../docs/rules/README.md ("Images the rules skip").
import type { ManifestObject } from '../manifests/model.js';
import type { TemplateSyntax } from '../images/find-template-variables.js';

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
