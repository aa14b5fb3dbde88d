// The HTTP side of the gateway, on node:https: one keep-alive agent per client certificate
// (connections are reused: one TLS handshake for a whole run), TLS as the kubeconfig says (CA file
// or data, which replace the system roots as in client-go; tls-server-name;
// insecure-skip-tls-verify), and the proxy kubectl would use: proxy-url, else HTTPS_PROXY /
// HTTP_PROXY / NO_PROXY as Go reads them (upper case first; never for loopback addresses),
// through a CONNECT tunnel. node:https rather than undici: the same connection reuse at a
// fraction of the import time (docs/development/kube-client.md has the figures).
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent, request as httpsRequest, type AgentOptions } from 'node:https';
import { isIP, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, createSecureContext, type SecureContext } from 'node:tls';
import type { ResolvedContext } from '../../k8s/kubeconfig/index.js';
import { ConfigError, UsageError } from '../../shared/errors.js';
import { registerSecret } from '../../shared/run-secrets.js';

export interface ClientCertificate {
  cert: string;
  key: string;
}

export interface RawResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export class ApiTransport {
  readonly server: URL;
  readonly #ca: string | undefined;
  readonly #proxy: URL | undefined;
  readonly #agents = new Map<string, Agent>();

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
    const proxy = cluster.proxyUrl ?? proxyFromEnvironment(this.server, env);
    if (proxy !== undefined) {
      this.#proxy = new URL(proxy);
      if (this.#proxy.password !== '') registerSecret(decodeURIComponent(this.#proxy.password), decodeURIComponent(this.#proxy.username));
      if (this.#proxy.protocol === 'socks5:') {
        throw new UsageError(`cluster "${context.clusterName}": proxy-url ${redactUserInfo(proxy)}: SOCKS5 proxies are not supported by pullguard; use an HTTP(S) proxy`);
      }
    }
  }

  /** One GET; rejects with Node's error (code ECONNREFUSED, a TLS code, AbortError) when no answer comes. */
  get(path: string, headers: Record<string, string>, certificate: ClientCertificate | undefined, signal: AbortSignal): Promise<RawResponse> {
    const url = new URL(path, this.server);
    const send = this.server.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(
        url,
        { method: 'GET', headers, signal, ...(this.server.protocol === 'https:' ? { agent: this.#agent(certificate) } : {}) },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      request.on('error', reject);
      request.end();
    });
  }

  /**
   * Any method, answered as a stream (deploy's writes and watches). Watches hold their connection
   * for minutes, so they get agents of their own, unbounded, and never starve the calls.
   */
  open(method: string, path: string, headers: Record<string, string>, certificate: ClientCertificate | undefined, signal: AbortSignal, body?: string, watch = false): Promise<IncomingMessage> {
    const url = new URL(path, this.server);
    const send = this.server.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(url, { method, headers, signal, ...(this.server.protocol === 'https:' ? { agent: this.#agent(certificate, watch) } : {}) }, resolve);
      request.on('error', reject);
      request.end(body);
    });
  }

  #agent(certificate: ClientCertificate | undefined, watch = false): Agent {
    const key = `${watch ? 'watch:' : ''}${certificate === undefined ? '' : certificate.cert}`;
    let agent = this.#agents.get(key);
    if (agent !== undefined) return agent;
    const tls: AgentOptions = {
      keepAlive: true,
      maxSockets: watch ? Infinity : 8,
      secureContext: this.#secureContext(certificate),
      rejectUnauthorized: !this.context.cluster.insecureSkipTlsVerify,
    };
    // Node checks the serving certificate against `servername`, as Go checks it against ServerName.
    const serverName = this.context.cluster.tlsServerName ?? (isIP(this.server.hostname.replace(/^\[|\]$/g, '')) === 0 ? this.server.hostname : undefined);
    if (serverName !== undefined) tls.servername = serverName;
    agent = this.#proxy === undefined ? new Agent(tls) : new TunnelAgent(tls, this.#proxy);
    this.#agents.set(key, agent);
    return agent;
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
    for (const agent of this.#agents.values()) agent.destroy();
    this.#agents.clear();
  }
}

/** An https.Agent whose connections go through an HTTP(S) proxy's CONNECT tunnel. */
class TunnelAgent extends Agent {
  constructor(
    private readonly tls: AgentOptions,
    private readonly proxy: URL,
  ) {
    super(tls);
  }

  override createConnection(options: RequestOptions, done?: (error: Error | null, stream: Duplex) => void): undefined {
    if (done === undefined) throw new Error('TunnelAgent: node:https always passes a callback');
    const target = `${options.host ?? ''}:${options.port ?? 443}`;
    const headers: Record<string, string> = { host: target };
    if (this.proxy.username !== '') {
      headers['proxy-authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(this.proxy.username)}:${decodeURIComponent(this.proxy.password)}`).toString('base64')}`;
    }
    const send = this.proxy.protocol === 'https:' ? httpsRequest : httpRequest;
    const connect = send({ host: this.proxy.hostname, port: this.proxy.port || (this.proxy.protocol === 'https:' ? 443 : 80), method: 'CONNECT', path: target, headers, agent: false });
    connect.once('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        done(Object.assign(new Error(`Proxy response (${response.statusCode ?? 0}) to CONNECT ${target}`), { code: 'EPROXY' }), socket);
        return;
      }
      const secure = tlsConnect({ ...(this.tls as object), socket, ...(this.tls.servername === undefined ? {} : { servername: this.tls.servername }) });
      done(null, secure);
    });
    connect.once('error', (error) => done(error, connect.socket ?? new Socket()));
    connect.end();
    return undefined;
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
