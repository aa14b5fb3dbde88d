import type { ClusterFacts, NamespaceState } from '../../../src/facts/cluster-facts.js';
import type { ClusterFact } from '../../../src/facts/cluster-reader.js';
import type { Facts } from '../../../src/facts/facts.js';
import { rule } from '../../../src/rules/namespace-missing.js';
import { ruleTester } from '../../support/rule-tester.js';

function facts(namespaces: Record<string, ClusterFact<NamespaceState>>): () => Facts {
  const cluster: ClusterFacts = {
    source: 'context kind-dev',
    contextName: 'kind-dev',
    namespaces: new Map(Object.entries(namespaces)),
    nodes: { value: { count: 1, platforms: [], imageNames: new Set(), nodesWithoutImageList: 0, nodesAtImageLimit: 0 } },
    nodeImages: new Map(),
    unknown: [],
  };
  return () => ({ cluster });
}

const pod = (namespace?: string): string =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', ...(namespace === undefined ? [] : [`  namespace: ${namespace}`]), 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', ''].join('\n');

ruleTester(rule, {
  valid: [
    { name: 'offline (no cluster facts): nothing to say', yaml: pod('shop') },
    { name: 'an active namespace', yaml: pod('shop'), facts: facts({ shop: { value: { phase: 'Active' } } }) },
    { name: 'namespaces that could not be read are reported in the cluster section, not here', yaml: pod('shop'), facts: facts({ shop: { unknown: 'forbidden: list namespaces' } }) },
    {
      name: 'a missing namespace that the manifests create',
      yaml: `${pod('shop')}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n`,
      facts: facts({ shop: { value: {} } }),
    },
    { name: 'objects without pods are not judged', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: gone\n', facts: facts({}) },
  ],
  invalid: [
    {
      name: 'a namespace that does not exist',
      yaml: pod('shop'),
      facts: facts({ shop: { value: {} } }),
      errors: [
        {
          line: 5,
          column: 14,
          path: 'metadata.namespace',
          message: 'namespace shop does not exist in context kind-dev; the API server refuses the object (namespaces "shop" not found)',
          remediation:
            'Create it first (`kubectl --context kind-dev create namespace shop`), add a Namespace manifest to the objects applied, or deploy into an existing namespace (`kubectl --context kind-dev get namespaces`).',
        },
      ],
    },
    {
      name: 'a namespace being deleted',
      yaml: pod('old'),
      facts: facts({ old: { value: { phase: 'Terminating' } } }),
      errors: [
        {
          line: 5,
          column: 14,
          message: 'namespace old is being deleted (Terminating) in context kind-dev; the API server refuses new objects in it',
          remediation: /^Wait until `kubectl --context kind-dev get namespace old` says NotFound/,
        },
      ],
    },
    {
      name: 'an object without a namespace goes to the default one (-n, else the context\'s), which is missing',
      yaml: pod(),
      facts: facts({ default: { value: {} } }),
      errors: [{ line: 3, column: 1, path: 'metadata', message: /^namespace default does not exist in context kind-dev/ }],
    },
  ],
});
