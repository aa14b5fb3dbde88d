// The thin shell: argv → options → a command of the library → a formatter → an exit code.
// Nothing here decides what is a problem; everything here decides how it is shown.
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { FAIL_ON_LEVELS, type FailOn } from '../core/config.js';
import { EXIT_ERROR, exitCodeFor } from '../core/exit-code.js';
import { TARGET_IDS } from '../detect/target-profile.js';
import { FORMAT_NAMES } from '../formatters/formatter.js';
import { VERSION } from '../version.js';
import { oneOf } from './choice.js';
import { describeError } from './print-error.js';
import { processIo, type CliIo } from './io.js';

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

export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command(io.programName ?? 'pullguard')
    .description('Stops Kubernetes image-pull failures (ErrImagePull, ImagePullBackOff, ErrImageNeverPull) before they ship.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander puts its "(Did you mean --format?)" on a line of its own; it belongs to the error.
      outputError: (text, write) => write(text.replace(/^error:/, 'pullguard: error:').replace(/\n\(Did you mean (.*)\?\)\n$/, ' (did you mean $1?)\n')),
    });

  program
    .command('lint')
    .summary('check manifests for a target, without a cluster')
    .description('Static checks of Kubernetes manifests for a target profile: every finding with file:line:column.')
    .argument('[paths...]', 'files, directories (searched recursively for .yaml, .yml, .json) or - for stdin', ['.'])
    .addOption(new Option('-t, --target <target>', 'the kind of cluster the manifests are for').choices(TARGET_IDS).argParser(oneOf('target', TARGET_IDS)))
    .addOption(new Option('-o, --format <format>', 'output format').choices(FORMAT_NAMES).argParser(oneOf('format', FORMAT_NAMES)).default('text' as const))
    .addOption(new Option('--fail-on <level>', 'lowest severity that makes the exit code 1').choices(FAIL_ON_LEVELS).argParser(oneOf('level', FAIL_ON_LEVELS)))
    .option('-c, --config <file>', 'settings file (default: the nearest .pullguard.yaml)')
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never use colour')
    .addHelpText('after', EXAMPLES_LINT)
    .action(async (paths, options) => {
      const [{ lint }, { loadConfig }, { RULES }, { getFormatter }, { shouldUseColor }] = await Promise.all([
        import('../commands/lint.js'),
        import('../gateways/load-config.js'),
        import('../rules/index.js'),
        import('../formatters/index.js'),
        import('./color.js'),
      ]);
      const config = loadConfig({
        cwd: io.cwd,
        knownRuleIds: RULES.map((rule) => rule.meta.id),
        ...(options.config === undefined ? {} : { explicitPath: options.config }),
      });
      const report = await lint({
        paths,
        config,
        cwd: io.cwd,
        stdin: io.stdin,
        ...(options.target === undefined ? {} : { target: options.target }),
      });
      const formatter = getFormatter(options.format);
      if (formatter === undefined) throw new Error(`formatter ${options.format} is missing`);
      io.stdout.write(
        formatter(report, {
          color: options.format === 'text' && shouldUseColor(colorFlag(argv), io.stdout, io.env),
          rules: RULES.map((rule) => rule.meta),
        }),
      );
      exitCode = exitCodeFor(report.summary, (options.failOn ?? config.failOn ?? 'error') as FailOn);
    });

  program
    .command('explain')
    .summary('print the documentation of a rule or failure cause')
    .argument('[id]', 'a rule id (latest-tag) or failure cause id (image-not-found)')
    .option('-l, --list', 'list every rule and failure cause')
    .action(async (id, options) => {
      const { explain, explainList } = await import('../commands/explain.js');
      if (options.list || id === undefined) io.stdout.write(explainList());
      else io.stdout.write(explain(id));
    });

  // A mistyped flag or value gets one line of error and one line saying where the usage is.
  for (const command of [program, ...program.commands]) {
    const name = command === program ? program.name() : `${program.name()} ${command.name()}`;
    command.showHelpAfterError(`hint: run \`${name} --help\` for usage`);
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    io.stderr.write(describeError(error));
    return EXIT_ERROR;
  }
}

/** Commander folds --color/--no-color into one boolean with a default; we need "not given" too. */
function colorFlag(argv: readonly string[]): boolean | undefined {
  for (let i = argv.length - 1; i >= 0; i--) {
    if (argv[i] === '--color') return true;
    if (argv[i] === '--no-color') return false;
  }
  return undefined;
}
