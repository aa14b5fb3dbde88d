// kubectl is the oracle of kubeconfig handling. On a table of kubeconfigs (merged files, relative
// paths, every kind of authentication, a broken file, a missing context), the gateway must pick the
// same context, cluster, user and namespace as kubectl from the same Kubernetes release as the
// control plane (`kubectl config view --minify --flatten`; for --namespace, the namespace of an
// object `kubectl create --dry-run=client` makes), and a request must succeed or fail for the same reason as
// `kubectl get --raw` with the same kubeconfig, against the real control plane.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExecPluginError } from '../../../src/gateways/kube/exec-plugin.js';
import { ClusterUnreachable } from '../../../src/gateways/kube/api-errors.js';
import { openCluster, resolveClusterContext, type OpenClusterOptions } from '../../../src/gateways/kube/open-cluster.js';
import { PullguardError } from '../../../src/shared/errors.js';
import { locateBinaries, sharedControlPlane, type ControlPlane } from '../../support/control-plane/index.js';
import { base64, clientCertificate, tokenCredential, writeExecPlugin } from '../../support/kubeconfig-fixtures.js';

const controlPlane = sharedControlPlane();
let root: string;
let kubectl: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'pullguard-oracle-'));
  kubectl = locateBinaries().kubectl;
  assert.ok(existsSync(kubectl), `kubectl is missing at ${kubectl}: run scripts/control-plane/build`);
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

type Outcome = 'ok' | 'forbidden' | 'unauthorized' | 'unreachable' | 'tls' | 'exec' | 'config';

interface Case {
  name: string;
  /** Files relative to the case's folder; YAML text (a function of the control plane). */
  files: (cp: ControlPlane, env: CaseEnv) => Promise<Record<string, string>> | Record<string, string>;
  /** KUBECONFIG entries (relative to the case folder), or --kubeconfig. */
  kubeconfigEnv?: string[];
  kubeconfigFlag?: string;
  context?: string;
  namespace?: string;
  /** The request: `/version` by default; the restricted user's forbidden list needs another. */
  path?: '/version' | '/api/v1/nodes';
  expected: Outcome;
}

interface CaseEnv {
  dir: string;
}

function yamlConfig(parts: { clusters?: unknown[]; users?: unknown[]; contexts?: unknown[]; current?: string }): string {
  return `${JSON.stringify({ apiVersion: 'v1', kind: 'Config', clusters: parts.clusters ?? [], users: parts.users ?? [], contexts: parts.contexts ?? [], ...(parts.current === undefined ? {} : { 'current-context': parts.current }) }, null, 2)}\n`;
}

const cluster = (cp: ControlPlane, name = 'cp', extra: Record<string, unknown> = {}): unknown => ({
  name,
  cluster: { server: cp.server, 'certificate-authority-data': base64(cp.caCertPem), ...extra },
});
const context = (name: string, clusterName: string, user: string, namespace?: string): unknown => ({
  name,
  context: { cluster: clusterName, user, ...(namespace === undefined ? {} : { namespace }) },
});

