// `pullguard diagnose`: options, help and the call into commands/diagnose.
import { Option } from '@commander-js/extra-typings';
import type { Command } from '@commander-js/extra-typings';
import { TARGET_IDS } from '../../detect/target-profile.js';
import { oneOf } from '../choice.js';
import type { CliContext } from '../cli-context.js';
import { openClusterReader, withClusterOptions, type ClusterFlags } from '../cluster-options.js';
import { duration } from '../option-parsers.js';
import { colorFlag } from '../print-report.js';

const DIAGNOSE_FORMATS = ['text', 'json'] as const;

const EXAMPLES_DIAGNOSE = `
Examples:
  $ pullguard diagnose -n shop                     why pods in namespace shop cannot pull
  $ pullguard diagnose -A --target aks             every namespace, with the fixes for AKS
  $ pullguard diagnose -A --snapshot cluster.json -o json
  $ pullguard diagnose -n shop --verify            confirm each cause with the pods' own pull secrets

What it reads: every pod whose containers, init containers or ephemeral containers wait with
ErrImagePull, ImagePullBackOff, ErrImageNeverPull, InvalidImageName, ImageInspectError,
RegistryUnavailable or SignatureValidationFailed, and pods whose sandbox (pause) image cannot be
pulled. The cause comes from the container status first, then the events; the runtime's own
words are printed verbatim beside it. When no record names the cause any more, it says so.
Full documentation: docs/diagnose.md.
Exit codes: 0 no pod is failing to pull, 1 pods cannot pull, 2 usage or cluster access error.`;

export function registerDiagnose(program: Command, cli: CliContext): void {
  withClusterOptions(
    program
      .command('diagnose')
      .summary('why pods cannot pull their images: cause, the runtime\'s words, the fix')
      .description(
        'Every pod that cannot pull an image, grouped by workload, image and cause, with attempt counts, first and last seen, ' +
          'the runtime\'s own message and the fix for this kind of cluster.',
      ),
  )
    .option('-A, --all-namespaces', 'every namespace')
    .addOption(new Option('-t, --target <target>', 'the kind of cluster, for the fixes (default: the detected one, as `pullguard detect` says; remote when unsure)').choices(TARGET_IDS).argParser(oneOf('target', TARGET_IDS)))
    .addOption(new Option('-o, --format <format>', 'output format').choices(DIAGNOSE_FORMATS).argParser(oneOf('format', DIAGNOSE_FORMATS)).default('text' as const))
    .option('--verify', "confirm each cause with a registry check using the pod's own pull secrets")
    .option('--timeout <duration>', 'time for all --verify checks together, e.g. 30s (default 60s)', duration)
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never use colour')
    .addHelpText('after', EXAMPLES_DIAGNOSE)
    .action(async (parsed) => {
      // withClusterOptions adds its flags without widening commander's inferred option type.
      const options = parsed as typeof parsed & ClusterFlags;
      const [{ diagnose }, { formatDiagnosisText }, { formatDiagnosisJson }, { shouldUseColor }, { runSecrets }] = await Promise.all([
        import('../../commands/diagnose.js'),
        import('../../formatters/diagnosis-text.js'),
        import('../../formatters/diagnosis-json.js'),
        import('../color.js'),
        import('../../shared/run-secrets.js'),
      ]);
      const reader = await openClusterReader(options, cli.io);
      const diagnosis = runSecrets.redactDeep(
        await diagnose({
          reader,
          ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
          allNamespaces: options.allNamespaces === true,
          verify: options.verify === true,
          env: cli.io.env,
          ...(options.target === undefined ? {} : { target: options.target }),
          ...(options.timeout === undefined ? {} : { timeoutMs: options.timeout }),
        }),
      );
      cli.io.stdout.write(
        options.format === 'json'
          ? formatDiagnosisJson(diagnosis)
          : formatDiagnosisText(diagnosis, { color: shouldUseColor(colorFlag(cli.argv), cli.io.stdout, cli.io.env) }),
      );
      cli.exitCode = diagnosis.failingPods > 0 ? 1 : 0;
    });
}
