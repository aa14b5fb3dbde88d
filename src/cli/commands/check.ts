// `pullguard check`: options, help and the call into commands/check.
import { Option } from '@commander-js/extra-typings';
import type { Command } from '@commander-js/extra-typings';
import { FAIL_ON_LEVELS } from '../../core/fail-on.js';
import { UNVERIFIED_POLICIES } from '../../core/unverified-policy.js';
import { TARGET_IDS } from '../../detect/target-profile.js';
import { FORMAT_NAMES } from '../../formatters/formatter.js';
import { oneOf } from '../choice.js';
import type { CliContext } from '../cli-context.js';
import { withClusterOptions, type ClusterFlags } from '../cluster-options.js';
import type { CliIo } from '../io.js';
import { collect, duration, platformList, positiveInteger } from '../option-parsers.js';
import { printReport, reportModules } from '../print-report.js';

const EXAMPLES_CHECK = `
Examples:
  $ pullguard check k8s/ --target aks                     lint, then ask every image's registry
  $ pullguard check k8s/ --platform linux/amd64,linux/arm64
  $ pullguard check deploy.yaml --pull-secret secrets/regcred.yaml -o json
  $ helm template . | pullguard check - --target eks
  $ pullguard check k8s/ --context kind-dev              against the cluster: namespaces, secrets, nodes
  $ pullguard check k8s/ --snapshot cluster.json         the same, from \`pullguard snapshot -o cluster.json\`

Against a cluster (--snapshot, --context, --kubeconfig, or without --target the kubeconfig's
current context; --no-cluster stays offline): the cluster type is detected (--target overrides
it) and check reads, once, the namespaces the workloads deploy into (missing, Terminating), their
ServiceAccounts and pull secrets (the registry checks use those secrets' credentials, in memory
only), the nodes' platforms (unless --platform) and images. On a local cluster, images the nodes
must already have are looked up in this machine's docker, with the command that loads them.
What could not be read (forbidden, timeout) is listed as unknown with the reason. See
docs/check-cluster.md.

What it asks: for every distinct image a node would pull, its registry (or the mirrors configured
in .pullguard.yaml), with the credentials the nodes will use: the pod's imagePullSecrets, else its
service account's, found among the manifests checked and the --pull-secret files
(kubernetes.io/dockerconfigjson and kubernetes.io/dockercfg Secrets). Without a matching secret
the check is anonymous, as the pull will be. Images whose registry the target's nodes read with
their own identity (ACR on AKS, ECR on EKS, Artifact Registry on GKE) that the registry refuses
from here are reported as "cannot be verified from here", not as failures.
When a check is refused, pullguard also tries the credential docker on this machine uses
(~/.docker/config.json, credential helpers) and says whether the nodes lack that access; disable
with --no-docker-config. Secret values are never printed.

Registry findings have the rule id image-pull; their "cause" says why (image-not-found,
unauthorized, platform-mismatch, ...): pullguard explain CAUSE-ID.
Images not verified: a check that failed only between this machine and the registry (dns-error,
connection-refused, network-timeout, tls-error, http-vs-https, rate-limited, registry-server-error,
or the --timeout budget ran out) says nothing about the nodes. By default (--unverified fail) any
such image makes the exit code 1, so that a CI runner that could not reach the registries does not
pass having verified nothing; --unverified allow (or "unverified: allow" in .pullguard.yaml) lets
the findings alone decide. Registries the nodes read with their own identity never count.
Settings in .pullguard.yaml: platforms: [linux/amd64], registries: {HOST: {plainHttp, caFile, mirrors}}, unverified: fail|allow.
Exit codes: 0 nothing at or above --fail-on and every image verified (or --unverified allow),
1 findings at or above --fail-on, or images not verified, 2 usage or configuration error.`;

