import { rule } from '../../../src/rules/latest-tag.js';
import { ruleTester } from '../../support/rule-tester.js';
import { annotatedPod, invalidAtEveryPlacement, pod, validAtEveryPlacement } from './manifests.js';

const DEFAULT_ALWAYS =
  'the default pull policy for :latest is Always, so every pod start pulls it again and pods started at different times can run different images';

ruleTester(rule, {
  valid: [
    ...validAtEveryPlacement('nginx:1.27.3'),
    { name: 'remote: no tag is missing-tag, not latest-tag', yaml: pod('nginx') },
    { name: 'remote: a digest pins :latest', yaml: pod('nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000') },
    { name: 'remote: a tag that only starts with latest', yaml: pod('nginx:latest-alpine') },
    { name: 'remote: a repository named latest', yaml: pod('ghcr.io/acme/latest:1.0') },
    { name: 'remote: tags are case-sensitive (:Latest is another tag)', yaml: pod('ghcr.io/acme/app:Latest') },
    { name: 'remote: template variables are left to unresolved-variable', yaml: pod('"${REGISTRY}/app:latest"') },
    { name: 'remote: placeholders are left to placeholder-registry', yaml: pod('REGISTRY_URL/app:latest') },
    { name: 'remote: invalid references are left to invalid-image-reference', yaml: pod('App:latest') },
    { name: 'ignored with pullguard.dev/ignore', yaml: annotatedPod('nginx:latest', { 'pullguard.dev/ignore': 'missing-tag, latest-tag' }) },
    { name: 'ignored with pullguard.dev/ignore: all', yaml: annotatedPod('nginx:latest', { 'pullguard.dev/ignore': 'all' }) },
    { name: 'switched off in .pullguard.yaml', yaml: pod('nginx:latest'), ruleSettings: { 'latest-tag': 'off' } },
    {
      name: 'remote: the ignore annotation on a pod template counts too',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            metadata:
              annotations:
                pullguard.dev/ignore: latest-tag
            spec:
              containers:
                - name: web
                  image: nginx:latest
      `,
    },
  ],
  invalid: [
    ...invalidAtEveryPlacement('nginx:latest', { message: `"nginx:latest" uses the tag :latest: ${DEFAULT_ALWAYS}` }),
    // The same on a local target: a moving tag is a problem wherever it runs.
    ...invalidAtEveryPlacement('nginx:latest', { message: `"nginx:latest" uses the tag :latest: ${DEFAULT_ALWAYS}` }, { target: 'kind' }).slice(0, 1),
    {
      name: 'remote: exact message and remediation for a registry image',
      yaml: pod('ghcr.io/acme/web:latest'),
      errors: [
        {
          line: 8,
          column: 14,
          severity: 'warning',
          path: 'spec.containers[0].image',
          container: 'web',
          image: 'ghcr.io/acme/web:latest',
          message: `"ghcr.io/acme/web:latest" uses the tag :latest: ${DEFAULT_ALWAYS}`,
          remediation: 'Pin a version tag (ghcr.io/acme/web:1.2.3) or a digest (ghcr.io/acme/web@sha256:…); tag your own builds with a version or the commit SHA.',
        },
      ],
    },
    {
      name: 'remote: written Always',
      yaml: pod('nginx:latest', ['imagePullPolicy: Always']),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"nginx:latest" uses the tag :latest: with imagePullPolicy: Always every pod start pulls it again, so pods started at different times can run different images',
        },
      ],
    },
    {
      name: 'remote: IfNotPresent keeps stale copies',
      yaml: pod('nginx:latest', ['imagePullPolicy: IfNotPresent']),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"nginx:latest" uses the tag :latest: with imagePullPolicy: IfNotPresent each node keeps the copy it pulled first, so nodes run different, stale images and new pushes are never picked up',
        },
      ],
    },
    {
      name: 'kind: Never runs whatever copy the node has',
      target: 'kind',
      yaml: pod('webapi:latest', ['imagePullPolicy: Never']),
      errors: [{ line: 8, column: 14, message: '"webapi:latest" uses the tag :latest: with imagePullPolicy: Never each node runs whatever copy it already has, if any' }],
    },
    {
      name: 'remote: an invalid policy value is treated as absent (defaults to Always)',
      yaml: pod('nginx:latest', ['imagePullPolicy: always']),
      errors: [{ line: 8, column: 14, message: `"nginx:latest" uses the tag :latest: ${DEFAULT_ALWAYS}` }],
    },
    {
      name: 'remote: a registry with a port and :latest',
      yaml: pod('registry.acme.internal:5000/team/app:latest'),
      errors: [{ line: 8, column: 14, message: /^"registry\.acme\.internal:5000\/team\/app:latest" uses the tag :latest: / }],
    },
    {
      name: 'remote: an ignore annotation for another rule does not hide it',
      yaml: annotatedPod('nginx:latest', { 'pullguard.dev/ignore': 'missing-tag' }),
      errors: [{ line: 10, column: 14, message: `"nginx:latest" uses the tag :latest: ${DEFAULT_ALWAYS}` }],
    },
    {
      name: 'remote: severity raised to error in .pullguard.yaml',
      yaml: pod('nginx:latest'),
      ruleSettings: { 'latest-tag': 'error' },
      errors: [{ line: 8, column: 14, severity: 'error', message: `"nginx:latest" uses the tag :latest: ${DEFAULT_ALWAYS}` }],
    },
    {
      name: 'remote: every container of a multi-document file, in order',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: { name: a }
        spec:
          containers:
            - { name: a, image: "nginx:latest" }
            - { name: b, image: "nginx:1.27.3" }
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: { name: b }
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: c
                  image: busybox:latest
      `,
      errors: [
        { line: 6, column: 25, container: 'a', message: /^"nginx:latest" uses the tag :latest/ },
        { line: 18, column: 18, container: 'c', message: /^"busybox:latest" uses the tag :latest/ },
      ],
    },
  ],
});
