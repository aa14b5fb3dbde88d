// RegistryGateway over the OCI Distribution API. Per image: each endpoint in order (mirrors, then the
// registry), each credential in kubelet's order (the first success wins; anonymous only when there is
// none: docs/registry.md §4.4), classified into a cause id of the catalogue (src/causes/). Never
// throws for a registry's behaviour, and no credential or token leaves it: each is registered with
// the run's redactor, and every observation is redacted before it is classified (and shortened only
// after that).
import { classifyRegistryObservation, type CheckSubject, type RegistryCause } from '../../causes/classify-registry.js';
import { getCause } from '../../causes/index.js';
import { isDockerHub } from '../../images/docker-hub.js';
import { registerSecret, runSecrets } from '../../shared/run-secrets.js';
import { endpointsFor, type RegistryEndpoint } from './endpoint-for.js';
import { HttpTransport } from './http-transport.js';
import { ManifestChecker, type AttemptOutcome } from './manifest-check.js';
import { redactObservation } from './redact-secrets.js';
import { RegistryAuthenticator } from './registry-auth.js';
import type { ImageCheckRequest, ImageCheckResult, RegistryCredential, RegistryGateway, RegistryHostSettings } from '../../facts/registry-gateway.js';
import { RegistryPinger } from './registry-ping.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { retryingSender } from './send-with-retry.js';
import { TokenCache } from './token-cache.js';

export interface OciRegistryGatewayOptions {
  /** Per-registry settings keyed by `host[:port]` as written in image references (`docker.io`, `ghcr.io`). */
  registries?: Readonly<Record<string, RegistryHostSettings>>;
  /** Per HTTP request, connection included. Default 10 s. */
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Where `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY` are read (either case). Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Host name → IP address, like curl's `--resolve` (split-horizon DNS, tests). */
  hostAliases?: Readonly<Record<string, string>>;
  userAgent?: string;
  now?: () => number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** When every credential failed, the verdict that says most about the image wins (the catalogue's rank). */
function rank(status: RegistryCause): number {
  return status === 'ok' ? 0 : getCause(status).rank;
}

export class OciRegistryGateway implements RegistryGateway {
  readonly #transport: HttpTransport;
  readonly #checker: ManifestChecker;
  readonly #registries: Readonly<Record<string, RegistryHostSettings>>;
  readonly #requests: Record<string, number> = {};

  constructor(options: OciRegistryGatewayOptions = {}) {
    this.#registries = options.registries ?? {};
    const now = options.now ?? Date.now;
    const tlsByHost = new Map<string, RegistryEndpoint['tls']>();
    for (const domain of Object.keys(this.#registries)) {
      for (const endpoint of endpointsFor(domain, this.#registries)) tlsByHost.set(endpoint.host, endpoint.tls);
    }
    this.#transport = new HttpTransport({
      timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      env: options.env ?? process.env,
      ...(options.hostAliases === undefined ? {} : { hostAliases: options.hostAliases }),
      tlsFor: (host) => tlsByHost.get(host) ?? {},
      userAgent: options.userAgent ?? 'pullguard',
      onRequest: (method) => {
        this.#requests[method] = (this.#requests[method] ?? 0) + 1;
      },
    });
    const send = retryingSender(this.#transport, { ...DEFAULT_RETRY_POLICY, ...options.retry }, now);
    const auth = new RegistryAuthenticator(send, new TokenCache(now), (token) => registerSecret(token), now);
    this.#checker = new ManifestChecker(send, new RegistryPinger(send), auth);
  }

  /** HTTP requests sent so far by method (redirect hops and token requests included). */
  requestCounts(): Readonly<Record<string, number>> {
    return { ...this.#requests };
  }

  #remember(credentials: readonly RegistryCredential[]): void {
    for (const c of credentials) {
      registerSecret(c.password, c.username);
      registerSecret(c.identityToken);
      registerSecret(c.registryToken);
    }
  }

  async checkImage(request: ImageCheckRequest, signal?: AbortSignal): Promise<ImageCheckResult> {
    this.#remember(request.credentials);
    const endpoints = endpointsFor(request.reference.domain, this.#registries);
    let result: ImageCheckResult | undefined;
    for (const endpoint of endpoints) {
      try {
        result = await this.#checkEndpoint(endpoint, request, signal);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result = { status: 'unknown', summary: `checking ${request.reference.normalized} failed: ${message}`, registry: endpoint.host };
      }
      // Like containerd, any failure at a mirror moves on to the next host; the registry's answer is final.
      if (result.status === 'ok' || endpoint.namespace === undefined) break;
    }
    return this.#redact(result as ImageCheckResult);
  }

  async #checkEndpoint(endpoint: RegistryEndpoint, request: ImageCheckRequest, signal?: AbortSignal): Promise<ImageCheckResult> {
    const attempts: (RegistryCredential | undefined)[] = request.credentials.length === 0 ? [undefined] : [...request.credentials];
    let best: ImageCheckResult | undefined;
    for (const credential of attempts) {
      const outcome = await this.#checker.check(endpoint, request, credential, signal);
      const result = this.#resultOf(endpoint, request, credential, outcome);
      if (result.status === 'ok' || getCause(result.status).credentialIndependent) return result;
      if (best === undefined || rank(result.status) < rank(best.status)) best = result;
    }
    return best as ImageCheckResult;
  }

  #resultOf(endpoint: RegistryEndpoint, request: ImageCheckRequest, credential: RegistryCredential | undefined, outcome: AttemptOutcome): ImageCheckResult {
    const { reference } = request;
    const subject: CheckSubject = {
      registry: endpoint.host,
      repository: reference.path,
      reference: reference.digest ?? reference.tag ?? 'latest',
      dockerHub: isDockerHub(reference) && endpoint.namespace === undefined,
      credential: credential?.source ?? 'anonymous',
    };
    const verdict = classifyRegistryObservation(redactObservation(outcome.observation, runSecrets), subject);
    const skipped = endpoint.tls.insecureSkipVerify === true ? ` (TLS verification skipped for ${endpoint.host})` : '';
    const result: ImageCheckResult = {
      status: verdict.status,
      summary: `${verdict.summary}${skipped}`,
      registry: endpoint.host,
      credentialSource: subject.credential,
      evidence: verdict.evidence,
    };
    if (outcome.digest !== undefined) result.digest = outcome.digest;
    if (outcome.mediaType !== undefined) result.mediaType = outcome.mediaType;
    if (outcome.platforms !== undefined) result.platforms = outcome.platforms;
    return result;
  }

  /** Digests, media types and platforms come from the registry too; the catch above quotes an error. */
  #redact(result: ImageCheckResult): ImageCheckResult {
    return runSecrets.redactDeep(result);
  }

  async close(): Promise<void> {
    await this.#transport.close();
  }
}

export function createOciRegistryGateway(options: OciRegistryGatewayOptions = {}): OciRegistryGateway {
  return new OciRegistryGateway(options);
}
