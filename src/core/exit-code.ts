import type { FailOn } from './fail-on.js';
import { unverifiedFailsRun } from './summarize-images.js';
import type { Summary } from './types.js';

/**
 * The exit-code contract of DESIGN.md: 0 nothing at or above `--fail-on`, 1 findings at or above
 * it (2 is for errors, set by the CLI). `check` adds one more reason for 1: images it could not
 * verify under the `fail` policy (`summary.images.unverifiedPolicy`), so that a CI runner that
 * reached no registry cannot pass; `--fail-on` is about findings and does not change that.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export function exitCodeFor(summary: Summary, failOn: FailOn): number {
  if (unverifiedFailsRun(summary)) return EXIT_FINDINGS;
  switch (failOn) {
    case 'never':
      return EXIT_OK;
    case 'error':
      return summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
    case 'warning':
      return summary.errors + summary.warnings > 0 ? EXIT_FINDINGS : EXIT_OK;
    case 'info':
      return summary.errors + summary.warnings + summary.infos > 0 ? EXIT_FINDINGS : EXIT_OK;
  }
}
