// gather/: gathering the facts of one run over the gateways it is handed (parallel, de-duplicated,
// time-budgeted). Imports the core folders below it, never gateways/ itself.
// The registry facts of `check`: for every image a node pulls (credentials/image-pulls.ts), what its
// registry says to the credentials kubelet would send, once per distinct request. Kubelet's own
// verdicts come first (a pull secret it cannot read fails every pull, without a request), node
// identity turns refusals into "cannot be verified from here", and refusals are compared with what
// docker on this machine could pull. Handed the gateways; does no I/O of its own.
// src/gather/ collects the facts of one run over the interfaces of src/facts/; it may import the
// core folders, never gateways/, commands/ or cli/.
import { getCause } from '../causes/index.js';
import type { ImageVerdict } from '../core/types.js';
import type { ManifestObject } from '../manifests/model.js';
import { collectImagePulls, type ImagePull } from '../credentials/image-pulls.js';
import type { TargetProfile } from '../detect/target-profile.js';
import type { ImagePullFact } from '../facts/facts.js';
import type { LocalMachine } from '../facts/local-machine.js';
import type { ImageCheckRequest, ImageCheckResult, Platform, RegistryGateway } from '../facts/registry-gateway.js';
import { applyNodeIdentity } from '../credentials/node-identity.js';
import type { PullObjectSource } from '../credentials/pull-object-source.js';
import { checkImages, requestKey } from './check-images.js';

export interface GatherImagesOptions {
  objects: readonly ManifestObject[];
  target: TargetProfile;
  /** Secrets and ServiceAccounts the pods' pull secrets resolve against. */
  pullObjects: PullObjectSource;
  /** Namespace of objects that do not say. */
  defaultNamespace: string;
  /** Node platforms an index must offer. */
  platforms: readonly Platform[];
  registry: RegistryGateway;
  /** Compare refused checks with docker's credentials on this machine; absent: no comparison. */
  local?: LocalMachine;
  concurrency: number;
  /** Time for every request of the run together, the comparison included. */
  budgetMs: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface GatheredImages {
  /** What the registry said about each image use, by object: `Facts['images']`. */
  images: Map<ManifestObject, ImagePullFact[]>;
  /** One verdict per image and distinct request, with every place it is used (the report's `images`). */
  verdicts: ImageVerdict[];
}

/** The verdict kubelet reaches without asking the registry: a pull secret it cannot read fails every pull. */
function blockedVerdict(pull: ImagePull): ImageCheckResult | undefined {
  const problem = pull.blockedBy;
  if (problem === undefined) return pull.credentialsUnknown === undefined ? undefined : credentialsUnknownVerdict(pull, pull.credentialsUnknown);
  const secret = problem.secret === undefined ? 'a pull secret' : `secret ${problem.secret.namespace}/${problem.secret.name}`;
  return {
    status: problem.cause ?? 'unauthorized',
    summary: `kubelet fails every pull of this pod: ${problem.message}`,
    registry: pull.reference.domain,
    credentialSource: secret,
  };
}

/** Asking with other credentials than kubelet's would answer another question: the check is left open. */
function credentialsUnknownVerdict(pull: ImagePull, reason: string): ImageCheckResult {
  return { status: 'unknown', summary: `not checked: ${reason}`, registry: pull.reference.domain };
}

/**
 * For verdicts that only say "these credentials were refused": would `docker pull` on this machine
 * succeed? Then the fix is to give the nodes that access, and the summary says so.
 */
async function compareWithLocalDocker(
  registry: RegistryGateway,
  local: LocalMachine,
  failed: { pull: ImagePull; request: ImageCheckRequest; result: ImageCheckResult }[],
  options: { concurrency: number; budgetMs: number; signal?: AbortSignal },
): Promise<void> {
  if (failed.length === 0) return;
  const candidates: { entry: (typeof failed)[number]; request: ImageCheckRequest }[] = [];
  for (const entry of failed) {
    const credentials = await local.dockerCredentials(entry.pull.reference, options.signal);
    if (credentials.length === 0) continue;
    candidates.push({ entry, request: { ...entry.request, credentials } });
  }
  const results = await checkImages(
    registry,
    candidates.map((c) => c.request),
    { concurrency: options.concurrency, budgetMs: options.budgetMs, ...(options.signal === undefined ? {} : { signal: options.signal }) },
  );
  candidates.forEach(({ entry }, index) => {
    const result = results[index];
    if (result?.status !== 'ok') return;
    entry.result.summary =
      `${entry.result.summary}; docker on this machine can pull it with ${result.credentialSource ?? 'its credentials'}, ` +
      'which the nodes do not have: put that access into a pull secret of the pods';
  });
}

/**
 * A refusal of the credentials sent, for a pod that names a pull secret that is not among the
 * objects read: the secret is what the verdict is about (docs/causes/pull-secret-missing.md).
 */
function missingSecretVerdict(pull: ImagePull, result: ImageCheckResult): ImageCheckResult {
  const secret = pull.unresolvedSecrets[0];
  if (secret === undefined || result.status === 'ok' || !getCause(result.status).auth) return result;
  const names = pull.unresolvedSecrets.map((s) => `${s.namespace}/${s.name}`).join(', ');
  const which = pull.unresolvedSecrets.length === 1 ? `pull secret ${names}, which the pod names,` : `pull secrets ${names}, which the pod names,`;
  return {
    ...result,
    status: 'pull-secret-missing',
    summary:
      `${which} ${pull.unresolvedSecrets.length === 1 ? 'is' : 'are'} not among ${pull.searched}, and without ${pull.unresolvedSecrets.length === 1 ? 'it' : 'them'} ` +
      `${result.registry} refuses the pull (${result.status}${result.credentialSource === undefined ? '' : ` with ${result.credentialSource} credentials`})`,
  };
}

function imageVerdict(pull: ImagePull, result: ImageCheckResult): ImageVerdict {
  return { image: pull.image, reference: pull.reference.normalized, ...result, locations: [] };
}

export async function gatherImages(options: GatherImagesOptions): Promise<GatheredImages> {
  const { target, concurrency, budgetMs, signal } = options;
  const pulls = collectImagePulls(options.objects, { target, pullObjects: options.pullObjects, defaultNamespace: options.defaultNamespace });
  const requests: ImageCheckRequest[] = pulls.map((pull) => ({ reference: pull.reference, credentials: pull.credentials, platforms: options.platforms }));
  const results: ImageCheckResult[] = [];
  const started = Date.now();

  const asked = pulls.map((pull, index) => (blockedVerdict(pull) === undefined ? index : -1)).filter((index) => index >= 0);
  const answers = await checkImages(
    options.registry,
    asked.map((index) => requests[index] as ImageCheckRequest),
    { concurrency, budgetMs, ...(signal === undefined ? {} : { signal }), ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) },
  );
  const byIndex = new Map(asked.map((pullIndex, answerIndex) => [pullIndex, answers[answerIndex] as ImageCheckResult]));
  // One result object per distinct request, so that the comparison below amends each once.
  const distinct = new Map<string, ImageCheckResult>();
  pulls.forEach((pull, index) => {
    const blocked = blockedVerdict(pull);
    if (blocked !== undefined) {
      results.push(blocked);
      return;
    }
    const key = requestKey(requests[index] as ImageCheckRequest);
    let result = distinct.get(key);
    if (result === undefined) {
      result = applyNodeIdentity({ ...(byIndex.get(index) as ImageCheckResult) }, pull.nodeIdentity, target.displayName);
      distinct.set(key, result);
    }
    results.push(result);
  });

