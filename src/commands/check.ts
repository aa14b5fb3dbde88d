// `pullguard check`: lint plus what the registries say, with the credentials the nodes will use
// (DESIGN.md "Commands"). Composition only: load the manifests, gather the registry facts over the
// gateways, run every rule over both, return the report. Library entry point as well as the CLI's:
// printing and exit codes are the caller's.
import { dirname, isAbsolute, resolve } from 'node:path';
import type { PullguardConfig } from '../core/config.js';
import { UsageError } from '../shared/errors.js';
import { summarizeImages } from '../core/summarize-images.js';
import type { Report, UnverifiedPolicy } from '../core/types.js';
import { resolveTarget } from '../detect/resolve-target.js';
import type { ClusterReader } from '../facts/cluster-reader.js';
import type { LocalRuntime } from '../facts/local-runtime.js';
import { gatherCluster, type GatheredCluster } from '../gather/gather-cluster.js';
import { profileFromDetection, type ClusterProfile } from '../gather/profile-for-cluster.js';
import { detect } from './detect.js';
import { oncePerRun } from '../gather/once-per-run.js';
import { clusterSummary } from '../gather/cluster-summary.js';
import type { Platform, RegistryGateway, RegistryHostSettings } from '../facts/registry-gateway.js';
import { DEFAULT_CONCURRENCY } from '../gather/check-images.js';
import { gatherImages } from '../gather/gather-images.js';
import { dockerLocalMachine } from '../gateways/local/docker-credentials.js';
import { loadManifests } from '../gateways/files/load-manifests.js';
import { layeredPullObjects, pullObjectsFromManifests } from '../credentials/pull-object-source.js';
import { createOciRegistryGateway, DEFAULT_REQUEST_TIMEOUT_MS } from '../gateways/registry/oci-registry-gateway.js';
import type { WalkProgress } from '../gateways/files/walk-directory.js';
import { normalizePlatform, parsePlatform } from '../images/select-platforms.js';
import { lintLoaded, loadBuildToolsFor, loadManifestPaths } from './lint.js';

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
  /** Namespace of objects that do not name one. Default: the cluster context's, else `default`. */
  namespace?: string;
  /** Registry checks in flight at once. */
  concurrency?: number;
  /** Time for all registry checks together. */
  timeoutMs?: number;
  /**
   * Images that could not be verified from this machine (DNS, refused, timeout, TLS, rate limit,
   * 5xx, time budget): `fail` makes the exit code 1, `allow` leaves it to the findings. Default:
   * `config.unverified`, else `fail`, so that a CI runner that reached no registry cannot pass.
   */
  unverified?: UnverifiedPolicy;
  /** Compare failed checks with the credential `docker pull` on this machine would use. Default true. */
  compareDockerConfig?: boolean;
  /** Environment for the docker config lookup and proxies. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** A gateway of the caller's; it is not closed. Default: the OCI distribution client. */
  gateway?: RegistryGateway;
  signal?: AbortSignal;
  /** Called as registry checks end: distinct checks done and in all (the CLI draws a progress line). */
  onProgress?: (done: number, total: number) => void;
  /** Called as directory walks list folders (see LintOptions). */
  onWalkProgress?: (progress: WalkProgress) => void;
  /**
   * The cluster to check against (the CLI opens it from --snapshot, --context, --kubeconfig or the
   * current context): namespaces, ServiceAccounts, pull secrets and their credentials, node platforms
   * and images. Without `target`, the profile is detected from it. The caller closes it, if needed.
   */
  cluster?: ClusterReader;
  /**
   * This machine's container runtime, asked on local clusters about images the nodes lack. Default:
   * the Docker Engine the docker CLI would use (DOCKER_HOST, docker contexts); `false`: never ask.
   */
  localRuntime?: LocalRuntime | false;
}

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

