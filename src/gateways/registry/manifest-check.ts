// One image, one endpoint, one credential: the request flow of docs/registry.md §0 steps 4-5.
// Without platforms: a HEAD per image, GET only when HEAD is unsupported or ambiguous (no digest,
// 400/403/404/405/501). With platforms: GET the manifest, and for a single manifest its config blob.
import { createHash } from 'node:crypto';
import type { RegistryObservation } from '../../causes/classify-registry.js';
import { endpointUrl, type RegistryEndpoint } from './endpoint-for.js';
import { headerValue, type HttpResponse } from './http-transport.js';
import { bareMediaType, isImageConfig, MANIFEST_ACCEPT, manifestKind, resolveManifestMediaType } from './media-types.js';
import { credentialId, type RegistryAuthenticator } from './registry-auth.js';
import { parseRegistryError } from './registry-error-body.js';
import type { ImageCheckRequest, Platform, RegistryCredential } from '../../facts/registry-gateway.js';
import type { RegistryPinger } from './registry-ping.js';
import { unnamedPlatformNote, type ImageShape } from '../../causes/support/platform-gap.js';
import { entriesWithoutPlatform, formatPlatform, normalizePlatform, platformOfConfig, platformsOfIndex, selectPlatforms } from '../../images/select-platforms.js';
import type { Sender } from './send-with-retry.js';
import { TransportError, transportObservation } from './transport-error.js';
import { parseWwwAuthenticate, pickChallenge, type AuthChallenge } from './www-authenticate.js';

export interface AttemptOutcome {
  observation: RegistryObservation;
  digest?: string;
  mediaType?: string;
  platforms?: string[];
}

/** containerd refuses larger manifests (`MaxManifestSize`); configs get the same bound. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** A tag list longer than this is treated as incomplete (then a GET settles each missing tag). */
const MAX_TAG_LIST_BYTES = 1024 * 1024;
const HEAD_NEEDS_GET = new Set([400, 403, 404, 405, 501]);
/** Index entries without a platform whose configs are read (two GETs each); the rest are not counted. */
const MAX_UNLABELLED_ENTRIES = 4;

type Answer = { ok: true; response: HttpResponse; attempts: number } | { ok: false; outcome: AttemptOutcome };

