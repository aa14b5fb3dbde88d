// The live ClusterReader against the real control plane: every fact it reads, pagination, 403s and
// timeouts as unknown facts, one line for an unreachable server, retries after 429, exec plugins
// run once per credential, client certificates, the in-cluster service account.
import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { connect as connectTcp, createServer as createTcpServer, type AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openCluster, type OpenClusterOptions } from '../../../../src/gateways/kube/open-cluster.js';
import { runSecrets } from '../../../../src/shared/run-secrets.js';
import { readPinnedVersions, sharedControlPlane, type ControlPlane } from '../../../support/control-plane/index.js';
import { base64, clientCertificate, tokenCredential, writeExecPlugin, writeJsonKubeconfig } from '../../../support/kubeconfig-fixtures.js';

const controlPlane = sharedControlPlane({ controllerManager: true });
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pullguard-kube-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function options(kubeconfig: string, extra: Partial<OpenClusterOptions> = {}): OpenClusterOptions {
  return { kubeconfig, env: { HOME: dir }, cwd: dir, stdinIsTerminal: false, ...extra };
}

function configFor(cp: ControlPlane, user: Record<string, unknown>, cluster: Record<string, unknown> = {}): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'test', cluster: { server: cp.server, 'certificate-authority-data': base64(cp.caCertPem), ...cluster } }],
    users: [{ name: 'someone', user }],
    contexts: [{ name: 'test', context: { cluster: 'test', user: 'someone' } }],
    'current-context': 'test',
  };
}

async function runsOf(file: string): Promise<{ info: string | null; extra: string | null; argv: string[] }[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { info: string | null; extra: string | null; argv: string[] });
}