const CASES: Case[] = [
  {
    name: 'one file, admin token',
    files: (cp) => ({ 'config.yaml': yamlConfig({ clusters: [cluster(cp)], users: [{ name: 'admin', user: { token: cp.adminToken } }], contexts: [context('c', 'cp', 'admin')], current: 'c' }) }),
    kubeconfigFlag: 'config.yaml',
    expected: 'ok',
  },
  {
    name: 'two files: the first to define a name wins (whole entry), current-context from the first that sets it',
    files: (cp) => ({
      'a.yaml': yamlConfig({
        clusters: [cluster(cp, 'shared')],
        // A whole entry wins: the token here is wrong, and the second file's certificate for the
        // same user name is not merged into it.
        users: [{ name: 'me', user: { token: 'wrong-token' } }],
        contexts: [context('main', 'shared', 'me', 'from-a')],
      }),
      'b.yaml': yamlConfig({
        clusters: [{ name: 'shared', cluster: { server: 'https://127.0.0.1:1' } }],
        users: [{ name: 'me', user: { token: cp.adminToken } }],
        contexts: [context('main', 'shared', 'me', 'from-b')],
        current: 'main',
      }),
    }),
    kubeconfigEnv: ['a.yaml', 'b.yaml'],
    expected: 'unauthorized',
  },
  {
    name: 'two files in the other order',
    files: (cp) => ({
      'a.yaml': yamlConfig({ clusters: [cluster(cp, 'shared')], users: [{ name: 'me', user: { token: 'wrong-token' } }], contexts: [context('main', 'shared', 'me')], current: 'other' }),
      'b.yaml': yamlConfig({
        clusters: [{ name: 'shared', cluster: { server: 'https://127.0.0.1:1' } }],
        users: [{ name: 'me', user: { token: cp.adminToken } }],
        contexts: [context('main', 'shared', 'me', 'from-b'), context('other', 'shared', 'me', 'ns-other')],
        current: 'main',
      }),
    }),
    kubeconfigEnv: ['b.yaml', 'a.yaml'],
    expected: 'unreachable',
  },
  {
    name: 'a missing file in KUBECONFIG is skipped; the context lives in the third file',
    files: (cp) => ({
      'users.yaml': yamlConfig({ users: [{ name: 'admin', user: { token: cp.adminToken } }] }),
      'nested/clusters.yaml': yamlConfig({ clusters: [cluster(cp)], contexts: [context('c', 'cp', 'admin', 'team')], current: 'c' }),
    }),
    kubeconfigEnv: ['users.yaml', 'missing.yaml', 'nested/clusters.yaml'],
    expected: 'ok',
  },
  {
    name: 'relative certificate-authority, client-certificate and client-key resolve against their own file',
    files: async (cp, env) => {
      const cert = await clientCertificate(cp, join(env.dir, 'sub/pki'), 'oracle-admin', ['system:masters']);
      await writeFile(join(env.dir, 'sub/pki/ca.crt'), cp.caCertPem);
      return {
        'sub/config.yaml': yamlConfig({
          clusters: [{ name: 'cp', cluster: { server: cp.server, 'certificate-authority': 'pki/ca.crt' } }],
          users: [{ name: 'cert', user: { 'client-certificate': `pki/${cert.certPath.split('/').pop()}`, 'client-key': `pki/${cert.keyPath.split('/').pop()}` } }],
          contexts: [context('c', 'cp', 'cert')],
          current: 'c',
        }),
      };
    },
    kubeconfigEnv: ['sub/config.yaml'],
    path: '/api/v1/nodes',
    expected: 'ok',
  },
  {
    name: 'client certificate and key as data',
    files: async (cp, env) => {
      const cert = await clientCertificate(cp, join(env.dir, 'pki'), 'oracle-data', ['system:masters']);
      return {
        'config.yaml': yamlConfig({
          clusters: [cluster(cp)],
          users: [{ name: 'cert', user: { 'client-certificate-data': base64(cert.cert), 'client-key-data': base64(cert.key) } }],
          contexts: [context('c', 'cp', 'cert', 'data-ns')],
          current: 'c',
        }),
      };
    },
    kubeconfigFlag: 'config.yaml',
    path: '/api/v1/nodes',
    expected: 'ok',
  },
  {
    name: 'a relative tokenFile',
    files: async (cp, env) => {
      await mkdir(join(env.dir, 'secrets'), { recursive: true });
      await writeFile(join(env.dir, 'secrets/token'), `${cp.adminToken}\n`);
      return { 'config.yaml': yamlConfig({ clusters: [cluster(cp)], users: [{ name: 'admin', user: { tokenFile: 'secrets/token' } }], contexts: [context('c', 'cp', 'admin')], current: 'c' }) };
    },
    kubeconfigFlag: 'config.yaml',
    path: '/api/v1/nodes',
    expected: 'ok',
  },
  {
    name: '--context picks the restricted user, --namespace overrides the context',
    files: (cp) => ({
      'config.yaml': yamlConfig({
        clusters: [cluster(cp)],
        users: [{ name: 'admin', user: { token: cp.adminToken } }, { name: 'restricted', user: { token: cp.restrictedToken } }],
        contexts: [context('admin', 'cp', 'admin'), context('restricted', 'cp', 'restricted', 'ctx-ns')],
        current: 'admin',
      }),
    }),
    kubeconfigFlag: 'config.yaml',
    context: 'restricted',
    namespace: 'flag-ns',
    path: '/api/v1/nodes',
    expected: 'forbidden',
  },
  {
    name: 'insecure-skip-tls-verify without a CA',
    files: (cp) => ({
      'config.yaml': yamlConfig({ clusters: [{ name: 'cp', cluster: { server: cp.server, 'insecure-skip-tls-verify': true } }], users: [{ name: 'a', user: { token: cp.adminToken } }], contexts: [context('c', 'cp', 'a')], current: 'c' }),
    }),
    kubeconfigFlag: 'config.yaml',
    expected: 'ok',
  },
  {
    name: 'tls-server-name for a server address the certificate does not name',
    files: (cp) => ({
      'config.yaml': yamlConfig({
        clusters: [cluster(cp, 'cp', { server: cp.server.replace('127.0.0.1', 'localhost'), 'tls-server-name': 'kubernetes.default.svc' })],
        users: [{ name: 'a', user: { token: cp.adminToken } }],
        contexts: [context('c', 'cp', 'a')],
        current: 'c',
      }),
    }),
    kubeconfigFlag: 'config.yaml',
    expected: 'ok',
  },
  {
    name: 'a CA that did not sign the serving certificate',
    files: (cp) => ({
      'config.yaml': yamlConfig({ clusters: [{ name: 'cp', cluster: { server: cp.server } }], users: [{ name: 'a', user: { token: cp.adminToken } }], contexts: [context('c', 'cp', 'a')], current: 'c' }),
    }),
    kubeconfigFlag: 'config.yaml',
    expected: 'tls',
  },
  {
    name: 'an unreachable server',
    files: (cp) => ({
      'config.yaml': yamlConfig({ clusters: [{ name: 'gone', cluster: { server: 'https://127.0.0.1:1', 'certificate-authority-data': base64(cp.caCertPem) } }], users: [{ name: 'a', user: { token: 't' } }], contexts: [context('c', 'gone', 'a')], current: 'c' }),
    }),
    kubeconfigFlag: 'config.yaml',
    expected: 'unreachable',
  },
  {
    name: 'an exec plugin that succeeds, as a command relative to the kubeconfig',
    files: async (cp, env) => {
      await writeExecPlugin(join(env.dir, 'kube/bin/plugin'), { output: tokenCredential(cp.adminToken) }, join(env.dir, 'runs.jsonl'));
      return {
        'kube/config.yaml': yamlConfig({
          clusters: [cluster(cp)],
          users: [{ name: 'exec', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: './bin/plugin', args: ['get-token'], interactiveMode: 'Never' } } }],
          contexts: [context('c', 'cp', 'exec')],
          current: 'c',
        }),
      };
    },
    kubeconfigEnv: ['kube/config.yaml'],
    path: '/api/v1/nodes',
    expected: 'ok',
  },
  {
    name: 'an exec plugin that fails',
    files: async (cp, env) => {
      await writeExecPlugin(join(env.dir, 'plugin'), { exitCode: 1, stderr: 'not logged in\n' }, join(env.dir, 'runs.jsonl'));
      return {
        'config.yaml': yamlConfig({
          clusters: [cluster(cp)],
          users: [{ name: 'exec', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: join(env.dir, 'plugin') } } }],
          contexts: [context('c', 'cp', 'exec')],
          current: 'c',
        }),
      };
    },
    kubeconfigFlag: 'config.yaml',
    expected: 'exec',
  },
  {
    name: 'an exec plugin that prints no credential',
    files: async (cp, env) => {
      await writeExecPlugin(join(env.dir, 'plugin'), { output: { apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: {} } }, join(env.dir, 'runs.jsonl'));
      return {
        'config.yaml': yamlConfig({
          clusters: [cluster(cp)],
          users: [{ name: 'exec', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: join(env.dir, 'plugin'), interactiveMode: 'IfAvailable' } } }],
          contexts: [context('c', 'cp', 'exec')],
          current: 'c',
        }),
      };
    },
    kubeconfigFlag: 'config.yaml',
    expected: 'exec',
  },
  {
    name: 'a wrong token',
    files: (cp) => ({ 'config.yaml': yamlConfig({ clusters: [cluster(cp)], users: [{ name: 'a', user: { token: 'nope' } }], contexts: [context('c', 'cp', 'a')], current: 'c' }) }),
    kubeconfigFlag: 'config.yaml',
    expected: 'unauthorized',
  },
  {
    name: 'a broken file among several',
    files: (cp) => ({
      'good.yaml': yamlConfig({ clusters: [cluster(cp)], users: [{ name: 'a', user: { token: cp.adminToken } }], contexts: [context('c', 'cp', 'a')], current: 'c' }),
      'broken.yaml': 'apiVersion: v1\nclusters:\n- name: x\n  cluster: [\n',
    }),
    kubeconfigEnv: ['good.yaml', 'broken.yaml'],
    expected: 'config',
  },
  {
    name: 'a field of the wrong type',
    files: () => ({ 'config.yaml': 'apiVersion: v1\ncontexts:\n- name: c\n  context:\n    namespace: 5\n' }),
    kubeconfigFlag: 'config.yaml',
    expected: 'config',
  },
  {
    name: 'a missing context',
    files: (cp) => ({ 'config.yaml': yamlConfig({ clusters: [cluster(cp)], users: [{ name: 'a', user: { token: cp.adminToken } }], contexts: [context('c', 'cp', 'a')], current: 'c' }) }),
    kubeconfigFlag: 'config.yaml',
    context: 'nope',
    expected: 'config',
  },
  {
    name: 'a missing --kubeconfig file',
    files: () => ({}),
    kubeconfigFlag: 'not-there.yaml',
    expected: 'config',
  },
  {
    name: 'token and basic auth together',
    files: (cp) => ({ 'config.yaml': yamlConfig({ clusters: [cluster(cp)], users: [{ name: 'a', user: { token: cp.adminToken, username: 'u', password: 'p' } }], contexts: [context('c', 'cp', 'a')], current: 'c' }) }),
    kubeconfigFlag: 'config.yaml',
    expected: 'config',
  },
];

