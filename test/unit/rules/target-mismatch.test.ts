import { rule } from '../../../src/rules/target-mismatch.js';
import { ruleTester } from '../../support/rule-tester.js';
import { annotatedPod, pod } from './manifests.js';

const TARGET = (value: string): Record<string, string> => ({ 'pullguard.dev/target': value });
const MEANT_FOR = (kind: string, names: string, target: string): string =>
  `this ${kind} is meant for ${names} (pullguard.dev/target), not for ${target}`;
const ANNOTATION_PATH = 'metadata.annotations["pullguard.dev/target"]';

ruleTester(rule, {
  valid: [
    { name: 'remote: no annotation', yaml: pod('webapi:1.0') },
    { name: 'kind: local includes kind', yaml: annotatedPod('webapi:1.0', TARGET('local')), target: 'kind' },
    { name: 'docker-desktop: local includes docker-desktop', yaml: annotatedPod('webapi:1.0', TARGET('local')), target: 'docker-desktop' },
    { name: 'minikube: a list naming it', yaml: annotatedPod('webapi:1.0', TARGET('kind,minikube')), target: 'minikube' },
    { name: 'minikube: a list with spaces', yaml: annotatedPod('webapi:1.0', TARGET('kind, minikube')), target: 'minikube' },
    { name: 'aks: remote includes aks', yaml: annotatedPod('webapi:1.0', TARGET('remote')), target: 'aks' },
    { name: 'remote: remote is the generic remote target', yaml: annotatedPod('webapi:1.0', TARGET('remote')) },
    { name: 'eks: its own id', yaml: annotatedPod('webapi:1.0', TARGET('eks')), target: 'eks' },
    {
      name: 'kind: on the pod template of a CronJob',
      target: 'kind',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: web
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                metadata:
                  annotations:
                    pullguard.dev/target: local
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: web
                      image: webapi:1.0
      `,
    },
    { name: 'ignored with pullguard.dev/ignore', yaml: annotatedPod('webapi:1.0', { ...TARGET('local'), 'pullguard.dev/ignore': 'target-mismatch' }), target: 'aks' },
    { name: 'switched off in .pullguard.yaml', yaml: annotatedPod('webapi:1.0', TARGET('local')), target: 'aks', ruleSettings: { 'target-mismatch': 'off' } },
    {
      name: 'remote: an object without pods can carry it too, and match',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          annotations:
            pullguard.dev/target: remote
        data: {}
      `,
    },
  ],
  invalid: [
    {
      name: 'aks: the incident’s local copy of the manifests',
      target: 'aks',
      yaml: annotatedPod('monadic-pipeline-webapi:latest', TARGET('local'), ['imagePullPolicy: Never']),
      errors: [
        {
          line: 6,
          column: 27,
          severity: 'error',
          path: ANNOTATION_PATH,
          message: MEANT_FOR('Pod', 'local', 'Azure Kubernetes Service (aks, remote)'),
          remediation:
            'Apply the manifests meant for aks instead, or change the annotation if this object really works there.',
        },
      ],
    },
    {
      name: 'remote: the generic remote target is named once',
      yaml: annotatedPod('webapi:1.0', TARGET('local')),
      errors: [{ line: 6, column: 27, message: MEANT_FOR('Pod', 'local', 'a remote cluster (remote)') }],
    },
    {
      name: 'k3d: a list that does not name it',
      target: 'k3d',
      yaml: annotatedPod('webapi:1.0', TARGET('kind,minikube')),
      errors: [{ line: 6, column: 27, message: MEANT_FOR('Pod', 'kind, minikube', 'k3d (k3d, local)') }],
    },
    {
      name: 'kind: meant for remote clusters',
      target: 'kind',
      yaml: annotatedPod('ghcr.io/acme/webapi:1.0', TARGET('remote')),
      errors: [{ line: 6, column: 27, message: MEANT_FOR('Pod', 'remote', 'kind (kind, local)'), remediation: /^Apply the manifests meant for kind instead, / }],
    },
    {
      name: 'kind: an unknown name, with a suggestion and the full list (remote once)',
      target: 'kind',
      yaml: annotatedPod('webapi:1.0', TARGET('kinnd')),
      errors: [
        {
          line: 6,
          column: 27,
          message:
            'pullguard.dev/target names "kinnd", which is not a target (did you mean "kind"?); expected a comma-separated list of kind, minikube, docker-desktop, k3d, k3s, microk8s, rancher-desktop, orbstack, colima, aks, eks, gke, openshift, remote, local',
          remediation: 'Use target ids or the groups local and remote, e.g. "pullguard.dev/target: kind,minikube".',
        },
      ],
    },
    {
      name: 'gke: an unknown name and a mismatch are both reported',
      target: 'gke',
      yaml: annotatedPod('webapi:1.0', TARGET('local, laptop')),
      errors: [
        { line: 6, column: 27, message: /^pullguard\.dev\/target names "laptop", which is not a target; expected a comma-separated list of / },
        { line: 6, column: 27, message: MEANT_FOR('Pod', 'local', 'Google Kubernetes Engine (gke, remote)') },
      ],
    },
    {
      name: 'eks: on a Deployment and on its pod template: each place once',
      target: 'eks',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            pullguard.dev/target: local
        spec:
          template:
            metadata:
              annotations:
                pullguard.dev/target: kind
            spec:
              containers:
                - name: web
                  image: webapi:1.0
      `,
      errors: [
        { line: 6, column: 27, path: ANNOTATION_PATH, message: MEANT_FOR('Deployment', 'local', 'Amazon EKS (eks, remote)') },
        { line: 11, column: 31, path: `spec.template.${ANNOTATION_PATH}`, message: MEANT_FOR('Deployment', 'kind', 'Amazon EKS (eks, remote)') },
      ],
    },
    {
      name: 'aks: on the pod template of an Argo Rollout',
      target: 'aks',
      yaml: `
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web
        spec:
          template:
            metadata:
              annotations: { pullguard.dev/target: "kind,k3d" }
            spec:
              containers:
                - name: web
                  image: webapi:1.0
      `,
      errors: [{ line: 8, column: 44, path: `spec.template.${ANNOTATION_PATH}`, message: MEANT_FOR('Rollout', 'kind, k3d', 'Azure Kubernetes Service (aks, remote)') }],
    },
    {
      name: 'remote: JSON input',
      yaml: `
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": { "name": "web", "annotations": { "pullguard.dev/target": "local" } },
          "spec": { "containers": [{ "name": "web", "image": "webapi:1.0" }] }
        }
      `,
      errors: [{ line: 4, column: 73, path: ANNOTATION_PATH, message: MEANT_FOR('Pod', 'local', 'a remote cluster (remote)') }],
    },
    {
      name: 'remote: severity lowered in .pullguard.yaml',
      yaml: annotatedPod('webapi:1.0', TARGET('local')),
      ruleSettings: { 'target-mismatch': 'warning' },
      errors: [{ line: 6, column: 27, severity: 'warning', message: MEANT_FOR('Pod', 'local', 'a remote cluster (remote)') }],
    },
  ],
});
