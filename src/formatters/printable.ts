// Manifests are untrusted input: an image string or a name can carry ESC sequences that would
// recolour, rewrite or hide lines on the reader's terminal (or in a CI log viewer), line breaks
// that would break a one-line layout, or bidirectional overrides that reorder what is shown
// ("Trojan Source", CVE-2021-42574). Human-readable output shows such characters as visible
// escapes instead.

// C0 controls, DEL, C1 controls, and the Unicode bidi embedding/override/isolate controls.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export interface PrintableOptions {
  /** Leave tab, line feed and carriage return alone, for formats that escape them their own way. */
  keepWhitespace?: boolean;
}

export function printable(text: string, options: PrintableOptions = {}): string {
  return text.replace(UNPRINTABLE, (char) => {
    if (options.keepWhitespace && (char === '\n' || char === '\r' || char === '\t')) return char;
    return NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
