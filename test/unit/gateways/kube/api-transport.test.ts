// The proxy kubectl would use for the API server when the kubeconfig has no proxy-url: Go's
// httpproxy rules (HTTPS_PROXY for https, NO_PROXY, never loopback).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { proxyFromEnvironment } from '../../../../src/gateways/kube/api-transport.js';

describe('proxyFromEnvironment', () => {
  it('follows Go’s environment rules', () => {
    const env = { HTTPS_PROXY: 'proxy.corp:3128', http_proxy: 'http://plain:80', NO_PROXY: '.internal,10.0.0.0/8,api.example:8443' };
    assert.equal(proxyFromEnvironment(new URL('https://api.example.com:6443'), env), 'http://proxy.corp:3128');
    assert.equal(proxyFromEnvironment(new URL('http://api.example.com'), env), 'http://plain:80');
    assert.equal(proxyFromEnvironment(new URL('https://k8s.internal:6443'), env), undefined);
    assert.equal(proxyFromEnvironment(new URL('https://10.1.2.3:6443'), env), undefined);
    assert.equal(proxyFromEnvironment(new URL('https://api.example:8443'), env), undefined);
    assert.equal(proxyFromEnvironment(new URL('https://api.example:6443'), env), 'http://proxy.corp:3128');
    assert.equal(proxyFromEnvironment(new URL('https://127.0.0.1:6443'), env), undefined);
    assert.equal(proxyFromEnvironment(new URL('https://localhost:6443'), env), undefined);
    assert.equal(proxyFromEnvironment(new URL('https://api.example.com'), { ...env, no_proxy: '*', NO_PROXY: '' }), undefined);
    assert.equal(proxyFromEnvironment(new URL('https://api.example.com'), {}), undefined);
  });
});
