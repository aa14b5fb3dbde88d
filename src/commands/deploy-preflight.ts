// The seam between `deploy` and `check`: the preflight is `check` over the same manifests, for the
// same target and namespace. (`check` reads the cluster once the preflight work lands; this is the
// one place to connect it.)
import type { PullguardConfig } from '../core/config.js';
import type { Report } from '../core/types.js';
import { check } from './check.js';

export interface PreflightOptions {
  paths: string[];
  config: PullguardConfig;
  cwd: string;
  target?: string;
  namespace?: string;
  env?: NodeJS.ProcessEnv;
}

export function runPreflight(options: PreflightOptions): Promise<Report> {
  return check({
    paths: options.paths,
    config: options.config,
    cwd: options.cwd,
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
}
