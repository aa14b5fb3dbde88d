// `pullguard detect`: options, help, the prompt, and the call into commands/detect.
import { Option } from '@commander-js/extra-typings';
import type { Command } from '@commander-js/extra-typings';
import { CLUSTER_TYPES } from '../../detect/cluster-type.js';
import { oneOf } from '../choice.js';
import type { CliContext } from '../cli-context.js';
import { openClusterReader, withClusterOptions, type ClusterFlags } from '../cluster-options.js';

const DETECT_FORMATS = ['text', 'json'] as const;

const EXAMPLES_DETECT = `
Examples:
  $ pullguard detect                              the cluster of the current context
  $ pullguard detect --context kind-dev -o json
  $ pullguard detect --snapshot cluster.json      offline, from \`pullguard snapshot -o cluster.json\`
  $ pullguard detect --cluster-type k3d           say what it is; the evidence is still listed

Types: ${CLUSTER_TYPES.join(', ')}.
It reads the kubeconfig context, /version, the API groups, the nodes and the ConfigMap
kube-public/local-registry-hosting; a read that is forbidden is shown as such and the answer comes
from the rest. When the evidence holds only hints the answer is "unknown-remote": a cluster wrongly
taken for local is what makes imagePullPolicy: Never fail. On a terminal (and without
--non-interactive) pullguard then asks once whether the cluster is local or remote and offers to save
the answer in .pullguard.yaml under clusters.CONTEXT.location.
Exit codes: 0 answered (whatever the confidence), 2 usage, configuration or connection error.
Documentation: docs/detect.md`;

export function registerDetect(program: Command, cli: CliContext): void {
  withClusterOptions(
    program
      .command('detect')
      .summary('what cluster the context points at, and how local images reach its nodes')
      .description(
        'Detects the kind of cluster (kind, minikube, k3d, AKS, EKS, ...) from evidence, says whether it runs on this machine and how ' +
          'images built here reach its nodes (shared daemon, a load command, a local registry, or a registry to push to). One line per piece of evidence.',
      ),
  )
    .addOption(new Option('-o, --format <format>', 'output format').choices(DETECT_FORMATS).argParser(oneOf('format', DETECT_FORMATS)).default('text' as const))
    .addOption(new Option('--cluster-type <type>', 'the kind of cluster, instead of the detected one').choices(CLUSTER_TYPES).argParser(oneOf('cluster type', CLUSTER_TYPES)))
    .option('--non-interactive', 'never ask, even on a terminal')
    .option('-c, --config <file>', 'settings file (default: the nearest .pullguard.yaml)')
    .addHelpText('after', EXAMPLES_DETECT)
    .action(async (options) => {
      const [{ detect, answer }, { detectionToJson, detectionToText }, { mayAsk, askClusterLocation }, { findConfigFile }] = await Promise.all([
        import('../../commands/detect.js'),
        import('../../detect/detection-output.js'),
        import('../ask-cluster-location.js'),
        import('../../gateways/files/load-config.js'),
      ]);
      const config = await loadClusterSettings(cli, options.config, findConfigFile);
      // withClusterOptions adds its flags past the typed chain; they are there at run time.
      const reader = await openClusterReader(options as ClusterFlags, cli.io);
      const result = await detect({
        reader,
        ...(options.clusterType === undefined ? {} : { clusterType: options.clusterType }),
        ...(config === undefined ? {} : { config }),
      }).finally(() => (reader as { close?: () => Promise<void> }).close?.());
      let detection = result.detection;
      if (result.unsure && mayAsk(cli.io, options.nonInteractive === true)) {
        const configName = options.config ?? '.pullguard.yaml';
        const reply = await askClusterLocation(cli.io, detection.context, configName);
        detection = answer(result, reply.location);
        if (reply.save) {
          const { saveClusterAnswer } = await import('../../gateways/files/save-cluster-answer.js');
          const { relative } = await import('node:path');
          const path = saveClusterAnswer({
            cwd: cli.io.cwd,
            context: detection.context,
            location: reply.location,
            ...(options.config === undefined ? {} : { explicitPath: options.config }),
          });
          cli.io.stderr.write(`pullguard: saved clusters.${JSON.stringify(detection.context)}.location: ${reply.location} in ${relative(cli.io.cwd, path) || path}\n`);
        }
      }
      cli.io.stdout.write(options.format === 'json' ? `${JSON.stringify(detectionToJson(detection), null, 2)}\n` : detectionToText(detection));
      cli.exitCode = 0;
    });
}

/**
 * The settings file is read only when there is one: its rule names are checked against the rules,
 * which would otherwise be loaded for nothing.
 */
async function loadClusterSettings(cli: CliContext, explicitPath: string | undefined, findConfigFile: (cwd: string) => string | undefined) {
  if (explicitPath === undefined && findConfigFile(cli.io.cwd) === undefined) return undefined;
  const [{ loadConfig }, { RULES }] = await Promise.all([import('../../gateways/files/load-config.js'), import('../../rules/index.js')]);
  return loadConfig({ cwd: cli.io.cwd, knownRuleIds: RULES.map((rule) => rule.meta.id), ...(explicitPath === undefined ? {} : { explicitPath }) });
}
