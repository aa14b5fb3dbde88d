// The bare control plane (etcd + kube-apiserver): it answers as the pinned release, verifies TLS
// with the harness's CA, authenticates both users, and RBAC refuses the restricted one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { describe, it } from 'node:test';
import {
  ApiError,
  nodeLookingLike,
  readPinnedVersions,
  RESTRICTED_USER,
  sharedControlPlane,
  type KubeObject,
} from '../../support/control-plane/index.js';

const controlPlane = sharedControlPlane();

interface Kubeconfig {
  clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
  users: { name: string; user: { token: string } }[];
  'current-context': string;
}

/** A request made only from what a kubeconfig file says, as any client would. */
function getWithKubeconfig(path: string, kubeconfigPath: string): Promise<number> {
  const config = JSON.parse(readFileSync(kubeconfigPath, 'utf8')) as Kubeconfig;
  const cluster = config.clusters[0]?.cluster;
  const user = config.users[0]?.user;
  assert.ok(cluster !== undefined && user !== undefined);
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, cluster.server), {
      ca: Buffer.from(cluster['certificate-authority-data'], 'base64'),
      headers: { authorization: `Bearer ${user.token}` },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('bare control plane', () => {
  it('reports the pinned Kubernetes version on /version', async () => {
    const version = await controlPlane().call<{ gitVersion: string; major: string; minor: string }>('GET', '/version');
    const pinned = readPinnedVersions().kubernetes;
    assert.equal(version.gitVersion, pinned);
    assert.equal(`v${version.major}.${version.minor}.`, pinned.slice(0, pinned.lastIndexOf('.') + 1));
  });

  it('is ready and serves on loopback with a certificate from the harness CA', async () => {
    const cp = controlPlane();
    assert.match(cp.server, /^https:\/\/127\.0\.0\.1:\d+$/);
    const readyz = await cp.request('GET', '/readyz', undefined, { accept: 'text/plain' });
    assert.equal(readyz.status, 200);
    assert.equal(readyz.text, 'ok');
  });

  it('writes kubeconfigs that a client can use as they are', async () => {
    const cp = controlPlane();
    assert.equal(await getWithKubeconfig('/api/v1/namespaces', cp.adminKubeconfigPath), 200);
    assert.equal(await getWithKubeconfig('/api/v1/namespaces', cp.restrictedKubeconfigPath), 403);
    const admin = JSON.parse(readFileSync(cp.adminKubeconfigPath, 'utf8')) as Kubeconfig;
    assert.equal(admin.clusters[0]?.cluster.server, cp.server);
    assert.equal(admin.users[0]?.name, cp.adminUser);
    assert.equal(admin['current-context'], 'pullguard-test');
  });

  it('refuses the restricted user with the apiserver\'s exact 403', async () => {
    const response = await controlPlane().request<{ kind: string; reason: string; message: string; code: number }>(
      'GET',
      '/api/v1/nodes',
      undefined,
      { as: 'restricted' },
    );
    assert.equal(response.status, 403);
    assert.equal(response.body.reason, 'Forbidden');
    assert.equal(
      response.body.message,
      `nodes is forbidden: User "${RESTRICTED_USER}" cannot list resource "nodes" in API group "" at the cluster scope`,
    );
  });

  it('rejects an unknown token with 401', async () => {
    const cp = controlPlane();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(new URL('/api/v1/namespaces', cp.server), { ca: cp.caCertPem, headers: { authorization: 'Bearer not-a-token' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 401);
  });

  it('grants the restricted user exactly what a test gives it', async () => {
    const cp = controlPlane();
    const allowed = await cp.createNamespace();
    const other = await cp.createNamespace();
    await cp.grantRestricted([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }], allowed);
    assert.equal((await cp.request('GET', `/api/v1/namespaces/${allowed}/pods`, undefined, { as: 'restricted' })).status, 200);
    assert.equal((await cp.request('GET', `/api/v1/namespaces/${other}/pods`, undefined, { as: 'restricted' })).status, 403);
    assert.equal((await cp.request('GET', `/api/v1/namespaces/${allowed}/secrets`, undefined, { as: 'restricted' })).status, 403);
  });

  it('gives every test its own namespace', async () => {
    const cp = controlPlane();
    const first = await cp.createNamespace('case');
    const second = await cp.createNamespace('case');
    assert.notEqual(first, second);
    assert.match(first, /^case-[a-z0-9]+$/);
    const stored = await cp.get('v1', 'Namespace', first);
    assert.equal(stored?.metadata.name, first);
  });

  it('applies objects server-side: creates, then updates', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace }, data: { mode: 'a' } };
    const created = await cp.apply(configMap);
    assert.deepEqual(created.data, { mode: 'a' });
    const updated = await cp.apply({ ...configMap, data: { mode: 'b' } });
    assert.deepEqual(updated.data, { mode: 'b' });
    assert.equal(updated.metadata.uid, created.metadata.uid);
    assert.equal(await cp.get('v1', 'ConfigMap', 'missing', namespace), undefined);
  });

  it('fails with an ApiError that names the request and never the token', async () => {
    const cp = controlPlane();
    const error = await cp.call('GET', '/api/v1/namespaces/nope-not-here').then(
      () => assert.fail('expected a 404'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 404);
    assert.equal(error.reason, 'NotFound');
    assert.equal(error.message, 'GET /api/v1/namespaces/nope-not-here: 404 NotFound: namespaces "nope-not-here" not found');
    assert.ok(!error.message.includes(cp.adminToken));
    assert.ok(!JSON.stringify(error).includes(cp.adminToken));
  });

  it('stores nodes with the labels, providerID and nodeInfo that make a cluster look like EKS', async () => {
    const cp = controlPlane();
    const spec = nodeLookingLike('eks');
    const created = await cp.createNode({ ...spec, name: `eks-${Date.now().toString(36)}` });
    const stored = (await cp.get('v1', 'Node', created.metadata.name)) as KubeObject & {
      spec: { providerID?: string };
      status: { nodeInfo: Record<string, string> };
    };
    assert.equal(stored.spec.providerID, 'aws:///eu-west-1a/i-0123456789abcdef0');
    assert.equal(stored.metadata.labels?.['eks.amazonaws.com/nodegroup'], 'dev-ng-1');
    assert.equal(stored.status.nodeInfo.kubeletVersion, 'v1.33.5-eks-113cf36');
    assert.equal(stored.status.nodeInfo.containerRuntimeVersion, 'containerd://1.7.27');
    assert.equal(stored.status.nodeInfo.osImage, 'Amazon Linux 2023.8.20250818');
    // No kwok on this control plane: nobody plays the kubelet, so the node is not managed.
    assert.equal(stored.metadata.annotations?.['kwok.x-k8s.io/node'], undefined);
  });
});
