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

/**
 * Each replacement runs only when the text has what it looks for: regular expressions that try a
 * list of words at every position cost more than the rest of the classification.
 */
export function redactMessageSecrets(text: string): string {
  let out = text;
  if (out.includes('@') && out.includes('://')) out = out.replace(USERINFO, `$1${REDACTED}@`);
  if (out.includes('?')) {
    out = out.replace(QUERY_PARAMETER, (whole: string, key: string, value: string) =>
      OPEN_PARAMETERS.has(key.slice(1).toLowerCase()) || value === '' ? whole : `${key}=${REDACTED}`,
    );
  }
  if (out.includes('Bearer ') || out.includes('Basic ')) out = out.replace(AUTH_HEADER, `$1 ${REDACTED}`);
  if (hasWordBeforeEquals(out)) out = out.replace(KEY_EQUALS, (whole: string, key: string, value: string) => (value === REDACTED ? whole : `${key}=${REDACTED}`));
  if (out.includes('":')) out = out.replace(JSON_SECRET, `"$1":"${REDACTED}"`);
  return out;
}

/** `name=` somewhere (not `code = Unknown`), found with indexOf: most messages have two `=` and no such name. */
function hasWordBeforeEquals(text: string): boolean {
  for (let at = text.indexOf('='); at > 0; at = text.indexOf('=', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if ((before >= 48 && before <= 57) || (before >= 65 && before <= 90) || (before >= 97 && before <= 122) || before === 95) return true;
  }
  return false;
}
