// `pullguard check`: lint, then ask every image's registry whether the nodes can pull it, with the
// credentials the nodes will use (DESIGN.md "Commands"). Library entry point as well as the CLI's:
// it returns the report and leaves printing and exit codes to the caller.
import { dirname, isAbsolute, resolve } from 'node:path';
import type { PullguardConfig } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { sortFindings } from '../core/run-rules.js';
import { summarize } from '../core/summarize.js';
import type { Finding, ImageVerdict, Report } from '../core/types.js';
import { resolveTarget } from '../detect/resolve-target.js';
import { loadManifests } from '../gateways/load-manifests.js';
import { checkImages, DEFAULT_CONCURRENCY, requestKey } from '../gateways/registry/check-images.js';
import { sharedCredentialHelper, type CredentialHelper } from '../gateways/registry/credentials/credential-helper.js';
import { processCredentialHelper } from '../gateways/registry/credentials/credential-helper-process.js';
import { dockerConfigCredentials } from '../gateways/registry/credentials/docker-config-credentials.js';
import { readDockerConfig } from '../gateways/registry/credentials/docker-config-file.js';
import { applyNodeIdentity } from '../gateways/registry/credentials/node-identity.js';
import { layeredPullObjects, pullObjectsFromManifests } from '../gateways/registry/credentials/pull-object-source.js';
import { collectImageUses, type ImageUse } from '../gateways/registry/image-uses.js';
import { createOciRegistryGateway, DEFAULT_REQUEST_TIMEOUT_MS } from '../gateways/registry/oci-registry-gateway.js';
import type { ImageCheckRequest, ImageCheckResult, Platform, RegistryGateway, RegistryHostSettings } from '../facts/registry-gateway.js';
import { normalizePlatform, parsePlatform } from '../gateways/registry/select-platforms.js';
import { IMAGE_PULL_RULE_ID, verdictFinding } from '../gateways/registry/verdict-finding.js';
import { lintLoaded, loadManifestPaths } from './lint.js';

export const DEFAULT_PLATFORMS = ['linux/amd64'] as const;
/** Time for all registry checks together; open checks then end as `network-timeout` verdicts. */
export const DEFAULT_CHECK_TIMEOUT_MS = 60_000;

export interface CheckOptions {
  /** Files, directories and `-` for stdin. */
  paths: string[];
  /** A target id; overrides `config.target`. */
  target?: string;
  config: PullguardConfig;
  cwd?: string;
  stdin?: NodeJS.ReadableStream;
  /** Files with Secrets (and ServiceAccounts) the pods use that are not among the manifests checked. */
  pullSecretFiles?: string[];
  /** Node platforms (`linux/arm64`); default `config.platforms`, else linux/amd64. */
  platforms?: string[];
  /** Namespace of objects that do not name one. Default `default`. */
  namespace?: string;
  /** Registry checks in flight at once. */
  concurrency?: number;
  /** Time for all registry checks together. */
  timeoutMs?: number;
  /** Compare failed checks with the credential `docker pull` on this machine would use. Default true. */
  compareDockerConfig?: boolean;
  /** Environment for the docker config lookup and proxies. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** A gateway of the caller's; it is not closed. Default: the OCI distribution client. */
  gateway?: RegistryGateway;
  signal?: AbortSignal;
  /** Called as registry checks end: distinct checks done and in all (the CLI draws a progress line). */
  onProgress?: (done: number, total: number) => void;
}

const AUTH_FAILURES = new Set(['unauthorized', 'forbidden', 'not-found-or-unauthorized']);

export function parsePlatforms(texts: readonly string[], where: string): Platform[] {
  return texts.map((text) => {
    const platform = parsePlatform(text.trim());
    if (platform === undefined) {
      throw new UsageError(`${where}: "${text}" is not a platform`, { hint: 'Write os/architecture[/variant], e.g. linux/amd64,linux/arm64.' });
    }
    return normalizePlatform(platform);
  });
}

/** `caFile` paths of `.pullguard.yaml` are relative to the file that names them. */
function registrySettings(config: PullguardConfig, cwd: string): Record<string, RegistryHostSettings> {
  const base = config.file === undefined ? cwd : dirname(resolve(cwd, config.file));
  const settings: Record<string, RegistryHostSettings> = {};
  for (const [host, value] of Object.entries(config.registries)) {
    settings[host] = value.caFile === undefined || isAbsolute(value.caFile) ? value : { ...value, caFile: resolve(base, value.caFile) };
  }
  return settings;
}

