// Registry hosts that only mean something on a developer's machine: loopback, Docker's and minikube's
// host aliases, the registry containers of kind and k3d, mDNS `.local` names. On a cluster whose nodes
// live elsewhere, the node resolves them to itself or to nothing. Docs: ../../docs/rules/localhost-registry-on-remote.md.
import { matchesHostPattern } from './host-glob.js';

/** Host aliases that container runtimes and VM tools add for "the machine running me". */
const HOST_ALIASES: ReadonlySet<string> = new Set([
  'host.docker.internal',
  'gateway.docker.internal',
  'kubernetes.docker.internal',
  'host.minikube.internal',
  'control-plane.minikube.internal',
  'host.containers.internal',
  'host.lima.internal',
  'host.k3d.internal',
]);

/**
 * Local-registry naming conventions (patterns without a port match any port): kind's guide names the
 * registry container `kind-registry`, k3d names its registries `k3d-NAME` (also reached as
 * `k3d-NAME.localhost`), and a plain `registry` container is the docker-compose convention.
 */
const LOCAL_REGISTRY_NAMES: readonly string[] = ['kind-registry', 'k3d-*', 'registry', 'local-registry', 'docker-registry'];

export interface LocalRegistryHost {
  /** The host as written, with its port. */
  host: string;
  /** What it points at, phrased to follow "which is": "the loopback address". */
  what: string;
}

/** Why `domain` (host[:port] of a parsed reference) can only be a registry on a developer's machine; undefined otherwise. */
export function localRegistryHost(domain: string): LocalRegistryHost | undefined {
  const hostname = hostnameOf(domain).toLowerCase();
  const what = describe(hostname, domain);
  return what === undefined ? undefined : { host: domain, what };
}

function describe(hostname: string, domain: string): string | undefined {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return 'a loopback name (RFC 6761)';
  if (/^127(\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]' || hostname === '::1') return 'the loopback address';
  if (hostname === '0.0.0.0' || hostname === '[::]') return 'the unspecified address, which clients use as the loopback address';
  if (HOST_ALIASES.has(hostname)) return "a container runtime's alias for the developer's machine";
  // mDNS names are `host.local`; deeper `.local` names (`harbor.corp.local`) are usually unicast DNS
  // zones of company networks (Active Directory domains; RFC 6762 appendix G), which on-premises nodes resolve.
  if (hostname.endsWith('.local') && hostname.split('.').length === 2) return 'an mDNS name that resolves only on the local network segment';
  if (!hostname.includes('.') && LOCAL_REGISTRY_NAMES.some((pattern) => matchesHostPattern(domain, pattern))) {
    return "a container name that resolves only inside the developer's Docker network (kind, k3d or docker-compose registry)";
  }
  return undefined;
}

function hostnameOf(domain: string): string {
  if (domain.startsWith('[')) {
    const close = domain.indexOf(']');
    return close > 0 ? domain.slice(0, close + 1) : domain;
  }
  const colon = domain.lastIndexOf(':');
  return colon < 0 ? domain : domain.slice(0, colon);
}
