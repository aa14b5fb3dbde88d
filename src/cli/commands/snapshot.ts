// `pullguard snapshot`: options, help, and writing the file commands/snapshot captures.
import type { Command } from '@commander-js/extra-typings';
import type { CliContext } from '../cli-context.js';
import { withClusterOptions, type ClusterFlags } from '../cluster-options.js';

const EXAMPLES_SNAPSHOT = `
Examples:
  $ pullguard snapshot -o cluster.json                 the current context, its namespace
  $ pullguard snapshot -A -o cluster.json              namespaced lists from every namespace
  $ pullguard snapshot --context prod -n web -o prod.json
  $ pullguard snapshot -o - | gzip > cluster.json.gz
  $ pullguard detect --snapshot cluster.json           any cluster command, offline

What it holds (docs/snapshot.md, JSON Schema docs/snapshot.schema.json): the context (names, server,
exec plugin command), /version, API group names, nodes, namespaces, and the service accounts,
pods, events and secrets of the namespace (every namespace with -A), plus the
kube-public/local-registry-hosting ConfigMap. Secrets keep their metadata, type and the registry
hosts they hold credentials for: never a value, a user name or a token. What could not be read
(forbidden, timeout) is recorded under "unknown" with the reason, and the snapshot is still written.
Exit codes: 0 written, 2 usage, kubeconfig or connection error (nothing written).`;

export function registerSnapshot(program: Command, cli: CliContext): void {
  withClusterOptions(
    program
      .command('snapshot')
      .summary('save what pullguard reads of a cluster to a file, for --snapshot')
      .description('Reads the cluster of the kubeconfig context once, in parallel, and writes it as JSON: the file every cluster command reads with --snapshot FILE, offline.')
      .requiredOption('-o, --output <file>', 'where to write the snapshot (- for stdout)')
      .option('-A, --all-namespaces', 'namespaced lists from every namespace (default: the namespace of -n, else of the context)'),
  )
    .addHelpText('after', EXAMPLES_SNAPSHOT)
    .action(async (parsed) => {
      // withClusterOptions adds its flags untyped.
      const options = parsed as typeof parsed & ClusterFlags;
      const [{ openClusterReader }, { captureSnapshot, snapshotSummary, snapshotText }] = await Promise.all([
        import('../cluster-options.js'),
        import('../../commands/snapshot.js'),
      ]);
      const reader = await openClusterReader(options, cli.io);
      try {
        const snapshot = await captureSnapshot(reader, { allNamespaces: options.allNamespaces === true });
        const text = snapshotText(snapshot);
        if (options.output === '-') {
          cli.io.stdout.write(text);
          cli.io.stderr.write(snapshotSummary(snapshot, 'the snapshot to stdout'));
          return;
        }
        const [{ writeFile }, { resolve }] = await Promise.all([import('node:fs/promises'), import('node:path')]);
        await writeFile(resolve(cli.io.cwd, options.output), text, { mode: 0o600 });
        cli.io.stdout.write(snapshotSummary(snapshot, options.output));
      } finally {
        await (reader as { close?: () => Promise<void> }).close?.();
      }
    });
}
