// The gateway's Kubernetes API client: GETs and paginated LISTs with the context's credentials,
// each within a time budget, 429 and 5xx retried after Retry-After (bounded), 401 retried once
// with a fresh exec credential. The HTTP itself is api-transport.ts.
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { ResolvedContext, ExecCredential } from '../../k8s/kubeconfig/index.js';
import { registerSecret } from '../../shared/run-secrets.js';
import { VERSION } from '../../version.js';
import { parseRetryAfter } from '../registry/retry-policy.js';
import { ClusterUnreachable, describeConnectionFailure, FactUnavailable } from './api-errors.js';
import { ApiTransport, readFile, staticClientCertificate, type ClientCertificate } from './api-transport.js';
import { execCredential, invalidateExecCredential, type ExecPluginOptions } from './exec-plugin.js';

export interface ApiClientOptions {
  env: Readonly<Record<string, string | undefined>>;
  stdinIsTerminal: boolean;
  /** Budget of one call (a GET, or all pages of a LIST). */
  requestTimeoutMs: number;
  maxRetries: number;
  /** Longest Retry-After or back-off the client waits for. */
  maxRetryDelayMs: number;
  /** Items per page of a LIST (`limit`); 500 as kubectl. */
  pageSize?: number;
  /** Called before each HTTP request (counting requests in benches and tests). */
  onRequest?: (path: string) => void;
}

export const DEFAULT_API_CLIENT_OPTIONS = { requestTimeoutMs: 10_000, maxRetries: 3, maxRetryDelayMs: 5_000 } as const;

interface Auth {
  authorization?: string;
  certificate?: ClientCertificate;
  exec?: ExecCredential;
}

interface ListPage<T> {
  items?: T[];
  metadata?: { continue?: string };
}

// Every list is read whole into memory anyway, so a page is only a round trip to the API server:
// pages of 5,000 (kubectl's chunks are 500) read 50,000 events in 10 round trips instead of 100,
// which took `diagnose -A` on the bench's cluster from 2.55 s to 1.80 s (bench/diagnose.mjs --live).
const PAGE_SIZE = 5000;
const RETRYABLE = new Set([429, 500, 502, 503, 504]);
/** client-go re-reads a token file at most once a minute (projected tokens rotate). */
const TOKEN_FILE_REREAD_MS = 60_000;

export class ApiClient {
  readonly #transport: ApiTransport;
  readonly #staticCertificate: ClientCertificate | undefined;
  #tokenFileCache: { token: string; readAt: number; mtimeMs: number } | undefined;

  constructor(
    readonly context: ResolvedContext,
    private readonly options: ApiClientOptions,
  ) {
    const user = context.user;
    if (user.token !== undefined) registerSecret(user.token);
    if (user.password !== undefined) registerSecret(user.password, user.username);
    this.#transport = new ApiTransport(context, options.env);
    this.#staticCertificate = staticClientCertificate(context);
    if (user.tokenFile !== undefined && user.token === undefined) this.#tokenFromFile();
  }

  get server(): string {
    return this.context.cluster.server;
  }

  /** GET of one object or document; `what` names it in reasons (`get /version`, `list nodes`). */
  async get<T>(path: string, what: string, budgetMs = this.options.requestTimeoutMs): Promise<T> {
    const deadline = performance.now() + budgetMs;
    return this.#getWithin<T>(path, what, deadline, budgetMs);
  }

