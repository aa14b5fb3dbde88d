// The single place that turns what a registry did (a status, an error code, a transport failure,
// an unusable manifest, missing platforms) into a verdict with a cause id of the catalogue and one
// sentence for humans. Pure: the registry gateway observes, this file decides.
import type { CauseId } from './cause.js';
import { platformGapSummary, type PlatformGap } from './support/platform-gap.js';

/** A verdict's status: the image can be pulled, or why not. */
export type RegistryCause = CauseId | 'ok';

/** What the verdict is about; all of it is safe to print. */
export interface CheckSubject {
  /** The host that answered (`registry-1.docker.io`, a mirror, `127.0.0.1:5000`). */
  registry: string;
  repository: string;
  /** `tag` or `sha256:...`. */
  reference: string;
  dockerHub: boolean;
  /** `anonymous` or the credential's `source`. */
  credential: string;
}

export type Phase = 'ping' | 'token' | 'manifest' | 'config';

export type RegistryObservation =
  | { kind: 'found'; method: string; digest?: string; mediaType?: string; platforms?: string[]; fallbacks?: string[]; notes?: string[] }
  | {
      kind: 'response';
      phase: Phase;
      method: string;
      status: number;
      errorCode?: string;
      registryMessage?: string;
      /** `error=` of the `WWW-Authenticate` challenge (`insufficient_scope`, `invalid_token`). */
      authError?: string;
      retryAfter?: string;
      /** Start of a non-JSON body, to recognise e.g. Go's "Client sent an HTTP request to an HTTPS server.". */
      bodyText?: string;
      /** From `GET /v2/<name>/tags/list` after a 404: whether the repository exists, when the registry said. */
      repositoryExists?: boolean;
      /** Host of the token service for token-phase answers. */
      realmHost?: string;
      attempts?: number;
    }
  | { kind: 'transport'; phase: Phase; method: string; host: string; code: string; message: string; timeoutMs?: number }
  | { kind: 'content'; method: string; problem: 'schema1' | 'not-an-image' | 'unknown-media-type' | 'too-large' | 'unreadable' | 'digest-mismatch'; mediaType?: string }
  | ({ kind: 'platforms'; method: string } & PlatformGap)
  | { kind: 'budget'; started: boolean; budgetMs: number };

/** What the registry said, as far as it is safe to print. */
export interface VerdictEvidence {
  httpStatus?: number;
  errorCode?: string;
  registryMessage?: string;
  method?: string;
}

