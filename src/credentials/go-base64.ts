// Go's encoding/base64 decoders, as the API server (Secret `data`, via encoding/json's []byte rule)
// and kubelet (the `auth` field of a docker config entry) run them. Node's Buffer.from(s, 'base64')
// silently skips bad characters and missing padding, so accepting exactly what Go accepts, and
// reporting Go's "illegal base64 data at input byte N" offset, needs this validation pass.
//
// Go's non-strict decoders (the ones used) skip '\r' and '\n' anywhere and ignore non-zero trailing
// bits; `StdEncoding` needs '=' padding, `RawStdEncoding` refuses any '='.

export type GoBase64Result = { ok: true; bytes: Buffer } | { ok: false; offset: number };

const NEWLINE = new Set([0x0a, 0x0d]);
const PAD = 0x3d; // '='

function isAlphabet(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2b || // +
    byte === 0x2f // /
  );
}

function decode(input: string, padded: boolean): GoBase64Result {
  const src = Buffer.from(input, 'utf8');
  const kept: number[] = [];
  let si = 0;
  for (;;) {
    // One quantum of up to four alphabet characters.
    let j = 0;
    while (j < 4) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: Buffer.from(Buffer.from(kept).toString('latin1'), 'base64') };
        if (j === 1 || padded) return { ok: false, offset: si - j };
        return { ok: true, bytes: Buffer.from(Buffer.from(kept).toString('latin1'), 'base64') };
      }
      const byte = src[si] as number;
      si++;
      if (isAlphabet(byte)) {
        kept.push(byte);
        j++;
        continue;
      }
      if (NEWLINE.has(byte)) continue;
      if (byte !== PAD || !padded) return { ok: false, offset: si - 1 };
      // Padding: only after two or three characters of a quantum, and it ends the input.
      if (j < 2) return { ok: false, offset: si - 1 };
      if (j === 2) {
        while (si < src.length && NEWLINE.has(src[si] as number)) si++;
        if (si === src.length) return { ok: false, offset: src.length };
        if (src[si] !== PAD) return { ok: false, offset: si - 1 };
        si++;
      }
      while (si < src.length && NEWLINE.has(src[si] as number)) si++;
      if (si < src.length) return { ok: false, offset: si };
      return { ok: true, bytes: Buffer.from(Buffer.from(kept).toString('latin1'), 'base64') };
    }
  }
}

/** `base64.StdEncoding.DecodeString`: padded standard alphabet. */
export function decodeGoStdBase64(input: string): GoBase64Result {
  return decode(input, true);
}

/** `base64.RawStdEncoding.DecodeString`: standard alphabet without padding. */
export function decodeGoRawStdBase64(input: string): GoBase64Result {
  return decode(input, false);
}

/** Go's wording, which users may search for: `illegal base64 data at input byte 12`. */
export function describeBase64Error(offset: number): string {
  return `illegal base64 data at input byte ${offset}`;
}