async function loadPullSecretObjects(files: readonly string[], cwd: string) {
  if (files.length === 0) return [];
  const load = await loadManifests(files, { cwd }).catch((error: unknown) => {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`--pull-secret ${error.message}`, { hint: 'Pass files holding the Secrets (kind: Secret) the pods name in imagePullSecrets.' });
  });
  const problem = load.problems[0];
  if (problem !== undefined) throw new UsageError(`--pull-secret ${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
  return load.objects;
}

/** The verdict kubelet reaches without asking the registry: a pull secret it cannot read fails every pull. */
function blockedVerdict(use: ImageUse): ImageCheckResult | undefined {
  const problem = use.blockedBy;
  if (problem === undefined) return undefined;
  const secret = problem.secret === undefined ? 'a pull secret' : `secret ${problem.secret.namespace}/${problem.secret.name}`;
  return {
    status: problem.cause ?? 'unauthorized',
    summary: `kubelet fails every pull of this pod: ${problem.message}`,
    registry: use.reference.domain,
    credentialSource: secret,
  };
}

/**
 * For verdicts that only say "these credentials were refused": would `docker pull` on this machine
 * succeed? Then the fix is to give the nodes that access, and the summary says so.
 */
async function compareWithDockerConfig(
  gateway: RegistryGateway,
  failed: { use: ImageUse; request: ImageCheckRequest; result: ImageCheckResult }[],
  options: { env: NodeJS.ProcessEnv; concurrency: number; budgetMs: number; signal?: AbortSignal },
): Promise<void> {
  if (failed.length === 0) return;
  const docker = await readDockerConfig(options.env);
  const helper: CredentialHelper = sharedCredentialHelper(processCredentialHelper({ env: options.env }));
  const authConfigEnv = options.env['DOCKER_AUTH_CONFIG'];
  const candidates: { entry: (typeof failed)[number]; request: ImageCheckRequest }[] = [];
  for (const entry of failed) {
    const local = await dockerConfigCredentials(docker.config, entry.use.reference, {
      helper,
      ...(authConfigEnv === undefined ? {} : { authConfigEnv }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    if (local.credentials.length === 0) continue;
    candidates.push({ entry, request: { ...entry.request, credentials: local.credentials } });
  }
  const results = await checkImages(
    gateway,
    candidates.map((c) => c.request),
    { concurrency: options.concurrency, budgetMs: options.budgetMs, ...(options.signal === undefined ? {} : { signal: options.signal }) },
  );
  candidates.forEach(({ entry }, index) => {
    const local = results[index];
    if (local?.status !== 'ok') return;
    entry.result.summary =
      `${entry.result.summary}; docker on this machine can pull it with ${local.credentialSource ?? 'its credentials'}, ` +
      'which the nodes do not have: put that access into a pull secret of the pods';
  });
}

function imageVerdict(use: ImageUse, result: ImageCheckResult): ImageVerdict {
  const verdict: ImageVerdict = {
    image: use.image,
    reference: use.reference.normalized,
    status: result.status,
    summary: result.summary,
    registry: result.registry,
    locations: [],
  };
  if (result.digest !== undefined) verdict.digest = result.digest;
  if (result.mediaType !== undefined) verdict.mediaType = result.mediaType;
  if (result.platforms !== undefined) verdict.platforms = result.platforms;
  if (result.credentialSource !== undefined) verdict.credentialSource = result.credentialSource;
  if (result.evidence !== undefined) verdict.evidence = result.evidence;
  return verdict;
}

export async function check(options: CheckOptions): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const { config } = options;
  const target = resolveTarget(options.target, config.target);
  const platforms = options.platforms ?? config.platforms;
  const nodePlatforms = parsePlatforms(platforms ?? DEFAULT_PLATFORMS, options.platforms !== undefined ? '--platform' : `${config.file ?? 'config'}: platforms`);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const budgetMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1, got ${concurrency}`);
  if (!(budgetMs > 0)) throw new UsageError('--timeout must be more than 0');

  const load = await loadManifestPaths(options.paths, cwd, options.stdin);
  const secretObjects = await loadPullSecretObjects(options.pullSecretFiles ?? [], cwd);
  const lintReport = lintLoaded(load, target.id, config);

  const namespace = options.namespace ?? 'default';
  const fromManifests = pullObjectsFromManifests(load.objects, namespace);
  const pullObjects =
    secretObjects.length === 0
      ? fromManifests
      : layeredPullObjects(fromManifests, { ...pullObjectsFromManifests(secretObjects, namespace), description: 'the --pull-secret files' });
  const setting = config.rules[IMAGE_PULL_RULE_ID];
  const uses = collectImageUses(load.objects, { target, pullObjects, defaultNamespace: namespace });

  const gateway =
    options.gateway ??
    createOciRegistryGateway({
      registries: registrySettings(config, cwd),
      requestTimeoutMs: Math.min(DEFAULT_REQUEST_TIMEOUT_MS, budgetMs),
      env,
    });
  const results: ImageCheckResult[] = [];
  const requests: ImageCheckRequest[] = uses.map((use) => ({ reference: use.reference, credentials: use.credentials, platforms: nodePlatforms }));
  const started = Date.now();
  try {
    const asked = uses.map((use, index) => (blockedVerdict(use) === undefined ? index : -1)).filter((index) => index >= 0);
    const answers = await checkImages(
      gateway,
      asked.map((index) => requests[index] as ImageCheckRequest),
      {
        concurrency,
        budgetMs,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      },
    );
    const byIndex = new Map(asked.map((useIndex, answerIndex) => [useIndex, answers[answerIndex] as ImageCheckResult]));
    // One result object per distinct request, so that the comparison below amends each once.
    const distinct = new Map<string, ImageCheckResult>();
    uses.forEach((use, index) => {
      const blocked = blockedVerdict(use);
      if (blocked !== undefined) {
        results.push(blocked);
        return;
      }
      const key = requestKey(requests[index] as ImageCheckRequest);
      let result = distinct.get(key);
      if (result === undefined) {
        result = applyNodeIdentity({ ...(byIndex.get(index) as ImageCheckResult) }, use.nodeIdentity, target.displayName);
        distinct.set(key, result);
      }
      results.push(result);
    });
    // The comparison shares the run's time budget: whatever the first round left of it.
    const remainingMs = budgetMs - (Date.now() - started);
    if (options.compareDockerConfig !== false && remainingMs > 0) {
      const seen = new Set<ImageCheckResult>();
      const failed = uses
        .map((use, index) => ({ use, request: requests[index] as ImageCheckRequest, result: results[index] as ImageCheckResult }))
        .filter(({ use, result }) => use.blockedBy === undefined && AUTH_FAILURES.has(result.status) && !seen.has(result) && seen.add(result));
      await compareWithDockerConfig(gateway, failed, { env, concurrency, budgetMs: remainingMs, ...(options.signal === undefined ? {} : { signal: options.signal }) });
    }
  } finally {
    if (options.gateway === undefined) await gateway.close();
  }

  const findings: Finding[] = [...lintReport.findings];
  let ignored = lintReport.summary.ignored;
  const images = new Map<string, ImageVerdict>();
  uses.forEach((use, index) => {
    const result = results[index] as ImageCheckResult;
    const key = `${use.image}\u0000${use.blockedBy === undefined ? requestKey(requests[index] as ImageCheckRequest) : `blocked:${result.credentialSource ?? ''}`}`;
    let verdict = images.get(key);
    if (verdict === undefined) {
      verdict = imageVerdict(use, result);
      images.set(key, verdict);
    }
    verdict.locations.push({ file: use.file, line: use.position.line, column: use.position.column });
    const finding = verdictFinding(use, result);
    if (finding === undefined || setting === 'off') return;
    if (use.ignored.has(IMAGE_PULL_RULE_ID) || use.ignored.has('all')) {
      ignored++;
      return;
    }
    if (setting !== undefined) finding.severity = setting;
    findings.push(finding);
  });
  sortFindings(findings);
  return {
    ...lintReport,
    findings,
    images: [...images.values()],
    summary: summarize(findings, {
      files: lintReport.summary.files,
      objects: lintReport.summary.objects,
      containers: lintReport.summary.containers,
      skippedDocuments: lintReport.summary.skippedDocuments,
      ignored,
    }),
  };
}
