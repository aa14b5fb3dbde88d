// What lint and check share: the settings file first, then the report printed and its exit code.
import type { FailOn } from '../core/fail-on.js';
import { exitCodeFor } from '../core/exit-code.js';
import type { FormatName } from '../formatters/formatter.js';
import type { PullguardConfig } from '../core/pullguard-config.js';
import type { Report } from '../core/types.js';
import { runSecrets } from '../shared/run-secrets.js';
import { writeChunks, type CliIo } from './io.js';

export interface ReportFlags {
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
export function reportModules(): ReturnType<typeof loadReportModules> {
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
export async function printReport(io: CliIo, argv: readonly string[], flags: ReportFlags, produce: (config: PullguardConfig) => Promise<Report>): Promise<number> {
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

/** Commander folds --color/--no-color into one boolean with a default; we need "not given" too. */
export function colorFlag(argv: readonly string[]): boolean | undefined {
  for (let i = argv.length - 1; i >= 0; i--) {
    if (argv[i] === '--color') return true;
    if (argv[i] === '--no-color') return false;
  }
  return undefined;
}
