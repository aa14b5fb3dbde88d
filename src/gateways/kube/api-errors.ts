// How a request to the API server can end other than with its answer. A fact that cannot be read
// (403, 404 of a resource the server does not serve, a request over its time budget) is a
// FactUnavailable: the reader records it as `unknown` and the run goes on. Anything that makes
// every request fail (the server cannot be reached, its certificate is not trusted, the
// credentials are refused) is a ClusterUnreachable: one line for the user, exit 2.
import { PullguardError } from '../../shared/errors.js';

export class FactUnavailable extends Error {
  /** `forbidden: list nodes`, `timeout: list pods after 10 s`. */
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FactUnavailable';
  }
}

export class ClusterUnreachable extends PullguardError {}

const TLS_CODES: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate signed by unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate signed by unknown authority',
  SELF_SIGNED_CERT_IN_CHAIN: 'certificate signed by unknown authority',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificate signed by unknown authority (self-signed)',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate is not valid for this host name',
};

/** One line for a network or TLS failure of undici/Node (their messages carry no credentials). */
export function describeConnectionFailure(error: unknown): { kind: 'tls' | 'network'; detail: string } {
  const cause = (error as { cause?: unknown }).cause;
  const candidates = [error, cause].filter((e): e is NodeJS.ErrnoException => e instanceof Error);
  for (const candidate of candidates) {
    const code = candidate.code;
    if (code !== undefined && TLS_CODES[code] !== undefined) {
      return { kind: 'tls', detail: `TLS: ${TLS_CODES[code]}` };
    }
    if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|EPROTO/i.test(candidate.message)) {
      return { kind: 'tls', detail: 'TLS: the server did not answer TLS (is it an http:// server?)' };
    }
    switch (code) {
      case 'ECONNREFUSED':
        return { kind: 'network', detail: 'connection refused' };
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return { kind: 'network', detail: 'host name not found' };
      case 'ECONNRESET':
        return { kind: 'network', detail: 'connection reset' };
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
        return { kind: 'network', detail: 'no route to host' };
      case 'UND_ERR_CONNECT_TIMEOUT':
        return { kind: 'network', detail: 'connection timed out' };
      case 'UND_ERR_SOCKET':
        return { kind: 'network', detail: 'the connection closed unexpectedly' };
      default:
        break;
    }
    if (candidate.message.includes('Proxy response')) return { kind: 'network', detail: `proxy: ${candidate.message}` };
  }
  const first = candidates[candidates.length - 1] ?? candidates[0];
  return { kind: 'network', detail: first?.code ?? first?.message.split('\n')[0] ?? String(error) };
}
