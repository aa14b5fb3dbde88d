// `pullguard explain`: the documentation page of a rule or cause, for the terminal or as written.
import { Option } from '@commander-js/extra-typings';
import type { Command } from '@commander-js/extra-typings';
import { oneOf } from '../choice.js';
import type { CliContext } from '../cli-context.js';
import { colorFlag } from '../print-report.js';

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

export function registerExplain(program: Command, cli: CliContext): void {
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
      const { explainPage, explainList, isExplainable } = await import('../../commands/explain.js');
      if (options.list || id === undefined) {
        cli.io.stdout.write(explainList());
        return;
      }
      const page = explainPage(id);
      if (options.format === 'markdown') {
        cli.io.stdout.write(page.markdown);
        return;
      }
      const [{ docsPageText }, { shouldUseColor }] = await Promise.all([import('../docs-page-text.js'), import('../color.js')]);
      cli.io.stdout.write(
        docsPageText(page.markdown, {
          pagePath: `${page.section}/${page.id}.md`,
          color: shouldUseColor(colorFlag(cli.argv), cli.io.stdout, cli.io.env),
          isExplainable,
        }),
      );
    });
}
