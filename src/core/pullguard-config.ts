// The settings of `.pullguard.yaml` as the commands read them, apart from the parser (config.ts) so
// that code which only needs the defaults or the file names does not load the YAML library.
import type { ClusterType } from '../detect/cluster-type.js';
import type { TargetId } from '../detect/target-profile.js';
import type { RegistryHostSettings } from '../facts/registry-gateway.js';
import type { FailOn } from './fail-on.js';
import type { RuleSetting } from './run-rules.js';
import type { UnverifiedPolicy } from './unverified-policy.js';

export const CONFIG_FILE_NAMES = ['.pullguard.yaml', '.pullguard.yml'] as const;

export interface PullguardConfig {
  /** The file it came from, for messages; undefined for the built-in defaults. */
  file?: string;
  target?: TargetId;
  failOn?: FailOn;
  rules: Record<string, RuleSetting>;
  registries: Record<string, RegistryHostSettings>;
  /** Node platforms to require when no cluster tells them, e.g. `linux/amd64`. */
  platforms?: string[];
  /** What `check` does with images it could not verify from this machine (default `fail`). */
  unverified?: UnverifiedPolicy;
  /** What the user said about a kubeconfig context's cluster, by context name (`pullguard detect` saves its prompt's answer here). */
  clusters?: Record<string, ClusterSetting>;
}

/** `clusters.CONTEXT` of `.pullguard.yaml`: a type (overrides detection) or only where the cluster runs. */
export interface ClusterSetting {
  type?: ClusterType;
  location?: 'local' | 'remote';
}

export const DEFAULT_CONFIG: PullguardConfig = { rules: {}, registries: {} };
