// The part of Go's net/url.Parse that kubelet's keyring and docker's ConvertToHostname depend on:
// the host (with its port, unescaped, case kept) and the unescaped path, or a parse failure.
// WHATWG `new URL()` cannot stand in: it lowercases hosts, drops default ports (`:443`), applies
// IDNA and rejects `*` in hosts, each of which would change which credentials match.

export interface GoUrl {
  /** Lower-cased scheme, or '' when there is none. */
  scheme: string;
  /** `host[:port]` as url.URL.Host: unescaped, case kept, brackets kept for IPv6 literals. */
  host: string;
  /** url.URL.Path: unescaped. */
  path: string;
}

function isHex(c: string): boolean {
  return /^[0-9A-Fa-f]$/.test(c);
}

function isAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

// ASCII characters a host may hold without escaping (net/url shouldEscape in host mode).
const HOST_EXTRA = new Set("!$&'()*+,;=:[]<>\"-_.~");
// ASCII characters userinfo may hold (net/url validUserinfo).
const USERINFO_EXTRA = new Set("-._:~!$&'()*+,;=%@");

type Mode = 'host' | 'path' | 'fragment' | 'userinfo';

/** net/url unescape: validates `%XX` (and, for hosts, the allowed characters) and decodes. */
function unescape(s: string, mode: Mode): string | undefined {
  const bytes: number[] = [];
  const raw = Buffer.from(s, 'utf8');
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i] as number;
    if (byte === 0x25) {
      const h1 = String.fromCharCode(raw[i + 1] ?? 0);
      const h2 = String.fromCharCode(raw[i + 2] ?? 0);
      if (i + 2 >= raw.length || !isHex(h1) || !isHex(h2)) return undefined;
      const value = parseInt(h1 + h2, 16);
      // Hosts may only percent-encode non-ASCII bytes, and %25 itself (RFC 6874 zones).
      if (mode === 'host' && value < 0x80 && !(h1 === '2' && h2 === '5')) return undefined;
      bytes.push(value);
      i += 2;
      continue;
    }
    if (mode === 'host' && byte < 0x80 && !isAlnum(byte) && !HOST_EXTRA.has(String.fromCharCode(byte))) return undefined;
    bytes.push(byte);
  }
  return Buffer.from(bytes).toString('utf8');
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (!port.startsWith(':')) return false;
  return /^[0-9]*$/.test(port.slice(1));
}

function parseHost(host: string): string | undefined {
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return undefined;
    if (!validOptionalPort(host.slice(close + 1))) return undefined;
  } else {
    const colon = host.lastIndexOf(':');
    if (colon !== -1 && !validOptionalPort(host.slice(colon))) return undefined;
  }
  return unescape(host, 'host');
}

function splitScheme(raw: string): { scheme: string; rest: string } | undefined {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (letter) continue;
    const schemeChar = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
    if (schemeChar) {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === 0x3a) {
      if (i === 0) return undefined; // "missing protocol scheme"
      return { scheme: raw.slice(0, i).toLowerCase(), rest: raw.slice(i + 1) };
    }
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

/** Go's `url.Parse(raw)`, reduced to scheme, host and path; undefined where Go returns an error. */
export function parseGoUrl(raw: string): GoUrl | undefined {
  // Control bytes are rejected outright.
  if (/[\u0000-\u001f\u007f]/.test(raw)) return undefined;
  const hash = raw.indexOf('#');
  const beforeFragment = hash < 0 ? raw : raw.slice(0, hash);
  if (hash >= 0 && unescape(raw.slice(hash + 1), 'fragment') === undefined) return undefined;
  if (beforeFragment === '') return { scheme: '', host: '', path: '' };

  const split = splitScheme(beforeFragment);
  if (split === undefined) return undefined;
  const { scheme } = split;
  let rest = split.rest;
  const questionMarks = rest.split('?').length - 1;
  if (rest.endsWith('?') && questionMarks === 1) rest = rest.slice(0, -1);
  else if (questionMarks > 0) rest = rest.slice(0, rest.indexOf('?'));

  if (!rest.startsWith('/')) {
    if (scheme !== '') return { scheme, host: '', path: '' }; // opaque, e.g. "https:foo"
    // A relative reference's first segment may not hold a colon.
    if ((rest.split('/')[0] ?? '').includes(':')) return undefined;
  }

  let host = '';
  if ((scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const afterSlashes = rest.slice(2);
    const slash = afterSlashes.indexOf('/');
    const authority = slash < 0 ? afterSlashes : afterSlashes.slice(0, slash);
    rest = slash < 0 ? '' : afterSlashes.slice(slash);
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      for (const ch of userinfo) {
        if (!isAlnum(ch.charCodeAt(0)) && !USERINFO_EXTRA.has(ch)) return undefined;
      }
      if (unescape(userinfo, 'userinfo') === undefined) return undefined;
    }
    const parsedHost = parseHost(at >= 0 ? authority.slice(at + 1) : authority);
    if (parsedHost === undefined) return undefined;
    host = parsedHost;
  }
  const path = unescape(rest, 'path');
  if (path === undefined) return undefined;
  return { scheme, host, path };
}

/** url.URL.Hostname() and Port(): the port only when it is all digits; IPv6 brackets removed. */
export function splitGoHostname(host: string): { hostname: string; port: string } {
  let hostname = host;
  let port = '';
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(host.slice(colon))) {
    hostname = host.slice(0, colon);
    port = host.slice(colon + 1);
  }
  if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
  return { hostname, port };
}

/**
 * net.SplitHostPort as kubelet's SplitURL uses it: on any error the whole value is the host and
 * the port is empty, so `registry:5000` has port `5000` and `registry` has port ''.
 */
export function splitGoHostPort(hostport: string): { host: string; port: string } {
  const failed = { host: hostport, port: '' };
  const lastColon = hostport.lastIndexOf(':');
  if (lastColon < 0) return failed;
  let host: string;
  let openAllowedFrom = 0;
  let closeAllowedFrom = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0 || end + 1 !== lastColon) return failed;
    host = hostport.slice(1, end);
    openAllowedFrom = 1;
    closeAllowedFrom = end + 1;
  } else {
    host = hostport.slice(0, lastColon);
    if (host.includes(':')) return failed;
  }
  if (hostport.slice(openAllowedFrom).includes('[')) return failed;
  if (hostport.slice(closeAllowedFrom).includes(']')) return failed;
  return { host, port: hostport.slice(lastColon + 1) };
}
