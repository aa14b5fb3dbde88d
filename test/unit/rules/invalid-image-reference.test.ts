import { rule } from '../../../src/rules/invalid-image-reference.js';
import { ruleTester } from '../../support/rule-tester.js';
import { annotatedPod, deployment, invalidAtEveryPlacement, pod, rollout, validAtEveryPlacement } from './manifests.js';

const REMEDIATION = 'Write the image as [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST] with a lowercase name, e.g. ghcr.io/team/app:1.4.2.';
const UPPERCASE = (image: string, name: string, letter: string, offset: number): string =>
  `"${image}" is not a valid image reference: repository name must be lowercase: "${name}" contains the uppercase letter "${letter}" at offset ${offset}; the kubelet rejects it and the pod fails with InvalidImageName`;

ruleTester(rule, {
  valid: [
    ...validAtEveryPlacement('nginx'),
    { yaml: pod('nginx:1.27.3') },
    { yaml: pod('docker.io/library/nginx:1.27.3@sha256:0000000000000000000000000000000000000000000000000000000000000000') },
    { yaml: pod('localhost:5000/team/app:v1.2.3_rc-1') },
    { yaml: pod('"[::1]:5000/app:1.0"') },
    { name: 'remote: upper case is legal in the registry host and the tag', yaml: pod('Registry.Acme.COM/team/app:V1') },
    { name: 'remote: template variables are left to unresolved-variable', yaml: pod('"${REGISTRY}/app:${TAG}"') },
    { name: 'remote: a placeholder in a valid reference is left to placeholder-registry', yaml: pod('registry.example.com/app:1.0') },
    { name: 'remote: ko import paths are builds, left to build-tool-image', yaml: pod('ko://github.com/acme/app/cmd/web') },
    { name: 'ignored with pullguard.dev/ignore', yaml: annotatedPod('App:1.0', { 'pullguard.dev/ignore': 'invalid-image-reference' }) },
    { name: 'switched off in .pullguard.yaml', yaml: pod('App:1.0'), ruleSettings: { 'invalid-image-reference': 'off' } },
    {
      name: 'remote: a custom resource may leave the image to its controller',
      yaml: `
        apiVersion: acme.dev/v1
        kind: Worker
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: web
      `,
    },
    {
      name: 'remote: Argo Workflows parameters are resolved at run time',
      yaml: `
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata:
          name: build
        spec:
          templates:
            - name: main
              container:
                image: "{{inputs.parameters.image}}"
              containerSet:
                containers:
                  - name: a
                    image: "{{inputs.parameters.image}}"
      `,
    },
  ],
  invalid: [
    ...invalidAtEveryPlacement('WebApi:1.0', { message: UPPERCASE('WebApi:1.0', 'WebApi', 'W', 0), remediation: REMEDIATION }),
    {
      name: 'remote: exact finding for an upper-case path component',
      yaml: deployment('ghcr.io/Acme/web:1.0'),
      errors: [
        {
          line: 10,
          column: 18,
          severity: 'error',
          path: 'spec.template.spec.containers[0].image',
          container: 'web',
          image: 'ghcr.io/Acme/web:1.0',
          message: UPPERCASE('ghcr.io/Acme/web:1.0', 'Acme/web', 'A', 8),
          remediation: REMEDIATION,
        },
      ],
    },
    {
      // The kubelet's refusal is certain and the most specific finding; the placeholder is named.
      name: 'remote: an invalid image that holds a placeholder is reported here, once, naming it',
      yaml: pod('"<your-registry>/app:1.0"'),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"<your-registry>/app:1.0" still contains the placeholder "<your-registry>" (an angle-bracket placeholder) and is not a valid image reference: repository name "<your-registry>/app" contains an invalid character "<" at offset 0; path components are lowercase letters and digits joined by ".", "_", "__" or "-"; the kubelet rejects it and the pod fails with InvalidImageName',
          remediation: /^Replace "<your-registry>" with the registry and name the image was pushed to\. Push the image to a registry the nodes can reach/,
        },
      ],
    },
    {
      name: 'remote: an upper-case placeholder',
      yaml: pod('REGISTRY_URL/app:1.0'),
      errors: [{ line: 8, column: 14, message: /^"REGISTRY_URL\/app:1\.0" still contains the placeholder "REGISTRY_URL" \(a documentation placeholder\) and is not a valid image reference: .*InvalidImageName$/ }],
    },
    {
      // Issue 9: a name someone may really use, with upper case the kubelet refuses.
      name: 'remote: MyRegistry.io/WebApi:1.0 is an invalid reference, whatever it looks like',
      yaml: pod('MyRegistry.io/WebApi:1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          message: `${UPPERCASE('MyRegistry.io/WebApi:1.0', 'WebApi', 'W', 14)}. "MyRegistry" looks like a placeholder (the registry name used in documentation examples)`,
          remediation: REMEDIATION,
        },
      ],
    },
    {
      name: 'remote: two colons',
      yaml: pod('nginx:1.0:2'),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"nginx:1.0:2" is not a valid image reference: repository name "nginx:1.0" contains an invalid character ":" at offset 5; path components are lowercase letters and digits joined by ".", "_", "__" or "-"; the kubelet rejects it and the pod fails with InvalidImageName',
        },
      ],
    },
    {
      name: 'remote: an empty tag',
      yaml: pod('"nginx:"'),
      errors: [{ line: 8, column: 14, message: /^"nginx:" is not a valid image reference: tag "" is empty after ":" at offset 6; / }],
    },
    {
      name: 'remote: a short digest',
      yaml: pod('ghcr.io/acme/app@sha256:abc'),
      errors: [{ line: 8, column: 14, message: /^"ghcr\.io\/acme\/app@sha256:abc" is not a valid image reference: digest "sha256:abc" has 3 hex digits at offset 24; sha256 needs exactly 64;/ }],
    },
    {
      name: 'kind: invalid everywhere, local targets too',
      target: 'kind',
      yaml: rollout('"my app:1.0"'),
      errors: [{ line: 12, column: 18, message: /^"my app:1\.0" is not a valid image reference: repository name "my app" contains an invalid character " "/ }],
    },
    {
      name: 'remote: a number is not a string',
      yaml: pod('1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          message: 'image of container "web" is a number (1), not a string: the API server rejects the object',
          remediation: `Quote the image reference so that YAML reads it as a string. ${REMEDIATION}`,
        },
      ],
    },
    {
      name: 'remote: a mapping is not a string',
      yaml: pod('{ name: nginx }'),
      errors: [{ line: 8, column: 14, message: 'image of container "web" is a mapping, not a string: the API server rejects the object' }],
    },
    {
      name: 'remote: null',
      yaml: pod('null'),
      errors: [{ line: 8, column: 14, message: 'image of container "web" is null: the API server refuses to create its pods (image: Required value)' }],
    },
    {
      name: 'remote: empty',
      yaml: pod('""'),
      errors: [{ line: 8, column: 14, message: 'image of container "web" is empty: the API server refuses to create its pods (image: Required value)' }],
    },
    {
      name: 'remote: no image at all in a Deployment points at the container',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: web
                  ports: [{ containerPort: 80 }]
      `,
      errors: [
        {
          line: 9,
          column: 11,
          path: 'spec.template.spec.containers[0]',
          message: 'container "web" has no image: the API server refuses to create its pods (image: Required value)',
        },
      ],
    },
    {
      name: 'remote: severity lowered in .pullguard.yaml',
      yaml: pod('App:1.0'),
      ruleSettings: { 'invalid-image-reference': 'warning' },
      errors: [{ line: 8, column: 14, severity: 'warning', message: UPPERCASE('App:1.0', 'App', 'A', 0) }],
    },
  ],
});
