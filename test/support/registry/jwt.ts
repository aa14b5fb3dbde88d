// ES256 JSON Web Tokens as distribution 2.8 verifies them: the signature is raw r||s (64 bytes),
// not DER (docs/registry-testing.md §1c).
import { sign, type KeyObject } from 'node:crypto';

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

export function signEs256Jwt(header: Record<string, unknown>, claims: Record<string, unknown>, privateKey: KeyObject): string {
  const input = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'ES256', ...header }))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${base64url(signature)}`;
}