export interface Verdict {
  status: RegistryCause;
  summary: string;
  evidence: VerdictEvidence;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'CA_FILE_UNREADABLE',
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ENETUNREACH', 'EHOSTUNREACH']);

/** The TLS handshake got a plain-HTTP answer (OpenSSL "wrong version number", Go "HTTP response to HTTPS client"). */
export function isHttpAnswerToTls(code: string, message: string): boolean {
  return code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|http response to https client|packet length too long/i.test(message);
}

const HTTP_TO_HTTPS_PORT = /client sent an http request to an https server|plain http request was sent to https port/i;

function refText(subject: CheckSubject): string {
  const separator = subject.reference.includes(':') ? '@' : ':';
  return `${subject.repository}${separator}${subject.reference}`;
}

function missingWhat(subject: CheckSubject): string {
  return subject.reference.includes(':') ? `digest ${subject.reference}` : `tag "${subject.reference}"`;
}

function evidenceOf(o: Extract<RegistryObservation, { kind: 'response' }>): Verdict['evidence'] {
  const evidence: Verdict['evidence'] = { httpStatus: o.status, method: o.method };
  if (o.errorCode !== undefined) evidence.errorCode = o.errorCode;
  if (o.registryMessage !== undefined) evidence.registryMessage = o.registryMessage;
  return evidence;
}

function detail(o: { errorCode?: string; registryMessage?: string }): string {
  if (o.errorCode === undefined && o.registryMessage === undefined) return '';
  return ` (${[o.errorCode, o.registryMessage].filter((x) => x !== undefined && x !== '').join(': ')})`;
}

function classifyTokenResponse(o: Extract<RegistryObservation, { kind: 'response' }>, s: CheckSubject): Verdict {
  const evidence = evidenceOf(o);
  const at = `the token service at ${o.realmHost ?? s.registry}`;
  if (o.status === 401) {
    const summary = s.credential === 'anonymous'
      ? `${at} refuses anonymous tokens for "${s.repository}"; a pull secret is needed`
      : `${at} rejected credential ${s.credential}${detail(o)}`;
    return { status: 'unauthorized', summary, evidence };
  }
  if (o.status === 403) return { status: 'forbidden', summary: `${at} denied ${s.credential} a pull token for "${s.repository}"${detail(o)}`, evidence };
  if (o.status === 429) return { status: 'rate-limited', summary: `${at} rate-limited the token request${retryText(o.retryAfter)}`, evidence };
  if (o.status >= 500) return { status: 'registry-server-error', summary: `${at} failed with HTTP ${o.status}${attemptsText(o.attempts)}`, evidence };
  if (o.status === 200) return { status: 'unknown', summary: `${at} answered without a token`, evidence };
  return { status: 'unknown', summary: `${at} answered HTTP ${o.status}${detail(o)}`, evidence };
}

function retryText(retryAfter: string | undefined): string {
  return retryAfter === undefined ? '' : `; it asks to retry after ${/^\d+$/.test(retryAfter.trim()) ? `${retryAfter.trim()} s` : retryAfter.trim()}`;
}

function attemptsText(attempts: number | undefined): string {
  return attempts !== undefined && attempts > 1 ? ` (${attempts} attempts)` : '';
}

function classifyUnauthorized(o: Extract<RegistryObservation, { kind: 'response' }>, s: CheckSubject): Verdict {
  const evidence = evidenceOf(o);
  if (o.authError !== undefined) evidence.errorCode = evidence.errorCode ?? o.authError;
  const scopeDenied = o.authError === 'insufficient_scope';
  if (s.dockerHub && (scopeDenied || s.credential === 'anonymous')) {
    return {
      status: 'not-found-or-unauthorized',
      summary: `Docker Hub refuses "${s.repository}" to ${s.credential}: the repository does not exist or needs other credentials`,
      evidence,
    };
  }
  if (s.credential === 'anonymous') {
    return { status: 'unauthorized', summary: `${s.registry} requires authentication for "${s.repository}" and no credential matches it`, evidence };
  }
  if (scopeDenied) {
    return { status: 'forbidden', summary: `${s.registry} accepted credential ${s.credential} but grants it no pull access to "${s.repository}"`, evidence };
  }
  return { status: 'unauthorized', summary: `${s.registry} rejected credential ${s.credential}${detail(o)}`, evidence };
}

function classifyNotFound(o: Extract<RegistryObservation, { kind: 'response' }>, s: CheckSubject): Verdict {
  const evidence = evidenceOf(o);
  if (o.errorCode === 'NAME_UNKNOWN' || o.repositoryExists === false) {
    return { status: 'image-not-found', summary: `repository "${s.repository}" does not exist on ${s.registry}`, evidence };
  }
  if (o.repositoryExists === true) {
    return { status: 'image-not-found', summary: `${missingWhat(s)} does not exist in repository "${s.repository}" on ${s.registry}`, evidence };
  }
  return {
    status: 'image-not-found',
    summary: `${missingWhat(s)} not found in "${s.repository}" on ${s.registry} (the registry does not say whether the repository exists)`,
    evidence,
  };
}

function classifyResponse(o: Extract<RegistryObservation, { kind: 'response' }>, s: CheckSubject): Verdict {
  if (o.phase === 'token') return classifyTokenResponse(o, s);
  const evidence = evidenceOf(o);
  const what = o.phase === 'ping' ? `${s.registry}/v2/` : o.phase === 'config' ? `the config blob of ${refText(s)}` : refText(s);
  if (o.status === 400 && HTTP_TO_HTTPS_PORT.test(o.bodyText ?? '')) {
    return { status: 'http-vs-https', summary: `${s.registry} speaks HTTPS but is configured for plain HTTP (plainHttp); remove that setting`, evidence };
  }
  if (o.status === 401) return classifyUnauthorized(o, s);
  if (o.status === 403) return { status: 'forbidden', summary: `${s.registry} denied ${s.credential} access to "${s.repository}"${detail(o)}`, evidence };
  if (o.status === 404 && o.phase === 'manifest') return classifyNotFound(o, s);
  if (o.status === 429) return { status: 'rate-limited', summary: `${s.registry} rate-limited the check of ${refText(s)}${retryText(o.retryAfter)}`, evidence };
  if (o.status >= 500) return { status: 'registry-server-error', summary: `${s.registry} failed with HTTP ${o.status} for ${what}${attemptsText(o.attempts)}${detail(o)}`, evidence };
  return { status: 'unknown', summary: `unexpected HTTP ${o.status} from ${s.registry} for ${what}${detail(o)}`, evidence };
}

function classifyTransport(o: Extract<RegistryObservation, { kind: 'transport' }>): Verdict {
  const evidence: Verdict['evidence'] = { method: o.method, errorCode: o.code };
  if (o.code === 'ECONNREFUSED') return { status: 'connection-refused', summary: `nothing listens on ${o.host} (connection refused)`, evidence };
  if (DNS_CODES.has(o.code)) return { status: 'dns-error', summary: `${o.host.replace(/:\d+$/, '')} does not resolve (${o.code})`, evidence };
  if (isHttpAnswerToTls(o.code, o.message)) {
    return {
      status: 'http-vs-https',
      summary: `${o.host} answers plain HTTP, not HTTPS; if that is intended, set plainHttp for it and configure the nodes' runtime for an insecure registry`,
      evidence,
    };
  }
  if (TLS_CODES.has(o.code) || o.code.startsWith('ERR_SSL_') || o.code.startsWith('ERR_TLS_') || /certificate/i.test(o.message)) {
    return { status: 'tls-error', summary: `TLS with ${o.host} failed: ${o.message}`, evidence };
  }
  if (TIMEOUT_CODES.has(o.code)) {
    const limit = o.timeoutMs !== undefined ? ` within ${o.timeoutMs} ms` : '';
    const what = o.code === 'ENETUNREACH' || o.code === 'EHOSTUNREACH' ? `${o.host} is unreachable (${o.code})` : `no answer from ${o.host}${limit}`;
    return { status: 'network-timeout', summary: what, evidence };
  }
  return { status: 'unknown', summary: `request to ${o.host} failed: ${o.message}`, evidence };
}

function classifyContent(o: Extract<RegistryObservation, { kind: 'content' }>, s: CheckSubject): Verdict {
  const evidence: Verdict['evidence'] = { method: o.method };
  const ref = refText(s);
  const summaries: Record<typeof o.problem, [RegistryCause, string]> = {
    schema1: ['unsupported-image-format', `${ref} is a Docker schema 1 manifest, which containerd 2.x refuses to pull; rebuild and push it with a current builder`],
    'not-an-image': ['unsupported-image-format', `${ref} is an OCI artifact (config ${o.mediaType ?? 'unknown'}), not a container image`],
    'unknown-media-type': ['unsupported-image-format', `${ref} has media type ${o.mediaType ?? '(none)'}, which container runtimes do not pull`],
    'too-large': ['unsupported-image-format', `the manifest of ${ref} is larger than 4 MiB, which containerd refuses`],
    unreadable: ['unknown', `${s.registry} sent a manifest for ${ref} that is not valid JSON`],
    'digest-mismatch': ['unknown', `${s.registry} sent content for ${ref} whose sha256 does not match the digest`],
  };
  const [status, summary] = summaries[o.problem];
  return { status, summary, evidence };
}

export function classifyRegistryObservation(observation: RegistryObservation, subject: CheckSubject): Verdict {
  switch (observation.kind) {
    case 'found': {
      const offered = observation.platforms === undefined ? '' : ` with ${observation.platforms.join(', ')}`;
      const notes = [...(observation.fallbacks ?? []), ...(observation.notes ?? [])];
      const fallback = notes.length === 0 ? '' : `; ${notes.join(', ')}`;
      return { status: 'ok', summary: `${refText(subject)} exists on ${subject.registry}${offered}${fallback}`, evidence: { method: observation.method } };
    }
    case 'response':
      return classifyResponse(observation, subject);
    case 'transport':
      return classifyTransport(observation);
    case 'content':
      return classifyContent(observation, subject);
    case 'platforms':
      return {
        status: 'platform-mismatch',
        summary: platformGapSummary(refText(subject), observation),
        evidence: { method: observation.method },
      };
    case 'budget':
      return observation.started
        ? { status: 'network-timeout', summary: `${refText(subject)}: no answer from ${subject.registry} within the ${observation.budgetMs} ms budget of the run`, evidence: {} }
        : { status: 'unknown', summary: `${refText(subject)} was not checked: the ${observation.budgetMs} ms budget of the run ran out first`, evidence: {} };
  }
}
