// `pullguard report`: options, help and the call into commands/report.
import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import type { Command } from '@commander-js/extra-typings';
import { TARGET_IDS } from '../../detect/target-profile.js';
import { oneOf } from '../choice.js';
import type { CliContext } from '../cli-context.js';
import { openClusterReader, withClusterOptions, type ClusterFlags } from '../cluster-options.js';

const REPORT_FORMATS = ['markdown', 'html', 'json'] as const;

const EXAMPLES_REPORT = `
Examples:
  $ pullguard report -n shop --target aks > incident.md
  $ pullguard report -n shop -o html > incident.html      one self-contained page, prints cleanly
  $ pullguard report -A --snapshot cluster.json --now 2025-10-02T11:00:00Z -o json

Sections: summary with the actual event, impact (workloads, pods, unavailable replica-seconds),
timeline (the change that set it off, pod created and scheduled, first attempt, first failure,
back-off, attempts, now, recovery), root cause vs trigger, resolution for the cluster type,
prevention, verification commands, and data gaps (what the records could not tell).
--now fixes the report's clock: two runs on the same snapshot then give the same bytes.
Full documentation: docs/report.md.
Exit codes: 0 report written, 2 usage or cluster access error.`;

function instant(value: string): number {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
    throw new InvalidArgumentError(`"${value}" is not an RFC 3339 time; expected e.g. 2025-10-02T11:00:00Z.`);
  }
  return ms;
}

export function registerReport(program: Command, cli: CliContext): void {
  withClusterOptions(
    program
      .command('report')
      .summary('write the post-mortem of an image-pull incident from the cluster\'s records')
      .description('The incident report (Markdown, self-contained HTML or JSON) of the pods that cannot pull, from the live cluster or a snapshot.'),
  )
    .option('-A, --all-namespaces', 'every namespace')
    .addOption(new Option('-t, --target <target>', 'the kind of cluster, for the resolution steps (default: the detected one; remote when unsure)').choices(TARGET_IDS).argParser(oneOf('target', TARGET_IDS)))
    .addOption(new Option('-o, --format <format>', 'output format').choices(REPORT_FORMATS).argParser(oneOf('format', REPORT_FORMATS)).default('markdown' as const))
    .option('--now <time>', "the report's clock, RFC 3339 (default: now)", instant)
    .option('--manifests <path>', 'where the manifests live, for the prevention line (default k8s/)')
    .addHelpText('after', EXAMPLES_REPORT)
    .action(async (parsed) => {
      // withClusterOptions adds its flags without widening commander's inferred option type.
      const options = parsed as typeof parsed & ClusterFlags;
      const [{ report }, { runSecrets }] = await Promise.all([import('../../commands/report.js'), import('../../shared/run-secrets.js')]);
      const reader = await openClusterReader(options, cli.io);
      const model = runSecrets.redactDeep(
        await report({
          reader,
          ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
          allNamespaces: options.allNamespaces === true,
          ...(options.target === undefined ? {} : { target: options.target }),
          ...(options.now === undefined ? {} : { now: options.now }),
          ...(options.manifests === undefined ? {} : { manifests: options.manifests }),
        }),
      );
      let text: string;
      if (options.format === 'html') text = (await import('../../formatters/report/report-html.js')).formatReportHtml(model);
      else if (options.format === 'json') text = (await import('../../formatters/report/report-json.js')).formatReportJson(model);
      else text = (await import('../../formatters/report/report-markdown.js')).formatReportMarkdown(model);
      cli.io.stdout.write(text);
      cli.exitCode = 0;
    });
}
