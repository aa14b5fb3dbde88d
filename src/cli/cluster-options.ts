// The flags of every command that reads a cluster (kubectl's names), and opening the reader they
// name: a snapshot file, else the live cluster of the kubeconfig context. The gateways load lazily
// so that commands which do not read a cluster never pay for them.
import { Option, type Command } from '@commander-js/extra-typings';
import type { ClusterReader } from '../facts/cluster-reader.js';
import type { CliIo } from './io.js';

export interface ClusterFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  snapshot?: string;
}

/**
 * Adds --kubeconfig, --context, -n/--namespace and --snapshot (commands add -A themselves where it
 * means something). A command that must talk to a live cluster passes `snapshot: false`: the flag
 * stays out of its help but is still parsed, so that it can say why it refuses one.
 */
export function withClusterOptions<C extends Command<any, any, any>>(command: C, options: { snapshot?: boolean } = {}): C {
  const snapshot = new Option('--snapshot <file>', 'read the cluster facts from a file written by `pullguard snapshot` instead of the cluster');
  return command
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, else ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: the current context)')
    .option('-n, --namespace <namespace>', "namespace (default: the context's namespace, else default)")
    .addOption(options.snapshot === false ? snapshot.hideHelp() : snapshot) as C;
}

export async function openClusterReader(flags: ClusterFlags, io: CliIo): Promise<ClusterReader> {
  if (flags.snapshot !== undefined) {
    const { loadSnapshot } = await import('../gateways/files/load-snapshot.js');
    const { resolve } = await import('node:path');
    const reader = loadSnapshot(resolve(io.cwd, flags.snapshot), flags.snapshot);
    return flags.namespace === undefined ? reader : { ...reader, context: { ...reader.context, namespace: flags.namespace } };
  }
  const { openCluster } = await import('../gateways/kube/open-cluster.js');
  return openCluster({
    env: io.env,
    cwd: io.cwd,
    ...(flags.kubeconfig === undefined ? {} : { kubeconfig: flags.kubeconfig }),
    ...(flags.context === undefined ? {} : { context: flags.context }),
    ...(flags.namespace === undefined ? {} : { namespace: flags.namespace }),
  });
}
