// Bearer tokens keyed by realm + service + scope + credential, kept until shortly before they
// expire. Concurrent checks of the same repository share one in-flight token request, so checking
// 100 tags of one repository costs one round-trip to the token service.

export interface CachedToken {
  token: string;
  /** Epoch milliseconds after which the token must not be sent. */
  expiresAt: number;
}

export interface TokenKey {
  realm: string;
  service: string;
  scope: string;
  /** An opaque identity of the credential (a hash, never the secret itself); `anonymous` without one. */
  credentialId: string;
}

/** Tokens without `expires_in` live 60 s (distribution's token spec default). */
export const DEFAULT_TOKEN_LIFETIME_S = 60;
/** Stop using a token this long before it expires, so that it does not expire in flight. */
const EXPIRY_MARGIN_MS = 5_000;

function keyOf(key: TokenKey): string {
  return JSON.stringify([key.realm, key.service, key.scope, key.credentialId]);
}

/** Expiry from a token response: `issued_at` (when present and sane) plus `expires_in`. */
export function tokenExpiry(nowMs: number, expiresInS: number | undefined, issuedAt: string | undefined): number {
  const lifetimeMs = (expiresInS !== undefined && expiresInS > 0 ? expiresInS : DEFAULT_TOKEN_LIFETIME_S) * 1000;
  const issuedMs = issuedAt === undefined ? NaN : Date.parse(issuedAt);
  // A registry clock ahead of ours would make the token look fresh for longer than it is: never trust it past now.
  const start = Number.isFinite(issuedMs) && issuedMs <= nowMs ? issuedMs : nowMs;
  return start + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 2);
}

export class TokenCache {
  readonly #tokens = new Map<string, CachedToken>();
  readonly #inFlight = new Map<string, Promise<CachedToken>>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: TokenKey): string | undefined {
    const id = keyOf(key);
    const cached = this.#tokens.get(id);
    if (cached === undefined) return undefined;
    if (cached.expiresAt <= this.now()) {
      this.#tokens.delete(id);
      return undefined;
    }
    return cached.token;
  }

  /** The cached token, or the result of `fetch` (shared with concurrent callers for the same key). */
  async getOrFetch(key: TokenKey, fetch: () => Promise<CachedToken>): Promise<string> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const id = keyOf(key);
    let pending = this.#inFlight.get(id);
    if (pending === undefined) {
      // Cache before leaving the in-flight map, so that no caller finds neither; errors are not cached.
      pending = fetch()
        .then((token) => {
          this.#tokens.set(id, token);
          return token;
        })
        .finally(() => this.#inFlight.delete(id));
      this.#inFlight.set(id, pending);
    }
    return (await pending).token;
  }

  /** Drop a token the registry rejected (`invalid_token`), so the next request fetches a new one. */
  invalidate(key: TokenKey): void {
    this.#tokens.delete(keyOf(key));
  }

  get size(): number {
    return this.#tokens.size;
  }
}
