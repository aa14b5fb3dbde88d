// commands/: one thin file per command, composing gateways and the core; imports anything but cli/.
// `pullguard lint`: static checks of manifests for a target profile. Library entry point as well
// as the CLI's: it returns the report and leaves printing and exit codes to the caller.
import type { PullguardConfig } from '../core/config.js';
import { UsageError } from '../shared/errors.js';
import { loadProblemToFinding, runRules, sortFindings } from '../core/run-rules.js';
import { summarize } from '../core/summarize.js';
import type { Finding, Report } from '../core/types.js';
import type { LoadResult } from '../manifests/model.js';
import { resolveTarget } from '../detect/resolve-target.js';
import type { Facts } from '../facts/facts.js';
import type { BuildToolIndex } from '../build-tools/build-tool-index.js';
import { loadBuildTools } from '../gateways/files/load-build-tools.js';
import { loadManifests, STDIN_FILE } from '../gateways/files/load-manifests.js';
import type { WalkProgress } from '../gateways/files/walk-directory.js';
import { RULES } from '../rules/index.js';
import { VERSION } from '../version.js';

export interface LintOptions {
  /** Files, directories and `-` for stdin. */
  paths: string[];
  /** A target id; overrides `config.target`. */
  target?: string;
  config: PullguardConfig;
  cwd?: string;
  stdin?: NodeJS.ReadableStream;
  /** Called as directory walks list folders (the CLI draws a progress line when they take long). */
  onWalkProgress?: (progress: WalkProgress) => void;
}

export async function lint(options: LintOptions): Promise<Report> {
  const target = resolveTarget(options.target, options.config.target);
  const cwd = options.cwd ?? process.cwd();
  const load = await loadManifestPaths(options.paths, cwd, options.stdin, options.onWalkProgress);
  return lintLoaded(load, target.id, options.config, undefined, await loadBuildToolsFor(load, options.paths, cwd));
}

/** The kustomization, skaffold.yaml and Tiltfile facts for the manifests of `load` (none for stdin). */
export async function loadBuildToolsFor(load: LoadResult, paths: readonly string[], cwd: string): Promise<BuildToolIndex> {
  const files = (load.paths ?? []).filter((file) => file !== STDIN_FILE);
  const roots = paths.filter((path) => path !== '-').map((path) => path.replace(/\/+$/, '') || '/');
  return loadBuildTools(files, roots.length === 0 ? ['.'] : roots, cwd);
}

/** The manifests of `lint` and `check`: finding no file at all is a usage error, not a clean run. */
export async function loadManifestPaths(
  paths: string[],
  cwd: string,
  stdin: NodeJS.ReadableStream | undefined,
  onWalkProgress?: (progress: WalkProgress) => void,
): Promise<LoadResult> {
  const load = await loadManifests(paths, { cwd, ...(stdin === undefined ? {} : { stdin }), ...(onWalkProgress === undefined ? {} : { onWalkProgress }) });
  if (load.files === 0) {
    throw new UsageError(`no manifest files (.yaml, .yml, .json) found in ${paths.join(', ')}`, {
      hint: 'Pass the files or directories that hold your Kubernetes manifests, or - to read stdin.',
    });
  }
  return load;
}

/**
 * The pure half of lint, for callers that loaded manifests themselves (check, render, tests): every
 * rule over the objects and the facts gathered for them (`check` gathers registry verdicts).
 */
export function lintLoaded(load: LoadResult, targetId: string, config: PullguardConfig, facts?: Facts, buildTools?: BuildToolIndex): Report {
  const target = resolveTarget(targetId, undefined);
  const result = runRules(load.objects, RULES, {
    target,
    ruleSettings: config.rules,
    ...(facts === undefined ? {} : { facts }),
    ...(buildTools === undefined || buildTools.empty ? {} : { buildTools }),
  });
  const findings: Finding[] = result.findings;
  // runRules returns its findings sorted: only load problems added here need a sort again.
  const sorted = findings.length;
  for (const problem of load.problems) {
    const finding = loadProblemToFinding(problem, config.rules);
    if (finding !== undefined) findings.push(finding);
  }
  if (findings.length > sorted) sortFindings(findings);
  return {
    schemaVersion: 1,
    tool: { name: 'pullguard', version: VERSION },
    target: target.id,
    findings,
    summary: summarize(findings, {
      files: load.files,
      objects: load.objects.length,
      containers: result.containers,
      fallbackImageSites: result.fallbackImageSites,
      skippedDocuments: load.skippedDocuments,
      ignored: result.ignored,
    }),
  };
}
