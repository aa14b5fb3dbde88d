// gateways/kube/: the only code that speaks to an API server (kubeconfig, HTTP client, exec plugins).
// Opens the cluster of a kubeconfig context as a ClusterReader: every fact is read on demand, a
// 403, a 404 of an unserved resource or a timeout becomes `{unknown: reason}`, and what makes
// every request fail (unreachable server, untrusted certificate, refused credentials, a failing
// exec plugin) is thrown as one line.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { ConfigMap, Namespace, Node, Pod, Secret, ServiceAccount } from 'kubernetes-types/core/v1.js';
import type { ClusterFact, ClusterReader, ListScope } from '../../facts/cluster-reader.js';
import type { ClusterContext, ClusterEvent, ServerVersion } from '../../facts/cluster-snapshot.js';
import { resolveContext, type ResolvedContext } from '../../k8s/kubeconfig/index.js';
import { ApiClient, DEFAULT_API_CLIENT_OPTIONS } from './api-client.js';
import { FactUnavailable } from './api-errors.js';
import { inClusterContext, inClusterPossible, SERVICE_ACCOUNT_DIR } from './in-cluster.js';
import { loadKubeconfig } from './load-kubeconfig.js';
import { pullSecretCredentials, summariseSecret } from './secret-summary.js';

export interface OpenClusterOptions {
  /** `--kubeconfig FILE`; else `KUBECONFIG` (several files merged), else ~/.kube/config, else in-cluster. */
  kubeconfig?: string;
  /** `--context NAME`; else the kubeconfig's current-context. */
  context?: string;
  /** `-n NAME`; else the context's namespace, else `default`. */
  namespace?: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Where a pod's service account is mounted (tests give their own). */
  serviceAccountDir?: string;
  /** Whether an exec plugin may ask the user (interactiveMode IfAvailable / Always). Default: process.stdin.isTTY. */
  stdinIsTerminal?: boolean;
  /** Budget of each call (a GET, or every page of a LIST); default 10 s. */
  requestTimeoutMs?: number;
  /** Items per page of a LIST; default 500 as kubectl. */
  pageSize?: number;
  /** Called before every HTTP request (benches and tests count them). */
  onRequest?: (path: string) => void;
}

/** A live ClusterReader; `close()` ends its connections (the CLI exits anyway). */
export interface LiveClusterReader extends ClusterReader {
  readonly resolved: ResolvedContext;
  close(): Promise<void>;
}

export async function openCluster(options: OpenClusterOptions): Promise<LiveClusterReader> {
  const { resolved, client } = openApiClient(options);
  return liveReader(resolved, client);
}

/** The context resolved as kubectl resolves it, and a client for it (the reader's and the writer's). */
export function openApiClient(options: OpenClusterOptions): { resolved: ResolvedContext; client: ApiClient } {
  const resolved = resolveClusterContext(options);
  const client = new ApiClient(resolved, {
    env: options.env,
    stdinIsTerminal: options.stdinIsTerminal ?? process.stdin.isTTY === true,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_API_CLIENT_OPTIONS.requestTimeoutMs,
    maxRetries: DEFAULT_API_CLIENT_OPTIONS.maxRetries,
    maxRetryDelayMs: DEFAULT_API_CLIENT_OPTIONS.maxRetryDelayMs,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }),
  });
  return { resolved, client };
}

/** The context a command would use, as kubectl resolves it (files merged, flags applied, in-cluster last). */
export function resolveClusterContext(options: OpenClusterOptions): ResolvedContext {
  const config = loadKubeconfig({ env: options.env, cwd: options.cwd, ...(options.kubeconfig === undefined ? {} : { explicit: options.kubeconfig }) });
  const serviceAccountDir = options.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  const nothingConfigured = options.kubeconfig === undefined && options.context === undefined && config.currentContext === undefined && config.contexts.size === 0;
  if (nothingConfigured && inClusterPossible(options.env, serviceAccountDir)) {
    return inClusterContext(options.env, serviceAccountDir, options.namespace);
  }
  return resolveContext(config, {
    ...(options.context === undefined ? {} : { context: options.context }),
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
  });
}

export function clusterContextOf(resolved: ResolvedContext): ClusterContext {
  const exec = resolved.user.exec;
  return {
    name: resolved.contextName,
    namespace: resolved.namespace,
    cluster: { name: resolved.clusterName, server: resolved.cluster.server },
    user: { name: resolved.userName, exec: exec === undefined ? null : { command: exec.command, args: exec.args } },
  };
}

function liveReader(resolved: ResolvedContext, client: ApiClient): LiveClusterReader {
  const list = <T>(resource: string, scope: ListScope | undefined, group?: { path: string; name: string }): Promise<ClusterFact<T[]>> => {
    const namespace = scope?.namespace;
    const base = group?.path ?? '/api/v1';
    const path = namespace === undefined ? `${base}/${resource}` : `${base}/namespaces/${encodeURIComponent(namespace)}/${resource}`;
    // RBAC's names: `replicasets.apps` for a named group, the bare resource for the core group.
    const what = `list ${resource}${group === undefined ? '' : `.${group.name}`}${namespace === undefined ? '' : ` in namespace ${namespace}`}`;
    return fact(() => client.list<T>(path, { fieldSelector: scope?.fieldSelector, labelSelector: scope?.labelSelector }, what));
  };
  return {
    source: `context ${resolved.contextName}`,
    context: clusterContextOf(resolved),
    resolved,
    version: () => fact(() => client.get<ServerVersion>('/version', 'get /version')),
    apiGroups: () =>
      fact(async () => {
        const groups = await client.get<{ groups?: { name: string }[] }>('/apis', 'get /apis');
        return (groups.groups ?? []).map((group) => group.name);
      }),
    nodes: () => list<Node>('nodes', undefined),
    namespaces: () => list<Namespace>('namespaces', undefined),
    serviceAccounts: (scope) => list<ServiceAccount>('serviceaccounts', scope),
    pods: (scope) => list<Pod>('pods', scope),
    // core/v1 Events: the same objects as events.k8s.io/v1 (one storage, two shapes), and the
    // shape kubelet's pull messages are documented in.
    events: (scope) => list<ClusterEvent>('events', scope),
    replicaSets: (scope) => list<ReplicaSet>('replicasets', scope, APPS),
    jobs: (scope) => list<Job>('jobs', scope, BATCH),
    deployments: (scope) => list<Deployment>('deployments', scope, APPS),
    localRegistryHosting: () =>
      fact(async () => {
        try {
          return await client.get<ConfigMap>('/api/v1/namespaces/kube-public/configmaps/local-registry-hosting', 'get configmaps/local-registry-hosting in namespace kube-public');
        } catch (error) {
          if (error instanceof FactUnavailable && error.reason.startsWith('not found:')) return null;
          throw error;
        }
      }),
    secrets: async (scope) => {
      const secrets = await list<Secret>('secrets', scope);
      return 'value' in secrets ? { value: secrets.value.map(summariseSecret) } : secrets;
    },
    pullSecretCredentials: (namespace, name) =>
      fact(async () => {
        const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`;
        return pullSecretCredentials(await client.get<Secret>(path, `get secrets/${name} in namespace ${namespace}`));
      }),
    close: () => client.close(),
  };
}

const APPS = { path: '/apis/apps/v1', name: 'apps' };
const BATCH = { path: '/apis/batch/v1', name: 'batch' };

async function fact<T>(read: () => Promise<T>): Promise<ClusterFact<T>> {
  try {
    return { value: await read() };
  } catch (error) {
    if (error instanceof FactUnavailable) return { unknown: error.reason };
    throw error;
  }
}