describe('openCluster against the control plane', () => {
  it('reads version, API groups, nodes, namespaces and namespaced lists as the admin', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await cp.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace } });
    const reader = await openCluster(options(cp.adminKubeconfigPath, { namespace }));
    try {
      assert.equal(reader.source, 'context pullguard-test');
      assert.deepEqual(reader.context, {
        name: 'pullguard-test',
        namespace,
        cluster: { name: 'pullguard-test', server: cp.server },
        user: { name: cp.adminUser, exec: null },
      });
      const version = await reader.version();
      assert.ok('value' in version);
      assert.equal(version.value.gitVersion, readPinnedVersions().kubernetes);
      const groups = await reader.apiGroups();
      assert.ok('value' in groups && groups.value.includes('apps') && groups.value.includes('rbac.authorization.k8s.io'));
      assert.ok(!('value' in groups && groups.value.includes('')), 'the core group has no name and is not listed');
      const namespaces = await reader.namespaces();
      assert.ok('value' in namespaces && namespaces.value.some((n) => n.metadata?.name === namespace));
      const accounts = await reader.serviceAccounts({ namespace });
      assert.ok('value' in accounts);
      assert.deepEqual(accounts.value.map((a) => a.metadata?.name).sort(), ['builder', 'default']);
      const filtered = await reader.serviceAccounts({ namespace, fieldSelector: 'metadata.name=builder' });
      assert.deepEqual('value' in filtered && filtered.value.map((a) => a.metadata?.name), ['builder']);
      assert.deepEqual(await reader.localRegistryHosting(), { value: null });
    } finally {
      await reader.close();
    }
  });

  it('pages through lists with limit and continue', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    for (const name of ['a', 'b', 'c', 'd']) await cp.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } });
    const requests: string[] = [];
    const reader = await openCluster(options(cp.adminKubeconfigPath, { pageSize: 2, onRequest: (path) => requests.push(path) }));
    try {
      const accounts = await reader.serviceAccounts({ namespace });
      assert.deepEqual('value' in accounts && accounts.value.map((a) => a.metadata?.name).sort(), ['a', 'b', 'c', 'd', 'default']);
      assert.equal(requests.length, 3);
      assert.match(requests[0] ?? '', new RegExp(`^/api/v1/namespaces/${namespace}/serviceaccounts\\?limit=2$`));
      assert.match(requests[1] ?? '', /&continue=/);
    } finally {
      await reader.close();
    }
  });

  it('records what the restricted user may not read as unknown facts with the missing permission', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const reader = await openCluster(options(cp.restrictedKubeconfigPath, { namespace }));
    try {
      assert.ok('value' in (await reader.version()));
      assert.deepEqual(await reader.nodes(), { unknown: 'forbidden: list nodes' });
      assert.deepEqual(await reader.pods({ namespace }), { unknown: `forbidden: list pods in namespace ${namespace}` });
      assert.deepEqual(await reader.events(), { unknown: 'forbidden: list events' });
      assert.deepEqual(await reader.secrets({ namespace }), { unknown: `forbidden: list secrets in namespace ${namespace}` });
      assert.deepEqual(await reader.localRegistryHosting(), { unknown: 'forbidden: get configmaps/local-registry-hosting in namespace kube-public' });
      assert.deepEqual(await reader.pullSecretCredentials(namespace, 'pull'), { unknown: `forbidden: get secrets/pull in namespace ${namespace}` });
      await cp.grantRestricted([{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }], namespace);
      assert.deepEqual(await reader.pods({ namespace }), { value: [] });
    } finally {
      await reader.close();
    }
  });

  it('summarises secrets without a value and keeps pull-secret credentials in memory, registered for redaction', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const password = `pw-${Math.random().toString(36).slice(2)}`;
    const dockerConfig = { auths: { 'registry.example:5000': { username: 'robot', password, auth: base64(`robot:${password}`) } } };
    await cp.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'pull', namespace, labels: { team: 'a' } },
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': base64(JSON.stringify(dockerConfig)) },
    });
    await cp.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'plain', namespace }, type: 'Opaque', stringData: { key: password } });
    const reader = await openCluster(options(cp.adminKubeconfigPath));
    try {
      const secrets = await reader.secrets({ namespace });
      assert.ok('value' in secrets);
      const byName = new Map(secrets.value.map((s) => [s.metadata.name, s]));
      assert.deepEqual(byName.get('pull')?.registries, ['registry.example:5000']);
      assert.equal(byName.get('pull')?.type, 'kubernetes.io/dockerconfigjson');
      assert.deepEqual(byName.get('pull')?.metadata.labels, { team: 'a' });
      assert.equal(byName.get('plain')?.registries, undefined);
      assert.ok(!JSON.stringify(secrets).includes(password) && !JSON.stringify(secrets).includes(base64(password)));
      assert.ok(!JSON.stringify(secrets).includes('robot'));
      const credentials = await reader.pullSecretCredentials(namespace, 'pull');
      assert.deepEqual(credentials, { value: [{ registry: 'registry.example:5000', username: 'robot', password, auth: base64(`robot:${password}`) }] });
      assert.equal(runSecrets.redact(`a ${password} b`).includes(password), false);
      assert.deepEqual(await reader.pullSecretCredentials(namespace, 'missing'), { unknown: `not found: get secrets/missing in namespace ${namespace}` });
    } finally {
      await reader.close();
    }
  });

  it('authenticates with a client certificate and key, from files or data', async () => {
    const cp = controlPlane();
    const cert = await clientCertificate(cp, join(dir, 'certs'), 'cert-admin', ['system:masters']);
    for (const user of [
      { 'client-certificate': cert.certPath, 'client-key': cert.keyPath },
      { 'client-certificate-data': base64(cert.cert), 'client-key-data': base64(cert.key) },
    ]) {
      const reader = await openCluster(options(await writeJsonKubeconfig(join(dir, 'cert.kubeconfig'), configFor(cp, user))));
      try {
        const nodes = await reader.nodes();
        assert.ok('value' in nodes, JSON.stringify(nodes));
      } finally {
        await reader.close();
      }
    }
  });

  it('runs an exec plugin once for parallel requests, caches its credential and sets KUBERNETES_EXEC_INFO', async () => {
    const cp = controlPlane();
    const runs = join(dir, 'exec-runs.jsonl');
    const pluginDir = join(dir, 'plugins');
    await writeExecPlugin(join(pluginDir, 'token-plugin'), { output: tokenCredential(cp.adminToken), delayMs: 200 }, runs);
    // A relative command resolves against the kubeconfig's folder, not the working directory.
    const kubeconfig = await writeJsonKubeconfig(
      join(dir, 'exec.kubeconfig'),
      configFor(cp, {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: './plugins/token-plugin',
          args: ['--flag', 'x'],
          env: [{ name: 'PLUGIN_EXTRA', value: 'from-kubeconfig' }],
          interactiveMode: 'Never',
          provideClusterInfo: true,
        },
      }),
    );
    const reader = await openCluster({ ...options(kubeconfig), cwd: '/' });
    try {
      assert.deepEqual(reader.context.user.exec, { command: join(dir, 'plugins/token-plugin'), args: ['--flag', 'x'] });
      const results = await Promise.all([reader.nodes(), reader.namespaces(), reader.version(), reader.apiGroups(), reader.events()]);
      assert.ok(results.every((r) => 'value' in r), JSON.stringify(results.filter((r) => !('value' in r))));
      await reader.nodes();
      const recorded = await runsOf(runs);
      assert.equal(recorded.length, 1);
      assert.deepEqual(recorded[0]?.argv, ['--flag', 'x']);
      assert.equal(recorded[0]?.extra, 'from-kubeconfig');
      assert.deepEqual(JSON.parse(recorded[0]?.info ?? 'null'), {
        apiVersion: 'client.authentication.k8s.io/v1',
        kind: 'ExecCredential',
        spec: { interactive: false, cluster: { server: cp.server, 'certificate-authority-data': base64(cp.caCertPem) } },
      });
      assert.equal(runSecrets.redact(`token ${cp.adminToken}`).includes(cp.adminToken), false, 'the plugin token is registered for redaction');
    } finally {
      await reader.close();
    }
  });

  it('runs the plugin again once its credential expires', async () => {
    const cp = controlPlane();
    const runs = join(dir, 'expiring-runs.jsonl');
    const expired = new Date(Date.now() - 1000).toISOString();
    await writeExecPlugin(join(dir, 'expiring-plugin'), { output: tokenCredential(cp.adminToken, 'client.authentication.k8s.io/v1beta1', expired) }, runs);
    const kubeconfig = await writeJsonKubeconfig(
      join(dir, 'expiring.kubeconfig'),
      configFor(cp, { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: join(dir, 'expiring-plugin') } }),
    );
    const reader = await openCluster(options(kubeconfig));
    try {
      assert.ok('value' in (await reader.version()));
      assert.ok('value' in (await reader.version()));
      const recorded = await runsOf(runs);
      assert.equal(recorded.length, 2);
      // v1beta1 without interactiveMode means IfAvailable; standard input is no terminal here.
      assert.deepEqual(JSON.parse(recorded[0]?.info ?? 'null'), { apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', spec: { interactive: false } });
    } finally {
      await reader.close();
    }
  });

  it('runs the plugin again once after a 401, and stops if the fresh credential is refused too', async () => {
    const cp = controlPlane();
    const runs = join(dir, 'rotating-runs.jsonl');
    // First run: a token the server refuses; every later run: the admin token.
    const plugin = join(dir, 'rotating-plugin');
    await writeFile(
      plugin,
      `#!${process.execPath}
const { appendFileSync, readFileSync } = require('node:fs');
let count = 0;
try { count = readFileSync(${JSON.stringify(runs)}, 'utf8').split('\\n').filter(Boolean).length; } catch {}
appendFileSync(${JSON.stringify(runs)}, 'run\\n');
const token = count === 0 ? 'revoked-token' : ${JSON.stringify(cp.adminToken)};
process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token } }));
`,
      { mode: 0o755 },
    );
    const kubeconfig = await writeJsonKubeconfig(
      join(dir, 'rotating.kubeconfig'),
      configFor(cp, { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' } }),
    );
    const reader = await openCluster(options(kubeconfig));
    try {
      assert.ok('value' in (await reader.nodes()));
      assert.equal((await readFile(runs, 'utf8')).split('\n').filter(Boolean).length, 2);
    } finally {
      await reader.close();
    }
    const refusing = join(dir, 'refusing-plugin');
    await writeExecPlugin(refusing, { output: tokenCredential('always-wrong') }, join(dir, 'refusing-runs.jsonl'));
    const refused = await openCluster(options(await writeJsonKubeconfig(join(dir, 'refusing.kubeconfig'), configFor(cp, { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: refusing, interactiveMode: 'Never' } }))));
    await assert.rejects(refused.version(), { message: `the API server ${cp.server} refused the credentials of user "someone" (401 Unauthorized)` });
    assert.equal((await runsOf(join(dir, 'refusing-runs.jsonl'))).length, 2);
  });

  it('stops with one line when the exec plugin fails or is missing', async () => {
    const cp = controlPlane();
    const runs = join(dir, 'failing-runs.jsonl');
    await writeExecPlugin(join(dir, 'failing-plugin'), { exitCode: 3, stderr: 'login required\n' }, runs);
    const failing = await writeJsonKubeconfig(
      join(dir, 'failing.kubeconfig'),
      configFor(cp, { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: join(dir, 'failing-plugin'), interactiveMode: 'Never' } }),
    );
    const reader = await openCluster(options(failing));
    await assert.rejects(reader.nodes(), {
      name: 'ExecPluginError',
      message: `getting credentials for user "someone": exec: executable ${join(dir, 'failing-plugin')} failed with exit code 3`,
      hint: 'The plugin said: login required',
    });
    const missing = await writeJsonKubeconfig(
      join(dir, 'missing-plugin.kubeconfig'),
      configFor(cp, { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'no-such-plugin-pullguard', interactiveMode: 'Never', installHint: 'Install it with brew.' } }),
    );
    const missingReader = await openCluster(options(missing));
    await assert.rejects(missingReader.version(), {
      message: 'getting credentials for user "someone": exec: executable no-such-plugin-pullguard not found',
      hint: 'Install it with brew.',
    });
  });

  it('says in one line that the server cannot be reached', async () => {
    const cp = controlPlane();
    const kubeconfig = await writeJsonKubeconfig(join(dir, 'unreachable.kubeconfig'), configFor(cp, { token: 'x' }, { server: 'https://127.0.0.1:1' }));
    const reader = await openCluster(options(kubeconfig));
    await assert.rejects(reader.version(), {
      name: 'ClusterUnreachable',
      message: 'cannot reach the API server https://127.0.0.1:1 of context "test": connection refused',
    });
  });

  it('refuses a server whose certificate the kubeconfig does not trust, and bad credentials', async () => {
    const cp = controlPlane();
    const untrusted = await writeJsonKubeconfig(join(dir, 'untrusted.kubeconfig'), configFor(cp, { token: cp.adminToken }, { 'certificate-authority-data': undefined }));
    await assert.rejects((await openCluster(options(untrusted))).version(), {
      message: `cannot reach the API server ${cp.server} of context "test": TLS: certificate signed by unknown authority`,
    });
    const wrongToken = await writeJsonKubeconfig(join(dir, 'wrong-token.kubeconfig'), configFor(cp, { token: 'not-a-token' }));
    await assert.rejects((await openCluster(options(wrongToken))).nodes(), {
      message: `the API server ${cp.server} refused the credentials of user "someone" (401 Unauthorized)`,
    });
    const insecure = await writeJsonKubeconfig(join(dir, 'insecure.kubeconfig'), configFor(cp, { token: cp.adminToken }, { 'certificate-authority-data': undefined, 'insecure-skip-tls-verify': true }));
    assert.ok('value' in (await (await openCluster(options(insecure))).nodes()));
    const named = await writeJsonKubeconfig(
      join(dir, 'server-name.kubeconfig'),
      configFor(cp, { token: cp.adminToken }, { server: cp.server.replace('127.0.0.1', 'localhost'), 'tls-server-name': 'kubernetes.default.svc' }),
    );
    assert.ok('value' in (await (await openCluster(options(named))).nodes()));
  });

  it('goes through proxy-url, and through HTTPS_PROXY for a server that is not loopback', async () => {
    const cp = controlPlane();
    const tunnels: string[] = [];
    const proxy = createHttpServer();
    proxy.on('connect', (request, client: import('node:net').Socket) => {
      tunnels.push(request.url ?? '');
      // Whatever host the client asked for, the tunnel leads to the control plane.
      const upstream = connectTcp(Number(new URL(cp.server).port), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const viaProxyUrl = await writeJsonKubeconfig(join(dir, 'proxy.kubeconfig'), configFor(cp, { token: cp.adminToken }, { 'proxy-url': proxyUrl }));
      const reader = await openCluster(options(viaProxyUrl));
      assert.ok('value' in (await reader.nodes()));
      assert.ok('value' in (await reader.version()));
      await reader.close();
      assert.deepEqual(tunnels, [`127.0.0.1:${new URL(cp.server).port}`], 'one tunnel, reused');
      // kubernetes.default.svc is a name the serving certificate has; the proxy resolves it.
      const named = await writeJsonKubeconfig(join(dir, 'env-proxy.kubeconfig'), configFor(cp, { token: cp.adminToken }, { server: 'https://kubernetes.default.svc:6443' }));
      const envReader = await openCluster({ ...options(named), env: { HOME: dir, HTTPS_PROXY: proxyUrl } });
      assert.ok('value' in (await envReader.nodes()));
      await envReader.close();
      assert.deepEqual(tunnels.slice(1), ['kubernetes.default.svc:6443']);
    } finally {
      proxy.close();
    }
  });

  it('uses the in-cluster service account when no kubeconfig exists', async () => {
    const cp = controlPlane();
    const serviceAccountDir = join(dir, 'serviceaccount');
    await writeJsonKubeconfig(join(serviceAccountDir, 'unused'), {});
    await writeFile(join(serviceAccountDir, 'token'), `${cp.adminToken}\n`);
    await writeFile(join(serviceAccountDir, 'ca.crt'), cp.caCertPem);
    await writeFile(join(serviceAccountDir, 'namespace'), 'apps');
    const { port } = new URL(cp.server);
    const reader = await openCluster({
      env: { HOME: join(dir, 'no-home'), KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: port },
      cwd: dir,
      serviceAccountDir,
      stdinIsTerminal: false,
    });
    try {
      assert.deepEqual(reader.context, { name: 'in-cluster', namespace: 'apps', cluster: { name: 'in-cluster', server: `https://127.0.0.1:${port}` }, user: { name: 'in-cluster', exec: null } });
      assert.ok('value' in (await reader.nodes()));
    } finally {
      await reader.close();
    }
  });
});

