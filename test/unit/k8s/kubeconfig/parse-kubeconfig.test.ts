import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKubeconfig } from '../../../../src/k8s/kubeconfig/parse-kubeconfig.js';
import { ConfigError } from '../../../../src/shared/errors.js';

const FILE = '/home/me/.kube/config';

function fails(text: string, message: string): void {
  assert.throws(() => parseKubeconfig(text, FILE), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.message, message);
    return true;
  });
}

describe('parseKubeconfig', () => {
  it('reads clusters, users and contexts and resolves relative paths against the file folder', () => {
    const parsed = parseKubeconfig(
      `apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: dev
  cluster:
    server: https://10.0.0.1:6443
    certificate-authority: certs/ca.crt
    tls-server-name: api.internal
    proxy-url: http://proxy:3128
users:
- name: me
  user:
    client-certificate: /abs/me.crt
    client-key: ../keys/me.key
    tokenFile: token
- name: plugin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/login
      args: [get-token, --cluster, dev]
      env: [{name: REGION, value: eu}]
      interactiveMode: Never
      provideClusterInfo: true
- name: onpath
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws}
contexts:
- name: dev
  context: {cluster: dev, user: me, namespace: web}
`,
      FILE,
    );
    assert.equal(parsed.currentContext, 'dev');
    assert.deepEqual(parsed.clusters.get('dev')?.value, {
      server: 'https://10.0.0.1:6443',
      certificateAuthority: '/home/me/.kube/certs/ca.crt',
      tlsServerName: 'api.internal',
      proxyUrl: 'http://proxy:3128',
      insecureSkipTlsVerify: false,
    });
    assert.deepEqual(parsed.clusters.get('dev')?.origin, { file: FILE, line: 5, column: 3 });
    assert.deepEqual(parsed.users.get('me')?.value, { clientCertificate: '/abs/me.crt', clientKey: '/home/me/keys/me.key', tokenFile: '/home/me/.kube/token' });
    assert.deepEqual(parsed.users.get('plugin')?.value.exec, {
      command: '/home/me/.kube/bin/login',
      args: ['get-token', '--cluster', 'dev'],
      env: [{ name: 'REGION', value: 'eu' }],
      apiVersion: 'client.authentication.k8s.io/v1',
      provideClusterInfo: true,
      interactiveMode: 'Never',
    });
    // A bare name is looked up on PATH, as client-go does.
    assert.equal(parsed.users.get('onpath')?.value.exec?.command, 'aws');
    assert.deepEqual(parsed.contexts.get('dev')?.value, { cluster: 'dev', user: 'me', namespace: 'web' });
  });

  it('decodes the *-data fields from base64', () => {
    const parsed = parseKubeconfig(
      `clusters:\n- name: c\n  cluster:\n    server: https://x\n    certificate-authority-data: ${Buffer.from('PEM CA').toString('base64')}\nusers:\n- name: u\n  user:\n    client-certificate-data: ${Buffer.from('CERT').toString('base64')}\n    client-key-data: ${Buffer.from('KEY').toString('base64')}\n`,
      FILE,
    );
    assert.equal(parsed.clusters.get('c')?.value.certificateAuthorityData, 'PEM CA');
    assert.equal(parsed.users.get('u')?.value.clientCertificateData, 'CERT');
    assert.equal(parsed.users.get('u')?.value.clientKeyData, 'KEY');
  });

  it('reads an empty file as an empty kubeconfig', () => {
    for (const text of ['', '\n', '# nothing\n', '---\n']) {
      const parsed = parseKubeconfig(text, FILE);
      assert.equal(parsed.clusters.size + parsed.users.size + parsed.contexts.size, 0);
      assert.equal(parsed.currentContext, undefined);
    }
  });

  it('reads YAML 1.1 booleans as kubectl does', () => {
    const parsed = parseKubeconfig('clusters:\n- name: c\n  cluster:\n    server: https://x\n    insecure-skip-tls-verify: yes\n', FILE);
    assert.equal(parsed.clusters.get('c')?.value.insecureSkipTlsVerify, true);
  });

  it('names file, line and column of what kubectl would refuse', () => {
    fails('apiVersion: v1\nclusters:\n- name: x\n  cluster: [\n', `${FILE}:5:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`);
    fails('clusters: 5\n', `${FILE}:1:11: "clusters" must be a list`);
    fails('contexts:\n- name: c\n  context:\n    namespace: 5\n', `${FILE}:4:16: "namespace" must be a string`);
    fails('users:\n- name: u\n  user:\n    password: y\n', `${FILE}:4:15: "password" must be a string`);
    fails('users:\n- name: u\n- name: u\n', `${FILE}:3:3: duplicate user name "u" in "users"`);
    fails('clusters:\n- name: c\n  cluster:\n    certificate-authority-data: "not base64!"\n', `${FILE}:4:33: "certificate-authority-data" is not valid base64 (illegal data at input byte 3)`);
    fails('users:\n- name: u\n  user:\n    exec:\n      command: x\n      interactiveMode: Sometimes\n', `${FILE}:6:24: interactiveMode must be one of Never, IfAvailable, Always, found "Sometimes"`);
    fails('- a\n', `${FILE}:1:1: expected a kubeconfig (a mapping with clusters, users and contexts)`);
  });
});
