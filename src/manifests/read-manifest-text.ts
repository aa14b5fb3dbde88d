// manifests/: text → located Kubernetes objects (this file is the one entry; readers/ hold the YAML
// and JSON readers). Imports only shared/; knows nothing of Kubernetes beyond apiVersion and kind.
import type { JsonPath, LoadProblem, ManifestObject, TemplateOrigin } from './model.js';
import type { DocumentRead } from './document-read.js';
import { LineIndex } from './line-index.js';
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from './load-limits.js';
import { LocatedManifestObject } from './located-manifest-object.js';
import type { NodeLocator } from './node-locator.js';
import { isListObject, objectRefOf } from './object-ref.js';
import { isOpenShiftTemplate, templateOrigin } from './openshift-template.js';
import { kubectlReadsJson, readJsonStream } from './readers/json-reader.js';
import { readWithLineReader, ScalarCache } from './readers/line-reader.js';
import type { FullYamlReaders } from './readers/full-yaml-readers.js';
import { splitYamlDocuments } from './split-yaml-documents.js';

export interface ParsedManifestText {
  objects: ManifestObject[];
  problems: LoadProblem[];
  skippedDocuments: number;
  emptyDocuments: number;
}

export interface ParseManifestOptions {
  limits?: Partial<LoadLimits>;
  /**
   * `auto` (default): JSON.parse for JSON; for each YAML document the line reader, else the
   * js-yaml event reader, else `yaml` (each declines what it cannot read exactly). `exact`: `yaml`
   * for every document (the reference the tests
   * hold the fast readers to).
   */
  reader?: 'auto' | 'exact';
  /** Filled with how many documents each reader produced (for tests and benchmarks). */
  stats?: ReaderStats;
  /** Filled with every document's read, in order (for the differential test against kubectl's decoder). */
  reads?: DocumentRead[];
  /**
   * The line reader's cache of repeated keys and values, shared by the files of one run: the
   * same keys recur from file to file, and a fresh cache per file cost more than it saved on
   * repositories of many small files.
   */
  scalars?: ScalarCache;
}

export interface ReaderStats {
  line: number;
  events: number;
  exact: number;
  json: number;
}

/**
 * Reads every Kubernetes object of one file's text: multi-document YAML or a JSON document,
 * `List` items and OpenShift `Template` objects as objects of their own. Pure: no I/O. A broken document becomes a problem at
 * its exact position; the other documents of the file are still read. `fullReaders` is usually
 * FULL_YAML_READERS (readers/full-yaml-readers.ts); lazyManifestReader spares loading them.
 */
export function readManifestText(
  text: string,
  file: string,
  fullReaders: FullYamlReaders,
  options: ParseManifestOptions = {},
): ParsedManifestText {
  return readWith(fullReaders, text, file, options) as ParsedManifestText;
}

/** Loaders of the two full YAML readers, each called once, when the first document needs that reader. */
export interface FullYamlReaderLoaders {
  events: () => Promise<FullYamlReaders['events']>;
  exact: () => Promise<FullYamlReaders['exact']>;
}

/**
 * readManifestText for a caller that has not loaded the full YAML readers: they cost start-up
 * time that most manifests, read by the line reader alone, never need. Each reader is loaded
 * when the first document needs it (js-yaml's event reader is much smaller than `yaml`), and that
 * file is then read again. `load` gives both readers at once, or one loader each.
 */
export function lazyManifestReader(
  load: (() => Promise<FullYamlReaders>) | FullYamlReaderLoaders,
): (text: string, file: string, options?: ParseManifestOptions) => Promise<ParsedManifestText> {
  const readers: Partial<FullYamlReaders> = {};
  return async (text, file, options = {}) => {
    const readsBefore = options.reads?.length ?? 0;
    const statsBefore = options.stats === undefined ? undefined : { ...options.stats };
    for (;;) {
      const parsed = readWith(readers, text, file, options);
      if (typeof parsed !== 'string') return parsed;
      // Read again from the start: forget what the interrupted read counted.
      if (options.reads) options.reads.length = readsBefore;
      if (options.stats && statsBefore) Object.assign(options.stats, statsBefore);
      if (typeof load === 'function') Object.assign(readers, await load());
      else if (parsed === 'events') readers.events = await load.events();
      else readers.exact = await load.exact();
    }
  };
}

