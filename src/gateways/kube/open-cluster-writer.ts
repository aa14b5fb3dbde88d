// Opens the cluster of a kubeconfig context for writing (deploy): the same context resolution,
// credentials and client as openCluster, behind the ClusterWriter interface.
import type { ClusterWriter } from '../../facts/cluster-writer.js';
import type { ResolvedContext } from '../../k8s/kubeconfig/index.js';
import { createClusterWriter, type ClusterWriterOptions } from './cluster-writer.js';
import { openApiClient, type OpenClusterOptions } from './open-cluster.js';

export interface LiveClusterWriter extends ClusterWriter {
  readonly resolved: ResolvedContext;
  close(): Promise<void>;
}

export function openClusterWriter(options: OpenClusterOptions & ClusterWriterOptions): LiveClusterWriter {
  const { resolved, client } = openApiClient(options);
  return { ...createClusterWriter(client, options.watchTimeoutSeconds === undefined ? {} : { watchTimeoutSeconds: options.watchTimeoutSeconds }), resolved, close: () => client.close() };
}
