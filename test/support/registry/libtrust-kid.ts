// The key id distribution 2.8 accepts in a JWT `kid` header: libtrust's fingerprint of the public
// key, i.e. SHA-256 over the DER SubjectPublicKeyInfo, first 240 bits, base32 without padding, in 12
// groups of 4 joined by `:` (docs/registry-testing.md §1c).
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32NoPadding(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function libtrustKeyId(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  const hash = createHash('sha256').update(der).digest().subarray(0, 30);
  return (base32NoPadding(hash).match(/.{4}/g) ?? []).join(':');
}
