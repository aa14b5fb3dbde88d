// Last line of defence: a registry that echoes a credential or token into an error message must not
// get it printed. Every secret the gateway has seen is replaced before a verdict leaves it.

/** Secrets shorter than this are not searched for: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;
export const REDACTED = '[redacted]';

export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    result = result.split(secret).join(REDACTED);
  }
  return result;
}