export async function check(options: CheckOptions): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const { config } = options;
  const reader = options.cluster === undefined ? undefined : oncePerRun(options.cluster);
  // --target overrides the profile; reading a cluster, detection comes before .pullguard.yaml's target.
  // Detection as `pullguard detect` answers it, answers saved in .pullguard.yaml (clusters.CONTEXT) included.
  const detected = reader === undefined ? undefined : await detect({ reader, config });
  const profile: ClusterProfile | undefined = detected === undefined ? undefined : profileFromDetection(detected.detection, detected.facts);
  const target = options.target === undefined && profile !== undefined ? profile.target : resolveTarget(options.target, config.target);
  const sameType = profile !== undefined && profile.target.id === target.id;
  const clusterName = sameType ? profile.clusterName : undefined;
  const loadCommand = sameType ? profile.loadCommand : undefined;
  const platforms = options.platforms ?? config.platforms;
  const platformsFrom = options.platforms !== undefined ? '--platform' : `${config.file ?? 'config'}: platforms`;
  let nodePlatforms = parsePlatforms(platforms ?? DEFAULT_PLATFORMS, platformsFrom);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const budgetMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of at least 1, got ${concurrency}`);
  if (!(budgetMs > 0)) throw new UsageError('--timeout must be more than 0');

  const load = await loadManifestPaths(options.paths, cwd, options.stdin, options.onWalkProgress);
  const secretObjects = await loadPullSecretObjects(options.pullSecretFiles ?? [], cwd);
  const namespace = options.namespace ?? reader?.context.namespace ?? 'default';
  const fromManifests = pullObjectsFromManifests(load.objects, namespace);
  const manifestPullObjects =
    secretObjects.length === 0
      ? fromManifests
      : layeredPullObjects(fromManifests, { ...pullObjectsFromManifests(secretObjects, namespace), description: 'the --pull-secret files' });

  let cluster: GatheredCluster | undefined;
  if (reader !== undefined) {
    const localRuntime =
      options.localRuntime === false || target.location !== 'local'
        ? undefined
        : (options.localRuntime ?? (await import('../gateways/local/docker-engine.js').then(({ dockerEngine }) => dockerEngine(env))));
    try {
      cluster = await gatherCluster({
        reader,
        objects: load.objects,
        defaultNamespace: namespace,
        manifestPullObjects,
        target,
        ...(clusterName === undefined ? {} : { clusterName }),
        ...(loadCommand === undefined ? {} : { loadCommand }),
        ...(localRuntime === undefined ? {} : { localRuntime }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
    } finally {
      if (options.localRuntime === undefined) await localRuntime?.close();
    }
    // The nodes' own platforms, unless --platform or .pullguard.yaml say otherwise.
    const nodes = cluster.facts.nodes;
    if (platforms === undefined && 'value' in nodes && nodes.value.platforms.length > 0) nodePlatforms = [...nodes.value.platforms];
  }
  // The manifests about to be applied win over what the cluster holds.
  const pullObjects = cluster === undefined ? manifestPullObjects : layeredPullObjects(manifestPullObjects, cluster.pullObjects);

  const registry =
    options.gateway ??
    createOciRegistryGateway({
      registries: registrySettings(config, cwd),
      requestTimeoutMs: Math.min(DEFAULT_REQUEST_TIMEOUT_MS, budgetMs),
      env,
    });
  let gathered;
  try {
    gathered = await gatherImages({
      objects: load.objects,
      target,
      pullObjects,
      defaultNamespace: namespace,
      platforms: nodePlatforms,
      registry,
      ...(options.compareDockerConfig === false ? {} : { local: dockerLocalMachine(env) }),
      concurrency,
      budgetMs,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
  } finally {
    if (options.gateway === undefined) await registry.close();
  }

  const report = lintLoaded(
    load,
    target.id,
    config,
    {
      images: gathered.images,
      pullObjects: { source: pullObjects, defaultNamespace: namespace },
      ...(cluster === undefined ? {} : { cluster: cluster.facts }),
    },
    await loadBuildToolsFor(load, options.paths, cwd),
  );
  const unverifiedPolicy = options.unverified ?? config.unverified ?? 'fail';
  return {
    ...report,
    ...(cluster === undefined || profile === undefined
      ? {}
      : { cluster: clusterSummary(cluster.facts, target, profile, options.target === undefined ? 'detected' : '--target') }),
    images: gathered.verdicts,
    summary: { ...report.summary, images: summarizeImages(gathered.verdicts, unverifiedPolicy) },
  };
}
