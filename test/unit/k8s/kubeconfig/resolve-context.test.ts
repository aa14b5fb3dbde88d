import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeKubeconfigs } from '../../../../src/k8s/kubeconfig/merge-kubeconfigs.js';
import { parseKubeconfig } from '../../../../src/k8s/kubeconfig/parse-kubeconfig.js';
import { resolveContext } from '../../../../src/k8s/kubeconfig/resolve-context.js';

const FILE = '/k/config';
const BASE = `clusters:
- name: dev
  cluster: {server: "https://dev:6443"}
- name: noserver
  cluster: {}
users:
- name: me
  user: {token: t}
- name: both
  user: {token: t, username: u, password: p}
- name: halfcert
  user: {client-certificate: c.crt}
- name: v1exec
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: login}
- name: oldexec
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: login, interactiveMode: Never}
- name: gcp
  user:
    auth-provider: {name: gcp}
contexts:
- name: dev
  context: {cluster: dev, user: me, namespace: web}
- name: plain
  context: {cluster: dev, user: me}
- name: ghost-cluster
  context: {cluster: nope, user: me}
- name: ghost-user
  context: {cluster: dev, user: nope}
- name: noserver
  context: {cluster: noserver, user: me}
`;

function config(extra = '', current = 'dev'): ReturnType<typeof mergeKubeconfigs> {
  return mergeKubeconfigs([parseKubeconfig(`${BASE}${extra}current-context: ${current}\n`, FILE)]);
}

function contextFor(user: string): string {
  return `- name: ctx-${user}\n  context: {cluster: dev, user: ${user}}\n`;
}

describe('resolveContext', () => {
  it('takes the current context, its namespace, and --namespace over it', () => {
    const resolved = resolveContext(config());
    assert.equal(resolved.contextName, 'dev');
    assert.equal(resolved.clusterName, 'dev');
    assert.equal(resolved.cluster.server, 'https://dev:6443');
    assert.equal(resolved.userName, 'me');
    assert.deepEqual(resolved.user, { token: 't' });
    assert.equal(resolved.namespace, 'web');
    assert.equal(resolveContext(config(), { namespace: 'api' }).namespace, 'api');
    assert.equal(resolveContext(config(), { context: 'plain' }).namespace, 'default');
  });

  it('says precisely why a context cannot be used', () => {
    assert.throws(() => resolveContext(config(), { context: 'missing' }), {
      message: `context "missing" does not exist in ${FILE}`,
      hint: 'Pass another --context; contexts: dev, ghost-cluster, ghost-user, noserver, plain.',
    });
    assert.throws(() => resolveContext(mergeKubeconfigs([parseKubeconfig('', FILE)])), { message: `no current context in ${FILE}`, hint: 'Pass --context NAME; the kubeconfig defines no contexts.' });
    assert.throws(() => resolveContext(config(), { context: 'ghost-cluster' }), { message: `${FILE}:27:3: context "ghost-cluster" names cluster "nope", which no kubeconfig file defines` });
    assert.throws(() => resolveContext(config(), { context: 'ghost-user' }), { message: `${FILE}:29:3: context "ghost-user" names user "nope", which no kubeconfig file defines` });
    assert.throws(() => resolveContext(config(), { context: 'noserver' }), { message: `${FILE}:4:3: cluster "noserver" has no server` });
  });

  it('refuses the user entries client-go refuses', () => {
    const users = ['both', 'halfcert', 'v1exec', 'oldexec', 'gcp'];
    const cfg = config(users.map(contextFor).join(''));
    const messages = users.map((user) => {
      try {
        resolveContext(cfg, { context: `ctx-${user}` });
        return 'resolved';
      } catch (error) {
        return (error as Error).message.replace(/^\/k\/config:\d+:\d+: /, '');
      }
    });
    assert.deepEqual(messages, [
      'more than one authentication method found for user "both": token, basicAuth; only one is allowed',
      'user "halfcert" has a client certificate without its key, or a key without its certificate',
      'interactiveMode must be specified for user "v1exec" to use exec authentication plugin',
      'exec plugin of user "oldexec": apiVersion "client.authentication.k8s.io/v1alpha1" is not supported (expected client.authentication.k8s.io/v1 or client.authentication.k8s.io/v1beta1)',
      'user "gcp" uses auth-provider "gcp", which kubectl no longer supports; use an exec credential plugin (for example kubelogin or gke-gcloud-auth-plugin)',
    ]);
  });
});
