// `pullguard lint`: options, help and the call into commands/lint.
import { Option } from '@commander-js/extra-typings';
import type { Command } from '@commander-js/extra-typings';
import { FAIL_ON_LEVELS } from '../../core/fail-on.js';
import { TARGET_IDS } from '../../detect/target-profile.js';
import { FORMAT_NAMES } from '../../formatters/formatter.js';
import { oneOf } from '../choice.js';
import type { CliContext } from '../cli-context.js';
import { printReport, reportModules } from '../print-report.js';

const EXAMPLES_LINT = `
Examples:
  $ pullguard lint k8s/ --target aks              lint every manifest under k8s/ for Azure Kubernetes Service
  $ pullguard lint deploy.yaml --target kind      lint for a local kind cluster
  $ helm template . | pullguard lint - -o github  lint rendered Helm output in a GitHub Actions job
  $ pullguard lint k8s/ -o sarif > pullguard.sarif

Targets: ${TARGET_IDS.join(', ')}.
Without --target, the "target" of .pullguard.yaml is used, else "remote" (nodes see nothing local).
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error.
Explain a finding: pullguard explain RULE-ID`;

export function registerLint(program: Command, cli: CliContext): void {
  program
    .command('lint')
    .summary('check manifests for a target, without a cluster')
    .description('Static checks of Kubernetes manifests for a target profile: every finding with file:line:column.')
    .argument('[paths...]', 'files, directories (searched recursively for .yaml, .yml, .json) or - for stdin', ['.'])
    .addOption(new Option('-t, --target <target>', 'the kind of cluster the manifests are for (default: target of .pullguard.yaml, else remote)').choices(TARGET_IDS).argParser(oneOf('target', TARGET_IDS)))
    .addOption(new Option('-o, --format <format>', 'output format').choices(FORMAT_NAMES).argParser(oneOf('format', FORMAT_NAMES)).default('text' as const))
    .addOption(new Option('--fail-on <level>', 'lowest severity that makes the exit code 1 (default: failOn of .pullguard.yaml, else error)').choices(FAIL_ON_LEVELS).argParser(oneOf('level', FAIL_ON_LEVELS)))
    .option('-c, --config <file>', 'settings file (default: the nearest .pullguard.yaml)')
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never use colour')
    .addHelpText('after', EXAMPLES_LINT)
    .action(async (paths, options) => {
      void reportModules().catch(() => undefined);
      const [{ lint }, { walkProgressLine }, { hintIfStdinIsTerminal }] = await Promise.all([
        import('../../commands/lint.js'),
        import('../walk-progress.js'),
        import('../stdin-hint.js'),
      ]);
      const walking = walkProgressLine(cli.io.stderr);
      hintIfStdinIsTerminal(paths, cli.io.stdin, cli.io.stderr);
      cli.exitCode = await printReport(cli.io, cli.argv, options, (config) =>
        lint({
          paths,
          config,
          cwd: cli.io.cwd,
          stdin: cli.io.stdin,
          onWalkProgress: (progress) => walking.update(progress),
          ...(options.target === undefined ? {} : { target: options.target }),
        }).finally(() => walking.clear()),
      );
    });
}
