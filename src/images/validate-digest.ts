// go-digest's `Digest.Validate` (opencontainers/go-digest v1), which distribution/reference applies
// after the reference regexp accepted the digest's shape: the algorithm must be registered (sha256,
// sha384, sha512 in kubelet and containerd) and the hex part must be exactly the hash size in
// lowercase hex. Uppercase hex passes the reference regexp and still fails here.

import type { ImageReferenceErrorCode } from './types.js';
import { DIGEST_ALGORITHMS, expectedDigestHexLength, quoteChar, quoteText } from './reference-grammar.js';

export interface DigestProblem {
  code: Extract<ImageReferenceErrorCode, 'digest-invalid' | 'digest-unsupported-algorithm'>;
  /** 0-based offset inside the digest text. */
  offset: number;
  what: string;
  rule: string;
}

const SUPPORTED = Object.keys(DIGEST_ALGORITHMS).join(', ');

/** `digest` is `ALGORITHM:HEX` whose shape already matched the reference grammar. */
export function validateDigest(digest: string): DigestProblem | undefined {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const expected = expectedDigestHexLength(algorithm);
  if (expected === undefined) {
    const lower = algorithm.toLowerCase();
    const hint = expectedDigestHexLength(lower) !== undefined ? ` (algorithm names are lowercase: ${lower})` : '';
    return {
      code: 'digest-unsupported-algorithm',
      offset: 0,
      what: `has the unsupported algorithm ${quoteText(algorithm)}${hint}`,
      rule: `supported algorithms: ${SUPPORTED}`,
    };
  }
  if (hex.length !== expected) {
    return {
      code: 'digest-invalid',
      offset: colon + 1,
      what: `has ${hex.length} hex digits`,
      rule: `${algorithm} needs exactly ${expected}`,
    };
  }
  for (let i = 0; i < hex.length; i++) {
    const c = hex.charCodeAt(i);
    if (c >= 0x41 && c <= 0x46) {
      return {
        code: 'digest-invalid',
        offset: colon + 1 + i,
        what: `has the uppercase hex digit ${quoteChar(hex.charAt(i))}`,
        rule: 'digests are lowercase hex',
      };
    }
  }
  return undefined;
}