/** Which full reader is missing, when a document needs one that `readers` lacks. */
function readWith(
  readers: Partial<FullYamlReaders>,
  text: string,
  file: string,
  options: ParseManifestOptions,
): ParsedManifestText | 'events' | 'exact' {
  const limits: LoadLimits = { ...DEFAULT_LOAD_LIMITS, ...options.limits };
  const lines = new LineIndex(text);
  const result: ParsedManifestText = { objects: [], problems: [], skippedDocuments: 0, emptyDocuments: 0 };
  const exactOnly = options.reader === 'exact';
  const stats = options.stats;
  let yamlFrom = 0;
  let jsonFailure: DocumentRead | undefined;
  let documentIndex = 0;
  // kubectl's decoder reads a stream that starts with `{` as JSON (a BOM is no white space to it).
  if (kubectlReadsJson(text)) {
    const stream = readJsonStream(text, limits);
    for (const read of stream.documents) {
      if (stats) stats.json++;
      addDocument(result, read, file, documentIndex++, lines, options.reads);
    }
    if (stream.yamlFrom === undefined) {
      if (stream.failure !== undefined) addDocument(result, stream.failure, file, documentIndex, lines, options.reads);
      return result;
    }
    // One value at most, then something else: kubectl reads the rest as YAML, and when its first
    // document fails too, reports the JSON error (kept for .json files, where it is the helpful one).
    yamlFrom = stream.yamlFrom;
    if (file.toLowerCase().endsWith('.json')) jsonFailure = stream.failure;
  }
  const chunks = splitYamlDocuments(text, yamlFrom);
  // The line reader knows LF and CRLF line breaks only. includes() first: a regex scan of a
  // 10 MB text costs some twenty times as much.
  const lineReaderFits = !text.includes('\r') || !/\r(?!\n)/.test(text);
  const scalars = options.scalars ?? new ScalarCache();
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index]!;
    let read: DocumentRead | undefined;
    if (chunk.refused !== undefined) read = { kind: 'problem', problem: { code: 'yaml-syntax', ...chunk.refused } };
    if (read === undefined && !exactOnly) {
      read = lineReaderFits ? readWithLineReader(text, chunk.start, chunk.end, limits, scalars) : undefined;
      if (read !== undefined) {
        if (stats) stats.line++;
      } else {
        if (readers.events === undefined) return 'events';
        read = readers.events(text, chunk.start, chunk.end, limits);
        if (read !== undefined && stats) stats.events++;
      }
    }
    if (read === undefined) {
      if (readers.exact === undefined) return 'exact';
      read = readers.exact(text, chunk.start, chunk.end, limits, lines);
      if (stats) stats.exact++;
    }
    if (index === 0 && jsonFailure !== undefined && read.kind === 'problem') read = jsonFailure;
    addDocument(result, read, file, documentIndex++, lines, options.reads);
  }
  return result;
}

function addDocument(
  result: ParsedManifestText,
  read: DocumentRead,
  file: string,
  documentIndex: number,
  lines: LineIndex,
  reads?: DocumentRead[],
): void {
  reads?.push(read);
  if (read.kind === 'empty') {
    result.emptyDocuments++;
    return;
  }
  if (read.kind === 'problem') {
    const { line, column } = lines.position(read.problem.offset);
    result.problems.push({ file, documentIndex, line, column, code: read.problem.code, message: read.problem.message });
    return;
  }
  addObjects(result, read.value, read.locator, file, documentIndex, lines);
}

function addObjects(
  result: ParsedManifestText,
  value: unknown,
  locator: NodeLocator,
  file: string,
  documentIndex: number,
  lines: LineIndex,
  itemPath?: JsonPath,
  template?: TemplateOrigin,
): void {
  const ref = objectRefOf(value);
  if (ref === undefined) {
    result.skippedDocuments++;
    return;
  }
  const object = value as Record<string, unknown>;
  if (isOpenShiftTemplate(object, ref)) {
    // The template's objects are what `oc process` creates; the Template itself holds no image.
    const origin = templateOrigin(object);
    object.objects.forEach((item, index) => {
      addObjects(result, item, locator, file, documentIndex, lines, [...(itemPath ?? []), 'objects', index], origin);
    });
    return;
  }
  if (!isListObject(object, ref)) {
    result.objects.push(new LocatedManifestObject(file, documentIndex, itemPath, object, ref, locator, lines, template));
    return;
  }
  // A List inside a List is flattened as kubectl flattens it: each object keeps its own identity
  // (metadata, ignore annotations) and its path from the document root, for positions.
  object.items.forEach((item, index) => {
    addObjects(result, item, locator, file, documentIndex, lines, [...(itemPath ?? []), 'items', index], template);
  });
}
