// Saving `pullguard detect`'s answer under `clusters.CONTEXT.location` of `.pullguard.yaml` without
// touching anything else of the file: comments, spacing, key order and quoting are the user's. The
// file is parsed for positions only, and the answer is inserted (or the one value replaced) as text
// at the place a person would put it. Shapes a line edit cannot handle safely (flow mappings such as
// `clusters: {a: {location: local}}`) are rewritten by the `yaml` package's Document, which keeps
// comments but may re-space that part.
import { isMap, isScalar, LineCounter, parseDocument, stringify, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { ConfigError } from '../shared/errors.js';

export function withClusterAnswer(text: string, file: string, context: string, location: 'local' | 'remote'): string {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    throw new ConfigError(`cannot save the answer: the file is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`, { file });
  }
  const edit = lineEdit(text, doc, lineCounter, context, location);
  if (edit !== undefined) return edit;
  if (!isMap(doc.contents)) throw new ConfigError('cannot save the answer: expected the file to be a mapping', { file });
  const clusters = doc.get('clusters', true);
  if (clusters !== undefined && clusters !== null && !isMap(clusters) && !(isScalar(clusters) && clusters.value === null)) {
    throw new ConfigError('cannot save the answer: clusters is not a mapping', { file });
  }
  doc.setIn(['clusters', context, 'location'], location);
  return doc.toString();
}

function keyText(key: string): string {
  return stringify(key).trimEnd();
}

/** The text with `insert` placed at the start of the line after `offset`'s line. */
function insertAfterLine(text: string, offset: number, insert: string): string {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return `${text}\n${insert}`;
  return text.slice(0, newline + 1) + insert + text.slice(newline + 1);
}

function column(lineCounter: LineCounter, offset: number): number {
  return lineCounter.linePos(offset).col - 1;
}

function isBlockMap(node: unknown): node is YAMLMap<YamlNode, YamlNode | null> {
  return isMap(node) && !node.flow;
}

function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** Where a block mapping's last value ends: its own range runs on over trailing comments and blank lines. */
function contentEnd(node: YamlNode): number {
  if (isBlockMap(node) && node.items.length > 0) {
    const last = node.items[node.items.length - 1]!;
    return contentEnd((isEmpty(last.value) ? last.key : last.value) as YamlNode);
  }
  return node.range![1];
}

function lineEdit(text: string, doc: Document, lineCounter: LineCounter, context: string, location: string): string | undefined {
  const block = (indent: number) => `${' '.repeat(indent)}${keyText(context)}:\n${' '.repeat(indent + 2)}location: ${location}\n`;
  const root = doc.contents;
  if (isEmpty(root)) {
    const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
    return `${body}clusters:\n${block(2)}`;
  }
  if (!isBlockMap(root)) return undefined;
  const clustersPair = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'clusters') as Pair<YamlNode, YamlNode | null> | undefined;
  if (clustersPair === undefined) {
    const body = text.endsWith('\n') ? text : `${text}\n`;
    return `${body}clusters:\n${block(column(lineCounter, (root.items[0]!.key as YamlNode).range![0]) + 2)}`;
  }
  const clusters = clustersPair.value;
  const keyColumn = column(lineCounter, (clustersPair.key as YamlNode).range![0]);
  if (isEmpty(clusters)) return insertAfterLine(text, (clustersPair.key as YamlNode).range![1], block(keyColumn + 2));
  if (!isBlockMap(clusters) || clusters.items.length === 0) return undefined;
  const entry = clusters.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === context);
  if (entry === undefined) return insertAfterLine(text, contentEnd(clusters), block(column(lineCounter, (clusters.items[0]!.key as YamlNode).range![0])));
  const entryKey = entry.key as YamlNode;
  const settings = entry.value;
  if (isEmpty(settings)) {
    return insertAfterLine(text, entryKey.range![1], `${' '.repeat(column(lineCounter, entryKey.range![0]) + 2)}location: ${location}\n`);
  }
  if (!isBlockMap(settings)) return undefined;
  const current = settings.items.find((pair) => isScalar(pair.key) && pair.key.value === 'location');
  if (current === undefined) {
    return insertAfterLine(text, contentEnd(settings), `${' '.repeat(column(lineCounter, (settings.items[0]!.key as YamlNode).range![0]))}location: ${location}\n`);
  }
  if (!isScalar(current.value)) return undefined;
  const [start, end] = current.value.range!;
  return text.slice(0, start) + location + text.slice(end);
}
