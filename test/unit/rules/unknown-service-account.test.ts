import { rule } from '../../../src/rules/unknown-service-account.js';
import { ruleTester } from '../../support/rule-tester.js';

function pod(spec: readonly string[]): string {
  return ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  namespace: shop', 'spec:', ...spec.map((l) => `  ${l}`), '  containers:', '    - name: web', '      image: nginx:1.27', ''].join('\n');
}

const account = (namespace?: string): string =>
  ['---', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: builder', ...(namespace === undefined ? [] : [`  namespace: ${namespace}`]), ''].join('\n');

ruleTester(rule, {
  valid: [
    { name: 'no account named: default exists everywhere', yaml: pod([]) },
    { name: 'default named explicitly', yaml: pod(['serviceAccountName: default']) },
    { name: 'the account is among the manifests', yaml: pod(['serviceAccountName: builder']) + account('shop') },
    { name: 'an account without a namespace is in default (or -n of check), like a pod without one', yaml: pod(['serviceAccountName: builder']).replace('  namespace: shop\n', '') + account() },
  ],
  invalid: [
    {
      name: 'an account that is not among the manifests',
      yaml: pod(['serviceAccountName: builder']),
      errors: [
        {
          line: 7,
          column: 23,
          message: 'serviceaccount shop/builder is not among the manifests; unless it exists in the cluster, the API server rejects the pods',
          remediation: /^Add the ServiceAccount to the manifests \(`kubectl create serviceaccount builder -n shop --dry-run=client -o yaml`\)/,
          path: 'spec.serviceAccountName',
        },
      ],
    },
    {
      name: 'the deprecated serviceAccount field, in another namespace than the account',
      yaml: pod(['serviceAccount: builder']) + account('other'),
      errors: [{ line: 7, column: 19, message: /^serviceaccount shop\/builder is not among the manifests/, path: 'spec.serviceAccount' }],
    },
  ],
});