  // The comparison shares the run's time budget: whatever the first round left of it.
  const remainingMs = budgetMs - (Date.now() - started);
  if (options.local !== undefined && remainingMs > 0) {
    const seen = new Set<ImageCheckResult>();
    const failed = pulls
      .map((pull, index) => ({ pull, request: requests[index] as ImageCheckRequest, result: results[index] as ImageCheckResult }))
      .filter(({ pull, result }) => pull.blockedBy === undefined && result.status !== 'ok' && getCause(result.status).auth && !seen.has(result) && seen.add(result));
    await compareWithLocalDocker(options.registry, options.local, failed, { concurrency, budgetMs: remainingMs, ...(signal === undefined ? {} : { signal }) });
  }

  const images = new Map<ManifestObject, ImagePullFact[]>();
  const verdicts = new Map<string, ImageVerdict>();
  pulls.forEach((pull, index) => {
    const result = missingSecretVerdict(pull, results[index] as ImageCheckResult);
    const missing = result.status === 'pull-secret-missing' ? `\u0000missing:${pull.unresolvedSecrets.map((s) => `${s.namespace}/${s.name}`).join(',')}` : '';
    const key = `${pull.image}\u0000${blockedVerdict(pull) === undefined ? requestKey(requests[index] as ImageCheckRequest) : `blocked:${result.credentialSource ?? ''}:${pull.credentialsUnknown ?? ''}`}${missing}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = imageVerdict(pull, result);
      verdicts.set(key, verdict);
    }
    const position = pull.object.positionOf(pull.path);
    verdict.locations.push({ file: pull.object.file, line: position.line, column: position.column });
    let facts = images.get(pull.object);
    if (facts === undefined) {
      facts = [];
      images.set(pull.object, facts);
    }
    facts.push({
      path: pull.path,
      container: pull.container,
      image: pull.image,
      registry: pull.reference.domain,
      sendsCredentials: pull.credentials.length > 0,
      ...(pull.unresolvedSecrets.length === 0 ? {} : { unresolvedSecrets: pull.unresolvedSecrets }),
      verdict: result,
    });
  });
  return { images, verdicts: [...verdicts.values()] };
}
