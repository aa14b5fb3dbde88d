// Where Secrets and ServiceAccounts are looked up when working out a pod's pull credentials: the
// interface the core owns (filled by credentials/pull-object-source.ts from manifests, later by a
// gateway from a snapshot or the cluster). Types only.

export interface PullObjectSource {
  /** What was searched, for messages: `the manifests`, `the manifests and the cluster`. */
  readonly description: string;
  /** True when a missing object is known not to exist (the cluster was read). */
  readonly authoritative: boolean;
  secret(namespace: string, name: string): Record<string, unknown> | undefined;
  serviceAccount(namespace: string, name: string): Record<string, unknown> | undefined;
  /**
   * For a secret that exists but whose contents could not be read (a snapshot, `forbidden: get
   * secrets`): why. `secret()` then returns its metadata and type only, and `registries` the keys it
   * holds credentials for, so that only the images those keys match are left unchecked.
   */
  secretContentUnknown?(namespace: string, name: string): { reason: string; registries: readonly string[] } | undefined;
  /** For a ServiceAccount `serviceAccount()` cannot answer for because its namespace could not be read: why. */
  serviceAccountUnknown?(namespace: string, name: string): string | undefined;
}

/** Where the rules look up the pods' pull secrets and ServiceAccounts (`check`: the manifests and the --pull-secret files). */
export interface PullObjectFacts {
  source: PullObjectSource;
  /** Namespace of objects that do not name one (`-n`). */
  defaultNamespace: string;
}
