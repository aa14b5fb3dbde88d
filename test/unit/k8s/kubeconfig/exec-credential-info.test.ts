import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { execCredentialInfo, execInteractivity, parseExecCredential } from '../../../../src/k8s/kubeconfig/exec-credential-info.js';
import type { KubeconfigExec } from '../../../../src/k8s/kubeconfig/kubeconfig-types.js';

const V1 = 'client.authentication.k8s.io/v1';
const exec = (extra: Partial<KubeconfigExec> = {}): KubeconfigExec => ({ command: 'login', args: [], env: [], apiVersion: V1, provideClusterInfo: false, interactiveMode: 'Never', ...extra });
const CLUSTER = { server: 'https://api:6443', certificateAuthorityData: 'PEM', tlsServerName: 'api.internal', insecureSkipTlsVerify: false, proxyUrl: 'http://proxy:3128' };

describe('ExecCredential protocol', () => {
  it('tells the plugin whether it is interactive, and the cluster only with provideClusterInfo', () => {
    assert.deepEqual(execCredentialInfo(exec(), CLUSTER, false), { apiVersion: V1, kind: 'ExecCredential', spec: { interactive: false } });
    assert.deepEqual(execCredentialInfo(exec({ provideClusterInfo: true }), CLUSTER, true), {
      apiVersion: V1,
      kind: 'ExecCredential',
      spec: {
        interactive: true,
        cluster: { server: 'https://api:6443', 'tls-server-name': 'api.internal', 'certificate-authority-data': Buffer.from('PEM').toString('base64'), 'proxy-url': 'http://proxy:3128' },
      },
    });
  });

  it('decides interactivity from interactiveMode and the terminal', () => {
    assert.deepEqual(execInteractivity(exec({ interactiveMode: 'Never' }), true), { interactive: false });
    assert.deepEqual(execInteractivity(exec({ interactiveMode: 'IfAvailable' }), true), { interactive: true });
    assert.deepEqual(execInteractivity(exec({ interactiveMode: undefined }), false), { interactive: false });
    assert.deepEqual(execInteractivity(exec({ interactiveMode: 'Always' }), false), { error: 'exec plugin cannot support interactive mode: standard input is not a terminal' });
  });

  it('reads the credential and checks it as client-go does, naming no value', () => {
    assert.deepEqual(parseExecCredential(JSON.stringify({ apiVersion: V1, kind: 'ExecCredential', status: { token: 's3cret', expirationTimestamp: '2030-01-01T00:00:00Z' } }), V1), {
      token: 's3cret',
      expiresAt: Date.parse('2030-01-01T00:00:00Z'),
    });
    assert.deepEqual(parseExecCredential(JSON.stringify({ apiVersion: V1, kind: 'ExecCredential', status: { clientCertificateData: 'C', clientKeyData: 'K' } }), V1), { clientCertificateData: 'C', clientKeyData: 'K' });
    const errors = [
      'token: s3cret',
      JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: 's3cret' } }),
      JSON.stringify({ apiVersion: V1, kind: 'ExecCredential' }),
      JSON.stringify({ apiVersion: V1, kind: 'ExecCredential', status: {} }),
      JSON.stringify({ apiVersion: V1, kind: 'ExecCredential', status: { clientKeyData: 's3cret' } }),
      JSON.stringify({ apiVersion: V1, kind: 'ExecCredential', status: { token: 's3cret', expirationTimestamp: 'soon' } }),
    ].map((stdout) => parseExecCredential(stdout, V1));
    assert.deepEqual(errors, [
      { error: 'decoding stdout: the plugin did not print an ExecCredential as JSON' },
      { error: 'exec plugin is configured to use API version client.authentication.k8s.io/v1, plugin returned version client.authentication.k8s.io/v1beta1' },
      { error: "exec plugin didn't return a status field" },
      { error: "exec plugin didn't return a token or cert/key pair" },
      { error: 'exec plugin returned only one of clientCertificateData and clientKeyData' },
      { error: 'exec plugin returned an expirationTimestamp that is not an RFC 3339 time' },
    ]);
    assert.ok(!JSON.stringify(errors).includes('s3cret'));
  });
});