function failure(observation: RegistryObservation): { ok: false; outcome: AttemptOutcome } {
  return { ok: false, outcome: { observation } };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** What `tags/list` says of a repository: whether it exists, and its tags when the list is complete. */
export interface RepositoryListing {
  exists?: boolean;
  tags?: ReadonlySet<string>;
}

export class ManifestChecker {
  readonly #repositoryProbes = new Map<string, Promise<RepositoryListing>>();

  constructor(
    readonly send: Sender,
    readonly pinger: RegistryPinger,
    readonly auth: RegistryAuthenticator,
  ) {}

  async check(endpoint: RegistryEndpoint, request: ImageCheckRequest, credential: RegistryCredential | undefined, signal?: AbortSignal): Promise<AttemptOutcome> {
    const ping = await this.pinger.ping(endpoint);
    if (!ping.ok) return { observation: ping.observation };
    return new CheckSession(this, endpoint, ping.scheme, ping.challenges, request, credential, signal).run();
  }

  /**
   * One `tags/list` per repository and credential, shared by every image of it: whether the
   * repository exists (distribution 2.8 says MANIFEST_UNKNOWN for a missing tag and a missing
   * repository alike), and which tags it has when the whole list fits in one answer.
   */
  probeRepository(key: string, probe: () => Promise<RepositoryListing>): Promise<RepositoryListing> {
    let pending = this.#repositoryProbes.get(key);
    if (pending === undefined) {
      pending = probe().catch(() => ({}));
      this.#repositoryProbes.set(key, pending);
    }
    return pending;
  }
}

class CheckSession {
  #header: string | undefined;
  #authorized = false;
  #reauthorized = false;
  readonly #methods: string[] = [];
  readonly #repository: string;

  constructor(
    private readonly checker: ManifestChecker,
    private readonly endpoint: RegistryEndpoint,
    private readonly scheme: 'https' | 'http',
    private readonly challenges: AuthChallenge[],
    private readonly request: ImageCheckRequest,
    private readonly credential: RegistryCredential | undefined,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.#repository = request.reference.path;
  }

  get #method(): string {
    return this.#methods.join('→');
  }

  async #send(method: 'GET' | 'HEAD', path: string, accept: string, maxBodyBytes: number, query: Record<string, string> = {}): Promise<Answer> {
    const url = endpointUrl(this.endpoint, this.scheme, path);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const headers: Record<string, string> = { accept };
    if (this.#header !== undefined) headers.authorization = this.#header;
    try {
      const { response, attempts } = await this.checker.send({ method, url, headers, maxBodyBytes, ...(this.signal ? { signal: this.signal } : {}) });
      return { ok: true, response, attempts };
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      return failure(transportObservation(error, 'manifest', method));
    }
  }

  async #authorize(challenges: readonly AuthChallenge[], refresh: boolean): Promise<AttemptOutcome | undefined> {
    const result = await this.checker.auth.authorize(challenges, this.#repository, this.credential, { refresh, ...(this.signal ? { signal: this.signal } : {}) });
    if (!result.ok) return { observation: result.observation };
    this.#header = result.header;
    return undefined;
  }

  /** A request with credentials; after a 401 whose challenge a new header could answer, one more try. */
  async #request(method: 'GET' | 'HEAD', path: string, accept: string, maxBodyBytes: number, query?: Record<string, string>): Promise<Answer> {
    if (!this.#authorized) {
      this.#authorized = true;
      const failed = await this.#authorize(this.challenges, false);
      if (failed !== undefined) return { ok: false, outcome: failed };
    }
    const answer = await this.#send(method, path, accept, maxBodyBytes, query);
    if (!answer.ok || answer.response.status !== 401 || this.#reauthorized) return answer;
    const challenges = parseWwwAuthenticate(headerValue(answer.response.headers, 'www-authenticate'));
    const challenge = pickChallenge(challenges);
    if (challenge === undefined) return answer;
    const sentNothing = this.#header === undefined;
    const worthRetry =
      challenge.scheme === 'bearer'
        ? sentNothing || challenge.params.error === 'invalid_token' || this.#scopeChanged(challenge)
        : sentNothing && this.credential !== undefined;
    if (!worthRetry) return answer;
    this.#reauthorized = true;
    const failed = await this.#authorize(challenges, !sentNothing);
    if (failed !== undefined) return { ok: false, outcome: failed };
    return this.#send(method, path, accept, maxBodyBytes, query);
  }

  #scopeChanged(challenge: AuthChallenge): boolean {
    const scope = challenge.params.scope;
    return scope !== undefined && !this.challenges.some((c) => c.params.scope === scope) && scope !== `repository:${this.#repository}:pull`;
  }

  #responseObservation(answer: { response: HttpResponse; attempts: number }, method: string, phase: 'manifest' | 'config'): RegistryObservation {
    const { response } = answer;
    const observation: RegistryObservation = {
      kind: 'response',
      phase,
      method,
      status: response.status,
      attempts: answer.attempts,
      ...parseRegistryError(response.body, headerValue(response.headers, 'content-type')),
    };
    const challenge = pickChallenge(parseWwwAuthenticate(headerValue(response.headers, 'www-authenticate')));
    if (challenge?.params.error !== undefined) observation.authError = challenge.params.error;
    const retryAfter = headerValue(response.headers, 'retry-after');
    if (retryAfter !== undefined) observation.retryAfter = retryAfter;
    if (response.body.length > 0) observation.bodyText = response.body.toString('utf8').slice(0, 200);
    return observation;
  }

  async run(): Promise<AttemptOutcome> {
    const { reference } = this.request;
    const path = `${this.#repository}/manifests/${reference.digest ?? reference.tag ?? 'latest'}`;
    const wantPlatforms = (this.request.platforms?.length ?? 0) > 0;
    if (!wantPlatforms) {
      const head = await this.#request('HEAD', path, MANIFEST_ACCEPT, 0);
      if (!head.ok) return head.outcome;
      this.#methods.push('HEAD');
      const digest = headerValue(head.response.headers, 'docker-content-digest');
      if (head.response.status === 200 && digest !== undefined) return this.#foundByHead(head.response, digest);
      if (head.response.status === 404 && reference.digest === undefined) {
        // A HEAD 404 has no body to say what is missing, and some registries (Nexus) answer 404 to
        // HEAD for images that exist: the repository's tag list, fetched once for all its images,
        // settles a tag it does not hold without a GET per image. A listed tag still gets the GET.
        const listing = await this.#listing();
        const tag = reference.tag ?? 'latest';
        if (listing.exists === false || (listing.tags !== undefined && !listing.tags.has(tag))) {
          const observation = this.#responseObservation(head, this.#method, 'manifest');
          if (observation.kind === 'response') observation.repositoryExists = listing.exists !== false;
          return { observation };
        }
      }
      if (head.response.status !== 200 && !HEAD_NEEDS_GET.has(head.response.status)) return { observation: this.#responseObservation(head, this.#method, 'manifest') };
    }
    const get = await this.#request('GET', path, MANIFEST_ACCEPT, MAX_MANIFEST_BYTES);
    if (!get.ok) return get.outcome;
    this.#methods.push('GET');
    if (get.response.status !== 200) return this.#failed(get);
    return this.#inspect(get.response, wantPlatforms);
  }

  #foundByHead(response: HttpResponse, digest: string): AttemptOutcome {
    const mediaType = bareMediaType(headerValue(response.headers, 'content-type'));
    const outcome: AttemptOutcome = { observation: { kind: 'found', method: this.#method }, digest };
    if (mediaType !== undefined) outcome.mediaType = mediaType;
    if (manifestKind(mediaType) === 'schema1') outcome.observation = { kind: 'content', method: this.#method, problem: 'schema1', ...(mediaType ? { mediaType } : {}) };
    return outcome;
  }

  async #failed(get: { response: HttpResponse; attempts: number }): Promise<AttemptOutcome> {
    const observation = this.#responseObservation(get, this.#method, 'manifest');
    if (observation.kind === 'response' && get.response.status === 404 && observation.errorCode !== 'NAME_UNKNOWN') {
      const { exists } = await this.#listing();
      if (exists !== undefined) observation.repositoryExists = exists;
    }
    return { observation };
  }

  #listing(): Promise<RepositoryListing> {
    const key = JSON.stringify([this.endpoint.host, this.endpoint.pathPrefix, this.#repository, credentialId(this.credential)]);
    return this.checker.probeRepository(key, async () => {
      const answer = await this.#request('GET', `${this.#repository}/tags/list`, 'application/json', MAX_TAG_LIST_BYTES);
      if (!answer.ok) return {};
      const { response } = answer;
      if (response.status === 200) {
        // A Link header means more pages: the tags seen are not all there are.
        if (response.truncated || headerValue(response.headers, 'link') !== undefined) return { exists: true };
        try {
          const tags = asRecord(JSON.parse(response.body.toString('utf8')))?.tags;
          return Array.isArray(tags) ? { exists: true, tags: new Set(tags.filter((t): t is string => typeof t === 'string')) } : { exists: true };
        } catch {
          return { exists: true };
        }
      }
      const { errorCode } = parseRegistryError(response.body, headerValue(response.headers, 'content-type'));
      return response.status === 404 && errorCode === 'NAME_UNKNOWN' ? { exists: false } : {};
    });
  }

  async #inspect(response: HttpResponse, wantPlatforms: boolean): Promise<AttemptOutcome> {
    const method = this.#method;
    if (response.truncated) return { observation: { kind: 'content', method, problem: 'too-large' } };
    let body: unknown;
    try {
      body = JSON.parse(response.body.toString('utf8'));
    } catch {
      return { observation: { kind: 'content', method, problem: 'unreadable' } };
    }
    const computed = `sha256:${createHash('sha256').update(response.body).digest('hex')}`;
    const wanted = this.request.reference.digest;
    if (wanted?.startsWith('sha256:') === true && wanted !== computed) return { observation: { kind: 'content', method, problem: 'digest-mismatch' } };
    // ECR omits Docker-Content-Digest on GET (docs/registry.md §2.3): the hash of the raw bytes is the digest.
    const digest = headerValue(response.headers, 'docker-content-digest') ?? computed;
    const mediaType = resolveManifestMediaType(headerValue(response.headers, 'content-type'), body);
    const base = { digest, ...(mediaType === undefined ? {} : { mediaType }) };
    const kind = manifestKind(mediaType);
    if (kind === 'schema1') return { ...base, observation: { kind: 'content', method, problem: 'schema1', ...(mediaType ? { mediaType } : {}) } };
    if (kind === 'unknown') return { ...base, observation: { kind: 'content', method, problem: 'unknown-media-type', ...(mediaType ? { mediaType } : {}) } };
    if (!wantPlatforms) return { ...base, observation: { kind: 'found', method } };
    const requested = this.request.platforms ?? [];
    if (kind === 'manifest') {
      const config = await this.#imageConfig(body);
      if ('observation' in config) return { ...base, ...config };
      const platform = platformOfConfig(config.body);
      // A top-level single manifest is pulled whatever its config says (platform-verdict.ts): one
      // that names no platform is not a mismatch, only something no registry answer can settle.
      if (platform === undefined) {
        return { ...base, observation: { kind: 'found', method: this.#method, notes: [unnamedPlatformNote(config.body)] } };
      }
      return this.#compare(base, 'single-manifest', requested, [platform]);
    }
    const offered = platformsOfIndex(body);
    for (const entry of entriesWithoutPlatform(body).slice(0, MAX_UNLABELLED_ENTRIES)) {
      const platform = await this.#entryPlatform(entry.digest);
      if (platform !== undefined && 'observation' in platform) return { ...base, ...platform };
      if (platform !== undefined) offered.push(platform);
    }
    return this.#compare(base, 'index', requested, offered);
  }

  #compare(base: Pick<AttemptOutcome, 'digest' | 'mediaType'>, shape: ImageShape, requested: readonly Platform[], offered: Platform[]): AttemptOutcome {
    const platforms = offered.map(formatPlatform);
    const selection = selectPlatforms(requested, offered);
    if (selection.missing.length > 0) {
      return { ...base, platforms, observation: { kind: 'platforms', method: this.#method, shape, missing: selection.missing, offered } };
    }
    const fallbacks = selection.fallbacks.map((f) => {
      const what = normalizePlatform(f.wanted).architecture === f.offered.architecture ? 'variant' : 'image';
      return `${formatPlatform(f.wanted)} nodes run its ${formatPlatform(f.offered)} ${what}`;
    });
    return { ...base, platforms, observation: { kind: 'found', method: this.#method, platforms, ...(fallbacks.length > 0 ? { fallbacks } : {}) } };
  }

  /** The config of an image manifest, or why it cannot be had (an artifact, an error answer). */
  async #imageConfig(manifest: unknown): Promise<AttemptOutcome | { body: unknown }> {
    const config = asRecord(asRecord(manifest)?.config);
    const configType = typeof config?.mediaType === 'string' ? config.mediaType : undefined;
    if (!isImageConfig(configType)) return { observation: { kind: 'content', method: this.#method, problem: 'not-an-image', ...(configType ? { mediaType: configType } : {}) } };
    const digest = typeof config?.digest === 'string' ? config.digest : '';
    const blob = await this.#request('GET', `${this.#repository}/blobs/${digest}`, '*/*', MAX_MANIFEST_BYTES);
    if (!blob.ok) return blob.outcome;
    this.#methods.push('GET config');
    if (blob.response.status !== 200) return { observation: this.#responseObservation(blob, this.#method, 'config') };
    try {
      return { body: JSON.parse(blob.response.body.toString('utf8')) as unknown };
    } catch {
      return { observation: { kind: 'content', method: this.#method, problem: 'unreadable' } };
    }
  }

  /**
   * The platform an index entry without one gets from its image's config, as containerd judges it;
   * undefined when that names none (containerd then finds no match), the entry is not an image, or
   * the registry does not serve it. Only a failure to talk to the registry at all is an outcome.
   */
  async #entryPlatform(digest: string): Promise<Platform | AttemptOutcome | undefined> {
    const child = await this.#request('GET', `${this.#repository}/manifests/${digest}`, MANIFEST_ACCEPT, MAX_MANIFEST_BYTES);
    if (!child.ok) return child.outcome;
    this.#methods.push('GET entry');
    // An entry the registry does not serve is not counted: a node that chose it would fail on it too.
    if (child.response.status !== 200) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(child.response.body.toString('utf8'));
    } catch {
      return undefined;
    }
    if (manifestKind(resolveManifestMediaType(headerValue(child.response.headers, 'content-type'), body)) !== 'manifest') return undefined;
    const config = await this.#imageConfig(body);
    if ('observation' in config) return config.observation.kind === 'transport' ? config : undefined;
    return platformOfConfig(config.body);
  }
}

