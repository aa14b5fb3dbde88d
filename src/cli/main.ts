// cli/: argv, terminal and exit codes around commands/; imports anything.
// The thin shell: argv → options → a command of the library → a formatter → an exit code.
// Nothing here decides what is a problem; everything here decides how it is shown.
import { Command, CommanderError, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { FAIL_ON_LEVELS, type FailOn } from '../core/fail-on.js';
import { EXIT_ERROR, exitCodeFor } from '../core/exit-code.js';
import { TARGET_IDS } from '../detect/target-profile.js';
import { UNVERIFIED_POLICIES } from '../core/unverified-policy.js';
import { FORMAT_NAMES, type FormatName } from '../formatters/formatter.js';
import type { PullguardConfig } from '../core/pullguard-config.js';
import type { Report } from '../core/types.js';
import { runSecrets } from '../shared/run-secrets.js';
import { VERSION } from '../version.js';
import { oneOf } from './choice.js';
import { describeError } from './print-error.js';
import { processIo, redactingIo, writeChunks, type CliIo } from './io.js';

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

const EXAMPLES_CHECK = `
Examples:
  $ pullguard check k8s/ --target aks                     lint, then ask every image's registry
  $ pullguard check k8s/ --platform linux/amd64,linux/arm64
  $ pullguard check deploy.yaml --pull-secret secrets/regcred.yaml -o json
  $ helm template . | pullguard check - --target eks

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

const EXPLAIN_FORMATS = ['text', 'markdown'] as const;

const EXAMPLES_EXPLAIN = `
Examples:
  $ pullguard explain latest-tag                  the page of a rule, rendered for the terminal
  $ pullguard explain image-not-found             the page of a failure cause
  $ pullguard explain --list                      every rule (with its default severity) and cause
  $ pullguard explain latest-tag -o markdown > latest-tag.md

The text format is the same on a terminal and in a pipe (colour only on a terminal, see NO_COLOR):
code blocks indented, tables as lists, links to other pages as "pullguard explain ID" and other links
as web addresses. -o markdown prints the page as written in docs/.`;

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return parsed;
}

/** `30s`, `1500ms`, `2m`, or a plain number of seconds. */
function duration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim());
  if (match === null || Number(match[1]) <= 0) throw new InvalidArgumentError('expected a duration such as 30s, 1500ms or 2m.');
  const unit = match[2] ?? 's';
  return Math.round(Number(match[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000));
}

function platformList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((p) => p.trim()).filter((p) => p !== '')];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

interface ReportFlags {
  config?: string;
  format: FormatName;
  failOn?: FailOn;
}

let reportModulesLoading: ReturnType<typeof loadReportModules> | undefined;

/**
 * The modules printReport needs, loaded once. The lint and check actions ask for them as they
 * start, so that they load beside the command's own modules instead of after them: each wave of
 * dynamic imports is a round of file reads that waits for the thread pool.
 */
function reportModules(): ReturnType<typeof loadReportModules> {
  return (reportModulesLoading ??= loadReportModules());
}

function loadReportModules() {
  return Promise.all([
    import('../gateways/files/load-config.js'),
    import('../rules/index.js'),
    import('../formatters/index.js'),
    import('./color.js'),
  ]);
}

/** What lint and check share: the settings file first, then the report printed and its exit code. */
async function printReport(io: CliIo, argv: readonly string[], flags: ReportFlags, produce: (config: PullguardConfig) => Promise<Report>): Promise<number> {
  const [{ loadConfig }, { RULES }, { getChunkedFormatter }, { shouldUseColor }] = await reportModules();
  const config = await loadConfig({
    cwd: io.cwd,
    knownRuleIds: RULES.map((rule) => rule.meta.id),
    ...(flags.config === undefined ? {} : { explicitPath: flags.config }),
  });
  // Redacted before formatting, because formats escape text (XML, Markdown, JSON) past recognition.
  const report = runSecrets.redactDeep(await produce(config));
  const formatter = getChunkedFormatter(flags.format);
  if (formatter === undefined) throw new Error(`formatter ${flags.format} is missing`);
  writeChunks(
    io.stdout,
    formatter(report, {
      color: flags.format === 'text' && shouldUseColor(colorFlag(argv), io.stdout, io.env),
      rules: RULES.map((rule) => rule.meta),
    }),
  );
  return exitCodeFor(report.summary, flags.failOn ?? config.failOn ?? 'error');
}

export async function run(argv: readonly string[], processStreams: CliIo = processIo()): Promise<number> {
  // Every byte written from here on passes the redactor of the run's secrets.
  const io = redactingIo(processStreams, runSecrets);
  try {
    return await runCommand(argv, io);
  } finally {
    io.flush();
  }
}

async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
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
        import('../commands/lint.js'),
        import('./walk-progress.js'),
        import('./stdin-hint.js'),
      ]);
      const walking = walkProgressLine(io.stderr);
      hintIfStdinIsTerminal(paths, io.stdin, io.stderr);
      exitCode = await printReport(io, argv, options, (config) =>
        lint({
          paths,
          config,
          cwd: io.cwd,
          stdin: io.stdin,
          onWalkProgress: (progress) => walking.update(progress),
          ...(options.target === undefined ? {} : { target: options.target }),
        }).finally(() => walking.clear()),
      );
    });

  program
    .command('check')
    .summary('lint, then ask the registries whether the nodes can pull every image')
    .description(
      'The preflight without a cluster: lint, plus a registry check of every distinct image with the credentials the nodes will use ' +
        '(existence, credentials, platforms). Every failed check is a finding at the image\'s file:line:column.',
    )
    .argument('[paths...]', 'files, directories (searched recursively for .yaml, .yml, .json) or - for stdin', ['.'])
    .addOption(new Option('-t, --target <target>', 'the kind of cluster the manifests are for (default: target of .pullguard.yaml, else remote)').choices(TARGET_IDS).argParser(oneOf('target', TARGET_IDS)))
    .addOption(new Option('-o, --format <format>', 'output format').choices(FORMAT_NAMES).argParser(oneOf('format', FORMAT_NAMES)).default('text' as const))
    .addOption(new Option('--fail-on <level>', 'lowest severity that makes the exit code 1 (default: failOn of .pullguard.yaml, else error)').choices(FAIL_ON_LEVELS).argParser(oneOf('level', FAIL_ON_LEVELS)))
    .option('-c, --config <file>', 'settings file (default: the nearest .pullguard.yaml)')
    .option('--platform <list>', 'node platforms the images must provide, comma-separated (default: platforms of .pullguard.yaml, else linux/amd64)', platformList)
    .option('--pull-secret <file>', 'a file of Secrets (and ServiceAccounts) the pods use that is not among the paths; repeatable', collect)
    .option('-n, --namespace <namespace>', 'namespace of objects that do not name one', 'default')
    .option('--concurrency <n>', 'registry checks in flight at once (default 16)', positiveInteger)
    .option('--timeout <duration>', 'time for all registry checks together, e.g. 30s (default 60s)', duration)
    .option('--no-docker-config', "do not compare refused checks with this machine's docker credentials")
    .addOption(
      new Option('--unverified <policy>', 'images that could not be verified from this machine: fail (exit code 1) or allow (default: unverified of .pullguard.yaml, else fail)')
        .choices(UNVERIFIED_POLICIES)
        .argParser(oneOf('policy', UNVERIFIED_POLICIES)),
    )
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never use colour')
    .addHelpText('after', EXAMPLES_CHECK)
    .action(async (paths, options) => {
      void reportModules().catch(() => undefined);
      const [{ check }, { progressLine }, { walkProgressLine }, { hintIfStdinIsTerminal }] = await Promise.all([
        import('../commands/check.js'),
        import('./progress-line.js'),
        import('./walk-progress.js'),
        import('./stdin-hint.js'),
      ]);
      const progress = progressLine(io.stderr, 'pullguard: checking images');
      const walking = walkProgressLine(io.stderr);
      hintIfStdinIsTerminal(paths, io.stdin, io.stderr);
      exitCode = await printReport(io, argv, options, (config) =>
        check({
          onProgress: (done, total) => {
            walking.clear();
            progress.update(done, total);
          },
          onWalkProgress: (walked) => walking.update(walked),
          paths,
          config,
          cwd: io.cwd,
          stdin: io.stdin,
          env: io.env,
          namespace: options.namespace,
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

  program
    .command('explain')
    .summary('print the documentation of a rule or failure cause')
    .description('The documentation page of a rule (the last word of a finding) or of a failure cause (the "cause" of an image-pull finding), from the docs installed with pullguard: no network needed.')
    .argument('[id]', 'a rule id (latest-tag) or failure cause id (image-not-found); case does not matter')
    .option('-l, --list', 'list every rule and failure cause')
    .addOption(new Option('-o, --format <format>', 'text: the page rendered for reading; markdown: the page as written').choices(EXPLAIN_FORMATS).argParser(oneOf('format', EXPLAIN_FORMATS)).default('text' as const))
    .option('--color', 'force colour in text output')
    .option('--no-color', 'never use colour')
    .addHelpText('after', EXAMPLES_EXPLAIN)
    .action(async (id, options) => {
      const { explainPage, explainList, isExplainable } = await import('../commands/explain.js');
      if (options.list || id === undefined) {
        io.stdout.write(explainList());
        return;
      }
      const page = explainPage(id);
      if (options.format === 'markdown') {
        io.stdout.write(page.markdown);
        return;
      }
      const [{ docsPageText }, { shouldUseColor }] = await Promise.all([import('./docs-page-text.js'), import('./color.js')]);
      io.stdout.write(
        docsPageText(page.markdown, {
          pagePath: `${page.section}/${page.id}.md`,
          color: shouldUseColor(colorFlag(argv), io.stdout, io.env),
          isExplainable,
        }),
      );
    });

  program.addHelpText(
    'after',
    `
Examples:
  $ pullguard lint k8s/ --target aks              static checks of the manifests, no network
  $ pullguard check k8s/ --target aks             lint, then ask every image's registry
  $ pullguard explain latest-tag                  what a finding means and how to fix it

Run \`pullguard COMMAND --help\` for the options and examples of a command.`,
  );

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
