// imagePullSecrets entries kubelet cannot use: a secret name that is not among the objects read
// (kubelet logs "Unable to retrieve some image pull secrets" and pulls without it), an entry with
// no name (skipped), a value that is not a list (rejected by the API server). On a pod spec for
// its own list, on a ServiceAccount for its list (which admission copies into pods that list
// none). Which secrets a pod gets is credentials/credentials-for-pod.ts's to say, as for `check`.
// Docs: ../../docs/rules/unknown-pull-secret.md, ../../docs/causes/pull-secret-missing.md.
import type { Rule, RuleContext } from '../core/rule.js';
import type { CredentialProblem } from '../credentials/credential-problem.js';
import { podPullSecrets } from '../credentials/credentials-for-pod.js';
import type { JsonPath } from '../manifests/model.js';
import { pullObjectsOf } from './support/pull-objects.js';

const CODES: ReadonlySet<CredentialProblem['code']> = new Set(['pull-secret-missing', 'pull-secret-unnamed', 'pull-secrets-invalid']);

function remediation(problem: CredentialProblem, owner: string): string {
  if (problem.code === 'pull-secrets-invalid') return 'Write imagePullSecrets as a list of names: `imagePullSecrets: [{name: regcred}]`.';
  if (problem.code === 'pull-secret-unnamed') return `Give the entry the name of a Secret in the namespace, or remove it from ${owner}.`;
  const secret = problem.secret ?? { namespace: 'NAMESPACE', name: 'NAME' };
  return (
    `Create secret ${secret.name} in namespace ${secret.namespace} ` +
    `(\`kubectl create secret docker-registry ${secret.name} -n ${secret.namespace} --docker-server=REGISTRY --docker-username=USER --docker-password=TOKEN\`), ` +
    `fix the name in ${owner}, or, if it exists in the cluster already, pass its manifest to \`pullguard check --pull-secret\`.`
  );
}

function report(context: RuleContext, problems: readonly CredentialProblem[], list: 'pod' | 'service-account', base: JsonPath, owner: string): void {
  for (const problem of problems) {
    if (!CODES.has(problem.code) || problem.list !== list) continue;
    const path = problem.index === undefined || problem.index < 0 ? [...base, 'imagePullSecrets'] : [...base, 'imagePullSecrets', problem.index];
    context.report({
      path: problem.code === 'pull-secret-missing' ? [...path, 'name'] : path,
      message: problem.message,
      remediation: remediation(problem, owner),
      // `info` when only the manifests were read (the secret may be in the cluster), as the model says.
      ...(problem.severity === 'error' ? {} : { severity: problem.severity }),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'unknown-pull-secret',
    defaultSeverity: 'error',
    description: 'imagePullSecrets that kubelet cannot use: a secret that is not among the objects read, an entry without a name, a value that is not a list.',
    requires: 'none',
  },
  check(context) {
    const { object } = context;
    const { source, defaultNamespace } = pullObjectsOf(context);
    const namespace = object.ref.namespace ?? defaultNamespace;
    if (object.ref.kind === 'ServiceAccount' && object.ref.apiVersion === 'v1') {
      if (object.ref.name === undefined || object.value['imagePullSecrets'] === undefined) return;
      // The account's list as a pod that lists none gets it.
      const pulls = podPullSecrets({ namespace, podSpec: { serviceAccountName: object.ref.name } }, { ...source, serviceAccount: () => object.value });
      report(context, pulls.problems, 'service-account', [], `ServiceAccount "${object.ref.name}"`);
      return;
    }
    for (const spec of context.podSpecs) {
      const pulls = podPullSecrets({ namespace, podSpec: spec.spec }, source);
      report(context, pulls.problems, 'pod', spec.path, 'the pod spec');
    }
  },
};