interface KubectlRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runKubectl(args: string[], env: Record<string, string>, cwd: string): Promise<KubectlRun> {
  return new Promise((resolve) => {
    execFile(kubectl, args, { env, cwd, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

function kubectlOutcome(run: KubectlRun): Outcome | `other: ${string}` {
  if (run.code === 0) return 'ok';
  const text = run.stderr;
  if (/getting credentials|exec plugin|executable .* failed/.test(text)) return 'exec';
  if (/\(Unauthorized\)/.test(text)) return 'unauthorized';
  if (/\(Forbidden\)|is forbidden/.test(text)) return 'forbidden';
  if (/x509|tls:/.test(text)) return 'tls';
  if (/was refused|connection refused/.test(text)) return 'unreachable';
  if (/error loading config file|does not exist|no such file|more than one authentication method|Error in configuration/.test(text)) return 'config';
  return `other: ${text.trim()}`;
}

async function gatewayOutcome(options: OpenClusterOptions, path: Case['path']): Promise<Outcome | `other: ${string}`> {
  try {
    const reader = await openCluster(options);
    try {
      const fact = path === '/api/v1/nodes' ? await reader.nodes() : await reader.version();
      if ('value' in fact) return 'ok';
      return fact.unknown.startsWith('forbidden:') ? 'forbidden' : `other: ${fact.unknown}`;
    } finally {
      await reader.close();
    }
  } catch (error) {
    if (error instanceof ExecPluginError) return 'exec';
    if (error instanceof ClusterUnreachable) {
      if (error.message.includes('(401 Unauthorized)')) return 'unauthorized';
      return error.message.includes(': TLS:') ? 'tls' : 'unreachable';
    }
    if (error instanceof PullguardError) return 'config';
    return `other: ${String(error)}`;
  }
}

describe('the gateway reads kubeconfigs as kubectl does', () => {
  let counter = 0;
  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const cp = controlPlane();
      counter += 1;
      const dir = join(root, `case-${counter}`);
      await mkdir(dir, { recursive: true });
      for (const [name, text] of Object.entries(await testCase.files(cp, { dir }))) {
        await mkdir(dirname(join(dir, name)), { recursive: true });
        await writeFile(join(dir, name), text);
      }
      const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: join(dir, 'home') };
      if (testCase.kubeconfigEnv !== undefined) env.KUBECONFIG = testCase.kubeconfigEnv.map((f) => join(dir, f)).join(delimiter);
      const flags = [
        ...(testCase.kubeconfigFlag === undefined ? [] : ['--kubeconfig', testCase.kubeconfigFlag]),
        ...(testCase.context === undefined ? [] : ['--context', testCase.context]),
      ];
      const options: OpenClusterOptions = {
        env,
        cwd: dir,
        stdinIsTerminal: false,
        serviceAccountDir: join(dir, 'no-service-account'),
        ...(testCase.kubeconfigFlag === undefined ? {} : { kubeconfig: testCase.kubeconfigFlag }),
        ...(testCase.context === undefined ? {} : { context: testCase.context }),
        ...(testCase.namespace === undefined ? {} : { namespace: testCase.namespace }),
      };

      // Resolution: what kubectl would use, with files inlined (which proves relative paths).
      const view = await runKubectl(['config', 'view', '--minify', '--flatten', '-o', 'json', ...flags], env, dir);
      if (view.code === 0 && testCase.expected !== 'config') {
        const config = JSON.parse(view.stdout) as {
          'current-context': string;
          contexts: { name: string; context: { cluster: string; user: string; namespace?: string } }[];
          clusters: { name: string; cluster: Record<string, unknown> }[];
          users: { name: string; user: Record<string, unknown> }[];
        };
        const resolved = resolveClusterContext(options);
        const kubectlContext = config.contexts[0];
        assert.equal(resolved.contextName, config['current-context']);
        assert.equal(resolved.clusterName, kubectlContext?.context.cluster);
        assert.equal(resolved.userName, kubectlContext?.context.user);
        const kubectlCluster = config.clusters[0]?.cluster ?? {};
        assert.equal(resolved.cluster.server, kubectlCluster.server);
        const ca = resolved.cluster.certificateAuthorityData ?? (resolved.cluster.certificateAuthority === undefined ? undefined : await readFile(resolved.cluster.certificateAuthority, 'utf8'));
        assert.equal(ca === undefined ? undefined : base64(ca), kubectlCluster['certificate-authority-data']);
        assert.equal(resolved.cluster.insecureSkipTlsVerify, kubectlCluster['insecure-skip-tls-verify'] === true);
        assert.equal(resolved.cluster.tlsServerName, kubectlCluster['tls-server-name']);
        const kubectlUser = config.users[0]?.user ?? {};
        assert.equal(resolved.user.token, kubectlUser.token);
        const cert = resolved.user.clientCertificateData ?? (resolved.user.clientCertificate === undefined ? undefined : await readFile(resolved.user.clientCertificate, 'utf8'));
        assert.equal(cert === undefined ? undefined : base64(cert), kubectlUser['client-certificate-data']);
        const execConfig = kubectlUser.exec as { command: string; args: string[] | null } | undefined;
        assert.deepEqual(resolved.user.exec?.args, execConfig === undefined ? undefined : (execConfig.args ?? []));
        // The namespace: the context's (as kubectl's minified view shows it, `default` when
        // unset), or --namespace, which kubectl puts on objects it creates.
        let namespace = kubectlContext?.context.namespace ?? 'default';
        if (testCase.namespace !== undefined) {
          const created = await runKubectl(
            ['create', 'serviceaccount', 'oracle', '--dry-run=client', '-o', 'jsonpath={.metadata.namespace}', ...flags, '--namespace', testCase.namespace],
            env,
            dir,
          );
          assert.equal(created.code, 0, created.stderr);
          namespace = created.stdout;
        }
        assert.equal(resolved.namespace, namespace);
      }

      // Requests: the same success or the same reason for failing.
      const path = testCase.path ?? '/version';
      const kubectlRun = await runKubectl(['get', '--raw', path, ...flags], env, dir);
      const expected = kubectlOutcome(kubectlRun);
      assert.equal(expected, testCase.expected, `kubectl: ${kubectlRun.stderr}`);
      assert.equal(await gatewayOutcome(options, path), expected);
    });
  }
});
