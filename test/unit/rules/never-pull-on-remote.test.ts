import { rule } from '../../../src/rules/never-pull-on-remote.js';
import { ruleTester } from '../../support/rule-tester.js';
import { deployment, pod } from './manifests.js';

const REMOTE_MESSAGE = (target: string, image: string): string =>
  `imagePullPolicy: Never makes the kubelet use only an image already on the node, and the nodes of ${target} cannot see images built on your machine: the pod fails with ErrImageNeverPull unless "${image}" was preloaded on every node`;

ruleTester(rule, {
  valid: [
    { yaml: pod('webapi:1.0', ['imagePullPolicy: IfNotPresent']) },
    { yaml: pod('webapi:1.0', ['imagePullPolicy: Always']) },
    { name: 'remote: no imagePullPolicy at all', yaml: pod('webapi:1.0') },
    { name: 'docker-desktop shares the build daemon: no reminder', yaml: pod('webapi:1.0', ['imagePullPolicy: Never']), target: 'docker-desktop' },
    { name: 'orbstack shares the build daemon', yaml: pod('webapi:1.0', ['imagePullPolicy: Never']), target: 'orbstack' },
    { name: 'policy values are case-sensitive: "never" is rejected by the API server, not this rule', yaml: pod('webapi:1.0', ['imagePullPolicy: never']) },
    {
      name: 'ignored with pullguard.dev/ignore',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            pullguard.dev/ignore: never-pull-on-remote
        spec:
          containers:
            - name: web
              image: webapi:1.0
              imagePullPolicy: Never
      `,
    },
  ],
  invalid: [
    {
      name: 'the incident: AKS, local image, Never',
      target: 'aks',
      yaml: deployment('monadic-pipeline-webapi:latest', ['imagePullPolicy: Never']),
      errors: [
        {
          line: 11,
          column: 28,
          path: 'spec.template.spec.containers[0].imagePullPolicy',
          container: 'web',
          image: 'monadic-pipeline-webapi:latest',
          message: REMOTE_MESSAGE('Azure Kubernetes Service', 'monadic-pipeline-webapi:latest'),
          remediation:
            /^Push "monadic-pipeline-webapi:latest" to a registry the nodes can pull from, reference it by that registry's name and set imagePullPolicy: IfNotPresent \(or remove the field\)\. Build and push to Azure Container Registry with `az acr build/,
        },
      ],
    },
    {
      name: 'remote: even an image from a registry is never pulled',
      yaml: pod('nginx:1.27', ['imagePullPolicy: Never']),
      errors: [
        {
          line: 9,
          column: 24,
          message: REMOTE_MESSAGE('a remote cluster', 'nginx:1.27'),
          // Said once: the remote profile's advice used to repeat the first sentence (issue 7).
          remediation:
            'Push "nginx:1.27" to a registry the nodes can pull from, reference it by that registry\'s name and set imagePullPolicy: IfNotPresent (or remove the field). Add imagePullSecrets when the registry is private.',
        },
      ],
    },
    {
      name: 'eks: init and regular containers are both reported',
      target: 'eks',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          initContainers:
            - name: migrate
              image: webapi-migrate:1.0
              imagePullPolicy: Never
          containers:
            - name: web
              image: webapi:1.0
              imagePullPolicy: "Never"
      `,
      errors: [
        { line: 9, column: 24, container: 'migrate', message: REMOTE_MESSAGE('Amazon EKS', 'webapi-migrate:1.0') },
        { line: 13, column: 24, container: 'web', message: REMOTE_MESSAGE('Amazon EKS', 'webapi:1.0') },
      ],
    },
    {
      name: 'kind: an info reminder with the exact load command',
      target: 'kind',
      yaml: pod('webapi:dev', ['imagePullPolicy: Never']),
      errors: [
        {
          line: 9,
          column: 24,
          severity: 'info',
          message:
            'imagePullPolicy: Never on kind: load the image onto the nodes before every deploy (`kind load docker-image webapi:dev`), or the pod fails with ErrImageNeverPull',
          remediation: /^Run `kind load docker-image webapi:dev` after each build\. /,
        },
      ],
    },
    {
      name: 'minikube: minikube image load',
      target: 'minikube',
      yaml: pod('webapi:dev', ['imagePullPolicy: Never']),
      errors: [{ line: 9, column: 24, severity: 'info', message: /\(`minikube image load webapi:dev`\)/ }],
    },
    {
      name: 'k3d: k3d image import',
      target: 'k3d',
      yaml: pod('webapi:dev', ['imagePullPolicy: Never']),
      errors: [{ line: 9, column: 24, severity: 'info', message: /\(`k3d image import webapi:dev`\)/ }],
    },
    {
      name: 'a configured severity wins over the per-problem default',
      target: 'kind',
      ruleSettings: { 'never-pull-on-remote': 'warning' },
      yaml: pod('webapi:dev', ['imagePullPolicy: Never']),
      errors: [{ line: 9, column: 24, severity: 'warning', message: /^imagePullPolicy: Never on kind/ }],
    },
  ],
});
