// The `--fail-on` levels, apart from config.ts so that the CLI shell can list them without loading
// the YAML parser (start-up time: `pullguard --version` must not pay for it).
export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];
