// Index entries that name no platform, against a small real HTTP server that answers like a
// registry (the registries refuse an index whose entries they do not hold): containerd judges such
// an entry by its image's config, so pullguard reads it; an entry the registry does not serve, or
// whose config names no platform, is not counted; at most four such entries are read.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { OciRegistryGateway } from '../../../src/gateways/registry/oci-registry-gateway.js';
import type { ImageCheckResult, Platform } from '../../../src/facts/registry-gateway.js';
import { imageRef } from '../../support/registry/image-ref.js';
import { reply, startScriptedServer, type ScriptedServer } from '../../support/registry/scripted-server.js';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';

const sha256 = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** Content by digest, and the index under tag `v1`. */
function registryContent(children: ({ config: Record<string, unknown> } | { missing: string })[]): Map<string, { type: string; body: string }> {
  const content = new Map<string, { type: string; body: string }>();
  const entries = children.map((child, index) => {
    if ('missing' in child) return { mediaType: OCI_MANIFEST, digest: sha256(child.missing), size: 10 };
    const config = JSON.stringify({ ...child.config, rootfs: { type: 'layers', diff_ids: [] }, n: index });
    content.set(sha256(config), { type: 'application/octet-stream', body: config });
    const manifest = JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length }, layers: [] });
    content.set(sha256(manifest), { type: OCI_MANIFEST, body: manifest });
    return { mediaType: OCI_MANIFEST, digest: sha256(manifest), size: manifest.length };
  });
  content.set('v1', { type: OCI_INDEX, body: JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries }) });
  return content;
}

const servers: ScriptedServer[] = [];
after(async () => Promise.all(servers.map((s) => s.close())));

async function serve(content: Map<string, { type: string; body: string }>): Promise<ScriptedServer> {
  const server = await startScriptedServer((request, response) => {
    if (request.url === '/v2/') return reply(response, request, 200, { 'content-type': 'application/json' }, {});
    const reference = request.url.split('/').pop() ?? '';
    const found = content.get(reference);
    if (found === undefined) return reply(response, request, 404, { 'content-type': 'application/json' }, { errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] });
    reply(response, request, 200, { 'content-type': found.type, 'docker-content-digest': reference === 'v1' ? sha256(found.body) : reference }, found.body);
  });
  servers.push(server);
  return server;
}

async function check(server: ScriptedServer, platforms: Platform[]): Promise<ImageCheckResult> {
  const gateway = new OciRegistryGateway({ registries: { [server.host]: { plainHttp: true } } });
  try {
    return await gateway.checkImage({ reference: imageRef(`${server.host}/app:v1`), credentials: [], platforms });
  } finally {
    await gateway.close();
  }
}

const amd64 = { os: 'linux', architecture: 'amd64' };
const arm64 = { os: 'linux', architecture: 'arm64' };

describe('index entries without a platform', () => {
  it('counts the platform its config names, and neither a missing entry nor a config that names none', async () => {
    const server = await serve(registryContent([{ missing: 'gone' }, { config: { os: '', architecture: '' } }, { config: { os: 'linux', architecture: 'amd64' } }]));
    const ok = await check(server, [amd64]);
    assert.equal(ok.status, 'ok', ok.summary);
    assert.deepEqual(ok.platforms, ['linux/amd64']);
    assert.deepEqual(ok.evidence, { method: 'GET→GET entry→GET entry→GET config→GET entry→GET config' });
    const mismatch = await check(server, [arm64]);
    assert.equal(mismatch.status, 'platform-mismatch');
    assert.equal(mismatch.summary, 'app:v1 offers linux/amd64 but not linux/arm64: linux/arm64 nodes fail to pull it (no match for platform in manifest)');
  });

  it('says so when no entry names a runnable platform', async () => {
    const server = await serve(registryContent([{ config: { os: '', architecture: '' } }]));
    const result = await check(server, [amd64]);
    assert.equal(result.status, 'platform-mismatch');
    assert.equal(result.summary, 'app:v1 lists no runnable platform in its index: linux/amd64 nodes fail to pull it (no match for platform in manifest)');
  });

  it('reads at most four of them', async () => {
    const unnamed = Array.from({ length: 4 }, () => ({ config: { os: 'linux', architecture: 's390x' } }));
    const server = await serve(registryContent([...unnamed, { config: { os: 'linux', architecture: 'arm64' } }]));
    const result = await check(server, [arm64]);
    assert.equal(result.status, 'platform-mismatch');
    assert.equal(result.summary, 'app:v1 offers linux/s390x but not linux/arm64: linux/arm64 nodes fail to pull it (no match for platform in manifest)');
    assert.equal(server.requests.filter((r) => /\/manifests\/sha256:/.test(r.url)).length, 4);
  });
});
