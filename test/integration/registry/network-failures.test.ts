// What docker-registry cannot be made to do, against small real HTTP servers that answer like a
// registry on cue: nothing listening, a name that does not resolve, a slow server, 429 with
// Retry-After, 500s, HEAD that is broken or ambiguous, schema 1, and an error body echoing secrets.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { OciRegistryGateway, type OciRegistryGatewayOptions } from '../../../src/gateways/registry/oci-registry-gateway.js';
import type { ImageCheckResult, RegistryCredential } from '../../../src/facts/registry-gateway.js';
import { startConnectProxy } from '../../support/registry/connect-proxy.js';
import { imageRef } from '../../support/registry/image-ref.js';
import { reply, startScriptedServer, type ScriptedHandler, type ScriptedServer } from '../../support/registry/scripted-server.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const servers: ScriptedServer[] = [];

after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(handler: ScriptedHandler): Promise<ScriptedServer> {
  const server = await startScriptedServer(handler);
  servers.push(server);
  return server;
}

/** `/v2/` answers 200; manifest requests go to `manifests`. */
function registryLike(manifests: ScriptedHandler): ScriptedHandler {
  return (request, response, index) => {
    if (request.url === '/v2/') return reply(response, request, 200, { 'content-type': 'application/json' }, {});
    manifests(request, response, index);
  };
}

async function check(host: string, ref: string, options: OciRegistryGatewayOptions = {}, credentials: RegistryCredential[] = []): Promise<ImageCheckResult> {
  const gateway = new OciRegistryGateway({ registries: { [host]: { plainHttp: true } }, retry: { baseDelayMs: 10 }, ...options });
  try {
    return await gateway.checkImage({ reference: imageRef(`${host}/${ref}`), credentials });
  } finally {
    await gateway.close();
  }
}

const manifestRequests = (server: ScriptedServer): string[] => server.requests.filter((r) => r.url.includes('/manifests/')).map((r) => r.method);

describe('network failures', () => {
  it('reports connection-refused when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const gateway = new OciRegistryGateway();
    try {
      const result = await gateway.checkImage({ reference: imageRef(`127.0.0.1:${port}/app:v1`), credentials: [] });
      assert.equal(result.status, 'connection-refused');
      assert.equal(result.summary, `nothing listens on 127.0.0.1:${port} (connection refused)`);
      assert.deepEqual(result.evidence, { method: 'GET', errorCode: 'ECONNREFUSED' });
    } finally {
      await gateway.close();
    }
  });

  it('reports dns-error for a name that does not resolve', async () => {
    const gateway = new OciRegistryGateway({ requestTimeoutMs: 5_000 });
    try {
      const result = await gateway.checkImage({ reference: imageRef('registry.pullguard.invalid/app:v1'), credentials: [] });
      assert.equal(result.status, 'dns-error', result.summary);
      assert.match(result.summary, /^registry\.pullguard\.invalid does not resolve \((ENOTFOUND|EAI_AGAIN)\)$/);
    } finally {
      await gateway.close();
    }
  });

  it('reports network-timeout for a server slower than the request timeout', async () => {
    const slow = await serve((request, response) => {
      setTimeout(() => reply(response, request, 200, {}, {}), 3_000).unref();
    });
    const started = Date.now();
    const result = await check(slow.host, 'app:v1', { requestTimeoutMs: 300 });
    assert.equal(result.status, 'network-timeout');
    assert.equal(result.summary, `no answer from ${slow.host} within 300 ms`);
    assert.ok(Date.now() - started < 2_000, 'the timeout cut the request short');
  });
});

describe('rate limits and server errors', () => {
  it('waits for Retry-After on 429 and then succeeds', async () => {
    const server = await serve(
      registryLike((request, response, index) => {
        const manifestIndex = manifestRequests(server).length - 1;
        if (manifestIndex === 0) return reply(response, request, 429, { 'retry-after': '1', 'content-type': 'application/json' }, { errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] });
        void index;
        reply(response, request, 200, { 'content-type': OCI_MANIFEST, 'docker-content-digest': DIGEST }, '{}');
      }),
    );
    const started = Date.now();
    const result = await check(server.host, 'app:v1');
    const waited = Date.now() - started;
    assert.equal(result.status, 'ok', result.summary);
    assert.deepEqual(manifestRequests(server), ['HEAD', 'HEAD']);
    assert.ok(waited >= 950, `waited ${waited} ms, Retry-After asked for 1 s`);
  });

  it('reports rate-limited at once when Retry-After is longer than pullguard waits', async () => {
    const server = await serve(registryLike((request, response) => reply(response, request, 429, { 'retry-after': '120' })));
    const result = await check(server.host, 'app:v1');
    assert.equal(result.status, 'rate-limited');
    assert.equal(result.summary, `${server.host} rate-limited the check of app:v1; it asks to retry after 120 s`);
    assert.deepEqual(manifestRequests(server), ['HEAD']);
  });

  it('reports rate-limited after the retries are spent', async () => {
    const server = await serve(registryLike((request, response) => reply(response, request, 429, { 'retry-after': '0' })));
    const result = await check(server.host, 'app:v1', { retry: { maxRetries: 2, baseDelayMs: 10 } });
    assert.equal(result.status, 'rate-limited');
    assert.deepEqual(manifestRequests(server), ['HEAD', 'HEAD', 'HEAD']);
  });

  it('retries a 500 and succeeds', async () => {
    const server = await serve(
      registryLike((request, response) => {
        if (manifestRequests(server).length === 1) return reply(response, request, 500);
        reply(response, request, 200, { 'content-type': OCI_MANIFEST, 'docker-content-digest': DIGEST });
      }),
    );
    const result = await check(server.host, 'app:v1');
    assert.equal(result.status, 'ok');
    assert.deepEqual(manifestRequests(server), ['HEAD', 'HEAD']);
  });

  it('reports registry-server-error when 503 persists', async () => {
    const server = await serve(registryLike((request, response) => reply(response, request, 503)));
    const result = await check(server.host, 'app:v1');
    assert.equal(result.status, 'registry-server-error');
    assert.equal(result.summary, `${server.host} failed with HTTP 503 for app:v1 (3 attempts)`);
    assert.deepEqual(result.evidence, { httpStatus: 503, method: 'HEAD' });
  });
});

