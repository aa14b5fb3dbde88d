// A credential's identity for cache and de-duplication keys, without the credential in it.
import { createHash } from 'node:crypto';
import type { RegistryCredential } from '../facts/registry-gateway.js';

/** A stable, non-reversible identity of a credential for cache keys; `anonymous` for none. */
export function credentialId(credential: RegistryCredential | undefined): string {
  if (credential === undefined) return 'anonymous';
  const material = JSON.stringify([credential.username, credential.password, credential.identityToken, credential.registryToken]);
  return createHash('sha256').update(material).digest('hex').slice(0, 32);
}
