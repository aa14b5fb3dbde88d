// gateways/registry/: the OCI registry client (transport, auth, ping, manifest checks); I/O, may
// import every core folder, implements facts/registry-gateway.ts.
// HTTP for the registry client: undici with keep-alive (`reset: false`, without which undici closes
// the socket after every HEAD), one dispatcher per TLS setting, HTTP(S)_PROXY
// and NO_PROXY for registry and realm hosts alike, a timeout per request, and redirects followed
// by hand so that `Authorization` never crosses to another origin.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { toTransportError, TransportError } from './transport-error.js';

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Bytes of body to keep; the rest is not read and `truncated` is set. */
  maxBodyBytes: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  truncated: boolean;
  /** Where the answer came from, after redirects. */
  url: URL;
}

export interface TlsSettings {
  caFile?: string;
  insecureSkipVerify?: boolean;
}

export interface HttpTransportOptions {
  timeoutMs: number;
  /** Proxy variables (`HTTPS_PROXY`, `https_proxy`, `NO_PROXY`...); lower case wins, as in curl. */
  env: Readonly<Record<string, string | undefined>>;
  /** Host name → IP address, like curl's `--resolve`. */
  hostAliases?: Readonly<Record<string, string>>;
  tlsFor(host: string): TlsSettings;
  userAgent: string;
  onRequest?: (method: string, url: URL) => void;
}

interface RawAnswer {
  status: number;
  headers: HttpResponse['headers'];
  body: Buffer;
  truncated: boolean;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function proxySettings(env: HttpTransportOptions['env']): { httpProxy: string; httpsProxy: string; noProxy: string } {
  const pick = (name: string): string => env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '';
  return { httpProxy: pick('http_proxy'), httpsProxy: pick('https_proxy'), noProxy: pick('no_proxy') };
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function aliasLookup(aliases: Readonly<Record<string, string>>) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const address = aliases[hostname];
    if (address === undefined) {
      (dnsLookup as unknown as (host: string, opts: LookupOptions, cb: LookupCallback) => void)(hostname, options, callback);
      return;
    }
    const family = isIP(address);
    if (options.all === true) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

export class HttpTransport {
  readonly #dispatchers = new Map<string, Dispatcher>();

  constructor(private readonly options: HttpTransportOptions) {}

  #dispatcherFor(host: string): Dispatcher {
    const tls = this.options.tlsFor(host);
    const key = JSON.stringify([tls.caFile ?? '', tls.insecureSkipVerify === true]);
    let dispatcher = this.#dispatchers.get(key);
    if (dispatcher !== undefined) return dispatcher;
    const connect: Record<string, unknown> = { timeout: this.options.timeoutMs };
    if (tls.caFile !== undefined) {
      try {
        // One context per dispatcher: given `ca` instead, every new connection would parse the
        // ~150 root certificates again (about 100 ms of CPU each on a loaded 2-core machine).
        connect.secureContext = createSecureContext({ ca: [...rootCertificates, readFileSync(tls.caFile, 'utf8')] });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
        throw new TransportError('CA_FILE_UNREADABLE', host, `cannot read caFile ${tls.caFile} (${code})`);
      }
    }
    if (tls.insecureSkipVerify === true) connect.rejectUnauthorized = false;
    if (this.options.hostAliases !== undefined) connect.lookup = aliasLookup(this.options.hostAliases);
    const proxies = proxySettings(this.options.env);
    const common = { keepAliveTimeout: 30_000, connect };
    dispatcher =
      proxies.httpProxy === '' && proxies.httpsProxy === ''
        ? new Agent(common)
        : new EnvHttpProxyAgent({ ...common, ...proxies, requestTls: connect });
    this.#dispatchers.set(key, dispatcher);
    return dispatcher;
  }

  async #once(request: HttpRequest, url: URL): Promise<RawAnswer> {
    const timer = AbortSignal.timeout(this.options.timeoutMs);
    const signal = request.signal === undefined ? timer : AbortSignal.any([request.signal, timer]);
    try {
      const dispatcher = this.#dispatcherFor(url.host);
      this.options.onRequest?.(request.method, url);
      const response = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: { 'user-agent': this.options.userAgent, ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
        signal,
        reset: false,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      if (request.method === 'HEAD' || REDIRECT_STATUSES.has(response.statusCode)) {
        await response.body.dump();
      } else {
        for await (const chunk of response.body as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > request.maxBodyBytes) {
            truncated = true;
            break; // leaving the loop destroys the body: nothing more is read
          }
          chunks.push(chunk);
        }
      }
      return { status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks), truncated };
    } catch (error) {
      throw toTransportError(error, url.host, timer.aborted && request.signal?.aborted !== true, this.options.timeoutMs);
    }
  }

  async #onceWithReconnect(request: HttpRequest, url: URL): Promise<RawAnswer> {
    try {
      return await this.#once(request, url);
    } catch (error) {
      // A kept-alive socket the server closed between requests: one fresh attempt, as regclient does for EOF.
      const stale = error instanceof TransportError && (error.code === 'ECONNRESET' || error.code === 'UND_ERR_SOCKET' || error.code === 'EPIPE');
      if (!stale || request.method === 'POST') throw error;
      return this.#once(request, url);
    }
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    let url = request.url;
    let current = request;
    for (let hop = 0; ; hop += 1) {
      const answer = await this.#onceWithReconnect(current, url);
      const location = answer.headers.location;
      if (!REDIRECT_STATUSES.has(answer.status) || typeof location !== 'string' || hop >= MAX_REDIRECTS) {
        return { ...answer, url };
      }
      const next = new URL(location, url);
      const headers = { ...current.headers };
      if (next.origin !== url.origin) delete headers.authorization;
      const toGet = answer.status === 303 || (current.method === 'POST' && answer.status !== 307 && answer.status !== 308);
      const method = toGet && current.method !== 'HEAD' ? 'GET' : current.method;
      const { body: _body, ...rest } = current;
      current = { ...(method === 'GET' ? rest : current), method, headers };
      url = next;
    }
  }

  async close(): Promise<void> {
    const dispatchers = [...this.#dispatchers.values()];
    this.#dispatchers.clear();
    await Promise.all(dispatchers.map((d) => d.close()));
  }
}

export function headerValue(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
