import { rule } from '../../../src/rules/missing-tag.js';
import { ruleTester } from '../../support/rule-tester.js';
import { annotatedPod, invalidAtEveryPlacement, pod, validAtEveryPlacement } from './manifests.js';

const DEFAULT_ALWAYS =
  'the default pull policy for :latest is Always, so every pod start pulls it again and pods started at different times can run different images';
const DIGEST = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';

ruleTester(rule, {
  valid: [
    ...validAtEveryPlacement('nginx:1.27.3'),
    { name: 'remote: :latest is latest-tag, not missing-tag', yaml: pod('nginx:latest') },
    { name: 'remote: a digest without a tag is pinned', yaml: pod(`ghcr.io/acme/app@${DIGEST}`) },
    { name: 'remote: a tag and a digest', yaml: pod(`ghcr.io/acme/app:1.0@${DIGEST}`) },
    { name: 'remote: a port is not a tag, but a tag after it is', yaml: pod('localhost:5000/app:1.0') },
    { name: 'remote: template variables are left to unresolved-variable', yaml: pod('"${IMAGE}"') },
    { name: 'remote: placeholders are left to placeholder-registry', yaml: pod('<your-image>') },
    { name: 'remote: invalid references are left to invalid-image-reference', yaml: pod('Nginx') },
    { name: 'ignored with pullguard.dev/ignore', yaml: annotatedPod('nginx', { 'pullguard.dev/ignore': 'missing-tag' }) },
    { name: 'switched off in .pullguard.yaml', yaml: pod('nginx'), ruleSettings: { 'missing-tag': 'off' } },
    {
      name: 'remote: an OpenShift ImageChange trigger sets the image',
      yaml: `
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: web
          triggers:
            - type: ImageChange
              imageChangeParams:
                automatic: true
                containerNames: [web]
                from: { kind: ImageStreamTag, name: "web:1.0" }
      `,
    },
  ],
  invalid: [
    ...invalidAtEveryPlacement('nginx', { message: `"nginx" has no tag, so Kubernetes pulls :latest: ${DEFAULT_ALWAYS}` }),
    {
      name: 'remote: exact message and remediation',
      yaml: pod('quay.io/prometheus/node-exporter'),
      errors: [
        {
          line: 8,
          column: 14,
          severity: 'warning',
          path: 'spec.containers[0].image',
          container: 'web',
          image: 'quay.io/prometheus/node-exporter',
          message: `"quay.io/prometheus/node-exporter" has no tag, so Kubernetes pulls :latest: ${DEFAULT_ALWAYS}`,
          remediation: 'Add a version tag (quay.io/prometheus/node-exporter:1.2.3) or a digest (quay.io/prometheus/node-exporter@sha256:…).',
        },
      ],
    },
    {
      name: 'remote: a registry port is not a tag (the bug of kube-score, Polaris and Kyverno)',
      yaml: pod('localhost:5000/app'),
      errors: [{ line: 8, column: 14, message: `"localhost:5000/app" has no tag, so Kubernetes pulls :latest: ${DEFAULT_ALWAYS}` }],
    },
    {
      name: 'remote: IfNotPresent keeps the first copy',
      yaml: pod('nginx', ['imagePullPolicy: IfNotPresent']),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"nginx" has no tag, so Kubernetes pulls :latest: with imagePullPolicy: IfNotPresent each node keeps the copy it pulled first, so nodes run different, stale images and new pushes are never picked up',
        },
      ],
    },
    {
      name: 'remote: written Always',
      yaml: pod('nginx', ['imagePullPolicy: Always']),
      errors: [{ line: 8, column: 14, message: /^"nginx" has no tag, so Kubernetes pulls :latest: with imagePullPolicy: Always every pod start pulls it again/ }],
    },
    {
      name: 'minikube: the same on a local target',
      target: 'minikube',
      yaml: pod('busybox'),
      errors: [{ line: 8, column: 14, message: `"busybox" has no tag, so Kubernetes pulls :latest: ${DEFAULT_ALWAYS}` }],
    },
    {
      name: 'remote: severity lowered to info in .pullguard.yaml',
      yaml: pod('nginx'),
      ruleSettings: { 'missing-tag': 'info' },
      errors: [{ line: 8, column: 14, severity: 'info', message: /^"nginx" has no tag/ }],
    },
    {
      name: 'remote: ignoring latest-tag does not ignore missing-tag',
      yaml: annotatedPod('nginx', { 'pullguard.dev/ignore': 'latest-tag' }),
      errors: [{ line: 10, column: 14, message: /^"nginx" has no tag/ }],
    },
  ],
});
