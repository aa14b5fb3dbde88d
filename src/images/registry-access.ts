// What can be said offline about whether a registry lets anonymous clients pull, per host. Used by
// `missing-pull-secret`; the live registry checks of `pullguard check` replace the guess with facts.
// Docs: ../../docs/rules/missing-pull-secret.md; each entry names its source.
import { matchesHostGlob } from './host-glob.js';

/**
 * - `public`: every repository can be pulled anonymously.
 * - `authenticated`: every pull needs credentials (or anonymous pull is an opt-in almost nobody enables).
 * - `mixed`: public and private repositories live side by side; only the registry can tell.
 * - `unknown`: not a registry pullguard knows about (usually a company's own registry).
 */
export type RegistryAccess = 'public' | 'authenticated' | 'mixed' | 'unknown';

export interface RegistryAccessEntry {
  /** Host globs with kubelet's matching rules (`*.azurecr.io` matches one label). */
  hosts: readonly string[];
  access: Exclude<RegistryAccess, 'unknown'>;
  /** Shown in messages, e.g. "Amazon ECR private registries". */
  label: string;
  source: string;
}

export const REGISTRY_ACCESS: readonly RegistryAccessEntry[] = [
  {
    hosts: ['registry.k8s.io', 'k8s.gcr.io'],
    access: 'public',
    label: 'the Kubernetes project registry',
    source: 'https://kubernetes.io/blog/2022/11/28/registry-k8s-io-faster-cheaper-ga/',
  },
  {
    hosts: ['mcr.microsoft.com'],
    access: 'public',
    label: 'Microsoft Artifact Registry',
    source: 'https://github.com/microsoft/containerregistry',
  },
  {
    hosts: ['public.ecr.aws'],
    access: 'public',
    label: 'Amazon ECR Public',
    source: 'registry.md §3.4 (anonymous pulls work); https://docs.aws.amazon.com/AmazonECR/latest/public/public-registries.html',
  },
  {
    hosts: ['registry.istio.io'],
    access: 'public',
    label: "Istio's registry",
    source: 'https://github.com/istio/istio/pull/59364',
  },
  {
    hosts: ['registry.access.redhat.com'],
    access: 'public',
    label: "Red Hat's unauthenticated registry",
    source: 'https://access.redhat.com/RegistryAuthentication',
  },
  {
    hosts: ['mirror.gcr.io'],
    access: 'public',
    label: "Google's Docker Hub mirror",
    source: 'https://cloud.google.com/artifact-registry/docs/pull-cached-dockerhub-images',
  },
  {
    hosts: ['*.dkr.ecr.*.amazonaws.com', '*.dkr.ecr.*.amazonaws.com.cn', '*.dkr.ecr-fips.*.amazonaws.com'],
    access: 'authenticated',
    label: 'Amazon ECR private registries (every pull needs a token, valid 12 hours)',
    source: 'registry.md §3.4; https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html',
  },
  {
    hosts: ['*.azurecr.io', '*.azurecr.cn', '*.azurecr.us'],
    access: 'authenticated',
    label: 'the Azure Container Registry registries (anonymous pull is an opt-in of Standard and Premium registries)',
    source: 'registry.md §3.4; https://learn.microsoft.com/azure/container-registry/anonymous-pull-access',
  },
  {
    hosts: ['registry.redhat.io', 'registry.connect.redhat.com'],
    access: 'authenticated',
    label: "Red Hat's authenticated registries",
    source: 'https://access.redhat.com/RegistryAuthentication',
  },
  {
    hosts: ['docker.io', 'ghcr.io', 'quay.io', 'gcr.io', '*.gcr.io', '*-docker.pkg.dev', 'registry.gitlab.com', 'nvcr.io', 'cgr.dev'],
    access: 'mixed',
    label: 'a registry with both public and private repositories',
    source: 'registry.md §3.4 (Docker Hub answers 401 for private and missing repositories alike)',
  },
];

export interface RegistryAccessVerdict {
  access: RegistryAccess;
  entry?: RegistryAccessEntry;
}

// Rules ask once or twice per container; matching every glob each time cost seconds on big runs.
const verdicts = new Map<string, RegistryAccessVerdict>();

/** The access class of a registry host (`domain` of a parsed reference, with its port). */
export function registryAccess(domain: string): RegistryAccessVerdict {
  let verdict = verdicts.get(domain);
  if (verdict === undefined) {
    verdict = classifyRegistry(domain);
    // Bounded so a long-lived library user cannot grow it without end; a run names few registries.
    if (verdicts.size >= 1024) verdicts.clear();
    verdicts.set(domain, verdict);
  }
  return verdict;
}

function classifyRegistry(domain: string): RegistryAccessVerdict {
  for (const entry of REGISTRY_ACCESS) {
    if (entry.hosts.some((glob) => matchesHostGlob(domain, glob))) return { access: entry.access, entry };
  }
  return { access: 'unknown' };
}
