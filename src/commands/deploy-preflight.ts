// The seam between `deploy` and `check`: the preflight is `check` over the same manifests, for the
// same target and namespace, against the cluster deploy is about to write to.
import type { PullguardConfig } from '../core/config.js';
import type { Report } from '../core/types.js';
import type { ClusterReader } from '../facts/cluster-reader.js';
import { check } from './check.js';

export interface PreflightOptions {
  paths: string[];
  config: PullguardConfig;
  cwd: string;
  target?: string;
  namespace?: string;
  env?: NodeJS.ProcessEnv;
  /** The cluster being deployed to: its namespaces, service accounts, pull secrets and nodes are checked too. */
  cluster?: ClusterReader;
}

export function runPreflight(options: PreflightOptions): Promise<Report> {
  return check({
    paths: options.paths,
    config: options.config,
    cwd: options.cwd,
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.cluster === undefined ? {} : { cluster: options.cluster }),
  });
}
