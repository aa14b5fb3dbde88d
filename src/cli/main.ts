// cli/: argv, terminal and exit codes around commands/; imports anything.
// The thin shell: argv → options → a command of the library → a formatter → an exit code.
// Nothing here decides what is a problem; everything here decides how it is shown. Each command's
// options and help live in cli/commands/NAME.ts.
import { Command, CommanderError } from '@commander-js/extra-typings';
import { EXIT_ERROR } from '../core/exit-code.js';
import { runSecrets } from '../shared/run-secrets.js';
import { VERSION } from '../version.js';
import type { CliContext } from './cli-context.js';
import { registerCheck } from './commands/check.js';
import { registerClassify } from './commands/classify.js';
import { registerDeploy } from './commands/deploy.js';
import { registerDiagnose } from './commands/diagnose.js';
import { registerDetect } from './commands/detect.js';
import { registerExplain } from './commands/explain.js';
import { registerLint } from './commands/lint.js';
import { registerRender } from './commands/render.js';
import { registerReport } from './commands/report.js';
import { registerSnapshot } from './commands/snapshot.js';
import { describeError } from './print-error.js';
import { processIo, redactingIo, type CliIo } from './io.js';

/** In the order `pullguard --help` lists them. */
const COMMANDS: readonly ((program: Command, cli: CliContext) => void)[] = [
  registerLint,
  registerCheck,
  registerRender,
  registerDeploy,
  registerDetect,
  registerSnapshot,
  registerDiagnose,
  registerReport,
  registerClassify,
  registerExplain,
];

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

  const cli: CliContext = { io, argv, exitCode: 0 };
  for (const register of COMMANDS) register(program, cli);

  program.addHelpText(
    'after',
    `
Examples:
  $ pullguard lint k8s/ --target aks              static checks of the manifests, no network
  $ pullguard check k8s/ --target aks             lint, then ask every image's registry
  $ pullguard render k8s/ --target kind           the manifests rewritten for a target
  $ pullguard deploy k8s/ --rollback              apply, watch, stop at the first pull error
  $ pullguard detect                              what cluster the current context is, from evidence
  $ pullguard snapshot -A -o cluster.json         capture the cluster's facts to a file
  $ pullguard diagnose -A --target aks            why pods cannot pull, and the fix
  $ pullguard report -n shop --format html        the incident's post-mortem from the records
  $ pullguard classify 'MESSAGE'                  the cause and fix of a pull error from kubectl describe
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
    return cli.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    io.stderr.write(describeError(error));
    return EXIT_ERROR;
  }
}

