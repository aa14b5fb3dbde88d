// Which hosts are asked about an image, in which order and how (endpoint-for.ts): mirrors with
// `?ns=`, Docker Hub's registry host, plain HTTP, loopback fallback, TLS settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointsFor, endpointUrl, isLoopbackHost, type RegistryEndpoint } from '../../../../src/gateways/registry/endpoint-for.js';

describe('isLoopbackHost', () => {
  const cases: [string, boolean][] = [
    ['localhost', true], ['LOCALHOST:5000', true], ['127.0.0.1', true], ['127.1.2.3:5000', true], ['[::1]:5000', true], ['[::1]', true],
    ['127.0.0.1.nip.io', false], ['10.0.0.1:5000', false], ['registry.local', false], ['[::2]:5000', false],
  ];
  for (const [host, expected] of cases) it(`${host} → ${expected}`, () => assert.equal(isLoopbackHost(host), expected));
});

describe('endpointsFor', () => {
  const registry = (host: string, extra: Partial<RegistryEndpoint> = {}): RegistryEndpoint => ({
    host, scheme: 'https', plainHttpFallback: false, pathPrefix: '', tls: {}, ...extra,
  });
  const cases: { name: string; domain: string; registries?: Parameters<typeof endpointsFor>[1]; expected: RegistryEndpoint[] }[] = [
    { name: 'a registry, HTTPS', domain: 'ghcr.io', expected: [registry('ghcr.io')] },
    { name: "Docker Hub's domain is not its host", domain: 'docker.io', expected: [registry('registry-1.docker.io')] },
    { name: 'loopback: HTTPS first, HTTP when the handshake gets HTTP', domain: 'localhost:5000', expected: [registry('localhost:5000', { plainHttpFallback: true })] },
    { name: 'plainHttp', domain: 'registry.local:5000', registries: { 'registry.local:5000': { plainHttp: true } }, expected: [registry('registry.local:5000', { scheme: 'http' })] },
    {
      name: 'caFile and insecureSkipVerify',
      domain: 'registry.corp.acme',
      registries: { 'registry.corp.acme': { caFile: '/etc/ca.pem', insecureSkipVerify: true } },
      expected: [registry('registry.corp.acme', { tls: { caFile: '/etc/ca.pem', insecureSkipVerify: true } })],
    },
    {
      name: 'mirrors first, with a path, a scheme, their own settings; the registry last',
      domain: 'docker.io',
      registries: {
        'docker.io': { mirrors: ['https://mirror.corp.acme/v2/', 'http://cache.local:5000', 'proxy.corp.acme/dockerhub', 'ftp://nope', '::bad::'] },
        'proxy.corp.acme': { caFile: '/etc/proxy-ca.pem' },
      },
      expected: [
        registry('mirror.corp.acme', { namespace: 'docker.io' }),
        registry('cache.local:5000', { scheme: 'http', namespace: 'docker.io' }),
        registry('proxy.corp.acme', { pathPrefix: '/dockerhub', namespace: 'docker.io', tls: { caFile: '/etc/proxy-ca.pem' } }),
        registry('registry-1.docker.io'),
      ],
    },
    { name: 'a loopback mirror falls back to HTTP', domain: 'ghcr.io', registries: { 'ghcr.io': { mirrors: ['127.0.0.1:5001'] } }, expected: [registry('127.0.0.1:5001', { plainHttpFallback: true, namespace: 'ghcr.io' }), registry('ghcr.io')] },
  ];
  for (const { name, domain, registries, expected } of cases) it(name, () => assert.deepEqual(endpointsFor(domain, registries), expected));
});

describe('endpointUrl', () => {
  it('a registry', () => {
    assert.equal(endpointUrl(endpointsFor('ghcr.io')[0] as RegistryEndpoint, 'https', 'acme/webapi/manifests/1.4.2').href, 'https://ghcr.io/v2/acme/webapi/manifests/1.4.2');
  });
  it('a mirror with a path prefix names the registry in ?ns=', () => {
    const [mirror] = endpointsFor('docker.io', { 'docker.io': { mirrors: ['https://proxy.corp.acme/dockerhub'] } });
    assert.equal(endpointUrl(mirror as RegistryEndpoint, 'http', 'library/nginx/manifests/1.27').href, 'http://proxy.corp.acme/dockerhub/v2/library/nginx/manifests/1.27?ns=docker.io');
  });
});