  /** Every item of a list, page by page (`limit`/`continue`), in one budget. */
  async list<T>(path: string, query: Record<string, string | undefined>, what: string, budgetMs = this.options.requestTimeoutMs): Promise<T[]> {
    const deadline = performance.now() + budgetMs;
    const items: T[] = [];
    let continueToken: string | undefined;
    for (;;) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(key, value);
      search.set('limit', String(this.options.pageSize ?? PAGE_SIZE));
      if (continueToken !== undefined) search.set('continue', continueToken);
      let page: ListPage<T>;
      try {
        page = await this.#getWithin<ListPage<T>>(`${path}?${search.toString()}`, what, deadline, budgetMs);
      } catch (error) {
        // 410 Gone: the continue token expired between pages (etcd compacted). client-go's pager
        // then lists everything in one request; so does this.
        if (error instanceof GoneError) {
          search.delete('limit');
          search.delete('continue');
          const full = await this.#getWithin<ListPage<T>>(`${path}?${search.toString()}`, what, deadline, budgetMs);
          return full.items ?? [];
        }
        throw error;
      }
      items.push(...(page.items ?? []));
      continueToken = page.metadata?.continue;
      if (continueToken === undefined || continueToken === '') return items;
    }
  }

  async close(): Promise<void> {
    await this.#transport.close();
  }

  /**
   * One request of any method with the context's credentials (writers: apply, delete), answered as
   * it came: the caller turns statuses into its own errors. 401 is retried once with a fresh exec
   * credential; nothing else is retried (a write is not idempotent in general).
   */
  async send(method: string, path: string, options: { body?: string; contentType?: string; timeoutMs?: number } = {}): Promise<{ statusCode: number; text: string }> {
    const budget = options.timeoutMs ?? this.options.requestTimeoutMs;
    for (let retried = false; ; retried = true) {
      const auth = await this.#auth();
      const response = await this.#open(method, path, auth, AbortSignal.timeout(budget), options.body, options.contentType, false);
      const text = await readAll(response);
      if (response.statusCode === 401 && !retried && auth.exec !== undefined && this.context.user.exec !== undefined) {
        invalidateExecCredential(this.context.user.exec, this.context.cluster, auth.exec);
        continue;
      }
      return { statusCode: response.statusCode ?? 0, text };
    }
  }

  /** A long-lived GET (a watch): the status and the body as it streams; `signal` ends it. */
  async stream(path: string, signal: AbortSignal): Promise<{ statusCode: number; body: AsyncIterable<Buffer>; text(): Promise<string> }> {
    const auth = await this.#auth();
    const response = await this.#open('GET', path, auth, signal, undefined, undefined, true);
    return { statusCode: response.statusCode ?? 0, body: response as AsyncIterable<Buffer>, text: () => readAll(response) };
  }

  #open(method: string, path: string, auth: Auth, signal: AbortSignal, body: string | undefined, contentType: string | undefined, watch: boolean): Promise<IncomingMessage> {
    this.options.onRequest?.(method === 'GET' ? path : `${method} ${path}`);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': `pullguard/${VERSION}` };
    if (auth.authorization !== undefined) headers.authorization = auth.authorization;
    if (contentType !== undefined) headers['content-type'] = contentType;
    // A sized body: a chunked one on a kept-alive connection can leave the next request misread.
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const url = new URL(path, this.#transport.server);
    return this.#transport.open(method, `${this.#basePath()}${url.pathname}${url.search}`, headers, auth.certificate, signal, body, watch);
  }

  async #getWithin<T>(path: string, what: string, deadline: number, budgetMs: number): Promise<T> {
    const timeout = (): FactUnavailable => new FactUnavailable(`timeout: ${what} after ${formatSeconds(budgetMs)}`);
    let retriedUnauthorized = false;
    for (let attempt = 0; ; attempt += 1) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw timeout();
      const auth = await this.#auth();
      let response: { statusCode: number; headers: Record<string, string | string[] | undefined>; text: string };
      try {
        response = await this.#send(path, auth, remaining);
      } catch (error) {
        // Past the budget, whatever undici calls it (an abort, a connect timeout): a slow answer.
        if (isTimeout(error) || performance.now() >= deadline) throw timeout();
        const failure = describeConnectionFailure(error);
        if (failure.detail === 'connection reset' && attempt < this.options.maxRetries) continue;
        throw new ClusterUnreachable(`cannot reach the API server ${this.server} of context "${this.context.contextName}": ${failure.detail}`, {
          hint: failure.kind === 'tls' ? 'Check certificate-authority / tls-server-name of the cluster in your kubeconfig.' : 'Is the cluster running, and is this the right context (`kubectl config current-context`)?',
        });
      }
      const status = response.statusCode;
      if (status >= 200 && status < 300) {
        try {
          return JSON.parse(response.text) as T;
        } catch {
          throw new FactUnavailable(`error: ${what}: the API server answered something that is not JSON`);
        }
      }
      if (status === 401) {
        if (auth.exec !== undefined && !retriedUnauthorized && this.context.user.exec !== undefined) {
          invalidateExecCredential(this.context.user.exec, this.context.cluster, auth.exec);
          retriedUnauthorized = true;
          continue;
        }
        throw new ClusterUnreachable(`the API server ${this.server} refused the credentials of user "${this.context.userName}" (401 Unauthorized)`, {
          hint: 'Log in again (the token or certificate may have expired) or pick another --context.',
        });
      }
      if (status === 403) throw new FactUnavailable(`forbidden: ${what}`);
      if (status === 404) throw new FactUnavailable(`not found: ${what}`);
      if (status === 410) throw new GoneError(what);
      if (RETRYABLE.has(status) && attempt < this.options.maxRetries) {
        const header = response.headers['retry-after'];
        const asked = parseRetryAfter(Array.isArray(header) ? header[0] : header, Date.now());
        const wait = Math.min(asked ?? 200 * 2 ** attempt, this.options.maxRetryDelayMs);
        if (performance.now() + wait >= deadline) throw timeout();
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      throw new FactUnavailable(`error: ${what}: ${status} ${statusMessage(response.text)}`);
    }
  }

  async #send(path: string, auth: Auth, remainingMs: number): Promise<{ statusCode: number; headers: Record<string, string | string[] | undefined>; text: string }> {
    this.options.onRequest?.(path);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': `pullguard/${VERSION}` };
    if (auth.authorization !== undefined) headers.authorization = auth.authorization;
    const url = new URL(path, this.#transport.server);
    return this.#transport.get(`${this.#basePath()}${url.pathname}${url.search}`, headers, auth.certificate, AbortSignal.timeout(Math.max(1, Math.ceil(remainingMs))));
  }

  /** A server URL with a path (`https://host/k8s/clusters/c-1`, Rancher) prefixes every request. */
  #basePath(): string {
    const base = this.#transport.server.pathname;
    return base === '/' ? '' : base.replace(/\/$/, '');
  }

  async #auth(): Promise<Auth> {
    const user = this.context.user;
    const auth: Auth = {};
    if (this.#staticCertificate !== undefined) auth.certificate = this.#staticCertificate;
    if (user.token !== undefined) auth.authorization = `Bearer ${user.token}`;
    else if (user.tokenFile !== undefined) auth.authorization = `Bearer ${this.#tokenFromFile()}`;
    else if (user.username !== undefined || user.password !== undefined) {
      auth.authorization = `Basic ${Buffer.from(`${user.username ?? ''}:${user.password ?? ''}`).toString('base64')}`;
    }
    // A static token or certificate wins over the plugin, as in client-go's exec round tripper.
    if (user.exec !== undefined && auth.authorization === undefined && auth.certificate === undefined) {
      const plugin: ExecPluginOptions = { env: this.options.env, stdinIsTerminal: this.options.stdinIsTerminal };
      const credential = await execCredential(this.context.userName, user.exec, this.context.cluster, plugin);
      auth.exec = credential;
      if (credential.token !== undefined) auth.authorization = `Bearer ${credential.token}`;
      if (credential.clientCertificateData !== undefined && credential.clientKeyData !== undefined) {
        auth.certificate = { cert: credential.clientCertificateData, key: credential.clientKeyData };
      }
    }
    return auth;
  }

  #tokenFromFile(): string {
    const path = this.context.user.tokenFile as string;
    const now = performance.now();
    const cached = this.#tokenFileCache;
    if (cached !== undefined && now - cached.readAt < TOKEN_FILE_REREAD_MS) return cached.token;
    let mtimeMs = 0;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      // reported by readFile below
    }
    if (cached !== undefined && cached.mtimeMs === mtimeMs) {
      cached.readAt = now;
      return cached.token;
    }
    const token = (cached === undefined ? readFile(path, 'tokenFile', `user "${this.context.userName}"`) : readFileSync(path, 'utf8')).trim();
    registerSecret(token);
    this.#tokenFileCache = { token, readAt: now, mtimeMs };
    return token;
  }
}

async function readAll(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

class GoneError extends Error {
  constructor(what: string) {
    super(`gone: ${what}`);
  }
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  const code = (error as { code?: string }).code;
  return name === 'TimeoutError' || name === 'AbortError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

function statusMessage(text: string): string {
  try {
    const status = JSON.parse(text) as { message?: unknown };
    if (typeof status.message === 'string') return status.message.split('\n')[0] ?? '';
  } catch {
    // not a Status object
  }
  return text.slice(0, 120).split('\n')[0] ?? '';
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
