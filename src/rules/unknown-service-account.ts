// A pod spec whose ServiceAccount is not among the objects read: unless it exists in the cluster,
// the API server rejects the pods ("error looking up service account"), and its imagePullSecrets,
// which admission copies into pods that list none, cannot be known. `default` is left alone
// (Kubernetes creates it in every namespace). The verdict is credentials/credentials-for-pod.ts's.
// Docs: ../../docs/rules/unknown-service-account.md.
import type { Rule } from '../core/rule.js';
import { podPullSecrets } from '../credentials/credentials-for-pod.js';
import { pullObjectsOf } from './support/pull-objects.js';

export const rule: Rule = {
  meta: {
    id: 'unknown-service-account',
    defaultSeverity: 'info',
    description: 'A pod spec names a ServiceAccount that is not among the objects read: the API server rejects its pods unless it exists in the cluster.',
    requires: 'none',
  },
  check(context) {
    const { source, defaultNamespace } = pullObjectsOf(context);
    const namespace = context.object.ref.namespace ?? defaultNamespace;
    for (const spec of context.podSpecs) {
      const pulls = podPullSecrets({ namespace, podSpec: spec.spec }, source);
      const problem = pulls.problems.find((p) => p.code === 'service-account-missing');
      if (problem === undefined) continue;
      const field = typeof spec.spec['serviceAccountName'] === 'string' && spec.spec['serviceAccountName'] !== '' ? 'serviceAccountName' : 'serviceAccount';
      context.report({
        path: [...spec.path, field],
        message: problem.message,
        remediation:
          `Add the ServiceAccount to the manifests (\`kubectl create serviceaccount ${pulls.serviceAccount} -n ${namespace} --dry-run=client -o yaml\`), ` +
          'fix the name, or, if it exists in the cluster already, pass its manifest to `pullguard check --pull-secret`.',
        ...(problem.severity === rule.meta.defaultSeverity ? {} : { severity: problem.severity }),
      });
    }
  },
};
