// Picking the context, cluster, user and namespace a command uses, from merged kubeconfig files and
// the flags (--context, --namespace), with client-go's validation (one authentication method, a
// complete exec plugin). Where kubectl falls back to http://localhost:8080 (no current context, a
// context naming a missing cluster or a cluster without a server) or prompts for a user name (a
// context naming a missing user), pullguard stops with the reason instead: a guessed cluster is
// what this tool exists to avoid.
import { ConfigError, UsageError } from '../../shared/errors.js';
import type { Kubeconfig, KubeconfigCluster, KubeconfigUser, Named, Origin } from './kubeconfig-types.js';

export interface ContextOverrides {
  /** `--context`. */
  context?: string;
  /** `--namespace`. */
  namespace?: string;
}

export interface ResolvedContext {
  contextName: string;
  /** --namespace, else the context's, else `default`. */
  namespace: string;
  clusterName: string;
  cluster: KubeconfigCluster & { server: string };
  userName: string;
  user: KubeconfigUser;
}

export function resolveContext(config: Kubeconfig, overrides: ContextOverrides = {}): ResolvedContext {
  const where = describeFiles(config.files);
  const contextName = overrides.context ?? config.currentContext;
  if (contextName === undefined || contextName === '') {
    throw new UsageError(`no current context in ${where}`, {
      hint: hintWithNames('Pass --context NAME', config.contexts),
    });
  }
  const context = config.contexts.get(contextName);
  if (context === undefined) {
    throw new UsageError(`context "${contextName}" does not exist in ${where}`, {
      hint: hintWithNames(overrides.context === undefined ? 'Fix current-context or pass --context NAME' : 'Pass another --context', config.contexts),
    });
  }
  const cluster = context.value.cluster === '' ? undefined : config.clusters.get(context.value.cluster);
  if (cluster === undefined) {
    fail(context.origin, context.value.cluster === '' ? `context "${contextName}" names no cluster` : `context "${contextName}" names cluster "${context.value.cluster}", which no kubeconfig file defines`);
  }
  const server = cluster.value.server;
  if (server === undefined || server === '') fail(cluster.origin, `cluster "${context.value.cluster}" has no server`);
  checkServer(server, cluster);
  const user = context.value.user === '' ? undefined : config.users.get(context.value.user);
  if (user === undefined) {
    fail(context.origin, context.value.user === '' ? `context "${contextName}" names no user` : `context "${contextName}" names user "${context.value.user}", which no kubeconfig file defines`);
  }
  checkUser(context.value.user, user);
  const namespace = nonEmpty(overrides.namespace) ?? nonEmpty(context.value.namespace) ?? 'default';
  return {
    contextName,
    namespace,
    clusterName: context.value.cluster,
    cluster: { ...cluster.value, server },
    userName: context.value.user,
    user: user.value,
  };
}

function checkServer(server: string, cluster: Named<KubeconfigCluster>): void {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    fail(cluster.origin, `server "${server}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(cluster.origin, `server "${server}" must be an https:// or http:// URL`);
  const proxy = cluster.value.proxyUrl;
  if (proxy !== undefined) {
    let proxyUrl: URL | undefined;
    try {
      proxyUrl = new URL(proxy);
    } catch {
      // reported below
    }
    if (proxyUrl === undefined || !['http:', 'https:', 'socks5:'].includes(proxyUrl.protocol)) {
      fail(cluster.origin, `proxy-url "${proxy}" must be an http://, https:// or socks5:// URL`);
    }
  }
}

/** client-go's validateAuthInfo: the combinations kubectl refuses. */
function checkUser(name: string, named: Named<KubeconfigUser>): void {
  const user = named.value;
  const methods: string[] = [];
  if (user.token !== undefined || user.tokenFile !== undefined) methods.push('token');
  if (user.username !== undefined || user.password !== undefined) methods.push('basicAuth');
  if (methods.length > 1) fail(named.origin, `more than one authentication method found for user "${name}": ${methods.join(', ')}; only one is allowed`);
  if ((user.clientCertificate !== undefined || user.clientCertificateData !== undefined) !== (user.clientKey !== undefined || user.clientKeyData !== undefined)) {
    fail(named.origin, `user "${name}" has a client certificate without its key, or a key without its certificate`);
  }
  if (user.authProvider !== undefined) {
    fail(named.origin, `user "${name}" uses auth-provider "${user.authProvider}", which kubectl no longer supports; use an exec credential plugin (for example kubelogin or gke-gcloud-auth-plugin)`);
  }
  const exec = user.exec;
  if (exec === undefined) return;
  if (exec.command === '') fail(named.origin, `command must be specified for user "${name}" to use exec authentication plugin`);
  if (exec.apiVersion === '') fail(named.origin, `apiVersion must be specified for user "${name}" to use exec authentication plugin`);
  if (!EXEC_API_VERSIONS.includes(exec.apiVersion)) {
    fail(named.origin, `exec plugin of user "${name}": apiVersion "${exec.apiVersion}" is not supported (expected ${EXEC_API_VERSIONS.join(' or ')})`);
  }
  if (exec.apiVersion === 'client.authentication.k8s.io/v1' && exec.interactiveMode === undefined) {
    fail(named.origin, `interactiveMode must be specified for user "${name}" to use exec authentication plugin`);
  }
}

export const EXEC_API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];

function fail(origin: Origin, message: string): never {
  throw new ConfigError(message, origin);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function describeFiles(files: readonly string[]): string {
  if (files.length === 0) return 'the kubeconfig';
  return files.length === 1 ? (files[0] as string) : `the kubeconfig files ${files.join(', ')}`;
}

function hintWithNames(action: string, contexts: ReadonlyMap<string, unknown>): string {
  const names = [...contexts.keys()].sort();
  return names.length === 0 ? `${action}; the kubeconfig defines no contexts.` : `${action}; contexts: ${names.join(', ')}.`;
}
