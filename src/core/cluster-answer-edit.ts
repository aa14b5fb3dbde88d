// Saving `pullguard detect`'s answer under `clusters.CONTEXT.location` of `.pullguard.yaml` without
// touching anything else of the file: its comments, key order, quoting and blank lines are the
// user's. The `yaml` package's Document keeps them; only the one node that changes is rewritten.
import { isMap, parseDocument } from 'yaml';
import { ConfigError } from '../shared/errors.js';

export function withClusterAnswer(text: string, file: string, context: string, location: 'local' | 'remote'): string {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(`cannot save the answer: the file is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`, { file });
  }
  if (doc.contents === null || (!isMap(doc.contents) && text.trim() === '')) {
    doc.contents = doc.createNode({}) as never;
  }
  if (!isMap(doc.contents)) throw new ConfigError('cannot save the answer: expected the file to be a mapping', { file });
  const clusters = doc.get('clusters', true);
  if (clusters !== undefined && clusters !== null && !isMap(clusters)) {
    throw new ConfigError('cannot save the answer: clusters is not a mapping', { file });
  }
  doc.setIn(['clusters', context, 'location'], location);
  const out = doc.toString();
  return text === '' || text.endsWith('\n') ? out : out.replace(/\n$/, '');
}
