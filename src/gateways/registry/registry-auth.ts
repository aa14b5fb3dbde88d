// Turns a registry's challenge and one credential into an `Authorization` header (the distribution token
// auth spec):
// Basic straight from the credential; Bearer from the realm (anonymous, Basic-authenticated GET, or
// the OAuth2 refresh-token POST with distribution's GET fallback), cached per realm, service, scope
// and credential. A credential's `registryToken` is sent as is.
import type { RegistryObservation } from '../../causes/classify-registry.js';
import { credentialId } from '../../credentials/credential-id.js';
import { headerValue } from './http-transport.js';
import { parseRegistryError } from './registry-error-body.js';
import type { RegistryCredential } from '../../facts/registry-gateway.js';
import type { Sender } from './send-with-retry.js';
import { tokenExpiry, type TokenCache, type TokenKey } from './token-cache.js';
import { TransportError, transportObservation } from './transport-error.js';
import type { AuthChallenge } from './www-authenticate.js';

export type AuthResult = { ok: true; header?: string } | { ok: false; observation: RegistryObservation };

export { credentialId };

const MAX_TOKEN_RESPONSE_BYTES = 1 << 20;

function basic(credential: RegistryCredential): string | undefined {
  if (credential.username === undefined || credential.password === undefined) return undefined;
  return `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
}

/** The failure reported when the token service answers with an error (or no token). */
class TokenFailure extends Error {
  constructor(readonly observation: RegistryObservation) {
    super('token request failed');
  }
}

export class RegistryAuthenticator {
  constructor(
    private readonly send: Sender,
    private readonly cache: TokenCache,
    private readonly rememberSecret: (secret: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The header for a request to `repository`, given the challenges the registry sent (from `/v2/` or
   * a 401). `refresh` drops a cached token first (the registry said `invalid_token`).
   */
  async authorize(
    challenges: readonly AuthChallenge[],
    repository: string,
    credential: RegistryCredential | undefined,
    options: { refresh?: boolean; signal?: AbortSignal } = {},
  ): Promise<AuthResult> {
    if (credential?.registryToken !== undefined) return { ok: true, header: `Bearer ${credential.registryToken}` };
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm !== undefined);
    if (bearer === undefined) {
      const wantsBasic = challenges.some((c) => c.scheme === 'basic');
      const header = wantsBasic && credential !== undefined ? basic(credential) : undefined;
      return header === undefined ? { ok: true } : { ok: true, header };
    }
    const key: TokenKey = {
      realm: bearer.params.realm ?? '',
      service: bearer.params.service ?? '',
      scope: bearer.params.scope ?? `repository:${repository}:pull`,
      credentialId: credentialId(credential),
    };
    if (options.refresh === true) this.cache.invalidate(key);
    try {
      const token = await this.cache.getOrFetch(key, () => this.#fetchToken(key, credential, options.signal));
      return { ok: true, header: `Bearer ${token}` };
    } catch (error) {
      if (error instanceof TokenFailure) return { ok: false, observation: error.observation };
      if (error instanceof TransportError) {
        return { ok: false, observation: transportObservation(error, 'token', 'GET') };
      }
      throw error;
    }
  }

  async #fetchToken(key: TokenKey, credential: RegistryCredential | undefined, signal: AbortSignal | undefined) {
    let realm: URL;
    try {
      realm = new URL(key.realm);
    } catch {
      throw new TokenFailure({ kind: 'response', phase: 'token', method: 'GET', status: 0, registryMessage: 'the challenge names an invalid realm URL' });
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
      throw new TokenFailure({ kind: 'response', phase: 'token', method: 'GET', status: 0, registryMessage: 'the challenge names a realm that is not http(s)' });
    }
    if (credential?.identityToken !== undefined) {
      const viaPost = await this.#post(realm, key, credential.identityToken, signal);
      // distribution's client falls back to the Basic GET when the realm has no OAuth2 POST endpoint.
      const fallback = viaPost.status === 404 || viaPost.status === 405;
      if (!fallback || basic(credential) === undefined) return this.#tokenFrom(viaPost, realm, 'POST');
    }
    return this.#tokenFrom(await this.#get(realm, key, credential, signal), realm, 'GET');
  }

  async #get(realm: URL, key: TokenKey, credential: RegistryCredential | undefined, signal: AbortSignal | undefined) {
    const url = new URL(realm);
    if (key.service !== '') url.searchParams.set('service', key.service);
    for (const scope of key.scope.split(' ').filter((s) => s !== '')) url.searchParams.append('scope', scope);
    const headers: Record<string, string> = { accept: 'application/json' };
    const header = credential === undefined ? undefined : basic(credential);
    if (header !== undefined && credential?.username !== undefined) {
      url.searchParams.set('account', credential.username);
      headers.authorization = header;
    }
    const { response, attempts } = await this.send({ method: 'GET', url, headers, maxBodyBytes: MAX_TOKEN_RESPONSE_BYTES, ...(signal ? { signal } : {}) });
    return { ...response, attempts };
  }

  async #post(realm: URL, key: TokenKey, refreshToken: string, signal: AbortSignal | undefined) {
    const form = new URLSearchParams({ grant_type: 'refresh_token', service: key.service, client_id: 'pullguard', refresh_token: refreshToken });
    if (key.scope !== '') form.set('scope', key.scope);
    const { response, attempts } = await this.send({
      method: 'POST',
      url: realm,
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      maxBodyBytes: MAX_TOKEN_RESPONSE_BYTES,
      ...(signal ? { signal } : {}),
    });
    return { ...response, attempts };
  }

  #tokenFrom(answer: { status: number; body: Buffer; headers: Record<string, string | string[] | undefined>; attempts: number }, realm: URL, method: string) {
    const base = { kind: 'response' as const, phase: 'token' as const, method, status: answer.status, realmHost: realm.host, attempts: answer.attempts };
    if (answer.status !== 200) {
      const retryAfter = headerValue(answer.headers, 'retry-after');
      throw new TokenFailure({ ...base, ...parseRegistryError(answer.body, headerValue(answer.headers, 'content-type')), ...(retryAfter === undefined ? {} : { retryAfter }) });
    }
    let parsed: { token?: unknown; access_token?: unknown; expires_in?: unknown; issued_at?: unknown };
    try {
      parsed = JSON.parse(answer.body.toString('utf8')) as typeof parsed;
    } catch {
      throw new TokenFailure(base);
    }
    const token = typeof parsed.token === 'string' && parsed.token !== '' ? parsed.token : parsed.access_token;
    if (typeof token !== 'string' || token === '') throw new TokenFailure(base);
    this.rememberSecret(token);
    const expiresIn = typeof parsed.expires_in === 'number' ? parsed.expires_in : undefined;
    const issuedAt = typeof parsed.issued_at === 'string' ? parsed.issued_at : undefined;
    return { token, expiresAt: tokenExpiry(this.now(), expiresIn, issuedAt) };
  }
}
