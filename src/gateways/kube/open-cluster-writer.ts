// Opens the cluster of a kubeconfig context for writing (deploy): the same context resolution,
// credentials and client as openCluster, behind the ClusterWriter interface.
import type { ClusterWriter } from '../../facts/cluster-writer.js';
import type { ResolvedContext } from '../../k8s/kubeconfig/index.js';
import { ApiClient, DEFAULT_API_CLIENT_OPTIONS } from './api-client.js';
import { createClusterWriter } from './cluster-writer.js';
import { resolveClusterContext, type OpenClusterOptions } from './open-cluster.js';

export interface LiveClusterWriter extends ClusterWriter {
  readonly resolved: ResolvedContext;
  close(): Promise<void>;
}

export function openClusterWriter(options: OpenClusterOptions): LiveClusterWriter {
  const resolved = resolveClusterContext(options);
  const client = new ApiClient(resolved, {
    env: options.env,
    stdinIsTerminal: options.stdinIsTerminal ?? process.stdin.isTTY === true,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_API_CLIENT_OPTIONS.requestTimeoutMs,
    maxRetries: DEFAULT_API_CLIENT_OPTIONS.maxRetries,
    maxRetryDelayMs: DEFAULT_API_CLIENT_OPTIONS.maxRetryDelayMs,
    ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }),
  });
  return { ...createClusterWriter(client), resolved, close: () => client.close() };
}
