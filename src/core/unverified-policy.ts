// What `check` does with images it could not verify from this machine (`--unverified`,
// `unverified:` of .pullguard.yaml), apart from config.ts so that the CLI shell can list the values
// without loading the YAML parser. `fail` (the default) makes the exit code 1, so that a CI runner
// that reached no registry cannot pass by accident; `allow` leaves the exit code to the findings.
export const UNVERIFIED_POLICIES = ['fail', 'allow'] as const;
export type UnverifiedPolicy = (typeof UNVERIFIED_POLICIES)[number];
