// `pullguard render`: options, help and the call into commands/render. Docs: ../../../docs/render.md.
import { Option } from '@commander-js/extra-typings';
import type { Command } from '@commander-js/extra-typings';
import { TARGET_IDS } from '../../detect/target-profile.js';
import { EXIT_ERROR } from '../../core/exit-code.js';
import { oneOf } from '../choice.js';
import type { CliContext } from '../cli-context.js';
import { collect } from '../option-parsers.js';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;

const EXAMPLES_RENDER = `
Examples:
  $ pullguard render k8s/ --target aks --registry myteam.azurecr.io --tag 1.4.2 | kubectl apply -f -
  $ pullguard render k8s/ --target kind -o rendered/kind/        mirror k8s/ into rendered/kind/
  $ pullguard render k8s/ --target eks --registry 123456789012.dkr.ecr.eu-west-1.amazonaws.com --in-place
  $ pullguard render k8s/ --target remote --registry ghcr.io/acme --pull-secret ghcr --diff

Targets: ${TARGET_IDS.join(', ')}.
Without --target, the "target" of .pullguard.yaml is used; render needs one or the other.
Writes the rendered manifests to stdout (one stream, "# Source: FILE" before each file) unless
-o DIR or --in-place is given; a summary of the changes goes to stderr.
Exit codes: 0 rendered; 2 usage error, or a file that could not be read, rendered or written.
With --diff (like diff): 0 nothing would change, 1 something would, 2 trouble.`;

export function registerRender(program: Command, cli: CliContext): void {
  program
    .command('render')
    .summary('rewrite manifests for a target (registry, tags, pull policy, pull secrets)')
    .description('Rewrites image references, pull policies and pull secrets of Kubernetes manifests for a target, keeping everything else byte for byte.')
    .argument('[paths...]', 'files, directories (searched recursively for .yaml, .yml, .json) or - for stdin', ['.'])
    .addOption(new Option('-t, --target <target>', 'the kind of cluster to render for (default: target of .pullguard.yaml)').choices(TARGET_IDS).argParser(oneOf('target', TARGET_IDS)))
    .option('--registry <host[/path]>', 'where your images are pushed: replaces registry placeholders and qualifies local-only names')
    .option('--set <name=value>', 'value of a template variable or placeholder in images (${NAME}, $(NAME), <name>, {name}); repeatable', collect)
    .option('--tag <tag|image=tag>', 'pin your images (those in --registry, or local-only) to TAG, or IMAGE to TAG; repeatable', collect)
    .option('--digest <image=digest>', 'pin IMAGE to DIGEST (sha256:...); repeatable', collect)
    .option('--pull-secret <name>', 'add this Secret to imagePullSecrets of the pods pulling from --registry; repeatable', collect)
    .addOption(new Option('--pull-policy <policy>', 'write this imagePullPolicy on every image instead of what the target needs').choices(PULL_POLICIES).argParser(oneOf('pull policy', PULL_POLICIES)))
    .option('-o, --output-dir <dir>', 'write each rendered file under DIR, mirroring the input tree')
    .option('--in-place', 'replace each changed file (atomically: never a half-written file)')
    .option('--diff', 'print a unified diff of what would change instead of the manifests')
    .option('-q, --quiet', 'no summary on stderr')
    .option('-c, --config <file>', 'settings file (default: the nearest .pullguard.yaml)')
    .addHelpText('after', EXAMPLES_RENDER)
    .action(async (paths, options) => {
      const [{ render }, { loadConfig }, { RULES }, { renderSummary }, { hintIfStdinIsTerminal }] = await Promise.all([
        import('../../commands/render.js'),
        import('../../gateways/files/load-config.js'),
        import('../../rules/index.js'),
        import('../../render/render-summary.js'),
        import('../stdin-hint.js'),
      ]);
      hintIfStdinIsTerminal(paths, cli.io.stdin, cli.io.stderr);
      const config = await loadConfig({
        cwd: cli.io.cwd,
        knownRuleIds: RULES.map((rule) => rule.meta.id),
        ...(options.config === undefined ? {} : { explicitPath: options.config }),
      });
      const result = await render({
        paths,
        config,
        cwd: cli.io.cwd,
        stdin: cli.io.stdin,
        ...(options.target === undefined ? {} : { target: options.target }),
        ...(options.registry === undefined ? {} : { registry: options.registry }),
        ...(options.set === undefined ? {} : { set: options.set }),
        ...(options.tag === undefined ? {} : { tag: options.tag }),
        ...(options.digest === undefined ? {} : { digest: options.digest }),
        ...(options.pullSecret === undefined ? {} : { pullSecret: options.pullSecret }),
        ...(options.pullPolicy === undefined ? {} : { pullPolicy: options.pullPolicy }),
        ...(options.outputDir === undefined ? {} : { outputDir: options.outputDir }),
        ...(options.inPlace === true ? { inPlace: true } : {}),
        ...(options.diff === true ? { diff: true } : {}),
      });
      if (result.stream !== undefined) cli.io.stdout.write(result.stream);
      if (result.diff !== undefined) cli.io.stdout.write(result.diff);
      if (options.quiet !== true) {
        const verb = options.diff === true ? 'compared' : options.inPlace === true || options.outputDir !== undefined ? 'written' : 'rendered';
        cli.io.stderr.write(renderSummary(result.files, result.target, verb));
      }
      if (result.failed > 0) cli.exitCode = EXIT_ERROR;
      else if (result.diff !== undefined) cli.exitCode = result.diff === '' ? 0 : 1;
      else cli.exitCode = 0;
    });
}