describe('HEAD quirks', () => {
  it('falls back to GET when HEAD answers 405', async () => {
    const server = await serve(
      registryLike((request, response) => {
        if (request.method === 'HEAD') return reply(response, request, 405);
        reply(response, request, 200, { 'content-type': OCI_MANIFEST, 'docker-content-digest': DIGEST }, { schemaVersion: 2, mediaType: OCI_MANIFEST, config: {}, layers: [] });
      }),
    );
    const result = await check(server.host, 'app:v1');
    assert.equal(result.status, 'ok');
    assert.equal(result.digest, DIGEST);
    assert.deepEqual(result.evidence, { method: 'HEAD→GET' });
  });

  it('computes the digest from the body when neither HEAD nor GET sends one', async () => {
    const body = JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: {}, layers: [] });
    const server = await serve(registryLike((request, response) => reply(response, request, 200, { 'content-type': OCI_MANIFEST }, body)));
    const result = await check(server.host, 'app:v1');
    assert.equal(result.status, 'ok');
    const { createHash } = await import('node:crypto');
    assert.equal(result.digest, `sha256:${createHash('sha256').update(body).digest('hex')}`);
    assert.deepEqual(manifestRequests(server), ['HEAD', 'GET']);
  });

  it('believes GET over a HEAD that says 404 (Nexus)', async () => {
    const server = await serve(
      registryLike((request, response) => {
        if (request.method === 'HEAD') return reply(response, request, 404);
        reply(response, request, 200, { 'content-type': OCI_MANIFEST, 'docker-content-digest': DIGEST }, { schemaVersion: 2, config: {}, layers: [] });
      }),
    );
    const result = await check(server.host, 'app:v1');
    assert.equal(result.status, 'ok');
  });

  it('settles a HEAD 404 from the complete tag list, without a GET, when the tag is not listed', async () => {
    const server = await serve(
      registryLike((request, response) => {
        if (request.url?.endsWith('/tags/list')) return reply(response, request, 200, { 'content-type': 'application/json' }, { name: 'app', tags: ['v1', 'v2'] });
        reply(response, request, 404);
      }),
    );
    const result = await check(server.host, 'app:v3');
    assert.equal(result.status, 'image-not-found');
    assert.equal(result.summary, `tag "v3" does not exist in repository "app" on ${server.host}`);
    assert.deepEqual(result.evidence, { httpStatus: 404, method: 'HEAD' });
    assert.deepEqual(manifestRequests(server), ['HEAD']);
  });

  it('still asks with GET when the tag list holds the tag that HEAD called missing (Nexus)', async () => {
    const server = await serve(
      registryLike((request, response) => {
        if (request.url?.endsWith('/tags/list')) return reply(response, request, 200, { 'content-type': 'application/json' }, { name: 'app', tags: ['v1'] });
        if (request.method === 'HEAD') return reply(response, request, 404);
        reply(response, request, 200, { 'content-type': OCI_MANIFEST, 'docker-content-digest': DIGEST }, { schemaVersion: 2, config: {}, layers: [] });
      }),
    );
    const result = await check(server.host, 'app:v1');
    assert.equal(result.status, 'ok');
    assert.deepEqual(manifestRequests(server), ['HEAD', 'GET']);
  });

  it('does not trust one page of a paginated tag list (Link header): GET decides', async () => {
    const server = await serve(
      registryLike((request, response) => {
        if (request.url?.endsWith('/tags/list')) {
          return reply(response, request, 200, { 'content-type': 'application/json', link: '</v2/app/tags/list?last=v1&n=1>; rel="next"' }, { name: 'app', tags: ['v1'] });
        }
        if (request.method === 'HEAD') return reply(response, request, 404);
        reply(response, request, 200, { 'content-type': OCI_MANIFEST, 'docker-content-digest': DIGEST }, { schemaVersion: 2, config: {}, layers: [] });
      }),
    );
    const result = await check(server.host, 'app:v9');
    assert.equal(result.status, 'ok');
    assert.deepEqual(manifestRequests(server), ['HEAD', 'GET']);
  });

  it('reports a schema 1 manifest as unsupported-image-format', async () => {
    const server = await serve(
      registryLike((request, response) => reply(response, request, 200, { 'content-type': 'application/vnd.docker.distribution.manifest.v1+prettyjws', 'docker-content-digest': DIGEST })),
    );
    const result = await check(server.host, 'legacy/app:v1');
    assert.equal(result.status, 'unsupported-image-format');
    assert.equal(result.summary, 'legacy/app:v1 is a Docker schema 1 manifest, which containerd 2.x refuses to pull; rebuild and push it with a current builder');
  });
});

