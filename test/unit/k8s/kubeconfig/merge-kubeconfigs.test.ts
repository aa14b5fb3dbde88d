// kubectl's merge rules (verified against kubectl in test/integration/control-plane/kubeconfig-oracle.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeKubeconfigs } from '../../../../src/k8s/kubeconfig/merge-kubeconfigs.js';
import { parseKubeconfig } from '../../../../src/k8s/kubeconfig/parse-kubeconfig.js';

describe('mergeKubeconfigs', () => {
  it('keeps the first file’s entry of each name whole, and the first current-context set', () => {
    const first = parseKubeconfig('clusters:\n- name: shared\n  cluster: {server: "https://first"}\nusers:\n- name: me\n  user: {token: first}\n', '/a/first.yaml');
    const second = parseKubeconfig(
      'current-context: main\nclusters:\n- name: shared\n  cluster: {server: "https://second", insecure-skip-tls-verify: true}\n- name: only-second\n  cluster: {server: "https://only"}\nusers:\n- name: me\n  user: {client-certificate: c.crt, client-key: c.key}\ncontexts:\n- name: main\n  context: {cluster: shared, user: me}\n',
      '/b/second.yaml',
    );
    const third = parseKubeconfig('current-context: ignored\n', '/c/third.yaml');
    const merged = mergeKubeconfigs([first, second, third]);
    assert.deepEqual(merged.files, ['/a/first.yaml', '/b/second.yaml', '/c/third.yaml']);
    assert.deepEqual(merged.clusters.get('shared')?.value, { server: 'https://first', insecureSkipTlsVerify: false });
    assert.equal(merged.clusters.get('shared')?.origin.file, '/a/first.yaml');
    assert.equal(merged.clusters.get('only-second')?.value.server, 'https://only');
    assert.deepEqual(merged.users.get('me')?.value, { token: 'first' });
    assert.equal(merged.currentContext, 'main');
  });
});
