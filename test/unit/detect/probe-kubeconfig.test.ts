import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClusterContext } from '../../../src/facts/cluster-snapshot.js';
import { probeKubeconfig } from '../../../src/detect/probe-kubeconfig.js';

function context(overrides: { name?: string; cluster?: string; server?: string; user?: string; exec?: { command: string; args: string[] } | null }): ClusterContext {
  return {
    name: overrides.name ?? 'ctx',
    namespace: 'default',
    cluster: { name: overrides.cluster ?? 'cl', server: overrides.server ?? 'https://10.1.2.3:6443' },
    user: { name: overrides.user ?? 'u', exec: overrides.exec ?? null },
  };
}

const summary = (ctx: ClusterContext) => probeKubeconfig(ctx).map((item) => [item.key, item.supports, item.kind, item.weight, ...(item.rulesOut === undefined ? [] : [item.rulesOut.join(',')])]);

describe('probeKubeconfig', () => {
  it('reads exec plugins as remote vetoes, by basename and arguments', () => {
    const cases: [string, string[], string | null, number][] = [
      ['/usr/local/bin/aws', ['--region', 'eu-west-1', 'eks', 'get-token', '--cluster-name', 'web'], 'eks', 6],
      ['aws', ['sso', 'login'], null, 0],
      ['aws-iam-authenticator', ['token', '-i', 'web'], 'eks', 6],
      ['gke-gcloud-auth-plugin', [], 'gke', 6],
      ['kubelogin', ['get-token', '--server-id', '6dae42f8-4368-4678-94ff-3960e28e3630'], 'aks', 6],
      ['kubelogin', ['get-token', '--server-id', '00000000-0000-0000-0000-000000000000'], 'aks', 3],
      ['C:\\Program Files\\doctl.exe', ['kubernetes', 'cluster', 'kubeconfig', 'exec-credential', 'x'], 'doks', 6],
      ['oci', ['ce', 'cluster', 'generate-token', '--cluster-id', 'ocid1.cluster.x'], 'oke', 6],
      ['ibmcloud', ['ks', 'cluster', 'config'], 'iks', 3],
      ['kubectl', ['oidc-login', 'get-token'], null, 0],
    ];
    for (const [command, args, supports, weight] of cases) {
      const found = probeKubeconfig(context({ exec: { command, args } })).filter((item) => item.key === 'exec plugin');
      if (supports === null) assert.deepEqual(found, [], command);
      else assert.deepEqual(found.map((item) => [item.supports, item.kind, item.weight, item.rulesOut]), [[supports, 'veto', weight, ['local']]], `${command} ${args.join(' ')}`);
    }
  });

  it('knows managed services by their API server host, and calls a loopback server only a hint', () => {
    assert.deepEqual(summary(context({ server: 'https://web-dns-1a2b.hcp.westeurope.azmk8s.io:443' })), [['server host', 'aks', 'identity', 6]]);
    assert.deepEqual(summary(context({ server: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com' })), [['server host', 'eks', 'identity', 6]]);
    assert.deepEqual(summary(context({ server: 'https://127.0.0.1:26443' })), [['server host', 'local', 'hint', 1], ['server port', 'orbstack', 'hint', 1]]);
    assert.deepEqual(summary(context({ server: 'https://[::1]:8443' })), [['server host', 'local', 'hint', 1]]);
    assert.deepEqual(summary(context({ server: 'https://34.76.1.2' })), [['server host', 'remote', 'hint', 1]]);
    assert.deepEqual(summary(context({ server: 'https://192.168.1.10:6443' })), []);
    assert.deepEqual(summary(context({ server: 'not a url' })), []);
  });

  it('reads the cluster entry before the context, and a name once', () => {
    assert.deepEqual(summary(context({ name: 'staging', cluster: 'kind-staging' })), [['cluster name', 'kind', 'hint', 3]]);
    assert.deepEqual(summary(context({ name: 'kind-dev', cluster: 'kind-dev' })), [['cluster name', 'kind', 'hint', 3]]);
    assert.deepEqual(summary(context({ name: 'arn:aws:eks:eu-west-1:1:cluster/web', cluster: 'x' })), [['context name', 'eks', 'identity', 6]]);
    // "kind" inside a name is not kind's naming (the incident script's mistake).
    assert.deepEqual(summary(context({ name: 'gke_humankind-prod_europe-west1_web', cluster: 'gke_humankind-prod_europe-west1_web' })), [['cluster name', 'gke', 'identity', 6]]);
    assert.deepEqual(summary(context({ name: 'mankind', cluster: 'kindred' })), []);
  });
});
