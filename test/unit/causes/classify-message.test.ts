// classifyMessage against the corpus of real messages (a row each, and the accuracy per cause in
// the output), then the wrappers of each kubelet and runtime version, the traps of the precedence,
// what it takes out of a message, and hostile input.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { classifyMessage } from '../../../src/causes/classify-message.js';
import { CAUSE_IDS, CAUSES, isCauseId, type CauseId } from '../../../src/causes/index.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { CORPUS_DIR, readCorpus } from './support/pull-message-corpus.js';

const CORPUS = readCorpus();

/**
 * Corpus messages the classifier gets wrong on purpose, with the reason (README.md of the corpus
 * lists them too). Empty: every message of the corpus is classified as its source says.
 */
const KNOWN_MISSES: ReadonlyMap<number, string> = new Map();

describe('the pull-message corpus (test/fixtures/pull-messages/)', () => {
  it('holds at least 120 messages, each with a public source and a cause of the catalogue, none twice', () => {
    assert.ok(CORPUS.length >= 120, `${CORPUS.length} messages`);
    for (const entry of CORPUS) {
      assert.ok(isCauseId(entry.cause), `line ${entry.line}: ${entry.cause}`);
      assert.match(entry.source, /^https:\/\/(github\.com|kubernetes\.io)\//, `line ${entry.line}`);
      assert.ok(entry.message.trim() !== '', `line ${entry.line}`);
    }
    assert.equal(new Set(CORPUS.map((entry) => entry.message)).size, CORPUS.length);
    assert.ok(existsSync(join(CORPUS_DIR, 'README.md')));
  });

  it('covers every cause a message can show, and the wordings of each runtime', () => {
    const covered = new Set(CORPUS.map((entry) => entry.cause));
    assert.deepEqual(CAUSE_IDS.filter((id) => !covered.has(id)), []);
    const text = CORPUS.map((entry) => entry.message).join('\n');
    for (const wording of ['failed to pull and unpack image', 'Error response from daemon', 'reading manifest', 'httpReaderSeeker', 'pulling from host', 'unexpected status from HEAD request', 'failed to get converter', 'Back-off pulling image "alpine/git": ErrImagePull']) {
      assert.ok(text.includes(wording), wording);
    }
  });
});

describe('classifyMessage on the corpus', () => {
  for (const entry of CORPUS) {
    const miss = KNOWN_MISSES.get(entry.line);
    it(`line ${entry.line}: ${entry.cause}${miss === undefined ? '' : ' (known miss)'} ← ${entry.source}`, () => {
      const got = classifyMessage(entry.message).cause;
      if (miss === undefined) assert.equal(got, entry.cause, entry.message);
      else assert.notEqual(got, entry.cause, `fixed: remove line ${entry.line} from KNOWN_MISSES`);
    });
  }

  it('accuracy per cause (printed), and no cause below its known misses', (t) => {
    const byCause = new Map<CauseId, { right: number; total: number }>();
    for (const entry of CORPUS) {
      const tally = byCause.get(entry.cause) ?? { right: 0, total: 0 };
      tally.total += 1;
      if (classifyMessage(entry.message).cause === entry.cause) tally.right += 1;
      byCause.set(entry.cause, tally);
    }
    let right = 0;
    for (const id of CAUSE_IDS) {
      const tally = byCause.get(id);
      if (tally === undefined) continue;
      right += tally.right;
      t.diagnostic(`${id.padEnd(26)} ${String(tally.right).padStart(3)}/${String(tally.total).padEnd(3)} ${((100 * tally.right) / tally.total).toFixed(0).padStart(3)}%`);
    }
    t.diagnostic(`${'all'.padEnd(26)} ${String(right).padStart(3)}/${String(CORPUS.length).padEnd(3)} ${((100 * right) / CORPUS.length).toFixed(1)}%`);
    assert.equal(right, CORPUS.length - KNOWN_MISSES.size);
  });
});

function cause(message: string): CauseId {
  return classifyMessage(message).cause;
}

describe('classifyMessage strips the wrappers of each version', () => {
  const leaf = 'failed to pull and unpack image "docker.io/acme/web:1.4": failed to resolve reference "docker.io/acme/web:1.4": docker.io/acme/web:1.4: not found';
  it('kubelet before 1.28 (rpc prefix) and after (prefix dropped for Unknown, kept for NotFound) give the same answer', () => {
    const shapes = [
      `Failed to pull image "acme/web:1.4": rpc error: code = NotFound desc = ${leaf}`,
      `Failed to pull image "acme/web:1.4": rpc error: code = Unknown desc = ${leaf}`,
      `Failed to pull image "acme/web:1.4": ${leaf}`,
      `Back-off pulling image "acme/web:1.4": ErrImagePull: ${leaf}`,
      `ErrImagePull: ${leaf}`,
      `  Warning  Failed     3m12s (x4 over 5m1s)  kubelet            Failed to pull image "acme/web:1.4": ${leaf}`,
      `Warning  Failed  3m (x4 over 5m)  kubelet, node-1  spec.containers{web}: Failed to pull image "acme/web:1.4": ${leaf}`,
      `12s         Warning   Failed      pod/web-7d4b9-x2x   Failed to pull image "acme/web:1.4": ${leaf}`,
      `(combined from similar events): Failed to pull image "acme/web:1.4": ${leaf}`,
    ];
    for (const shape of shapes) {
      const result = classifyMessage(shape);
      assert.deepEqual([result.cause, result.registry, result.evidence], ['image-not-found', 'docker.io', 'docker.io/acme/web:1.4: not found'], shape);
      assert.ok(result.image === 'acme/web:1.4' || result.image === 'docker.io/acme/web:1.4', shape);
    }
  });

  it('the back-off line alone (before 1.32, and the BackOff event always) carries no cause', () => {
    for (const line of ['Back-off pulling image "acme/web:1.4"', '  Normal   BackOff    2s (x4 over 34s)   kubelet  Back-off pulling image "acme/web:1.4"', 'Warning  Failed  2s (x4 over 34s)  kubelet  Error: ImagePullBackOff', 'Error: ErrImagePull']) {
      const result = classifyMessage(line);
      assert.equal(result.cause, 'unknown', line);
      assert.equal(result.evidence, undefined);
    }
    assert.equal(classifyMessage('Back-off pulling image "acme/web:1.4"').image, 'acme/web:1.4');
  });

  it('reads each containerd generation', () => {
    const cases: [string, CauseId][] = [
      ['failed to pull and unpack image "docker.io/acme/web:1.4": failed to copy: httpReaderSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/acme/web/manifests/sha256:ab: 429 Too Many Requests - Server message: toomanyrequests: rate', 'rate-limited'],
      ['failed to resolve reference "r.corp/web:1": pulling from host r.corp failed with status code [manifests 1]: 503 Service Unavailable', 'registry-server-error'],
      ['failed to resolve reference "r.corp/web:1": unexpected status from HEAD request to https://r.corp/v2/web/manifests/1: 401 Unauthorized', 'unauthorized'],
      ['failed to resolve reference "r.corp/web:1": unexpected status: 403 Forbidden', 'forbidden'],
      ['failed to pull and unpack image "r.corp/web:1": failed to get converter for "r.corp/web:1": Pulling Schema 1 images have been deprecated and disabled by default since containerd v2.0.', 'unsupported-image-format'],
      ['failed to pull and unpack image "r.corp/web:1": failed to resolve image: schema 1 image manifests are no longer supported', 'unsupported-image-format'],
      ['image verifier bindir blocked pull of r.corp/web:1 with digest sha256:ab for reason: not signed', 'signature-policy'],
      ['failed to resolve image "r.corp/web:1": no available registry endpoint: r.corp/web:1: not found', 'image-not-found'],
      ['rpc error: code = Canceled desc = failed to pull and unpack image "r.corp/web:1": context canceled', 'network-timeout'],
      ['failed to pull and unpack image "r.corp/web:1": failed to extract layer sha256:ab: write /var/lib/containerd/x: no space left on device: unknown', 'disk-pressure'],
    ];
    for (const [message, expected] of cases) assert.equal(cause(message), expected, message);
  });

  it('reads CRI-O, Docker and cri-dockerd', () => {
    const cases: [string, CauseId][] = [
      ['initializing source docker://quay.io/acme/web:1.4: reading manifest 1.4 in quay.io/acme/web: manifest unknown', 'image-not-found'],
      ['Error reading manifest 1.4 in quay.io/acme/web: manifest unknown: manifest unknown', 'image-not-found'],
      ['RegistryUnavailable: pinging container registry r.corp:5000: Get "https://r.corp:5000/v2/": dial tcp 10.0.0.7:5000: connect: connection refused', 'connection-refused'],
      ['image pull failed for r.corp:5000/web:1 because the registry is unavailable: pinging container registry r.corp:5000: Get "https://r.corp:5000/v2/": dial tcp 10.0.0.7:5000: connect: connection refused', 'connection-refused'],
      ['RegistryUnavailable: received unexpected HTTP status: 502 Bad Gateway', 'registry-server-error'],
      ['SignatureValidationFailed: Source image rejected: A signature was required, but no signature exists', 'signature-policy'],
      ['choosing image instance: no image found in manifest list for architecture arm64, variant "v8", OS linux', 'platform-mismatch'],
      ["Error response from daemon: pull access denied for acme/web, repository does not exist or may require 'docker login': denied: requested access to the resource is denied", 'not-found-or-unauthorized'],
      ['Error response from daemon: manifest for acme/web:1.4 not found: manifest unknown: manifest unknown', 'image-not-found'],
      ['Error response from daemon: Get "https://r.corp/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)', 'network-timeout'],
    ];
    for (const [message, expected] of cases) assert.equal(cause(message), expected, message);
  });
});

describe('classifyMessage never calls a DNS, TLS, platform or network failure "not found"', () => {
  const cases: [string, CauseId][] = [
    ['failed to resolve reference "notfound.corp/web:1": failed to do request: Head "https://notfound.corp/v2/web/manifests/1": dial tcp: lookup notfound.corp on 10.0.0.10:53: no such host', 'dns-error'],
    ['dial tcp: lookup registry.corp on 10.0.0.10:53: read udp 10.0.1.4:51234->10.0.0.10:53: i/o timeout', 'dns-error'],
    ['dial tcp: lookup registry.corp on 10.0.0.10:53: read udp 10.0.1.4:51234->10.0.0.10:53: read: connection refused', 'dns-error'],
    ['Head "https://typo.example/v2/not-found/manifests/1": tls: failed to verify certificate: x509: certificate is valid for ingress.local, not typo.example', 'tls-error'],
    ['failed to pull and unpack image "docker.io/acme/web:1.4": no match for platform in manifest: not found', 'platform-mismatch'],
    ['failed to copy: httpReadSeeker: failed open: could not fetch content descriptor sha256:ab (application/vnd.docker.distribution.manifest.v1+prettyjws) from remote: not found', 'unsupported-image-format'],
    ['failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://cdn.example/not/found": read tcp 10.0.0.2:5000->1.2.3.4:443: read: connection reset by peer', 'network-timeout'],
    ['Source image rejected: Required email dev@example.com not found (got []string{"ops@example.com"})', 'signature-policy'],
    // Names are the user's words: a repository called "unauthorized" or "timeout" decides nothing.
    ['Failed to pull image "acme/unauthorized-timeout-429:not-found": dial tcp: lookup registry.corp: no such host', 'dns-error'],
    ['Failed to pull image "ghcr.io/acme/timeout:503": rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/timeout:503": failed to resolve reference "ghcr.io/acme/timeout:503": ghcr.io/acme/timeout:503: not found', 'image-not-found'],
  ];
  for (const [message, expected] of cases) it(`${expected}: ${message}`, () => assert.equal(cause(message), expected));
});

describe('classifyMessage says deterministic or transient', () => {
  const transient = [
    'toomanyrequests: You have reached your pull rate limit.',
    'pull QPS exceeded',
    'received unexpected HTTP status: 503 Service Unavailable',
    'dial tcp 10.0.0.7:443: i/o timeout',
    'read tcp 10.0.0.2:5000->1.2.3.4:443: read: connection reset by peer',
    'rpc error: code = DeadlineExceeded desc = context deadline exceeded',
  ];
  const deterministic = [
    'docker.io/acme/web:1.4: not found',
    'unauthorized: authentication required',
    'Container image "web:dev" is not present with pull policy of Never',
    'couldn\'t parse image name "Web:1": invalid reference format: repository name must be lowercase',
    'no match for platform in manifest: not found',
    'SignatureValidationFailed: Source image rejected: A signature was required, but no signature exists',
  ];
  for (const message of transient) it(`transient: ${message}`, () => assert.equal(classifyMessage(message).transient, true));
  for (const message of deterministic) {
    it(`deterministic: ${message}`, () => {
      const result = classifyMessage(message);
      assert.deepEqual([result.transient, result.recurrence], [false, 'deterministic']);
    });
  }
});

describe('classifyMessage takes out the image, the registry and the host', () => {
  const cases: [string, { image?: string; registry?: string; host?: string }][] = [
    ['Failed to pull image "hjacobs/kube-ops-view:0.8.1": rpc error: code = Unknown desc = Error response from daemon: Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: server misbehaving', { image: 'hjacobs/kube-ops-view:0.8.1', registry: 'docker.io', host: 'registry-1.docker.io' }],
    ['Failed to inspect image "": rpc error: code = Unknown desc = short name mode is enforcing, but image name netapp/trident:25.10.0 returns ambiguous list', { image: 'netapp/trident:25.10.0', registry: 'docker.io' }],
    ['Error reading manifest latest in docker.io/library/solver: errors: denied: requested access to the resource is denied', { image: 'docker.io/library/solver:latest', registry: 'docker.io' }],
    ['Failed to pull image "": rpc error: code = Unknown desc = Error response from daemon: Get https://123.dkr.ecr.eu-west-1.amazonaws.com/v2/web/manifests/latest: no basic auth credentials', { registry: '123.dkr.ecr.eu-west-1.amazonaws.com', host: '123.dkr.ecr.eu-west-1.amazonaws.com' }],
    ['Failed to apply default image tag "https://harbor.corp/release/web:1.1.0": couldn\'t parse image reference "https://harbor.corp/release/web:1.1.0": invalid reference format', { image: 'https://harbor.corp/release/web:1.1.0', registry: 'harbor.corp', host: 'harbor.corp' }],
    ['Failed to apply default image tag "None:None": couldn\'t parse image reference "None:None": invalid reference format: repository name must be lowercase', { image: 'None:None' }],
    ['pull QPS exceeded', {}],
  ];
  for (const [message, expected] of cases) {
    it(message, () => {
      const result = classifyMessage(message);
      assert.deepEqual({ image: result.image, registry: result.registry, host: result.host }, { image: expected.image, registry: expected.registry, host: expected.host });
    });
  }

  it('unescapes kubelet and containerd log lines', () => {
    const line = 'E1019 08:42:32.241019  112327 remote_image.go:242] "PullImage from image service failed" err="rpc error: code = NotFound desc = failed to pull and unpack image \\"sealos.hub:5000/pause:3.8\\": failed to resolve reference \\"sealos.hub:5000/pause:3.8\\": sealos.hub:5000/pause:3.8: not found" image="sealos.hub:5000/pause:3.8"';
    const result = classifyMessage(line);
    assert.deepEqual([result.cause, result.image, result.registry], ['image-not-found', 'sealos.hub:5000/pause:3.8', 'sealos.hub:5000']);
  });

  it('says whether credentials were sent, when the message does', () => {
    assert.equal(classifyMessage('failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized').credentialsSent, false);
    assert.equal(classifyMessage('failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized').credentialsSent, true);
    assert.equal(classifyMessage('unauthorized: authentication required').credentialsSent, undefined);
  });
});

describe('classifyMessage gives the fix for the target', () => {
  it('a one-line fix for every cause', () => {
    for (const { id } of CAUSES) {
      const message = id === 'unknown' ? 'something else entirely' : `${id}`;
      const fix = classifyMessage(message).fix;
      assert.ok(fix.length > 20 && !fix.includes('\n'), `${id}: ${fix}`);
    }
  });

  it('names what the message named', () => {
    assert.equal(
      classifyMessage('failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://acme.azurecr.io/oauth2/token?scope=repository%3Aweb%3Apull&service=acme.azurecr.io: 401 Unauthorized').fix,
      'acme.azurecr.io wants credentials: create a pull secret (kubectl create secret docker-registry regcred --docker-server=acme.azurecr.io ...) and list it in imagePullSecrets, or let the nodes pull with their own identity (az aks update --attach-acr, the EKS node role, the GKE node service account).',
    );
    assert.equal(
      classifyMessage('failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://acme.azurecr.io/oauth2/token?scope=repository%3Aweb%3Apull&service=acme.azurecr.io: 401 Unauthorized').fix,
      "acme.azurecr.io rejected the credentials sent: renew the pull secret (or the node identity's access to the registry).",
    );
  });

  it('ends with the target\'s way to ship images where that is the fix', () => {
    const kind = getTargetProfile('kind');
    assert.ok(kind !== undefined);
    const message = 'Container image "web:dev" is not present with pull policy of Never';
    assert.equal(
      classifyMessage(message, { target: { id: 'kind', howToShipImages: kind.howToShipImages } }).fix,
      `"web:dev" is not on the node and imagePullPolicy is Never: load it onto the nodes, or push it to a registry they pull from and set imagePullPolicy: IfNotPresent. ${kind.howToShipImages}`,
    );
    assert.match(classifyMessage(message).fix, /Add imagePullSecrets when the registry is private\.$/);
  });
});

describe('classifyMessage on hostile input', () => {
  it('an empty or blank line is unknown, with nothing taken out', () => {
    for (const line of ['', '   ', '\t', '\u0000\u0001']) {
      const result = classifyMessage(line);
      assert.deepEqual([result.cause, result.image, result.registry, result.evidence], ['unknown', undefined, undefined, undefined]);
    }
  });

  it('a very long line still finds the leaf at its end, and returns a bounded answer', () => {
    const long = `Failed to pull image "acme/web:1.4": ${'x'.repeat(2_000_000)} dial tcp: lookup r.corp on 10.0.0.10:53: no such host`;
    const result = classifyMessage(long);
    assert.equal(result.cause, 'dns-error');
    assert.equal(result.image, 'acme/web:1.4');
    assert.ok(JSON.stringify(result).length < 4_096);
    const noBlanks = classifyMessage(`"${'a/'.repeat(500_000)}": not found`);
    assert.ok(JSON.stringify(noBlanks).length < 4_096);
  });

  it('repeated phrases that make a pattern try many starts still give an answer (no catastrophic backtracking)', () => {
    const cases: [string, CauseId][] = [
      ['failed to fetch oauth token: '.repeat(2_000), 'unknown'],
      [`${'lookup '.repeat(5_000)}x`, 'unknown'],
      [`${'"a'.repeat(20_000)}: 403 Forbidden`, 'forbidden'],
      [`${'repository '.repeat(3_000)}x not found`, 'image-not-found'],
      [`failed to fetch anonymous token: ${'a,'.repeat(10_000)} 401`, 'unauthorized'],
    ];
    for (const [message, expected] of cases) assert.equal(cause(message), expected, message.slice(0, 60));
  });

  it('control characters and terminal colours never reach the answer', () => {
    const result = classifyMessage('\u001b[31mFailed to pull image "acme/web:1.4\u0007": \u0000dial tcp: lookup r.corp\u0008: no such host\u001b[0m\u0085');
    assert.equal(result.cause, 'dns-error');
    assert.doesNotMatch(JSON.stringify(result), /\\u00|\\b|\\f/);
  });

  it('secrets in URLs and headers are not echoed', () => {
    const secrets = ['hunter2secret', 'SECRETTOKEN123', 'M0S7zz6BWhzrLH4x', 'eyJhbGciOiJSUzI1NiJ9.payload', 'dXNlcjpodW50ZXIy'];
    const messages = [
      'Failed to pull image "https://deploy:hunter2secret@registry.corp/web:1": couldn\'t parse image reference "https://deploy:hunter2secret@registry.corp/web:1": invalid reference format',
      'failed to do request: Head "https://deploy:hunter2secret@registry.corp/v2/web/manifests/1": x509: certificate signed by unknown authority',
      'failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://auth.corp/token?scope=repository%3Aweb%3Apull&token=SECRETTOKEN123: 401 Unauthorized',
      'failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://cdn02.quay.io/sha256/b2/b2?Expires=1632318661&Signature=M0S7zz6BWhzrLH4xiaj6eV6Lk74g&Key-Pair-Id=APKA": x509: certificate has expired or is not yet valid',
      'unexpected status from GET request to https://r.corp/v2/: 401 Unauthorized (Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.payload)',
      'error parsing {"auths":{"r.corp":{"auth":"dXNlcjpodW50ZXIy"}}}: no basic auth credentials password=hunter2secret',
    ];
    for (const message of messages) {
      const printed = JSON.stringify(classifyMessage(message));
      for (const secret of secrets) assert.ok(!printed.includes(secret), `${secret} in ${printed}`);
    }
    const url = classifyMessage(messages[1]!);
    assert.deepEqual([url.cause, url.registry, url.host], ['tls-error', 'registry.corp', 'registry.corp']);
    assert.equal(classifyMessage(messages[0]!).image, 'https://[redacted]@registry.corp/web:1');
  });
});

describe('the corpus README', () => {
  it('says how many messages there are and how the causes were decided', () => {
    const readme = readFileSync(join(CORPUS_DIR, 'README.md'), 'utf8');
    assert.match(readme, new RegExp(`\\b${CORPUS.length} messages\\b`));
    assert.match(readme, /## How the expected causes were decided/);
  });
});
