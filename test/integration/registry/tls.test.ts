// TLS and scheme decisions against real registries: a docker-registry serving a certificate from a CA
// the suite makes (trusted via caFile, not trusted, trusted via another CA, verification skipped), a
// plain-HTTP registry under a non-loopback name (`http-vs-https` unless plainHttp is set), and plain
// HTTP configured against a TLS registry. Host names resolve through hostAliases (like curl --resolve).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OciRegistryGateway, type OciRegistryGatewayOptions } from '../../../src/gateways/registry/oci-registry-gateway.js';
import type { ImageCheckResult } from '../../../src/facts/registry-gateway.js';
import { imageRef } from '../../support/registry/image-ref.js';
import { issueServerCertificate, makeCertificateAuthority, type CertificateAuthority } from '../../support/registry/pki.js';
import { standardImages, startRegistryFixture, type RegistryFixture } from '../../support/registry/registry-fixture.js';
import { makeTempDir, removeTempDir } from '../../support/registry/temp-dir.js';

const TLS_NAME = 'registry.pullguard.test';
const PLAIN_NAME = 'plain.pullguard.test';
const aliases = { [TLS_NAME]: '127.0.0.1', [PLAIN_NAME]: '127.0.0.1' };

describe('TLS and plain HTTP', () => {
  let dir: string;
  let ca: CertificateAuthority;
  let otherCa: CertificateAuthority;
  let tlsRegistry: RegistryFixture;
  let plainRegistry: RegistryFixture;

  before(async () => {
    dir = makeTempDir('tls');
    ca = makeCertificateAuthority(dir, 'pullguard-test-ca');
    otherCa = makeCertificateAuthority(dir, 'untrusted-ca');
    const cert = issueServerCertificate(ca, dir, 'registry', ['127.0.0.1', 'localhost', TLS_NAME]);
    tlsRegistry = await startRegistryFixture('none', { tls: { ...cert, caFile: ca.certFile } });
    plainRegistry = await startRegistryFixture('none');
    await tlsRegistry.seed(standardImages());
    await plainRegistry.seed(standardImages());
  });
  after(async () => {
    await tlsRegistry.stop();
    await plainRegistry.stop();
    removeTempDir(dir);
  });

  async function check(ref: string, options: OciRegistryGatewayOptions = {}): Promise<ImageCheckResult> {
    const gateway = new OciRegistryGateway({ hostAliases: aliases, requestTimeoutMs: 5_000, ...options });
    try {
      return await gateway.checkImage({ reference: imageRef(ref), credentials: [] });
    } finally {
      await gateway.close();
    }
  }

  it('verifies the registry with the configured caFile', async () => {
    const host = tlsRegistry.registry.host;
    const result = await check(`${host}/test/oci-index:v1`, { registries: { [host]: { caFile: ca.certFile } } });
    assert.equal(result.status, 'ok', result.summary);
  });

  it('verifies a registry named by DNS name against the certificate SAN', async () => {
    const host = `${TLS_NAME}:${tlsRegistry.registry.port}`;
    const result = await check(`${host}/test/oci-index:v1`, { registries: { [host]: { caFile: ca.certFile } } });
    assert.equal(result.status, 'ok', result.summary);
    assert.equal(result.registry, host);
  });

  it('reports tls-error for a certificate from a CA the client does not trust', async () => {
    const host = tlsRegistry.registry.host;
    const result = await check(`${host}/test/oci-index:v1`);
    assert.equal(result.status, 'tls-error');
    assert.equal(result.summary, `TLS with ${host} failed: unable to verify the first certificate`);
    assert.deepEqual(result.evidence, { method: 'GET', errorCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('reports tls-error when caFile holds another CA', async () => {
    const host = tlsRegistry.registry.host;
    const result = await check(`${host}/test/oci-index:v1`, { registries: { [host]: { caFile: otherCa.certFile } } });
    assert.equal(result.status, 'tls-error');
  });

  it('reports tls-error when caFile cannot be read', async () => {
    const host = tlsRegistry.registry.host;
    const missing = join(dir, 'no-such-ca.pem');
    const result = await check(`${host}/test/oci-index:v1`, { registries: { [host]: { caFile: missing } } });
    assert.equal(result.status, 'tls-error');
    assert.equal(result.summary, `TLS with ${host} failed: cannot read caFile ${missing} (ENOENT)`);
  });

  it('skips verification when told to, and says so', async () => {
    const host = tlsRegistry.registry.host;
    const result = await check(`${host}/test/oci-index:v1`, { registries: { [host]: { insecureSkipVerify: true } } });
    assert.equal(result.status, 'ok');
    assert.equal(result.summary, `test/oci-index:v1 exists on ${host} (TLS verification skipped for ${host})`);
  });

  it('reports http-vs-https when plainHttp is configured for a TLS registry', async () => {
    const host = tlsRegistry.registry.host;
    const result = await check(`${host}/test/oci-index:v1`, { registries: { [host]: { plainHttp: true } } });
    assert.equal(result.status, 'http-vs-https');
    assert.equal(result.summary, `${host} speaks HTTPS but is configured for plain HTTP (plainHttp); remove that setting`);
  });

  it('falls back to plain HTTP for a loopback registry (localhost and 127.0.0.1)', async () => {
    for (const hostname of ['127.0.0.1', 'localhost']) {
      const result = await check(`${hostname}:${plainRegistry.registry.port}/test/oci-index:v1`);
      assert.equal(result.status, 'ok', result.summary);
    }
  });

  it('reports http-vs-https for a plain-HTTP registry that is not loopback', async () => {
    const host = `${PLAIN_NAME}:${plainRegistry.registry.port}`;
    const result = await check(`${host}/test/oci-index:v1`);
    assert.equal(result.status, 'http-vs-https');
    assert.match(result.summary, new RegExp(`^${host.replace(/\./g, '\\.')} answers plain HTTP, not HTTPS; if that is intended, set plainHttp`));
  });

  it('talks plain HTTP to a non-loopback registry configured with plainHttp', async () => {
    const host = `${PLAIN_NAME}:${plainRegistry.registry.port}`;
    const result = await check(`${host}/test/oci-index:v1`, { registries: { [host]: { plainHttp: true } } });
    assert.equal(result.status, 'ok', result.summary);
  });
});
