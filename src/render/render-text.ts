// One file rendered: its objects planned (plan-object.ts), the edits of each document made in its
// text (apply-text-edits.ts). A file with a problem is not rendered at all. Pure.
import type { BuildToolIndex } from '../build-tools/build-tool-index.js';
import { LineIndex } from '../manifests/line-index.js';
import type { JsonPath, ManifestObject } from '../manifests/model.js';
import { readManifestText } from '../manifests/read-manifest-text.js';
import { kubectlReadsJson } from '../manifests/readers/json-reader.js';
import { FULL_YAML_READERS } from '../manifests/readers/full-yaml-readers.js';
import { splitYamlDocuments } from '../manifests/split-yaml-documents.js';
import { planObject, type RenderChange, type RenderNote } from './plan-object.js';
import type { RenderOptions } from './render-options.js';
import { fastTextEdits, LineStarts, type LocatedEdit } from './fast-text-edits.js';
import { verifyRendered, type PlannedObject } from './verify-rendered.js';
import { applyTextEdits } from './apply-text-edits.js';

export interface FileChange extends RenderChange {
  /** `Deployment/web` (with `ns/` when namespaced). */
  object: string;
  line: number;
}

export interface FileNote extends RenderNote {
  object: string;
  line: number;
}

export interface FileProblem {
  line: number;
  column: number;
  message: string;
}

export type RenderedFile =
  | { file: string; text: string; changed: boolean; changes: FileChange[]; notes: FileNote[] }
  | { file: string; problems: FileProblem[] };

/** Renders `text`, the content of `file` (as findings name it); `objects` are its objects when already read. */
export interface RenderTextStats {
  /** Files whose edits were made from the reader's positions alone. */
  fast: number;
  /** Files that needed `yaml`'s nodes. */
  full: number;
}

/**
 * Renders `text`, the content of `file` (as findings name it); `objects` are its objects when
 * already read. `editor: 'full'` always uses `yaml`'s nodes (the reference the fast path is tested against).
 */
export function renderText(
  text: string,
  file: string,
  options: RenderOptions,
  buildTools?: BuildToolIndex,
  objects?: readonly ManifestObject[],
  how: { editor?: 'auto' | 'full'; stats?: RenderTextStats } = {},
): RenderedFile {
  let read = objects;
  if (read === undefined) {
    const parsed = readManifestText(text, file, FULL_YAML_READERS);
    if (parsed.problems.length > 0) {
      return { file, problems: parsed.problems.map(({ line, column, message }) => ({ line, column, message })) };
    }
    read = parsed.objects;
  }
  const lines = new LineIndex(text);
  const editsByDocument = new Map<number, LocatedEdit[]>();
  const planned: PlannedObject[] = [];
  const changes: FileChange[] = [];
  const notes: FileNote[] = [];
  for (const object of read) {
    const plan = planObject(object, options, buildTools);
    const label = objectLabel(object.ref);
    for (const change of plan.changes) changes.push({ ...change, object: label, line: lineOf(object, change.at) });
    for (const note of plan.notes) notes.push({ ...note, object: label, line: lineOf(object, note.at) });
    planned.push({ object, edits: plan.edits });
    if (plan.edits.length === 0) continue;
    const list = editsByDocument.get(object.documentIndex) ?? [];
    for (const edit of plan.edits) list.push({ edit, object });
    editsByDocument.set(object.documentIndex, list);
  }
  if (editsByDocument.size === 0) return { file, text, changed: false, changes, notes };

  // Documents as the reader numbered them: one JSON value, or the YAML documents of the stream.
  const json = kubectlReadsJson(text);
  if (json && !isOneJsonValue(text)) {
    return { file, problems: [{ line: 1, column: 1, message: 'render edits a JSON file of one value; this one holds several, or JSON followed by YAML' }] };
  }
  const chunks = json ? [{ start: 0, end: text.length }] : splitYamlDocuments(text, 0);
  // The reader's positions first (no second parse); `yaml`'s nodes when that is not enough or
  // the result does not read back as intended.
  const fast = json || how.editor === 'full' ? undefined : editAll(text, chunks, editsByDocument, lines, json, new LineStarts(text));
  if (fast !== undefined && typeof fast === 'string' && verifyRendered(fast, file, planned) === undefined) {
    if (how.stats) how.stats.fast++;
    return { file, text: fast, changed: fast !== text, changes, notes };
  }
  if (how.stats) how.stats.full++;
  const full = editAll(text, chunks, editsByDocument, lines, json);
  if (full === undefined) throw new Error('the full editor always answers');
  if (typeof full !== 'string') return { file, problems: full.problems };
  const wrong = verifyRendered(full, file, planned);
  if (wrong !== undefined) return { file, problems: [{ line: 1, column: 1, message: `render could not edit this file without changing something else (${wrong}); left as it is` }] };
  return { file, text: full, changed: full !== text, changes, notes };
}

/** Every document's edits made; with `fastLines`, undefined as soon as one needs the full editor. */
function editAll(
  text: string,
  chunks: readonly { start: number; end: number }[],
  editsByDocument: ReadonlyMap<number, LocatedEdit[]>,
  lines: LineIndex,
  json: boolean,
  fastLines?: LineStarts,
): string | { problems: FileProblem[] } | undefined {
  let out = '';
  let copied = 0;
  const problems: FileProblem[] = [];
  for (const [index, edits] of [...editsByDocument].sort((a, b) => a[0] - b[0])) {
    const chunk = chunks[index];
    if (chunk === undefined) throw new Error(`document ${index} has no text`);
    let edited: string;
    if (fastLines !== undefined) {
      const result = fastTextEdits(fastLines, chunk.start, chunk.end, edits);
      if (result === undefined) return undefined;
      edited = result;
    } else {
      const result = applyTextEdits({ text, start: chunk.start, end: chunk.end, json }, edits.map((e) => e.edit));
      if ('problems' in result) {
        for (const p of result.problems) problems.push({ ...lines.position(p.offset), message: p.message });
        continue;
      }
      edited = result.text;
    }
    out += text.slice(copied, chunk.start) + edited;
    copied = chunk.end;
  }
  if (problems.length > 0) return { problems };
  return out + text.slice(copied);
}

function lineOf(object: ManifestObject, path: JsonPath): number {
  return object.positionOf(path).line;
}

/** `Deployment/web`, `ns/Deployment/web` when the manifest gives a namespace. */
function objectLabel(ref: ManifestObject['ref']): string {
  const name = ref.name === undefined || ref.name === '' ? ref.kind : `${ref.kind}/${ref.name}`;
  return ref.namespace === undefined || ref.namespace === '' ? name : `${ref.namespace}/${name}`;
}

function isOneJsonValue(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
