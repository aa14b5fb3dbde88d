import { rule } from '../../../src/rules/local-only-image.js';
import { ruleTester } from '../../support/rule-tester.js';
import { deployment, pod } from './manifests.js';

const NOT_OFFICIAL = (image: string, normalized: string): string =>
  `"${image}" resolves to ${normalized}, which is not a Docker Hub official image: it can only exist where it was built`;

ruleTester(rule, {
  valid: [
    // Docker Hub official images and user namespaces resolve on Docker Hub.
    { yaml: pod('nginx') },
    { yaml: pod('nginx:1.27.3') },
    { yaml: pod('busybox:1.37.0') },
    { yaml: pod('docker.io/library/alpine:3.20') },
    { yaml: pod('yourls:1.9') },
    { yaml: pod('registry:2') },
    { name: 'remote: a Hub user namespace (bitnami/redis) is resolved by Docker Hub', yaml: pod('bitnami/redis:7.2') },
    { yaml: pod('argoproj/rollouts-demo:blue') },
    // A registry host was written: a local-build tag there is a pushed image.
    { yaml: pod('ghcr.io/acme/app:dev') },
    { yaml: pod('harbor.acme.internal/team/app:local') },
    { yaml: pod('docker.io/acme/app:dev-2024') },
    { name: 'remote: nginx:dev is an official image with a local-looking tag only when no registry is written', yaml: pod('docker.io/library/nginx:dev') },
    // Other rules own these.
    { name: 'remote: template variables are left to unresolved-variable', yaml: pod('"${IMAGE}"') },
    { name: 'remote: placeholders are left to placeholder-registry', yaml: pod('REGISTRY_URL/webapi:latest') },
    { name: 'remote: invalid references are left to invalid-image-reference', yaml: pod('WebApi:1.0') },
    // Local targets that share the build daemon and do not pull.
    { yaml: pod('webapi:1.0'), target: 'docker-desktop' },
    { yaml: pod('webapi:latest', ['imagePullPolicy: IfNotPresent']), target: 'orbstack' },
    { name: 'kind: Never is reported by never-pull-on-remote, not twice', yaml: pod('webapi:latest', ['imagePullPolicy: Never']), target: 'kind' },
    {
      name: 'remote: an OpenShift ImageChange trigger sets the image',
      yaml: `
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata:
          name: ruby
        spec:
          template:
            spec:
              containers:
                - name: ruby-hello-world
                  image: library/ruby-hello-world:latest
          triggers:
            - type: ImageChange
              imageChangeParams:
                automatic: true
                containerNames: [ruby-hello-world]
                from: { kind: ImageStreamTag, name: "ruby-hello-world:latest" }
      `,
    },
    {
      name: 'remote: the image.openshift.io/triggers annotation sets the image',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            image.openshift.io/triggers: '[{"from":{"kind":"ImageStreamTag","name":"web:latest"},"fieldPath":"spec.template.spec.containers[?(@.name==\\"web\\")].image"}]'
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: web:latest
      `,
    },
  ],
  invalid: [
    {
      name: 'remote: a bare name Docker Hub does not have',
      yaml: pod('webapi:latest'),
      errors: [
        {
          line: 8,
          column: 14,
          container: 'web',
          image: 'webapi:latest',
          path: 'spec.containers[0].image',
          message: `${NOT_OFFICIAL('webapi:latest', 'docker.io/library/webapi:latest')}; the nodes of a remote cluster pull it from Docker Hub and fail with ErrImagePull`,
          // Said once: the remote profile's advice used to repeat the first sentence (issue 7).
          remediation: /^Push it to a registry the nodes can pull from and reference it by that name \(REGISTRY\/webapi:VERSION\)\. Add imagePullSecrets when the registry is private\. If a build tool .* lint its rendered output instead \(e\.g\. `skaffold render \| pullguard lint -`\)\.$/,
        },
      ],
    },
    {
      name: 'aks: the incident image, whatever its pull policy',
      target: 'aks',
      yaml: deployment('monadic-pipeline-webapi:latest', ['imagePullPolicy: Never']),
      errors: [
        {
          line: 10,
          column: 18,
          message: `${NOT_OFFICIAL('monadic-pipeline-webapi:latest', 'docker.io/library/monadic-pipeline-webapi:latest')}; the nodes of Azure Kubernetes Service do not have it (ErrImageNeverPull), and once imagePullPolicy: Never is gone they pull it from Docker Hub and fail with ErrImagePull`,
          remediation: /Build and push to Azure Container Registry with `az acr build --registry REGISTRY --image IMAGE \.`/,
        },
      ],
    },
    {
      name: 'remote: no tag, and an explicit docker.io',
      yaml: pod('docker.io/webapi'),
      errors: [{ line: 8, column: 14, message: new RegExp(`^${escape(NOT_OFFICIAL('docker.io/webapi', 'docker.io/library/webapi:latest'))};`) }],
    },
    {
      name: 'remote: library/ written out is still the official namespace',
      yaml: deployment('library/ruby-hello-world:latest'),
      errors: [{ line: 10, column: 18, message: /resolves to docker\.io\/library\/ruby-hello-world:latest, which is not a Docker Hub official image/ }],
    },
    {
      name: 'remote: a local-build tag on a Docker Hub name',
      yaml: pod('acme/webapi:dev'),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"acme/webapi:dev" has the tag ":dev", which names a local build, and resolves to docker.io/acme/webapi:dev on Docker Hub, where it most likely does not exist; the nodes of a remote cluster pull it from Docker Hub and fail with ErrImagePull',
        },
      ],
    },
    {
      name: 'remote: :local and :localbuild tags',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: { name: web }
        spec:
          initContainers:
            - { name: init, image: "acme/migrate:localbuild" }
          containers:
            - { name: web, image: "acme/web:local" }
      `,
      errors: [
        { line: 6, column: 28, container: 'init', message: /^"acme\/migrate:localbuild" has the tag ":localbuild"/ },
        { line: 8, column: 27, container: 'web', message: /^"acme\/web:local" has the tag ":local"/ },
      ],
    },
    {
      name: 'kind: :latest defaults to Always, so even a local cluster pulls from Docker Hub',
      target: 'kind',
      yaml: pod('webapi:latest'),
      errors: [
        {
          line: 8,
          column: 14,
          message: `${NOT_OFFICIAL('webapi:latest', 'docker.io/library/webapi:latest')}; its pull policy is Always (the default for :latest), so even on kind the kubelet pulls it from Docker Hub and fails with ErrImagePull`,
          remediation: /^Set imagePullPolicy: IfNotPresent, or tag the build with a version instead of :latest, so that the node uses the image you built after `kind load docker-image webapi:latest`\. /,
        },
      ],
    },
    {
      name: 'docker-desktop: a written Always pulls too',
      target: 'docker-desktop',
      yaml: pod('webapi:1.0', ['imagePullPolicy: Always']),
      errors: [{ line: 8, column: 14, message: /its pull policy is Always \(written\), so even on Docker Desktop the kubelet pulls it/ }],
    },
    {
      name: 'kind: a versioned local image needs loading: info with the exact command',
      target: 'kind',
      yaml: pod('webapi:1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          severity: 'info',
          message: `${NOT_OFFICIAL('webapi:1.0', 'docker.io/library/webapi:1.0')}; load it onto the nodes of kind before deploying: \`kind load docker-image webapi:1.0\``,
        },
      ],
    },
    {
      name: 'minikube: IfNotPresent on :latest needs loading too',
      target: 'minikube',
      yaml: pod('webapi:latest', ['imagePullPolicy: IfNotPresent']),
      errors: [{ line: 8, column: 14, severity: 'info', message: /; load it onto the nodes of minikube before deploying: `minikube image load webapi:latest`$/ }],
    },
  ],
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
