// One redactor for everything that leaves the process. It knows each secret of the run in every
// form it could take on the way out: as typed, URL-encoded (encodeURIComponent, form encoding,
// WHATWG path and query encoding, since a client or a registry may put it in a URL), base64 of
// the secret and of `user:secret` (standard and URL-safe alphabet, with and without padding:
// Basic auth headers, docker config `auth` fields, a registry echoing a header back), and
// JSON-escaped (JSON output, a registry quoting a request body). Redaction must run before any
// truncation: a secret cut in half no longer matches, and its first half is printed.

export const REDACTED = '[redacted]';

/**
 * Forms shorter than this are not searched for. A one- to three-character password would turn
 * every occurrence of those characters in a report (image names, paths, counts) into
 * `[redacted]`, destroying the output while protecting nothing: such a password is guessed
 * faster than read. Its longer forms (base64 of `user:password`) are still redacted.
 */
export const MIN_FORM_LENGTH = 4;

function base64Forms(text: string): string[] {
  const standard = Buffer.from(text, 'utf8').toString('base64');
  const urlSafe = Buffer.from(text, 'utf8').toString('base64url');
  return [standard, standard.replace(/=+$/, ''), urlSafe, `${urlSafe}${'='.repeat((4 - (urlSafe.length % 4)) % 4)}`];
}

function urlForms(text: string): string[] {
  const forms = [encodeURIComponent(text), new URLSearchParams({ s: text }).toString().slice(2)];
  try {
    // How a URL parser re-encodes the secret when it sits in a path or a query (Location, realm).
    forms.push(new URL(`http://h/${text}`).pathname.slice(1), new URL(`http://h/?${text}`).search.slice(1));
  } catch {
    // Not valid inside a URL at all: then no URL carries it either.
  }
  return forms;
}

/** Every form of `secret` to look for, longest first, without duplicates or too-short forms. */
export function secretForms(secret: string, username?: string): string[] {
  const forms = new Set<string>();
  for (const value of secret.trim() === secret ? [secret] : [secret, secret.trim()]) {
    forms.add(value);
    for (const form of urlForms(value)) forms.add(form);
    for (const form of base64Forms(value)) forms.add(form);
    forms.add(JSON.stringify(value).slice(1, -1));
  }
  if (username !== undefined && username !== '') {
    for (const form of base64Forms(`${username}:${secret}`)) forms.add(form);
  }
  return [...forms].filter((form) => form.length >= MIN_FORM_LENGTH).sort((a, b) => b.length - a.length);
}

/**
 * The set of a run's secrets and the search for them. Not thread-safe (no need in Node); adding
 * a secret is cheap, the search index is rebuilt on the next `redact`.
 */
export class SecretRedactor {
  readonly #forms = new Set<string>();
  /**
   * Forms by their first MIN_FORM_LENGTH characters, longest first. A scan with one look-up per
   * position stays linear in the text however many secrets a run meets (a registry's token
   * service issues one per repository); one regular expression of every form as alternatives
   * tried each of them at each position.
   */
  #byPrefix: Map<string, string[]> | undefined;
  #longest = 0;

  /** Registers a secret (and, with a username, the base64 of `username:secret`). Empty values are ignored. */
  add(secret: string | undefined, username?: string): void {
    if (secret === undefined || secret === '') return;
    for (const form of secretForms(secret, username)) {
      if (this.#forms.has(form)) continue;
      this.#forms.add(form);
      this.#byPrefix = undefined;
      this.#longest = Math.max(this.#longest, form.length);
    }
  }

  /** No secret registered: `redact` returns its input. */
  get empty(): boolean {
    return this.#forms.size === 0;
  }

  /** Length of the longest form: a stream must hold back one character less than this between chunks. */
  get longestForm(): number {
    return this.#longest;
  }

  redact(text: string): string {
    if (this.#forms.size === 0 || text.length < MIN_FORM_LENGTH) return text;
    const byPrefix = (this.#byPrefix ??= this.#index());
    let out: string | undefined;
    let copied = 0;
    for (let i = 0; i <= text.length - MIN_FORM_LENGTH; ) {
      const candidates = byPrefix.get(text.slice(i, i + MIN_FORM_LENGTH));
      // Leftmost match first and, where several start here, the longest, so that a form
      // containing a shorter one is replaced as a whole.
      const form = candidates?.find((candidate) => text.startsWith(candidate, i));
      if (form === undefined) {
        i++;
        continue;
      }
      out = (out ?? '') + text.slice(copied, i) + REDACTED;
      i += form.length;
      copied = i;
    }
    return out === undefined ? text : out + text.slice(copied);
  }

  #index(): Map<string, string[]> {
    const index = new Map<string, string[]>();
    for (const form of [...this.#forms].sort((a, b) => b.length - a.length)) {
      const prefix = form.slice(0, MIN_FORM_LENGTH);
      const bucket = index.get(prefix);
      if (bucket === undefined) index.set(prefix, [form]);
      else bucket.push(form);
    }
    return index;
  }

  /** A copy of `value` with every string in it (keys excepted) redacted; `value` itself when nothing is registered. */
  redactDeep<T>(value: T): T {
    if (this.#forms.size === 0) return value;
    return this.#deep(value) as T;
  }

  #deep(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.#deep(item));
    if (value instanceof Set || value instanceof Map || value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = this.#deep(item);
    return copy;
  }
}
