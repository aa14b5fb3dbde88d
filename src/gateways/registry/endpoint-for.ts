// Which hosts to ask about an image of a registry domain, in order: configured mirrors first (with
// `?ns=<domain>`, as containerd sends it), then the registry itself. Docker Hub's domain is not a
// registry host: containerd and moby connect to registry-1.docker.io (docs/registry.md §3, §6.3).
import type { RegistryHostSettings } from '../../facts/registry-gateway.js';

export const DOCKER_HUB_DOMAIN = 'docker.io';
export const DOCKER_HUB_HOST = 'registry-1.docker.io';

export interface RegistryEndpoint {
  /** `host[:port]` to connect to. */
  host: string;
  /** Scheme of the first attempt. */
  scheme: 'https' | 'http';
  /** Retry over plain HTTP when the HTTPS handshake gets an HTTP answer (loopback registries only). */
  plainHttpFallback: boolean;
  /** Path before `/v2/` (mirrors configured with a path); empty for a registry. */
  pathPrefix: string;
  /** The registry domain the mirror stands in for (sent as `?ns=`); undefined for the registry itself. */
  namespace?: string;
  /** TLS settings for this host. */
  tls: { caFile?: string; insecureSkipVerify?: boolean };
}

/** localhost, 127.0.0.0/8 and ::1, with or without a port: where containerd allows plain HTTP unasked. */
export function isLoopbackHost(hostPort: string): boolean {
  const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.replace(/:\d+$/, '');
  const lower = host.toLowerCase();
  return lower === 'localhost' || lower === '::1' || /^127(\.\d{1,3}){3}$/.test(lower);
}

export function isDockerHub(domain: string): boolean {
  return domain === DOCKER_HUB_DOMAIN;
}

function registryHostFor(domain: string): string {
  return isDockerHub(domain) ? DOCKER_HUB_HOST : domain;
}

function tlsOf(settings: RegistryHostSettings | undefined): RegistryEndpoint['tls'] {
  const tls: RegistryEndpoint['tls'] = {};
  if (settings?.caFile !== undefined) tls.caFile = settings.caFile;
  if (settings?.insecureSkipVerify === true) tls.insecureSkipVerify = true;
  return tls;
}

function mirrorEndpoint(
  mirror: string,
  domain: string,
  registries: Readonly<Record<string, RegistryHostSettings>>,
): RegistryEndpoint | undefined {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(mirror) ? mirror : `https://${mirror}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const settings = registries[url.host];
  const plain = url.protocol === 'http:' || settings?.plainHttp === true;
  return {
    host: url.host,
    scheme: plain ? 'http' : 'https',
    plainHttpFallback: !plain && isLoopbackHost(url.host),
    pathPrefix: url.pathname.replace(/\/+$/, '').replace(/\/v2$/, ''),
    namespace: domain,
    tls: tlsOf(settings),
  };
}

export function endpointsFor(
  domain: string,
  registries: Readonly<Record<string, RegistryHostSettings>> = {},
): RegistryEndpoint[] {
  const settings = registries[domain];
  const mirrors = (settings?.mirrors ?? [])
    .map((m) => mirrorEndpoint(m, domain, registries))
    .filter((m): m is RegistryEndpoint => m !== undefined);
  const host = registryHostFor(domain);
  const plain = settings?.plainHttp === true;
  const registry: RegistryEndpoint = {
    host,
    scheme: plain ? 'http' : 'https',
    plainHttpFallback: !plain && isLoopbackHost(host),
    pathPrefix: '',
    tls: tlsOf(settings),
  };
  return [...mirrors, registry];
}

/** `<scheme>://<host><prefix>/v2/<path>` plus `?ns=` for mirrors. */
export function endpointUrl(endpoint: RegistryEndpoint, scheme: 'https' | 'http', path: string): URL {
  const url = new URL(`${scheme}://${endpoint.host}${endpoint.pathPrefix}/v2/${path}`);
  if (endpoint.namespace !== undefined) url.searchParams.set('ns', endpoint.namespace);
  return url;
}
