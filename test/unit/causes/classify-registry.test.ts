// classifyRegistryObservation as a table: what a registry did (a status, an error code, a transport
// failure, unusable content, missing platforms, a spent budget) → the verdict's cause and sentence.
// The integration tests reach it through real registries; this names every branch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyRegistryObservation, isHttpAnswerToTls, type CheckSubject, type RegistryObservation, type Verdict } from '../../../src/causes/classify-registry.js';
import { isCauseId } from '../../../src/causes/index.js';

const HUB: CheckSubject = { registry: 'registry-1.docker.io', repository: 'acme/webapi', reference: '1.4.2', dockerHub: true, credential: 'anonymous' };
const CORP: CheckSubject = { registry: 'registry.corp.acme', repository: 'team/webapi', reference: '1.4.2', dockerHub: false, credential: 'anonymous' };
const CORP_SECRET: CheckSubject = { ...CORP, credential: 'secret team/regcred (.dockerconfigjson)' };
const BY_DIGEST: CheckSubject = { ...CORP, reference: 'sha256:0f1e' };

const manifest = (status: number, extra: Partial<Extract<RegistryObservation, { kind: 'response' }>> = {}): RegistryObservation => ({
  kind: 'response', phase: 'manifest', method: 'HEAD', status, ...extra,
});
const token = (status: number, extra: Partial<Extract<RegistryObservation, { kind: 'response' }>> = {}): RegistryObservation => ({
  kind: 'response', phase: 'token', method: 'GET', status, realmHost: 'auth.corp.acme', ...extra,
});
const transport = (code: string, message = code, timeoutMs?: number): RegistryObservation => ({
  kind: 'transport', phase: 'manifest', method: 'HEAD', host: 'registry.corp.acme:443', code, message, ...(timeoutMs === undefined ? {} : { timeoutMs }),
});

