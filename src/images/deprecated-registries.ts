// Registries and repository namespaces that were frozen, shut down or emptied, with where their
// images went. Data with sources, read by `deprecated-registry` (docs: ../../docs/rules/deprecated-registry.md).
import type { ImageReference } from './types.js';

export interface Deprecation {
  /** What is deprecated, e.g. `k8s.gcr.io`. */
  what: string;
  /** What happened and when, phrased to follow `what` ("was frozen on 2023-04-03 ..."). */
  status: string;
  /** The reference to use instead, when it can be computed; otherwise a description. */
  replacement: string;
  /** Whether `replacement` is a drop-in reference (same image) rather than advice. */
  dropIn: boolean;
  /** `warning`: pulls fail or will; `info`: pulls work in most cases but the host is on its way out. */
  severity: 'warning' | 'info';
  sources: readonly string[];
}

interface DeprecationRule {
  matches(reference: ImageReference): boolean;
  describe(reference: ImageReference): Deprecation;
}

const K8S_FREEZE = 'https://kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement/';
const K8S_REDIRECT = 'https://kubernetes.io/blog/2023/03/10/image-registry-redirect/';
const GCR_SHUTDOWN = 'https://cloud.google.com/artifact-registry/docs/transition/setup-gcr-repo';

/** `ref` with its domain and path replaced, keeping tag and digest as written. */
function rewrite(reference: ImageReference, domainAndPath: string): string {
  return `${domainAndPath}${reference.tag === undefined || !reference.explicitTag ? '' : `:${reference.tag}`}${
    reference.digest === undefined ? '' : `@${reference.digest}`
  }`;
}

const GCR_HOSTS = new Set(['gcr.io', 'us.gcr.io', 'eu.gcr.io', 'asia.gcr.io']);
const GOOGLE_CONTAINERS = /^google[-_]containers\//;
const BITNAMI_UNAFFECTED = new Set(['bitnami/sealed-secrets-controller']);

const RULES: readonly DeprecationRule[] = [
  {
    matches: (r) => r.domain === 'k8s.gcr.io',
    describe: (r) => ({
      what: 'k8s.gcr.io',
      status: 'was frozen on 2023-04-03 (redirected to registry.k8s.io since 2023-03-20) and gets no new images, not even security fixes',
      replacement: rewrite(r, `registry.k8s.io/${r.path}`),
      dropIn: true,
      severity: 'warning',
      sources: [K8S_FREEZE, K8S_REDIRECT],
    }),
  },
  {
    matches: (r) => GCR_HOSTS.has(r.domain) && GOOGLE_CONTAINERS.test(r.path),
    describe: (r) => ({
      what: `${r.domain}/${r.path.split('/')[0] ?? ''}`,
      status:
        'is the old home of the Kubernetes images behind k8s.gcr.io, deprecated since 2018 and served by Container Registry, which Google shut down on 2025-03-18',
      replacement: rewrite(r, `registry.k8s.io/${r.path.replace(GOOGLE_CONTAINERS, '')}`),
      dropIn: true,
      severity: 'warning',
      sources: ['https://github.com/kubernetes/minikube/issues/20303', 'https://github.com/kubernetes/autoscaler/pull/774', GCR_SHUTDOWN],
    }),
  },
  {
    matches: (r) => GCR_HOSTS.has(r.domain) && r.path.startsWith('kubebuilder/'),
    describe: (r) => ({
      what: 'gcr.io/kubebuilder',
      status: 'was announced to lose its images with the Container Registry shutdown (2025-03-18)',
      replacement:
        r.path === 'kubebuilder/kube-rbac-proxy'
          ? rewrite(r, 'quay.io/brancz/kube-rbac-proxy')
          : 'an image published by the project itself (Kubebuilder no longer publishes to gcr.io/kubebuilder)',
      dropIn: false,
      severity: 'warning',
      sources: ['https://github.com/kubernetes-sigs/kubebuilder/discussions/3907', GCR_SHUTDOWN],
    }),
  },
  {
    matches: (r) => r.domain === 'docker.pkg.github.com',
    describe: (r) => {
      const [owner = 'OWNER', , image = 'IMAGE'] = r.path.split('/');
      return {
        what: 'docker.pkg.github.com',
        status: "is GitHub's former Docker registry, replaced by the Container registry ghcr.io, which its images were migrated to",
        replacement: rewrite(r, `ghcr.io/${owner}/${image}`),
        dropIn: false,
        severity: 'warning',
        sources: ['https://docs.github.com/packages/working-with-a-github-packages-registry/working-with-the-docker-registry'],
      };
    },
  },
  {
    matches: (r) =>
      r.domain === 'docker.io' &&
      r.path.startsWith('bitnami/') &&
      !BITNAMI_UNAFFECTED.has(r.path) &&
      (r.digest !== undefined || (r.explicitTag && r.tag !== 'latest')),
    describe: (r) => ({
      what: 'docker.io/bitnami',
      status:
        'moved its versioned tags to docker.io/bitnamilegacy from 2025-08-28 (frozen, no more updates); docker.io/bitnami keeps only a few hardened images under :latest',
      replacement: `${rewrite(r, `docker.io/bitnamilegacy/${r.path.slice('bitnami/'.length)}`)} (frozen), the upstream project's image, or Bitnami Secure Images`,
      dropIn: false,
      severity: 'warning',
      sources: ['https://github.com/bitnami/containers/issues/83267'],
    }),
  },
  {
    matches: (r) => r.domain === 'gcr.io' || (r.domain.endsWith('.gcr.io') && r.domain !== 'mirror.gcr.io'),
    describe: (r) => ({
      what: r.domain,
      status:
        'is Container Registry, shut down on 2025-03-18: its paths keep working only where Artifact Registry serves them (Google-owned images, and projects that moved to gcr.io repositories)',
      replacement: 'an Artifact Registry path, LOCATION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE',
      dropIn: false,
      severity: 'info',
      sources: [GCR_SHUTDOWN],
    }),
  },
];

/** The first deprecation that applies to `reference`, or undefined. */
export function findDeprecation(reference: ImageReference): Deprecation | undefined {
  for (const rule of RULES) if (rule.matches(reference)) return rule.describe(reference);
  return undefined;
}
