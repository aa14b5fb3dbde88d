import { Buffer, isUtf8 } from 'node:buffer';
import type { Position } from '../manifests/model.js';
import { LineIndex } from './line-index.js';

export type DecodedManifest = { text: string } | { rejected: Position & { message: string } };

/**
 * The bytes of a manifest file as text, or why they are not text YAML accepts: UTF-8 (a BOM is
 * fine), no NUL bytes. The position of the offending byte is given in the same line and UTF-16
 * column terms as every finding, so that an editor jumps to it. UTF-16 gets its own message:
 * Windows PowerShell 5 writes it for `helm template . > out.yaml`, and "binary file" would mislead.
 */
export function decodeManifestBytes(bytes: Uint8Array): DecodedManifest {
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff) || looksLikeUtf16WithoutBom(bytes)) {
    return {
      rejected: {
        line: 1,
        column: 1,
        message: 'UTF-16 text; manifests must be UTF-8 (PowerShell 5 writes UTF-16 with `>`: use `| Out-File -Encoding utf8`)',
      },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { rejected: { ...positionOfByte(bytes, nul), message: 'binary file (NUL byte); not a manifest' } };
  // isUtf8 and toString are the simdutf paths of Node: about twice as fast as a fatal
  // TextDecoder made per file, which mattered on repositories of many small files. A BOM stays in
  // the text, as with ignoreBOM (the readers skip it and count no column for it).
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
  const bad = Math.max(0, firstInvalidUtf8Byte(bytes));
  return { rejected: { ...positionOfByte(bytes, bad), message: 'not UTF-8 text; manifests must be UTF-8' } };
}

/** ASCII text in UTF-16 without a BOM: every other byte of the first characters is NUL. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const le = bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0;
  const be = bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0;
  return le || be;
}

function startsWith(bytes: Uint8Array, first: number, second: number): boolean {
  return bytes.length >= 2 && bytes[0] === first && bytes[1] === second;
}

/** Everything before `offset` is valid UTF-8 here, so decoding it gives the columns editors show. */
function positionOfByte(bytes: Uint8Array, offset: number): Position {
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, offset));
  return new LineIndex(before).position(before.length);
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode 15, table 3-7). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let codePoint: number;
    let minimum: number;
    if (lead >= 0xc2 && lead <= 0xdf) [length, codePoint, minimum] = [2, lead & 0x1f, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, codePoint, minimum] = [3, lead & 0x0f, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, codePoint, minimum] = [4, lead & 0x07, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    for (let j = 1; j < length; j++) {
      const next = bytes[i + j]!;
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}
