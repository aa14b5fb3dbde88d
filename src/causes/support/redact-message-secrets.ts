// Pull-error messages carry URLs, and URLs can carry secrets: `https://user:pass@host`, signed blob
// URLs (`?Signature=…`, `?verify=…`, `X-Amz-Signature=…`), tokens in queries. Everything classify
// prints about a message (image, registry, the deciding phrase) is cut from text that went through
// here first. Pure.

const REDACTED = '[redacted]';

/** `scheme://user:password@host` and `scheme://token@host`. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s"'@]+@/gi;

/**
 * Query parameters other than those a registry's token URL names openly (`scope`, `service`, and
 * containerd's mirror parameter `ns`). A parameter not on the list may be a signature or a token.
 */
const QUERY_PARAMETER = /([?&][^=&\s"'#]{1,64})=([^&\s"'#]*)/g;
const OPEN_PARAMETERS = new Set(['scope', 'service', 'ns']);

/** `Authorization: Bearer …` and `Basic …` headers echoed in an error. */
const AUTH_HEADER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;

/** `password=…` outside URLs, and JSON fields of Docker config files (`"auth":"…"`). */
const KEY_EQUALS = /\b(password|passwd|pwd|token|access_token|refresh_token|secret|client_secret|api[_-]?key)=([^\s"'&,}]+)/gi;
const JSON_SECRET = /"(password|auth|identitytoken|registrytoken|token|secret)"\s*:\s*"[^"]*"/gi;

/** Cheap test first: most messages hold none of these. */
const MAY_HOLD_SECRET = /[@=]|Bearer |Basic |"(?:password|auth|identitytoken|registrytoken|token|secret)"/i;

export function redactMessageSecrets(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  return text
    .replace(USERINFO, `$1${REDACTED}@`)
    .replace(QUERY_PARAMETER, (whole: string, key: string, value: string) =>
      OPEN_PARAMETERS.has(key.slice(1).toLowerCase()) || value === '' ? whole : `${key}=${REDACTED}`,
    )
    .replace(AUTH_HEADER, `$1 ${REDACTED}`)
    .replace(KEY_EQUALS, (whole: string, key: string, value: string) => (value === REDACTED ? whole : `${key}=${REDACTED}`))
    .replace(JSON_SECRET, `"$1":"${REDACTED}"`);
}
