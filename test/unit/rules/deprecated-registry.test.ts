import { rule } from '../../../src/rules/deprecated-registry.js';
import { ruleTester } from '../../support/rule-tester.js';
import { annotatedPod, invalidAtEveryPlacement, pod, validAtEveryPlacement } from './manifests.js';

const DIGEST = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';
const K8S_GCR = (image: string, replacement: string): string =>
  `"${image}" comes from k8s.gcr.io, which was frozen on 2023-04-03 (redirected to registry.k8s.io since 2023-03-20) and gets no new images, not even security fixes: use ${replacement}`;
const K8S_SOURCES = 'https://kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement/ and https://kubernetes.io/blog/2023/03/10/image-registry-redirect/';

ruleTester(rule, {
  valid: [
    ...validAtEveryPlacement('registry.k8s.io/pause:3.10'),
    { yaml: pod('registry.k8s.io/ingress-nginx/controller:v1.15.1') },
    { name: 'remote: Artifact Registry', yaml: pod('us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend:v0.10.3') },
    { name: 'remote: Google’s Docker Hub mirror is not Container Registry', yaml: pod('mirror.gcr.io/library/nginx:1.27.3') },
    { name: 'remote: ghcr.io', yaml: pod('ghcr.io/acme/app:1.0') },
    { name: 'remote: docker.io/bitnami keeps :latest', yaml: pod('bitnami/redis:latest') },
    { name: 'remote: docker.io/bitnami without a tag is :latest', yaml: pod('docker.io/bitnami/redis') },
    { name: 'remote: sealed-secrets stayed on docker.io/bitnami', yaml: pod('bitnami/sealed-secrets-controller:0.27.1') },
    { name: 'remote: bitnamilegacy is the frozen copy, not a deprecation of its own', yaml: pod('bitnamilegacy/redis:7.2') },
    { name: 'remote: "k8s.gcr.io" in a path is not the host', yaml: pod('ghcr.io/acme/k8s.gcr.io:1.0') },
    { name: 'remote: variables are unresolved-variable’s', yaml: pod('"k8s.gcr.io/pause:${TAG}"') },
    { name: 'ignored with pullguard.dev/ignore', yaml: annotatedPod('k8s.gcr.io/pause:3.9', { 'pullguard.dev/ignore': 'deprecated-registry' }) },
    { name: 'switched off in .pullguard.yaml', yaml: pod('k8s.gcr.io/pause:3.9'), ruleSettings: { 'deprecated-registry': 'off' } },
  ],
  invalid: [
    ...invalidAtEveryPlacement('k8s.gcr.io/pause:3.9', { message: K8S_GCR('k8s.gcr.io/pause:3.9', 'registry.k8s.io/pause:3.9') }),
    {
      name: 'remote: exact finding for k8s.gcr.io',
      yaml: pod('k8s.gcr.io/ingress-nginx/controller:v1.2.0'),
      errors: [
        {
          line: 8,
          column: 14,
          severity: 'warning',
          path: 'spec.containers[0].image',
          container: 'web',
          image: 'k8s.gcr.io/ingress-nginx/controller:v1.2.0',
          message: K8S_GCR('k8s.gcr.io/ingress-nginx/controller:v1.2.0', 'registry.k8s.io/ingress-nginx/controller:v1.2.0'),
          remediation: `Replace it with registry.k8s.io/ingress-nginx/controller:v1.2.0, the same image (see ${K8S_SOURCES}).`,
        },
      ],
    },
    {
      name: 'remote: the replacement keeps the digest',
      yaml: pod(`k8s.gcr.io/pause:3.9@${DIGEST}`),
      errors: [{ line: 8, column: 14, message: K8S_GCR(`k8s.gcr.io/pause:3.9@${DIGEST}`, `registry.k8s.io/pause:3.9@${DIGEST}`) }],
    },
    {
      name: 'kind: a frozen registry is a problem on local targets too',
      target: 'kind',
      yaml: pod('k8s.gcr.io/echoserver:1.4'),
      errors: [{ line: 8, column: 14, message: K8S_GCR('k8s.gcr.io/echoserver:1.4', 'registry.k8s.io/echoserver:1.4') }],
    },
    {
      name: 'remote: gcr.io/google_containers',
      yaml: pod('gcr.io/google_containers/pause:3.1'),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"gcr.io/google_containers/pause:3.1" comes from gcr.io/google_containers, which is the old home of the Kubernetes images behind k8s.gcr.io, deprecated since 2018 and served by Container Registry, which Google shut down on 2025-03-18: use registry.k8s.io/pause:3.1',
          remediation: /^Replace it with registry\.k8s\.io\/pause:3\.1, the same image \(see /,
        },
      ],
    },
    {
      name: 'remote: gcr.io/kubebuilder/kube-rbac-proxy',
      yaml: pod('gcr.io/kubebuilder/kube-rbac-proxy:v0.8.0'),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"gcr.io/kubebuilder/kube-rbac-proxy:v0.8.0" comes from gcr.io/kubebuilder, which was announced to lose its images with the Container Registry shutdown (2025-03-18): use quay.io/brancz/kube-rbac-proxy:v0.8.0',
          remediation: /^Move to quay\.io\/brancz\/kube-rbac-proxy:v0\.8\.0 \(see /,
        },
      ],
    },
    {
      name: 'remote: docker.pkg.github.com moved to ghcr.io',
      yaml: pod('docker.pkg.github.com/acme/repo/app:1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"docker.pkg.github.com/acme/repo/app:1.0" comes from docker.pkg.github.com, which is GitHub\'s former Docker registry, replaced by the Container registry ghcr.io, which its images were migrated to: use ghcr.io/acme/app:1.0',
        },
      ],
    },
    {
      name: 'remote: versioned docker.io/bitnami tags',
      yaml: pod('bitnami/redis:7.2'),
      errors: [
        {
          line: 8,
          column: 14,
          message:
            '"bitnami/redis:7.2" comes from docker.io/bitnami, which moved its versioned tags to docker.io/bitnamilegacy from 2025-08-28 (frozen, no more updates); docker.io/bitnami keeps only a few hardened images under :latest: use docker.io/bitnamilegacy/redis:7.2 (frozen), the upstream project\'s image, or Bitnami Secure Images',
        },
      ],
    },
    {
      name: 'remote: any other Container Registry path is an info',
      yaml: pod('gcr.io/acme-prod/app:1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          severity: 'info',
          message:
            '"gcr.io/acme-prod/app:1.0" comes from gcr.io, which is Container Registry, shut down on 2025-03-18: its paths keep working only where Artifact Registry serves them (Google-owned images, and projects that moved to gcr.io repositories): use an Artifact Registry path, LOCATION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE',
        },
      ],
    },
    {
      name: 'remote: a regional gcr.io host',
      yaml: pod('eu.gcr.io/acme-prod/app:1.0'),
      errors: [{ line: 8, column: 14, severity: 'info', message: /^"eu\.gcr\.io\/acme-prod\/app:1\.0" comes from eu\.gcr\.io, which is Container Registry, shut down on 2025-03-18/ }],
    },
    {
      name: 'remote: a configured severity wins over the per-problem one',
      yaml: pod('gcr.io/acme-prod/app:1.0'),
      ruleSettings: { 'deprecated-registry': 'error' },
      errors: [{ line: 8, column: 14, severity: 'error', message: /^"gcr\.io\/acme-prod\/app:1\.0" comes from gcr\.io/ }],
    },
  ],
});
