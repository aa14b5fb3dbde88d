// `readManifestText` with every reader at hand: the entry point for library users and tests. The
// CLI's file gateway calls readManifestText itself and loads the full readers only when needed.
import { FULL_YAML_READERS } from './full-yaml-readers.js';
import { readManifestText, type ParsedManifestText, type ParseManifestOptions } from './read-manifest-text.js';

export type { ParsedManifestText, ParseManifestOptions, ReaderStats } from './read-manifest-text.js';

/**
 * Reads every Kubernetes object of one file's text: multi-document YAML or a JSON document,
 * `List` items as objects of their own. Pure: no I/O. A broken document becomes a problem at
 * its exact position; the other documents of the file are still read.
 */
export function parseManifestText(text: string, file: string, options: ParseManifestOptions = {}): ParsedManifestText {
  return readManifestText(FULL_YAML_READERS, text, file, options);
}
