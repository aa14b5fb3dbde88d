// The secrets this process has seen, for the output layer to redact. Shared state on purpose:
// credentials are loaded deep inside check (pull secrets, docker config, credential helpers,
// tokens from token services) while output is written far away (formatters, stderr, progress
// line), and a secret must be known to every writer before any writer runs. Registration is
// one call where a credential is read; nothing is ever removed (a secret seen once stays one for
// the life of the process, which also covers library callers running several checks).
import { SecretRedactor } from './redactor.js';

export const runSecrets = new SecretRedactor();

/** Registers a credential value; with `username`, the base64 of `username:secret` too (Basic auth, `auth` fields). */
export function registerSecret(secret: string | undefined, username?: string): void {
  runSecrets.add(secret, username);
}
