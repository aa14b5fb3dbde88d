// `pullguard deploy`: options, help, progress on a terminal or plain lines, the JSON record, exit codes.
import { Option } from '@commander-js/extra-typings';
import type { Command } from '@commander-js/extra-typings';
import { TARGET_IDS } from '../../detect/target-profile.js';
import { oneOf } from '../choice.js';
import type { CliContext } from '../cli-context.js';
import { withClusterOptions, type ClusterFlags } from '../cluster-options.js';
import { duration } from '../option-parsers.js';

const FORMATS = ['text', 'json'] as const;

const EXAMPLES_DEPLOY = `
Examples:
  $ pullguard deploy k8s/                               preflight, dry-run, apply, watch
  $ pullguard deploy k8s/ --rollback --timeout 5m       restore what was there if the rollout fails
  $ pullguard deploy k8s/ --target kind --load          load local images into kind first
  $ pullguard deploy k8s/ -o json > deploy-record.json  the deploy record (docs/deploy-record.schema.json)

What it does (docs/deploy.md): runs the preflight (check) and stops on errors unless --force;
--load runs the target's load command for the images; dry-runs every object server-side and
reports all rejections at once; records what was there; applies in dependency order (server-side
apply, field manager pullguard); watches each rollout (watch API) and stops at the first pull
failure of a new pod with the cause: deterministic causes at once, transient ones after ${3}
failed attempts or --transient-grace. A CronJob is not waited for (--trigger-cronjobs runs it
now), nor an operator's kind (--wait-operator-pods waits for one of its pods to start).
Exit codes: 0 rolled out, 1 a pull failure (or preflight errors), 2 usage, configuration or a
rejected object, 3 another rollout failure or --timeout, 4 the rollback failed.`;

export function registerDeploy(program: Command, cli: CliContext): void {
  withClusterOptions(
    program
      .command('deploy')
      .summary('apply manifests and watch the rollout; stop at the first pull error with its cause')
      .description('Preflight, server-side dry-run, apply in dependency order, and watch every rollout; a new pod that cannot pull its image stops the deploy with a diagnosis.')
      .argument('[paths...]', 'files, directories (searched recursively for .yaml, .yml, .json) or - for stdin', ['.'])
      .addOption(new Option('-t, --target <target>', 'the kind of cluster (default: the detected one, as `pullguard detect` says; remote when unsure)').choices(TARGET_IDS).argParser(oneOf('target', TARGET_IDS)))
      .addOption(new Option('-o, --format <format>', 'text, or json: the deploy record on stdout').choices(FORMATS).argParser(oneOf('format', FORMATS)).default('text' as const))
      .option('-c, --config <file>', 'settings file (default: the nearest .pullguard.yaml)')
      .option('--force', 'deploy even when the preflight finds errors (they are printed)')
      .option('--force-conflicts', 'take fields that other field managers own (server-side apply force)')
      .option('--create-namespace', 'create namespaces the objects name that do not exist')
      .option('--load', "load the workloads' images onto the nodes with the target's load command first (kind, minikube, k3d, ...)")
      .option('--rollback', 'on failure, after recording the evidence, restore what was there and watch until it is available')
      .option('--trigger-cronjobs', 'start one Job from each applied CronJob now (as kubectl create job --from=cronjob/NAME) and watch it to completion')
      .option('--wait-operator-pods', 'for kinds an operator runs pods for (Argo Workflows, Tekton, KubeVirt, Spark, Flink, ...), wait until a pod of each has started')
      .option('--timeout <duration>', 'time for the rollouts, e.g. 5m (default 10m)', duration)
      .option('--transient-grace <duration>', 'how long transient pull failures may last (default 90s)', duration),
    { snapshot: false },
  )
    .addHelpText('after', EXAMPLES_DEPLOY)
    .action(async (paths, parsed) => {
      const options = parsed as typeof parsed & ClusterFlags;
      if (options.snapshot !== undefined) {
        cli.io.stderr.write('pullguard deploy: --snapshot cannot be used: deploy writes to a live cluster\n');
        cli.exitCode = 2;
        return;
      }
      const [{ deploy }, { openClusterWriter }, { openCluster }, { loadConfig }, { RULES }, { deployProgress }, { loadImages }] = await Promise.all([
        import('../../commands/deploy.js'),
        import('../../gateways/kube/open-cluster-writer.js'),
        import('../../gateways/kube/open-cluster.js'),
        import('../../gateways/files/load-config.js'),
        import('../../rules/index.js'),
        import('../deploy-progress.js'),
        import('../load-images.js'),
      ]);
      const config = await loadConfig({ cwd: cli.io.cwd, knownRuleIds: RULES.map((r) => r.meta.id), ...(options.config === undefined ? {} : { explicitPath: options.config }) });
      const where = {
        env: cli.io.env,
        cwd: cli.io.cwd,
        ...(options.kubeconfig === undefined ? {} : { kubeconfig: options.kubeconfig }),
        ...(options.context === undefined ? {} : { context: options.context }),
        ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
      };
      const writer = openClusterWriter(where);
      const reader = await openCluster(where);
      const json = options.format === 'json';
      // The record is stdout's in JSON mode; what people read goes to stderr then.
      const human = json ? cli.io.stderr : cli.io.stdout;
      const progress = deployProgress(human);
      try {
        const { record, exitCode } = await deploy({
          paths,
          cwd: cli.io.cwd,
          stdin: cli.io.stdin,
          config,
          writer,
          cluster: reader,
          namespace: writer.resolved.namespace,
          context: writer.resolved.contextName,
          server: writer.resolved.cluster.server,
          env: cli.io.env,
          force: options.force === true,
          forceConflicts: options.forceConflicts === true,
          createNamespace: options.createNamespace === true,
          rollback: options.rollback === true,
          triggerCronJobs: options.triggerCronjobs === true,
          waitForOperatorPods: options.waitOperatorPods === true,
          ...(options.target === undefined ? {} : { target: options.target }),
          ...(options.timeout === undefined ? {} : { timeoutMs: options.timeout }),
          ...(options.transientGrace === undefined ? {} : { transientGraceMs: options.transientGrace }),
          ...(options.load === true ? { load: (target, images, clusterName) => loadImages(target, images, clusterName, cli.io.env, (text) => progress.say(text)) } : {}),
          say: (text) => progress.say(text),
          onProgress: (p) => progress.update(p),
        });
        progress.clear();
        if (json) cli.io.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
        cli.exitCode = exitCode;
      } finally {
        progress.clear();
        await Promise.all([writer.close(), reader.close()]);
      }
    });
}
