// A request that got no HTTP answer. Carries the system/TLS/undici error code (found anywhere in the
// `cause` chain) and the message that names the host; the gateway redacts it and keeps one line.

import type { Phase, RegistryObservation } from '../../causes/classify-registry.js';

export class TransportError extends Error {
  constructor(
    readonly code: string,
    readonly host: string,
    message: string,
    /** Set when pullguard's own per-request timer fired. */
    readonly timeoutMs?: number,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export function transportObservation(error: TransportError, phase: Phase, method: string): RegistryObservation {
  const observation: RegistryObservation = { kind: 'transport', phase, method, host: error.host, code: error.code, message: error.message };
  if (error.timeoutMs !== undefined) observation.timeoutMs = error.timeoutMs;
  return observation;
}

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    // undici wraps socket errors (UND_ERR_SOCKET) around the system error that says more.
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    if (cause === undefined) return typeof code === 'string' ? code : undefined;
    current = cause;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  let current: unknown = error;
  let message = '';
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current.message !== '') message = current.message;
    const code = (current as unknown as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') break;
    current = (current as { cause?: unknown }).cause;
  }
  // Whole, not cut to a line: the gateway redacts secrets first, then keeps the first line.
  return message.trim() || 'request failed';
}

/** The first line of a transport message, for a verdict; call it on redacted text only. */
export function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').trim() || 'request failed';
}

/** Wraps whatever undici or Node threw; `timedOut` when pullguard's own per-request timer fired. */
export function toTransportError(error: unknown, host: string, timedOut: boolean, timeoutMs: number): TransportError {
  if (error instanceof TransportError) return error;
  if (timedOut) return new TransportError('ETIMEDOUT', host, `no answer from ${host} within ${timeoutMs} ms`, timeoutMs);
  const code = codeOf(error) ?? (error instanceof Error && error.name === 'AbortError' ? 'ABORTED' : 'UNKNOWN');
  return new TransportError(code, host, messageOf(error));
}
