import { rule } from '../../../src/rules/unknown-pull-secret.js';
import { ruleTester } from '../../support/rule-tester.js';

/** A Pod in namespace shop; `spec` are extra pod-spec lines. */
function pod(spec: readonly string[]): string {
  return ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  namespace: shop', 'spec:', ...spec.map((l) => `  ${l}`), '  containers:', '    - name: web', '      image: ghcr.io/acme/web:1.0', ''].join('\n');
}

const REGCRED = ['---', 'apiVersion: v1', 'kind: Secret', 'metadata:', '  name: regcred', '  namespace: shop', 'type: kubernetes.io/dockerconfigjson', 'stringData:', `  .dockerconfigjson: '{"auths": {}}'`, ''].join('\n');

ruleTester(rule, {
  valid: [
    { name: 'no imagePullSecrets at all', yaml: pod([]) },
    { name: 'the secret is among the manifests', yaml: pod(['imagePullSecrets:', '  - name: regcred']) + REGCRED },
    { name: 'a ServiceAccount whose secret is among the manifests', yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\nimagePullSecrets:\n  - name: regcred\n' + REGCRED },
    { name: 'the secret of another namespace does not count... but an unknown account is another rule', yaml: pod(['serviceAccountName: builder']) },
    { name: 'ignored by annotation', yaml: pod(['imagePullSecrets:', '  - name: regcred']).replace('  namespace: shop\n', '  namespace: shop\n  annotations:\n    pullguard.dev/ignore: unknown-pull-secret\n') },
  ],
  invalid: [
    {
      name: 'a secret that is not among the manifests is info, and the fix names it',
      yaml: pod(['imagePullSecrets:', '  - name: regcred']),
      errors: [
        {
          line: 8,
          column: 13,
          severity: 'info',
          message: 'secret shop/regcred (from the pod spec) is not among the manifests; if it is not in the cluster either, kubelet pulls without it',
          remediation: /^Create secret regcred in namespace shop \(`kubectl create secret docker-registry regcred -n shop /,
          path: 'spec.imagePullSecrets[0].name',
        },
      ],
    },
    {
      name: 'a secret in another namespace is not the pod’s',
      yaml: pod(['imagePullSecrets:', '  - name: regcred']) + REGCRED.replace('namespace: shop', 'namespace: other'),
      errors: [{ line: 8, column: 13, severity: 'info', message: /^secret shop\/regcred \(from the pod spec\) is not among the manifests/ }],
    },
    {
      name: 'an entry without a name',
      yaml: pod(['imagePullSecrets:', '  - name: regcred', '  - {}']) + REGCRED,
      errors: [{ line: 9, column: 7, severity: 'warning', message: 'the pod spec: imagePullSecrets[1] has no name; kubelet skips it' }],
    },
    {
      name: 'imagePullSecrets that is not a list',
      yaml: pod(['imagePullSecrets: regcred']),
      errors: [{ line: 7, column: 21, message: 'the pod spec.imagePullSecrets is not a list; the API server rejects it' }],
    },
    {
      name: 'on a ServiceAccount: its secret is not among the manifests',
      yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\nimagePullSecrets:\n  - name: regcred\n',
      errors: [{ line: 7, column: 11, severity: 'info', message: 'secret shop/regcred (from serviceaccount shop/web) is not among the manifests; if it is not in the cluster either, kubelet pulls without it' }],
    },
  ],
});
