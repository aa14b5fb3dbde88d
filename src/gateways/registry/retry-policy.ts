// When to repeat a registry request: 429 after the `Retry-After` the registry asked for, 408 and
// 500/502/503/504 with exponential back-off (as regclient does). A
// `Retry-After` longer than the cap is not waited for: the verdict says when to retry instead.

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First back-off for 5xx without `Retry-After`; doubles each retry. */
  baseDelayMs: number;
  /** Longest wait pullguard accepts, from back-off or `Retry-After`. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, baseDelayMs: 200, maxDelayMs: 10_000 };

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE.has(status);
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * How long to wait before retry number `retry` (0 = the first retry) of a request that got `status`,
 * or undefined to stop and report.
 */
export function retryDelayMs(
  retry: number,
  status: number,
  retryAfter: string | undefined,
  policy: RetryPolicy,
  nowMs: number,
): number | undefined {
  if (!isRetryableStatus(status) || retry >= policy.maxRetries) return undefined;
  const asked = parseRetryAfter(retryAfter, nowMs);
  if (asked !== undefined) return asked <= policy.maxDelayMs ? asked : undefined;
  return Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
}
