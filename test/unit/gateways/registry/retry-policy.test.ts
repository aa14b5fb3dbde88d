// When a registry request is repeated, and after how long (retry-policy.ts), as tables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelayMs } from '../../../../src/gateways/registry/retry-policy.js';

const NOW = Date.parse('2026-12-06T12:00:00Z');

describe('isRetryableStatus', () => {
  const retryable = [408, 429, 500, 502, 503, 504];
  for (const status of [200, 400, 401, 403, 404, 405, 408, 429, 500, 501, 502, 503, 504, 505]) {
    it(`${status}`, () => assert.equal(isRetryableStatus(status), retryable.includes(status)));
  }
});

describe('parseRetryAfter', () => {
  const cases: [string | undefined, number | undefined][] = [
    [undefined, undefined],
    ['0', 0],
    ['30', 30_000],
    [' 7 ', 7_000],
    ['Sun, 06 Dec 2026 12:00:45 GMT', 45_000],
    ['Sun, 06 Dec 2026 11:59:00 GMT', 0],
    ['soon', undefined],
  ];
  for (const [value, expected] of cases) it(`${JSON.stringify(value)} → ${expected}`, () => assert.equal(parseRetryAfter(value, NOW), expected));
});

describe('retryDelayMs', () => {
  const policy = DEFAULT_RETRY_POLICY;
  const cases: { name: string; retry: number; status: number; retryAfter?: string; expected: number | undefined }[] = [
    { name: '503, first retry: base delay', retry: 0, status: 503, expected: 200 },
    { name: '503, second retry: doubled', retry: 1, status: 503, expected: 400 },
    { name: '503 after the last retry: stop', retry: 2, status: 503, expected: undefined },
    { name: '404 is never repeated', retry: 0, status: 404, expected: undefined },
    { name: '401 is never repeated', retry: 0, status: 401, expected: undefined },
    { name: '429 waits as asked', retry: 0, status: 429, retryAfter: '3', expected: 3_000 },
    { name: '429 asking longer than the cap: report instead', retry: 0, status: 429, retryAfter: '3600', expected: undefined },
    { name: '429 asking exactly the cap', retry: 0, status: 429, retryAfter: '10', expected: 10_000 },
    { name: '429 with an HTTP date', retry: 1, status: 429, retryAfter: 'Sun, 06 Dec 2026 12:00:02 GMT', expected: 2_000 },
    { name: '429 with an unreadable Retry-After: back-off', retry: 1, status: 429, retryAfter: 'later', expected: 400 },
  ];
  for (const { name, retry, status, retryAfter, expected } of cases) {
    it(name, () => assert.equal(retryDelayMs(retry, status, retryAfter, policy, NOW), expected));
  }
  it('caps the back-off', () => {
    assert.equal(retryDelayMs(5, 500, undefined, { maxRetries: 10, baseDelayMs: 1_000, maxDelayMs: 8_000 }, NOW), 8_000);
  });
});
