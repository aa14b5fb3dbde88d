// gateways/kube/: the only code that speaks to an API server (kubeconfig, HTTP client, exec plugins).
// Opens the cluster of a kubeconfig context as a ClusterReader.
import type { ClusterReader } from '../../facts/cluster-reader.js';
import { UsageError } from '../../shared/errors.js';

export interface OpenClusterOptions {
  /** `--kubeconfig FILE`; else `KUBECONFIG` (several files merged), else ~/.kube/config, else in-cluster. */
  kubeconfig?: string;
  /** `--context NAME`; else the kubeconfig's current-context. */
  context?: string;
  /** `-n NAME`; else the context's namespace, else `default`. */
  namespace?: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export async function openCluster(_options: OpenClusterOptions): Promise<ClusterReader> {
  throw new UsageError('reading a live cluster is not available yet', { hint: 'Use --snapshot FILE.' });
}
