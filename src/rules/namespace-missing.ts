// A workload whose namespace does not exist in the cluster `check` read, or is being deleted: the
// API server refuses the objects (`namespaces "x" not found`, `unable to create new content in
// namespace x because it is being terminated`), so nothing is ever pulled. A Namespace among the
// manifests counts as created. Unknown namespaces (forbidden: list namespaces) are reported once in
// the report's cluster section, not per object. Docs: ../../docs/rules/namespace-missing.md.
import type { Rule } from '../core/rule.js';
import type { ManifestObject } from '../manifests/model.js';

const DEFAULT_NAMESPACE = 'default';

function createdByManifests(objects: readonly ManifestObject[], name: string): boolean {
  return objects.some((object) => object.ref.kind === 'Namespace' && object.ref.apiVersion === 'v1' && object.ref.name === name);
}

export const rule: Rule = {
  meta: {
    id: 'namespace-missing',
    defaultSeverity: 'error',
    description: 'The namespace a workload deploys into does not exist in the cluster, or is being deleted (checked by pullguard check against a cluster).',
    requires: 'cluster',
  },
  check(context) {
    const cluster = context.facts.cluster;
    if (cluster === undefined || context.podSpecs.length === 0) return;
    const written = context.object.ref.namespace;
    const namespace = written ?? context.facts.pullObjects?.defaultNamespace ?? DEFAULT_NAMESPACE;
    const state = cluster.namespaces.get(namespace);
    if (state === undefined || !('value' in state)) return;
    const path = written === undefined ? ['metadata'] : ['metadata', 'namespace'];
    const kubectl = `kubectl --context ${cluster.contextName}`;
    if (state.value.phase === undefined) {
      if (createdByManifests(context.run.objects, namespace)) return;
      context.report({
        path,
        ...(written === undefined ? { atKey: true } : {}),
        message: `namespace ${namespace} does not exist in ${cluster.source}; the API server refuses the object (namespaces "${namespace}" not found)`,
        remediation: `Create it first (\`${kubectl} create namespace ${namespace}\`), add a Namespace manifest to the objects applied, or deploy into an existing namespace (\`${kubectl} get namespaces\`).`,
      });
    } else if (state.value.phase === 'Terminating') {
      context.report({
        path,
        ...(written === undefined ? { atKey: true } : {}),
        message: `namespace ${namespace} is being deleted (Terminating) in ${cluster.source}; the API server refuses new objects in it`,
        remediation: `Wait until \`${kubectl} get namespace ${namespace}\` says NotFound, then create it again; if it stays Terminating, \`${kubectl} get namespace ${namespace} -o jsonpath='{.status.conditions}'\` names what blocks the deletion.`,
      });
    }
  },
};
