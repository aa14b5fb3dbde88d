// manifests/readers/: one document each, fastest first (line, event, exact; json for JSON files);
// each declines what it cannot read exactly. Imports manifests/ and shared/.
// The two full YAML readers, behind one import so that callers can load them only when a document
// needs them: js-yaml's event reader for what the line reader declines, and `yaml` (the exact
// reference, also used for rewriting) for what the event reader declines.
import { readWithExactReader } from './exact-reader.js';
import { readWithEventReader } from './event-reader.js';

export interface FullYamlReaders {
  events: typeof readWithEventReader;
  exact: typeof readWithExactReader;
}

export const FULL_YAML_READERS: FullYamlReaders = { events: readWithEventReader, exact: readWithExactReader };
