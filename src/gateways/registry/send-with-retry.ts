// One registry request, repeated per the retry policy on 429/408/5xx. The wait honours the caller's
// signal, so a run's time budget also cuts a back-off short.
import { setTimeout as sleep } from 'node:timers/promises';
import { headerValue, type HttpRequest, type HttpResponse, type HttpTransport } from './http-transport.js';
import { retryDelayMs, type RetryPolicy } from './retry-policy.js';
import { TransportError } from './transport-error.js';

export interface RetriedResponse {
  response: HttpResponse;
  /** Requests made, the first included. */
  attempts: number;
}

export type Sender = (request: HttpRequest) => Promise<RetriedResponse>;

export function retryingSender(transport: HttpTransport, policy: RetryPolicy, now: () => number = Date.now): Sender {
  return async (request) => {
    for (let retry = 0; ; retry += 1) {
      const response = await transport.send(request);
      const delay = retryDelayMs(retry, response.status, headerValue(response.headers, 'retry-after'), policy, now());
      if (delay === undefined) return { response, attempts: retry + 1 };
      try {
        await sleep(delay, undefined, request.signal === undefined ? {} : { signal: request.signal });
      } catch {
        throw new TransportError('ABORTED', request.url.host, `gave up waiting to retry ${request.url.host}: the run was cancelled`);
      }
    }
  };
}