describe('secrets in registry answers', () => {
  it('redacts a credential a registry echoes into its error message', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/v2/') return reply(response, request, 401, { 'www-authenticate': 'Basic realm="echo"' });
      reply(response, request, 403, { 'content-type': 'application/json' }, { errors: [{ code: 'DENIED', message: `denied for ${request.headers.authorization ?? 'nobody'}` }] });
    });
    const credential: RegistryCredential = { source: 'secret team/echo', username: 'carol', password: 'echo-secret-0x1' };
    const result = await check(server.host, 'app:v1', {}, [credential]);
    assert.equal(result.status, 'forbidden');
    const basic = Buffer.from('carol:echo-secret-0x1').toString('base64');
    assert.equal(result.evidence?.registryMessage, 'denied for Basic [redacted]');
    assert.ok(server.requests.some((r) => r.headers.authorization === `Basic ${basic}`), 'the server did receive the credential');
    const text = JSON.stringify(result);
    assert.ok(!text.includes(basic) && !text.includes('echo-secret-0x1'));
  });
});

describe('redirects and proxies', () => {
  const credential: RegistryCredential = { source: 'secret team/regcred', username: 'carol', password: 'redirect-secret-0x2' };
  const basic = `Basic ${Buffer.from('carol:redirect-secret-0x2').toString('base64')}`;
  const manifestReply = (request: Parameters<ScriptedHandler>[0], response: Parameters<ScriptedHandler>[1]): void =>
    reply(response, request, 200, { 'content-type': OCI_MANIFEST, 'docker-content-digest': DIGEST }, { schemaVersion: 2, config: {}, layers: [] });
  /** A registry that wants Basic auth and sends every manifest request to `location`. */
  const redirecting = (location: () => string): ScriptedHandler => (request, response) => {
    if (request.headers.authorization !== basic) return reply(response, request, 401, { 'www-authenticate': 'Basic realm="registry"' });
    if (request.url === '/v2/') return reply(response, request, 200, { 'content-type': 'application/json' }, {});
    if (request.url.startsWith('/storage/')) return manifestReply(request, response);
    reply(response, request, 307, { location: location() });
  };

  it('follows a redirect to another host without sending it the Authorization header', async () => {
    const storage = await serve((request, response) => manifestReply(request, response));
    const registry = await serve(redirecting(() => `${storage.url}/storage/app-v1`));
    const result = await check(registry.host, 'app:v1', {}, [credential]);
    assert.equal(result.status, 'ok', result.summary);
    assert.deepEqual(storage.requests.map((r) => [r.method, r.url, r.headers.authorization]), [['HEAD', '/storage/app-v1', undefined]]);
    assert.ok(registry.requests.some((r) => r.url === '/v2/app/manifests/v1' && r.headers.authorization === basic));
  });

  it('keeps the Authorization header on a redirect within the same registry', async () => {
    let self = '';
    const registry = await serve(redirecting(() => `${self}/storage/app-v1`));
    self = registry.url;
    const result = await check(registry.host, 'app:v1', {}, [credential]);
    assert.equal(result.status, 'ok', result.summary);
    const followed = registry.requests.filter((r) => r.url === '/storage/app-v1');
    assert.deepEqual(followed.map((r) => [r.method, r.headers.authorization]), [['HEAD', basic]]);
  });

  it('goes through HTTPS_PROXY / HTTP_PROXY, and around it for NO_PROXY hosts', async () => {
    const proxy = await startConnectProxy();
    try {
      const registry = await serve(registryLike((request, response) => manifestReply(request, response)));
      const proxied = await check(registry.host, 'app:v1', { env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url } });
      assert.equal(proxied.status, 'ok', proxied.summary);
      assert.ok(proxy.targets.includes(registry.host), `proxy saw ${proxy.targets.join(', ')}`);

      const seen = proxy.targets.length;
      const direct = await check(registry.host, 'app:v1', { env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } });
      assert.equal(direct.status, 'ok', direct.summary);
      assert.equal(proxy.targets.length, seen, 'NO_PROXY hosts bypass the proxy');
    } finally {
      await proxy.close();
    }
  });
});
