import { rule } from '../../../src/rules/localhost-registry-on-remote.js';
import { ruleTester } from '../../support/rule-tester.js';
import { annotatedPod, invalidAtEveryPlacement, pod, validAtEveryPlacement } from './manifests.js';

const UNREACHABLE = (image: string, host: string, what: string, target = 'a remote cluster'): string =>
  `"${image}" is pulled from ${host}, which is ${what}: the nodes of ${target} cannot reach a registry on your machine, so the pull fails (connection refused or no such host)`;
const CONTAINER_NAME = "a container name that resolves only inside the developer's Docker network (kind, k3d or docker-compose registry)";

ruleTester(rule, {
  valid: [
    ...validAtEveryPlacement('registry.acme.internal:5000/team/app:1.0'),
    { yaml: pod('ghcr.io/acme/app:1.0') },
    { name: 'remote: a private IP is a real registry on the network', yaml: pod('172.30.17.139:5000/test/app:1.0') },
    { name: 'openshift: the internal registry service', yaml: pod('image-registry.openshift-image-registry.svc:5000/team/app:1.0'), target: 'openshift' },
    { name: 'remote: "registry/app" is a Docker Hub repository, not a host', yaml: pod('registry/app:1.0') },
    { name: 'remote: "localhost" in a path is not the host', yaml: pod('ghcr.io/acme/localhost:1.0') },
    { name: 'remote: a name that only starts like a loopback one', yaml: pod('localhost.acme.com/app:1.0') },
    { name: 'remote: a company DNS zone under .local is not mDNS (on-premises nodes resolve it)', yaml: pod('harbor.corp.local/team/app:1.0') },
    // Local targets: the registry on the developer's machine is the point.
    { yaml: pod('localhost:5001/app:1.0'), target: 'kind' },
    { yaml: pod('kind-registry:5000/app:1.0'), target: 'kind' },
    { yaml: pod('k3d-myregistry.localhost:5000/app:1.0'), target: 'k3d' },
    { yaml: pod('localhost:32000/app:1.0'), target: 'microk8s' },
    { yaml: pod('host.docker.internal:5000/app:1.0'), target: 'docker-desktop' },
    { yaml: pod('localhost:5000/app:1.0'), target: 'minikube' },
    { name: 'remote: variables are unresolved-variable’s', yaml: pod('"localhost:5000/app:${TAG}"') },
    { name: 'ignored with pullguard.dev/ignore', yaml: annotatedPod('localhost:5000/app:1.0', { 'pullguard.dev/ignore': 'localhost-registry-on-remote' }) },
    { name: 'switched off in .pullguard.yaml', yaml: pod('localhost:5000/app:1.0'), ruleSettings: { 'localhost-registry-on-remote': 'off' } },
    // Issue 9: Podman's local build name with Never is never pulled; never-pull-on-remote reports it, once.
    { name: 'remote: localhost/NAME with imagePullPolicy: Never', yaml: pod('localhost/webapi:1.0', ['imagePullPolicy: Never']) },
  ],
  invalid: [
    ...invalidAtEveryPlacement('localhost:5000/webapi:1.0', { message: UNREACHABLE('localhost:5000/webapi:1.0', 'localhost:5000', 'a loopback name (RFC 6761)') }),
    {
      name: 'aks: exact finding with the target’s shipping advice',
      target: 'aks',
      yaml: pod('localhost:5000/webapi:1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          severity: 'error',
          path: 'spec.containers[0].image',
          container: 'web',
          image: 'localhost:5000/webapi:1.0',
          message: UNREACHABLE('localhost:5000/webapi:1.0', 'localhost:5000', 'a loopback name (RFC 6761)', 'Azure Kubernetes Service'),
          remediation:
            'Push the image to a registry the nodes can reach and reference it by that name. Build and push to Azure Container Registry with `az acr build --registry REGISTRY --image IMAGE .`, and let the nodes pull with their kubelet identity after `az aks update --name CLUSTER --resource-group GROUP --attach-acr REGISTRY`.',
        },
      ],
    },
    {
      name: 'remote: localhost without a port',
      yaml: pod('localhost/app:1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          message: UNREACHABLE('localhost/app:1.0', 'localhost', 'a loopback name (RFC 6761)'),
          // Said once: the remote profile's advice used to repeat the first sentence (issue 7).
          remediation: 'Push the image to a registry the nodes can reach and reference it by that name. Add imagePullSecrets when the registry is private.',
        },
      ],
    },
    {
      name: 'remote: 127.0.0.1',
      yaml: pod('127.0.0.1:5000/app:1.0'),
      errors: [{ line: 8, column: 14, message: UNREACHABLE('127.0.0.1:5000/app:1.0', '127.0.0.1:5000', 'the loopback address') }],
    },
    {
      name: 'remote: [::1]',
      yaml: pod('"[::1]:5000/app:1.0"'),
      errors: [{ line: 8, column: 14, message: UNREACHABLE('[::1]:5000/app:1.0', '[::1]:5000', 'the loopback address') }],
    },
    {
      name: 'eks: kind’s registry container',
      target: 'eks',
      yaml: pod('kind-registry:5000/app:1.0'),
      errors: [{ line: 8, column: 14, message: UNREACHABLE('kind-registry:5000/app:1.0', 'kind-registry:5000', CONTAINER_NAME, 'Amazon EKS') }],
    },
    {
      name: 'gke: a k3d registry',
      target: 'gke',
      yaml: pod('k3d-myregistry:5000/app:1.0'),
      errors: [{ line: 8, column: 14, message: /^"k3d-myregistry:5000\/app:1\.0" is pulled from k3d-myregistry:5000, which is a container name/ }],
    },
    {
      name: 'remote: host.docker.internal',
      yaml: pod('host.docker.internal:5000/app:1.0'),
      errors: [{ line: 8, column: 14, message: UNREACHABLE('host.docker.internal:5000/app:1.0', 'host.docker.internal:5000', "a container runtime's alias for the developer's machine") }],
    },
    {
      name: 'openshift: an mDNS .local name',
      target: 'openshift',
      yaml: pod('registry.local/app:1.0'),
      errors: [{ line: 8, column: 14, message: /^"registry\.local\/app:1\.0" is pulled from registry\.local, which is an mDNS name that resolves only on the local network segment: / }],
    },
    {
      name: 'remote: severity lowered in .pullguard.yaml',
      yaml: pod('localhost:5000/app:1.0'),
      ruleSettings: { 'localhost-registry-on-remote': 'warning' },
      errors: [{ line: 8, column: 14, severity: 'warning', message: UNREACHABLE('localhost:5000/app:1.0', 'localhost:5000', 'a loopback name (RFC 6761)') }],
    },
  ],
});
