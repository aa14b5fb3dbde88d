// The two full YAML readers, behind one import so that callers can load them only when a document
// needs them: js-yaml's event reader for what the line reader declines, and `yaml` (the exact
// reference, also used for rewriting) for what the event reader declines.
import { readYamlDocument } from './read-yaml-document.js';
import { readYamlDocumentFast } from './read-yaml-document-fast.js';

export interface FullYamlReaders {
  events: typeof readYamlDocumentFast;
  exact: typeof readYamlDocument;
}

export const FULL_YAML_READERS: FullYamlReaders = { events: readYamlDocumentFast, exact: readYamlDocument };
