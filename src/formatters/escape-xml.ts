// XML 1.0 cannot carry most control characters at all, not even as character references
// (https://www.w3.org/TR/xml/#charsets: only #x9, #xA, #xD and #x20 upwards, without surrogates,
// #xFFFE and #xFFFF). Those, and the ones that are legal but unsafe to show (DEL, C1 controls,
// bidi overrides: see printable.ts), become a visible `\uXXXX`; lone surrogates become U+FFFD.
// In attributes, tab, line feed and carriage return are written as character references,
// because a parser would otherwise normalise them to spaces.
import { printable } from './printable.js';

const NOT_XML = /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function replaceForbidden(text: string): string {
  return printable(text, { keepWhitespace: true }).replace(NOT_XML, (char) =>
    char >= '\ud800' && char <= '\udfff' ? '\ufffd' : `\\u${char.charCodeAt(0).toString(16)}`,
  );
}

/** Text content: `&`, `<` and `>` (so that `]]>` cannot appear), and `\r` (kept, not normalised to `\n`). */
export function escapeXmlText(text: string): string {
  return replaceForbidden(text).replace(/[&<>\r]/g, (char) => {
    switch (char) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      default:
        return '&#13;';
    }
  });
}

/** A double-quoted attribute value. */
export function escapeXmlAttribute(text: string): string {
  return replaceForbidden(text).replace(/[&<>"'\t\n\r]/g, (char) => {
    switch (char) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      case '\t':
        return '&#9;';
      case '\n':
        return '&#10;';
      default:
        return '&#13;';
    }
  });
}
