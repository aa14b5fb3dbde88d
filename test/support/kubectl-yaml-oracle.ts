// kubectl's own YAML decoder as a test oracle: test/oracle/kubectl-yaml (Go, apimachinery's
// YAMLOrJSONDecoder at the control plane's Kubernetes release), built by
// scripts/test-deps.d/26-kubectl-yaml-oracle.sh into the user's cache.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './control-plane/repo-root.js';

/** What `kubectl apply -f` makes of one file: the JSON of each document it sends, then the error that stopped it. */
export interface KubectlDecoding {
  documents: unknown[];
  error?: string;
}

let cachedPath: string | undefined;

/** The oracle binary the installer put in place (PULLGUARD_KUBECTL_YAML overrides it). */
export function kubectlYamlOraclePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PULLGUARD_KUBECTL_YAML !== undefined && env.PULLGUARD_KUBECTL_YAML !== '') return env.PULLGUARD_KUBECTL_YAML;
  if (cachedPath !== undefined) return cachedPath;
  const script = join(repoRoot(), 'scripts/test-deps.d/26-kubectl-yaml-oracle.sh');
  const path = execFileSync('bash', [script, '--print-path'], { encoding: 'utf8' }).trim();
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`the kubectl YAML oracle is not built at ${path}; run scripts/test-deps.d/26-kubectl-yaml-oracle.sh`);
  }
  cachedPath = path;
  return path;
}

/** Decodes each file as kubectl does, in one run of the oracle. */
export function decodeLikeKubectl(files: readonly string[]): KubectlDecoding[] {
  if (files.length === 0) return [];
  const output = execFileSync(kubectlYamlOraclePath(), files, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const lines = output.split('\n').filter((line) => line !== '');
  if (lines.length !== files.length) throw new Error(`kubectl YAML oracle: ${lines.length} results for ${files.length} files`);
  return lines.map((line) => JSON.parse(line) as KubectlDecoding);
}
