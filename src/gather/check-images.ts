// Many images at once, as `pullguard check` needs them: identical requests (same image, same
// credentials, same platforms) share one request flow, at most `concurrency` run at a time, and a
// total time budget turns whatever is still open into a verdict instead of a hang (DESIGN.md "Facts").
// Handed the gateway; does no I/O of its own.
import { createHash } from 'node:crypto';
import { classifyRegistryObservation } from '../causes/classify-registry.js';
import { credentialId } from '../credentials/credential-id.js';
import type { ImageCheckRequest, ImageCheckResult, RegistryGateway } from '../facts/registry-gateway.js';
import { runWithConcurrency } from '../shared/run-with-concurrency.js';

export interface CheckImagesOptions {
  /** Image checks in flight at once. Default 16. */
  concurrency?: number;
  /** Total time for the whole batch; open checks then end as verdicts. Default: none. */
  budgetMs?: number;
  signal?: AbortSignal;
  /** Called after each distinct check ends, with how many of how many are done (for a progress line). */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_CONCURRENCY = 16;

/** Identity of a request for de-duplication; credentials enter only as hashes. */
export function requestKey(request: ImageCheckRequest): string {
  const platforms = (request.platforms ?? []).map((p) => [p.os, p.architecture, p.variant ?? '']);
  const material = JSON.stringify([request.reference.normalized, request.credentials.map(credentialId), platforms]);
  return createHash('sha256').update(material).digest('hex');
}

function budgetVerdict(request: ImageCheckRequest, budgetMs: number, started: boolean): ImageCheckResult {
  const { reference } = request;
  const verdict = classifyRegistryObservation(
    { kind: 'budget', started, budgetMs },
    { registry: reference.domain, repository: reference.path, reference: reference.digest ?? reference.tag ?? 'latest', dockerHub: false, credential: 'anonymous' },
  );
  return { status: verdict.status, summary: verdict.summary, registry: reference.domain, evidence: verdict.evidence };
}

export async function checkImages(
  gateway: RegistryGateway,
  requests: readonly ImageCheckRequest[],
  options: CheckImagesOptions = {},
): Promise<ImageCheckResult[]> {
  const budgetSignal = options.budgetMs === undefined ? undefined : AbortSignal.timeout(options.budgetMs);
  const signals = [options.signal, budgetSignal].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length === 0 ? undefined : AbortSignal.any(signals);
  const unique = new Map<string, ImageCheckRequest>();
  const keys = requests.map((request) => {
    const key = requestKey(request);
    if (!unique.has(key)) unique.set(key, request);
    return key;
  });
  const distinct = [...unique.entries()];
  const budgetSpent = (): boolean => budgetSignal?.aborted === true;
  let done = 0;
  const outcomes = await runWithConcurrency(distinct, options.concurrency ?? DEFAULT_CONCURRENCY, async ([, request]) => {
    if (budgetSpent()) return budgetVerdict(request, options.budgetMs ?? 0, false);
    const result = await gateway.checkImage(request, signal);
    done += 1;
    options.onProgress?.(done, distinct.length);
    // A request cut by the budget comes back as an aborted transport error: say what cut it.
    if (budgetSpent() && result.status !== 'ok' && result.evidence?.errorCode === 'ABORTED') {
      return budgetVerdict(request, options.budgetMs ?? 0, true);
    }
    return result;
  });
  const byKey = new Map(distinct.map(([key], index) => [key, outcomes[index] as ImageCheckResult]));
  return keys.map((key) => byKey.get(key) as ImageCheckResult);
}
