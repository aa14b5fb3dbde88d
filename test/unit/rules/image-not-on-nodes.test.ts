import type { ClusterFacts, LocalRuntimeImage, NodeImageFact } from '../../../src/facts/cluster-facts.js';
import type { Facts } from '../../../src/facts/facts.js';
import { rule } from '../../../src/rules/image-not-on-nodes.js';
import { ruleTester } from '../../support/rule-tester.js';

const ENGINE = 'unix:///var/run/docker.sock';
const ID = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

function facts(images: Record<string, Partial<NodeImageFact>>, extra: Partial<ClusterFacts> = {}): () => Facts {
  const nodeImages = new Map(
    Object.entries(images).map(([image, fact]) => [image, { image, reference: `docker.io/library/${image}`, onNodes: { value: false }, ...fact } as NodeImageFact]),
  );
  const cluster: ClusterFacts = {
    source: 'context kind-dev',
    contextName: 'kind-dev',
    clusterName: 'dev',
    namespaces: new Map(),
    nodes: { value: { count: 3, platforms: [], imageNames: new Set(), nodesWithoutImageList: 0, nodesAtImageLimit: 0 } },
    nodeImages,
    unknown: [],
    ...extra,
  };
  return () => ({ cluster });
}

const present: LocalRuntimeImage = { present: true, id: ID, endpoint: ENGINE };
const absent: LocalRuntimeImage = { present: false, endpoint: ENGINE };

const pod = (image: string, policy?: string): string =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', `      image: ${image}`, ...(policy === undefined ? [] : [`      imagePullPolicy: ${policy}`]), ''].join('\n');

ruleTester(rule, {
  valid: [
    { name: 'offline: nothing to say', yaml: pod('api:dev', 'Never'), target: 'kind' },
    { name: 'the nodes hold it', yaml: pod('api:dev', 'Never'), target: 'kind', facts: facts({ 'api:dev': { onNodes: { value: true } } }) },
    { name: 'unknown whether the nodes hold it (the cluster section says why)', yaml: pod('api:dev', 'Never'), target: 'kind', facts: facts({ 'api:dev': { onNodes: { unknown: 'forbidden: list nodes' } } }) },
  ],
  invalid: [
    {
      name: 'kind: docker here has it, so load it into this cluster by name',
      target: 'kind',
      yaml: pod('api:dev', 'Never'),
      facts: facts({ 'api:dev': { localRuntime: present } }),
      errors: [
        {
          line: 8,
          column: 14,
          path: 'spec.containers[0].image',
          message: `api:dev is on none of the 3 node(s) of kind dev, so kubelet never pulls it (imagePullPolicy: Never): the pods fail with ErrImageNeverPull; this machine's docker (${ENGINE}) has it (0123456789ab)`,
          remediation: 'Load it onto the nodes: `kind load docker-image api:dev --name dev`.',
        },
      ],
    },
    {
      name: "detection's load command for this cluster wins over the profile's",
      target: 'kind',
      yaml: pod('api:dev', 'Never'),
      facts: facts({ 'api:dev': { localRuntime: present } }, { loadCommand: 'kind load docker-image IMAGE --name desktop' }),
      errors: [{ line: 8, column: 14, message: /has it \(0123456789ab\)$/, remediation: 'Load it onto the nodes: `kind load docker-image api:dev --name desktop`.' }],
    },
    {
      name: 'minikube: nowhere yet, so build then load into the profile',
      target: 'minikube',
      yaml: pod('api:dev'),
      facts: facts({ 'api:dev': { localRuntime: absent } }),
      errors: [
        {
          line: 8,
          column: 14,
          message: `api:dev is on none of the 3 node(s) of minikube dev, so kubelet pulls it from docker.io as docker.io/library/api:dev and fails with ErrImagePull; this machine's docker (${ENGINE}) does not have it either`,
          remediation: 'Build it, then load it onto the nodes: `docker build -t api:dev . && minikube image load api:dev -p dev`.',
        },
      ],
    },
    {
      name: 'k3d: docker here cannot be asked',
      target: 'k3d',
      yaml: pod('api:dev', 'Never'),
      facts: facts({ 'api:dev': { localRuntime: { unknown: 'docker at unix:///var/run/docker.sock cannot be reached (ENOENT)' } } }),
      errors: [
        {
          line: 8,
          column: 14,
          message: /; whether this machine's container runtime has it is unknown \(docker at unix:\/\/\/var\/run\/docker\.sock cannot be reached \(ENOENT\)\)$/,
          remediation: 'Build it, then load it onto the nodes: `docker build -t api:dev . && k3d image import api:dev -c dev`.',
        },
      ],
    },
    {
      name: 'Docker Desktop: docker here has it but the nodes do not: another daemon',
      target: 'docker-desktop',
      yaml: pod('api:dev', 'Never'),
      facts: facts({ 'api:dev': { localRuntime: present } }),
      errors: [{ line: 8, column: 14, message: /of Docker Desktop dev/, remediation: /^The docker this machine uses is not the daemon the nodes of Docker Desktop use: point docker at that daemon and build there \(`docker build -t api:dev \.`\)\./ }],
    },
    {
      name: 'a remote cluster: push to the registry the manifests use',
      target: 'remote',
      yaml: pod('api:dev', 'Never'),
      facts: facts({ 'api:dev': {} }, { registry: 'ghcr.io', clusterName: undefined }),
      errors: [
        {
          line: 8,
          column: 14,
          message: 'api:dev is on none of the 3 node(s) of a remote cluster kind-dev, so kubelet never pulls it (imagePullPolicy: Never): the pods fail with ErrImageNeverPull',
          remediation: /^Push it to a registry the nodes pull from \(`docker tag api:dev ghcr\.io\/api:dev && docker push ghcr\.io\/api:dev`\), reference it as ghcr\.io\/api:dev and drop imagePullPolicy: Never\./,
        },
      ],
    },
  ],
});
