// `pullguard classify`: options, help and the call into commands/classify.
import { Option } from '@commander-js/extra-typings';
import type { Command } from '@commander-js/extra-typings';
import { TARGET_IDS } from '../../detect/target-profile.js';
import { oneOf } from '../choice.js';
import type { CliContext } from '../cli-context.js';

const CLASSIFY_FORMATS = ['text', 'json'] as const;

export const CLASSIFY_STDIN_HINT = 'pullguard: reading pull-error messages from standard input, one per line (end with Ctrl-D; Ctrl-C to cancel)...\n';

const EXAMPLES_CLASSIFY = `
Examples:
  $ pullguard classify 'Failed to pull image "acme/web:1.4": rpc error: code = NotFound desc = ...: not found'
  $ kubectl describe pod web-7d4b9 | grep -E 'Failed|BackOff' | pullguard classify
  $ kubectl get pod web-7d4b9 -o jsonpath='{.status.containerStatuses[*].state.waiting.message}' | pullguard classify -o json
  $ pullguard classify --target kind < messages.txt

Each argument is one message; without arguments (or with -), each line of standard input is one.
Rows of the Events table (Warning  Failed  3m (x4 over 5m)  kubelet  ...) and kubelet or containerd
log lines are understood as they are. -o json prints one JSON object per input line, in input order;
an empty or unrecognisable line gives "unknown". Exit code: 0, or 2 for a usage error.
Explain a cause: pullguard explain CAUSE`;

export function registerClassify(program: Command, cli: CliContext): void {
  program
    .command('classify')
    .summary('the cause and fix of pull-error messages')
    .description('The failure cause, image, registry, a one-line summary and the fix for each pull-error message (kubelet, containerd, CRI-O, Docker and cri-dockerd wordings).')
    .argument('[msg...]', 'pull-error messages; none or - reads standard input, one message per line')
    .addOption(new Option('-o, --format <format>', 'text: a block per message; json: one object per line').choices(CLASSIFY_FORMATS).argParser(oneOf('format', CLASSIFY_FORMATS)).default('text' as const))
    .addOption(new Option('-t, --target <target>', 'the kind of cluster the fixes are for (default: remote)').choices(TARGET_IDS).argParser(oneOf('target', TARGET_IDS)))
    .addHelpText('after', EXAMPLES_CLASSIFY)
    .action(async (messages, options) => {
      const { classify, formatClassificationJson, formatClassificationText } = await import('../../commands/classify.js');
      const fromStdin = messages.length === 0 || (messages.length === 1 && messages[0] === '-');
      if (fromStdin && (cli.io.stdin as { isTTY?: boolean }).isTTY === true) cli.io.stderr.write(CLASSIFY_STDIN_HINT);
      const results = classify({
        ...(fromStdin ? { stdin: cli.io.stdin } : { messages }),
        ...(options.target === undefined ? {} : { target: options.target }),
      });
      for await (const result of results) {
        cli.io.stdout.write(
          options.format === 'json' ? formatClassificationJson(result) : formatClassificationText(result, fromStdin ? `line ${result.input}` : `message ${result.input}`),
        );
      }
    });
}