describe('openCluster against misbehaving servers', () => {
  it('records a timeout as an unknown fact', async () => {
    // Accepts connections and never answers (not even the TLS handshake).
    const sockets: import('node:net').Socket[] = [];
    const server = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const kubeconfig = await writeJsonKubeconfig(join(dir, 'silent.kubeconfig'), {
        clusters: [{ name: 's', cluster: { server: `https://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true } }],
        users: [{ name: 'u', user: { token: 't' } }],
        contexts: [{ name: 's', context: { cluster: 's', user: 'u' } }],
        'current-context': 's',
      });
      const reader = await openCluster(options(kubeconfig, { requestTimeoutMs: 300 }));
      assert.deepEqual(await reader.nodes(), { unknown: 'timeout: list nodes after 0.3 s' });
      await reader.close();
    } finally {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });

  it('retries 429 and 503 after Retry-After', async () => {
    let calls = 0;
    const server = createHttpServer((request, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' }).end('{"kind":"Status","message":"too many"}');
        return;
      }
      if (calls === 2) {
        response.writeHead(503, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ gitVersion: 'v1.99.0', path: request.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const kubeconfig = await writeJsonKubeconfig(join(dir, 'flaky.kubeconfig'), {
        clusters: [{ name: 'f', cluster: { server: `http://127.0.0.1:${port}/prefix` } }],
        users: [{ name: 'u', user: {} }],
        contexts: [{ name: 'f', context: { cluster: 'f', user: 'u' } }],
        'current-context': 'f',
      });
      const reader = await openCluster(options(kubeconfig));
      assert.deepEqual(await reader.version(), { value: { gitVersion: 'v1.99.0', path: '/prefix/version' } });
      assert.equal(calls, 3);
      await reader.close();
    } finally {
      server.close();
    }
  });
});
