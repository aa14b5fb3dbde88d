// `GET /v2/` once per endpoint and run: it settles the scheme (HTTPS, or plain HTTP for a loopback
// registry whose TLS handshake got an HTTP answer, as containerd does) and learns the auth challenge,
// so that image requests can carry credentials from the start instead of collecting a 401 each.
import type { RegistryObservation } from '../../causes/classify-registry.js';
import { isHttpAnswerToTls } from '../../causes/classify-registry.js';
import { endpointUrl, type RegistryEndpoint } from './endpoint-for.js';
import { headerValue } from './http-transport.js';
import type { Sender } from './send-with-retry.js';
import { TransportError, transportObservation } from './transport-error.js';
import { parseWwwAuthenticate, type AuthChallenge } from './www-authenticate.js';

export type PingOutcome =
  | { ok: true; scheme: 'https' | 'http'; challenges: AuthChallenge[] }
  | { ok: false; observation: RegistryObservation };

const MAX_PING_BODY = 64 * 1024;

export class RegistryPinger {
  readonly #pings = new Map<string, Promise<PingOutcome>>();

  constructor(private readonly send: Sender) {}

  /** Shared by every check of the endpoint; deliberately not tied to one check's signal. */
  ping(endpoint: RegistryEndpoint): Promise<PingOutcome> {
    const key = `${endpoint.scheme}://${endpoint.host}${endpoint.pathPrefix}`;
    let pending = this.#pings.get(key);
    if (pending === undefined) {
      pending = this.#ping(endpoint);
      this.#pings.set(key, pending);
    }
    return pending;
  }

  async #ping(endpoint: RegistryEndpoint): Promise<PingOutcome> {
    const first = await this.#pingWith(endpoint, endpoint.scheme);
    if (first.ok || !endpoint.plainHttpFallback) return first;
    const observation = first.observation;
    if (observation.kind !== 'transport' || !isHttpAnswerToTls(observation.code, observation.message)) return first;
    return this.#pingWith(endpoint, 'http');
  }

  async #pingWith(endpoint: RegistryEndpoint, scheme: 'https' | 'http'): Promise<PingOutcome> {
    const url = endpointUrl(endpoint, scheme, '');
    try {
      const { response, attempts } = await this.send({ method: 'GET', url, headers: {}, maxBodyBytes: MAX_PING_BODY });
      const { status } = response;
      if (status === 400 || status === 429 || status >= 500) {
        const observation: RegistryObservation = { kind: 'response', phase: 'ping', method: 'GET', status, attempts, bodyText: response.body.toString('utf8').slice(0, 200) };
        const retryAfter = headerValue(response.headers, 'retry-after');
        if (retryAfter !== undefined) observation.retryAfter = retryAfter;
        // A 400 that is not Go's "HTTP request to an HTTPS server" says nothing about images: go on.
        if (status !== 400 || observation.bodyText?.toLowerCase().includes('https server') === true) return { ok: false, observation };
      }
      const challenges = status === 401 ? parseWwwAuthenticate(headerValue(response.headers, 'www-authenticate')) : [];
      return { ok: true, scheme, challenges };
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      return { ok: false, observation: transportObservation(error, 'ping', 'GET') };
    }
  }
}