export function registerCheck(program: Command, cli: CliContext): void {
  withClusterOptions(program
    .command('check'))
    .summary('lint, then ask the registries whether the nodes can pull every image')
    .description(
      'The preflight without a cluster: lint, plus a registry check of every distinct image with the credentials the nodes will use ' +
        '(existence, credentials, platforms). Every failed check is a finding at the image\'s file:line:column.',
    )
    .argument('[paths...]', 'files, directories (searched recursively for .yaml, .yml, .json) or - for stdin', ['.'])
    .addOption(new Option('-t, --target <target>', 'the kind of cluster the manifests are for (default: the detected one when check reads a cluster, else target of .pullguard.yaml, else remote)').choices(TARGET_IDS).argParser(oneOf('target', TARGET_IDS)))
    .addOption(new Option('-o, --format <format>', 'output format').choices(FORMAT_NAMES).argParser(oneOf('format', FORMAT_NAMES)).default('text' as const))
    .addOption(new Option('--fail-on <level>', 'lowest severity that makes the exit code 1 (default: failOn of .pullguard.yaml, else error)').choices(FAIL_ON_LEVELS).argParser(oneOf('level', FAIL_ON_LEVELS)))
    .option('-c, --config <file>', 'settings file (default: the nearest .pullguard.yaml)')
    .option('--platform <list>', 'node platforms the images must provide, comma-separated (default: platforms of .pullguard.yaml, else linux/amd64)', platformList)
    .option('--pull-secret <file>', 'a file of Secrets (and ServiceAccounts) the pods use that is not among the paths; repeatable', collect)
    .option('--concurrency <n>', 'registry checks in flight at once (default 16)', positiveInteger)
    .option('--timeout <duration>', 'time for all registry checks together, e.g. 30s (default 60s)', duration)
    .option('--no-docker-config', "do not compare refused checks with this machine's docker credentials")
    .addOption(
      new Option('--unverified <policy>', 'images that could not be verified from this machine: fail (exit code 1) or allow (default: unverified of .pullguard.yaml, else fail)')
        .choices(UNVERIFIED_POLICIES)
        .argParser(oneOf('policy', UNVERIFIED_POLICIES)),
    )
    .option('--no-cluster', "never read a cluster, even when the kubeconfig has a current context")
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never use colour')
    .addHelpText('after', EXAMPLES_CHECK)
    .action(async (paths, commandOptions) => {
      // withClusterOptions adds its flags at run time; its type keeps the command's own.
      const options = commandOptions as typeof commandOptions & ClusterFlags;
      void reportModules().catch(() => undefined);
      const [{ check }, { progressLine }, { walkProgressLine }, { hintIfStdinIsTerminal }] = await Promise.all([
        import('../../commands/check.js'),
        import('../progress-line.js'),
        import('../walk-progress.js'),
        import('../stdin-hint.js'),
      ]);
      const progress = progressLine(cli.io.stderr, 'pullguard: checking images');
      const walking = walkProgressLine(cli.io.stderr);
      hintIfStdinIsTerminal(paths, cli.io.stdin, cli.io.stderr);
      const cluster = await clusterToRead(options, options.target === undefined && options.cluster, cli.io);
      cli.exitCode = await printReport(cli.io, cli.argv, options, (config) =>
        check({
          ...(cluster === undefined ? {} : { cluster }),
          onProgress: (done, total) => {
            walking.clear();
            progress.update(done, total);
          },
          onWalkProgress: (walked) => walking.update(walked),
          paths,
          config,
          cwd: cli.io.cwd,
          stdin: cli.io.stdin,
          env: cli.io.env,
          ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
          compareDockerConfig: options.dockerConfig,
          ...(options.target === undefined ? {} : { target: options.target }),
          ...(options.platform === undefined ? {} : { platforms: options.platform }),
          ...(options.pullSecret === undefined ? {} : { pullSecretFiles: options.pullSecret }),
          ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
          ...(options.timeout === undefined ? {} : { timeoutMs: options.timeout }),
          ...(options.unverified === undefined ? {} : { unverified: options.unverified }),
        }).finally(() => {
          walking.clear();
          progress.clear();
        }),
      );
    });
}

/**
 * The cluster check reads: the one the flags name (failing to open it is an error), else, without
 * --target and --no-cluster, the kubeconfig's current context when there is one (failing to open
 * it leaves check offline, with a note). No kubeconfig and no flags: offline, as always.
 */
async function clusterToRead(flags: ClusterFlags, implicit: boolean, io: CliIo) {
  const { openClusterReader } = await import('../cluster-options.js');
  if (flags.snapshot !== undefined || flags.context !== undefined || flags.kubeconfig !== undefined) return openClusterReader(flags, io);
  if (!implicit) return undefined;
  const { kubeconfigCurrentContext } = await import('../../gateways/files/kubeconfig-current-context.js');
  const context = kubeconfigCurrentContext(io.env, io.cwd);
  if (context === undefined) return undefined;
  try {
    const reader = await openClusterReader(flags, io);
    // An unreachable server or refused credentials fail every request: found out here, with one
    // request, so that an implicit context never turns an offline check into an error.
    await reader.version();
    return reader;
  } catch (error) {
    io.stderr.write(`pullguard: not reading the cluster of context ${context} (${(error as Error).message}); checking without it (--no-cluster silences this)\n`);
    return undefined;
  }
}
