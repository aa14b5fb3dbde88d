// SARIF artifactLocation.uri must be a URI reference (RFC 3986), while findings carry file paths
// as the user typed them: relative or absolute, POSIX or Windows, with spaces, `%`, `#`, unicode,
// or the `<stdin>` placeholder. Relative paths stay relative (code scanning resolves them against
// the checkout); absolute ones become file: URIs.

// RFC 3986 pchar without ':' (a ':' in the first segment of a relative reference would read as a
// scheme) and without '%' (always encoded, so that a literal '%' in a file name survives).
const PATH_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=@]$/;
const encoder = new TextEncoder();

function encodeSegment(segment: string): string {
  let out = '';
  for (const char of segment) {
    if (PATH_SAFE.test(char)) {
      out += char;
      continue;
    }
    for (const byte of encoder.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeSegment).join('/');
}

export function artifactUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\//.exec(path);
  if (drive !== null) return `file:///${drive[1]}:/${encodePath(path.slice(3))}`;
  if (path.startsWith('/')) return `file://${encodePath(path)}`;
  return encodePath(path.replace(/^(\.\/)+/, ''));
}