const CASES: { name: string; observation: RegistryObservation; subject: CheckSubject; status: Verdict['status']; summary: string; evidence?: Verdict['evidence'] }[] = [
  // found
  { name: 'found, with platforms and a fallback', observation: { kind: 'found', method: 'HEAD', platforms: ['linux/amd64', 'linux/arm64'], fallbacks: ['GET after HEAD 405'] }, subject: CORP, status: 'ok', summary: 'team/webapi:1.4.2 exists on registry.corp.acme with linux/amd64, linux/arm64; GET after HEAD 405', evidence: { method: 'HEAD' } },
  { name: 'found by digest', observation: { kind: 'found', method: 'GET' }, subject: BY_DIGEST, status: 'ok', summary: 'team/webapi@sha256:0f1e exists on registry.corp.acme', evidence: { method: 'GET' } },
  // 404
  { name: '404 NAME_UNKNOWN: the repository', observation: manifest(404, { errorCode: 'NAME_UNKNOWN' }), subject: CORP, status: 'image-not-found', summary: 'repository "team/webapi" does not exist on registry.corp.acme', evidence: { httpStatus: 404, method: 'HEAD', errorCode: 'NAME_UNKNOWN' } },
  { name: '404 and the tag list says no repository', observation: manifest(404, { repositoryExists: false }), subject: CORP, status: 'image-not-found', summary: 'repository "team/webapi" does not exist on registry.corp.acme' },
  { name: '404 in an existing repository: the tag', observation: manifest(404, { errorCode: 'MANIFEST_UNKNOWN', repositoryExists: true }), subject: CORP, status: 'image-not-found', summary: 'tag "1.4.2" does not exist in repository "team/webapi" on registry.corp.acme' },
  { name: '404 by digest, repository unknown', observation: manifest(404), subject: BY_DIGEST, status: 'image-not-found', summary: 'digest sha256:0f1e not found in "team/webapi" on registry.corp.acme (the registry does not say whether the repository exists)' },
  // 401 / 403
  { name: 'Docker Hub 401 to anonymous', observation: manifest(401), subject: HUB, status: 'not-found-or-unauthorized', summary: 'Docker Hub refuses "acme/webapi" to anonymous: the repository does not exist or needs other credentials' },
  { name: 'Docker Hub insufficient_scope with credentials', observation: manifest(401, { authError: 'insufficient_scope' }), subject: { ...HUB, credential: 'docker config.json (auths: docker.io)' }, status: 'not-found-or-unauthorized', summary: 'Docker Hub refuses "acme/webapi" to docker config.json (auths: docker.io): the repository does not exist or needs other credentials', evidence: { httpStatus: 401, method: 'HEAD', errorCode: 'insufficient_scope' } },
  { name: 'another registry, 401 to anonymous', observation: manifest(401, { errorCode: 'UNAUTHORIZED' }), subject: CORP, status: 'unauthorized', summary: 'registry.corp.acme requires authentication for "team/webapi" and no credential matches it' },
  { name: '401 insufficient_scope with credentials: forbidden', observation: manifest(401, { authError: 'insufficient_scope' }), subject: CORP_SECRET, status: 'forbidden', summary: 'registry.corp.acme accepted credential secret team/regcred (.dockerconfigjson) but grants it no pull access to "team/webapi"' },
  { name: '401 rejecting credentials', observation: manifest(401, { errorCode: 'UNAUTHORIZED', registryMessage: 'authentication required' }), subject: CORP_SECRET, status: 'unauthorized', summary: 'registry.corp.acme rejected credential secret team/regcred (.dockerconfigjson) (UNAUTHORIZED: authentication required)' },
  { name: '403 on the manifest', observation: manifest(403, { errorCode: 'DENIED' }), subject: CORP, status: 'forbidden', summary: 'registry.corp.acme denied anonymous access to "team/webapi" (DENIED)' },
  // token service
  { name: 'token 401 to anonymous', observation: token(401), subject: CORP, status: 'unauthorized', summary: 'the token service at auth.corp.acme refuses anonymous tokens for "team/webapi"; a pull secret is needed' },
  { name: 'token 401 to a credential', observation: token(401, { errorCode: 'UNAUTHORIZED' }), subject: CORP_SECRET, status: 'unauthorized', summary: 'the token service at auth.corp.acme rejected credential secret team/regcred (.dockerconfigjson) (UNAUTHORIZED)' },
  { name: 'token 403', observation: token(403), subject: CORP_SECRET, status: 'forbidden', summary: 'the token service at auth.corp.acme denied secret team/regcred (.dockerconfigjson) a pull token for "team/webapi"' },
  { name: 'token 429 with Retry-After seconds', observation: token(429, { retryAfter: ' 30 ' }), subject: CORP, status: 'rate-limited', summary: 'the token service at auth.corp.acme rate-limited the token request; it asks to retry after 30 s' },
  { name: 'token 503 after retries', observation: token(503, { attempts: 3 }), subject: CORP, status: 'registry-server-error', summary: 'the token service at auth.corp.acme failed with HTTP 503 (3 attempts)' },
  { name: 'token 200 without a token', observation: token(200), subject: CORP, status: 'unknown', summary: 'the token service at auth.corp.acme answered without a token' },
  { name: 'token 418', observation: token(418), subject: CORP, status: 'unknown', summary: 'the token service at auth.corp.acme answered HTTP 418' },
  // other statuses
  { name: '429 with an HTTP date', observation: manifest(429, { retryAfter: 'Sun, 06 Dec 2026 12:00:00 GMT' }), subject: HUB, status: 'rate-limited', summary: 'registry-1.docker.io rate-limited the check of acme/webapi:1.4.2; it asks to retry after Sun, 06 Dec 2026 12:00:00 GMT' },
  { name: '502 on the config blob', observation: { kind: 'response', phase: 'config', method: 'GET', status: 502 }, subject: CORP, status: 'registry-server-error', summary: 'registry.corp.acme failed with HTTP 502 for the config blob of team/webapi:1.4.2' },
  { name: '500 on the ping, one attempt', observation: { kind: 'response', phase: 'ping', method: 'GET', status: 500, attempts: 1 }, subject: CORP, status: 'registry-server-error', summary: 'registry.corp.acme failed with HTTP 500 for registry.corp.acme/v2/' },
  { name: '400 from an HTTPS port spoken to in HTTP', observation: manifest(400, { bodyText: 'Client sent an HTTP request to an HTTPS server.\n' }), subject: CORP, status: 'http-vs-https', summary: 'registry.corp.acme speaks HTTPS but is configured for plain HTTP (plainHttp); remove that setting' },
  { name: 'another 400', observation: manifest(400, { errorCode: 'MANIFEST_INVALID' }), subject: CORP, status: 'unknown', summary: 'unexpected HTTP 400 from registry.corp.acme for team/webapi:1.4.2 (MANIFEST_INVALID)' },
  { name: '404 on the ping is no missing image', observation: { kind: 'response', phase: 'ping', method: 'GET', status: 404 }, subject: CORP, status: 'unknown', summary: 'unexpected HTTP 404 from registry.corp.acme for registry.corp.acme/v2/' },
  // transport
  { name: 'refused', observation: transport('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:443'), subject: CORP, status: 'connection-refused', summary: 'nothing listens on registry.corp.acme:443 (connection refused)', evidence: { method: 'HEAD', errorCode: 'ECONNREFUSED' } },
  { name: 'DNS, port left out', observation: transport('ENOTFOUND'), subject: CORP, status: 'dns-error', summary: 'registry.corp.acme does not resolve (ENOTFOUND)' },
  { name: 'DNS, temporary', observation: transport('EAI_AGAIN'), subject: CORP, status: 'dns-error', summary: 'registry.corp.acme does not resolve (EAI_AGAIN)' },
  { name: 'plain HTTP answer to TLS', observation: transport('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number'), subject: CORP, status: 'http-vs-https', summary: "registry.corp.acme:443 answers plain HTTP, not HTTPS; if that is intended, set plainHttp for it and configure the nodes' runtime for an insecure registry" },
  { name: 'untrusted certificate', observation: transport('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'), subject: CORP, status: 'tls-error', summary: 'TLS with registry.corp.acme:443 failed: unable to verify the first certificate' },
  { name: 'any ERR_TLS_ code', observation: transport('ERR_TLS_SOMETHING_NEW', 'handshake failed'), subject: CORP, status: 'tls-error', summary: 'TLS with registry.corp.acme:443 failed: handshake failed' },
  { name: 'timeout with the limit', observation: transport('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error', 10000), subject: CORP, status: 'network-timeout', summary: 'no answer from registry.corp.acme:443 within 10000 ms' },
  { name: 'unreachable', observation: transport('EHOSTUNREACH'), subject: CORP, status: 'network-timeout', summary: 'registry.corp.acme:443 is unreachable (EHOSTUNREACH)' },
  { name: 'something else', observation: transport('ECONNRESET', 'socket hang up'), subject: CORP, status: 'unknown', summary: 'request to registry.corp.acme:443 failed: socket hang up' },
  // content
  { name: 'schema 1', observation: { kind: 'content', method: 'GET', problem: 'schema1' }, subject: CORP, status: 'unsupported-image-format', summary: 'team/webapi:1.4.2 is a Docker schema 1 manifest, which containerd 2.x refuses to pull; rebuild and push it with a current builder' },
  { name: 'an OCI artifact', observation: { kind: 'content', method: 'GET', problem: 'not-an-image', mediaType: 'application/vnd.cncf.helm.config.v1+json' }, subject: CORP, status: 'unsupported-image-format', summary: 'team/webapi:1.4.2 is an OCI artifact (config application/vnd.cncf.helm.config.v1+json), not a container image' },
  { name: 'an unknown media type', observation: { kind: 'content', method: 'GET', problem: 'unknown-media-type' }, subject: CORP, status: 'unsupported-image-format', summary: 'team/webapi:1.4.2 has media type (none), which container runtimes do not pull' },
  { name: 'too large', observation: { kind: 'content', method: 'GET', problem: 'too-large' }, subject: CORP, status: 'unsupported-image-format', summary: 'the manifest of team/webapi:1.4.2 is larger than 4 MiB, which containerd refuses' },
  { name: 'not JSON', observation: { kind: 'content', method: 'GET', problem: 'unreadable' }, subject: CORP, status: 'unknown', summary: 'registry.corp.acme sent a manifest for team/webapi:1.4.2 that is not valid JSON' },
  { name: 'digest mismatch', observation: { kind: 'content', method: 'GET', problem: 'digest-mismatch' }, subject: BY_DIGEST, status: 'unknown', summary: 'registry.corp.acme sent content for team/webapi@sha256:0f1e whose sha256 does not match the digest' },
  // platforms and budget
  { name: 'platforms missing', observation: { kind: 'platforms', method: 'GET', shape: 'index', missing: [{ os: 'linux', architecture: 'arm64' }], offered: [{ os: 'linux', architecture: 'amd64' }, { os: 'windows', architecture: 'amd64' }] }, subject: CORP, status: 'platform-mismatch', summary: 'team/webapi:1.4.2 offers linux/amd64, windows/amd64 but not linux/arm64: linux/arm64 nodes fail to pull it (no match for platform in manifest)' },
  { name: 'no runnable platform', observation: { kind: 'platforms', method: 'GET', shape: 'index', missing: [{ os: 'linux', architecture: 'amd64' }], offered: [] }, subject: CORP, status: 'platform-mismatch', summary: 'team/webapi:1.4.2 lists no runnable platform in its index: linux/amd64 nodes fail to pull it (no match for platform in manifest)' },
  { name: 'a single-platform image of another architecture', observation: { kind: 'platforms', method: 'GET', shape: 'single-manifest', missing: [{ os: 'linux', architecture: 'amd64' }], offered: [{ os: 'linux', architecture: 'arm64' }] }, subject: CORP, status: 'platform-mismatch', summary: 'team/webapi:1.4.2 is a single-platform image for linux/arm64, not linux/amd64: linux/amd64 nodes pull it, but its container fails to start there (exec format error, CrashLoopBackOff)' },
  { name: 'budget ran out during the check', observation: { kind: 'budget', started: true, budgetMs: 60000 }, subject: CORP, status: 'network-timeout', summary: 'team/webapi:1.4.2: no answer from registry.corp.acme within the 60000 ms budget of the run', evidence: {} },
  { name: 'budget ran out before the check', observation: { kind: 'budget', started: false, budgetMs: 60000 }, subject: CORP, status: 'unknown', summary: 'team/webapi:1.4.2 was not checked: the 60000 ms budget of the run ran out first', evidence: {} },
];

describe('classifyRegistryObservation', () => {
  for (const { name, observation, subject, status, summary, evidence } of CASES) {
    it(`${name} → ${status}`, () => {
      const verdict = classifyRegistryObservation(observation, subject);
      assert.equal(verdict.status, status);
      assert.equal(verdict.summary, summary);
      if (evidence !== undefined) assert.deepEqual(verdict.evidence, evidence);
    });
  }

  it('returns only ok and cause ids of the catalogue', () => {
    for (const { observation, subject } of CASES) {
      const { status } = classifyRegistryObservation(observation, subject);
      assert.ok(status === 'ok' || isCauseId(status), status);
    }
  });
});

describe('isHttpAnswerToTls', () => {
  const cases: [string, string, boolean][] = [
    ['ERR_SSL_WRONG_VERSION_NUMBER', '', true],
    ['EPROTO', 'write EPROTO 0:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', true],
    ['ECONNRESET', 'http: server gave HTTP response to HTTPS client', true],
    ['EPROTO', 'packet length too long', true],
    ['ECONNRESET', 'socket hang up', false],
  ];
  for (const [code, message, expected] of cases) it(`${code} "${message}" → ${expected}`, () => assert.equal(isHttpAnswerToTls(code, message), expected));
});
