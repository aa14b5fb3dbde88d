// The HTTP side of the gateway: one undici dispatcher per client certificate (connections are
// reused: one TLS handshake for a whole run), TLS as the kubeconfig says (CA file or data, which
// replace the system roots as in client-go; tls-server-name; insecure-skip-tls-verify), and the
// proxy kubectl would use: proxy-url, else HTTPS_PROXY / HTTP_PROXY / NO_PROXY as Go reads them
// (upper case first; never for loopback addresses).
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import type { ResolvedContext } from '../../k8s/kubeconfig/index.js';
import { ConfigError, UsageError } from '../../shared/errors.js';
import { registerSecret } from '../../shared/run-secrets.js';

export interface ClientCertificate {
  cert: string;
  key: string;
}

export class ApiTransport {
  readonly server: URL;
  readonly #ca: string | undefined;
  readonly #proxy: string | undefined;
  readonly #dispatchers = new Map<string, Dispatcher>();

  constructor(
    private readonly context: ResolvedContext,
    env: Readonly<Record<string, string | undefined>>,
  ) {
    this.server = new URL(context.cluster.server);
    const cluster = context.cluster;
    this.#ca = cluster.certificateAuthorityData ?? (cluster.certificateAuthority === undefined ? undefined : readFile(cluster.certificateAuthority, 'certificate-authority', `cluster "${context.clusterName}"`));
    if (this.#ca !== undefined && cluster.insecureSkipTlsVerify) {
      throw new UsageError(`cluster "${context.clusterName}": specifying a root certificates file with the insecure flag is not allowed`);
    }
    this.#proxy = cluster.proxyUrl ?? proxyFromEnvironment(this.server, env);
    if (this.#proxy !== undefined && new URL(this.#proxy).protocol === 'socks5:') {
      throw new UsageError(`cluster "${context.clusterName}": proxy-url ${redactUserInfo(this.#proxy)}: SOCKS5 proxies are not supported by pullguard; use an HTTP(S) proxy`);
    }
  }

  /** The dispatcher for requests made with `certificate` (from the kubeconfig or an exec plugin), or none. */
  dispatcher(certificate: ClientCertificate | undefined): Dispatcher {
    const key = certificate === undefined ? '' : certificate.cert;
    let dispatcher = this.#dispatchers.get(key);
    if (dispatcher !== undefined) return dispatcher;
    const tls: Record<string, unknown> = {
      secureContext: this.#secureContext(certificate),
      rejectUnauthorized: !this.context.cluster.insecureSkipTlsVerify,
    };
    // Node checks the serving certificate against `servername`, as Go checks it against ServerName.
    const serverName = this.context.cluster.tlsServerName ?? (isIP(this.server.hostname) === 0 ? this.server.hostname : undefined);
    if (serverName !== undefined) tls.servername = serverName;
    dispatcher =
      this.#proxy === undefined
        ? new Agent({ keepAliveTimeout: 30_000, connections: 8, connect: tls })
        : new ProxyAgent({ uri: this.#proxy, keepAliveTimeout: 30_000, connections: 8, requestTls: tls });
    this.#dispatchers.set(key, dispatcher);
    return dispatcher;
  }

  #secureContext(certificate: ClientCertificate | undefined): SecureContext {
    try {
      return createSecureContext({
        ...(this.#ca === undefined ? {} : { ca: this.#ca }),
        ...(certificate === undefined ? {} : { cert: certificate.cert, key: certificate.key }),
      });
    } catch (error) {
      // OpenSSL's reason only (it never quotes the key).
      const reason = (error as Error).message.split('\n')[0];
      const what = certificate === undefined ? `the CA of cluster "${this.context.clusterName}"` : `the client certificate or key of user "${this.context.userName}"`;
      throw new UsageError(`cannot use ${what}: ${reason}`);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.#dispatchers.values()].map((d) => d.close()));
    this.#dispatchers.clear();
  }
}

/** The kubeconfig's client certificate and key (files or data), or none. */
export function staticClientCertificate(context: ResolvedContext): ClientCertificate | undefined {
  const user = context.user;
  const who = `user "${context.userName}"`;
  const cert = user.clientCertificateData ?? (user.clientCertificate === undefined ? undefined : readFile(user.clientCertificate, 'client-certificate', who));
  const key = user.clientKeyData ?? (user.clientKey === undefined ? undefined : readFile(user.clientKey, 'client-key', who));
  if (cert === undefined || key === undefined) return undefined;
  registerSecret(key);
  return { cert, key };
}

export function readFile(path: string, field: string, owner: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new ConfigError(`unable to read ${field} of ${owner} (${code === 'ENOENT' ? 'no such file' : code})`, { file: path });
  }
}

/** Go's httpproxy.FromEnvironment for one URL: HTTPS_PROXY for https, HTTP_PROXY for http, NO_PROXY, never loopback. */
export function proxyFromEnvironment(url: URL, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const pick = (name: string): string | undefined => nonEmpty(env[name]) ?? nonEmpty(env[name.toLowerCase()]);
  const proxy = url.protocol === 'https:' ? pick('HTTPS_PROXY') : pick('HTTP_PROXY');
  if (proxy === undefined) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.startsWith('127.') || host === '::1') return undefined;
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  for (const rawEntry of (pick('NO_PROXY') ?? '').split(',')) {
    const entry = rawEntry.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return undefined;
    const [entryHost, entryPort] = splitHostPort(entry);
    if (entryPort !== undefined && entryPort !== port) continue;
    if (entryHost.includes('/') && isIP(host) !== 0 && inCidr(host, entryHost)) return undefined;
    const bare = entryHost.replace(/^\*?\./, '');
    if (host === bare || host.endsWith(`.${bare}`)) return undefined;
  }
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

function splitHostPort(entry: string): [string, string | undefined] {
  const match = /^(.*?)(?::(\d+))?$/.exec(entry);
  if (entry.includes('/') || (entry.match(/:/g)?.length ?? 0) > 1) return [entry, undefined];
  return [match?.[1] ?? entry, match?.[2]];
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  if (base === undefined || bitsText === undefined || isIP(base) !== 4 || isIP(ip) !== 4) return false;
  const bits = Number(bitsText);
  const toInt = (address: string): number => address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
  const mask = bits === 0 ? 0 : 2 ** 32 - 2 ** (32 - bits);
  return (toInt(ip) & mask) >>> 0 === (toInt(base) & mask) >>> 0;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export function redactUserInfo(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//***@');
}
