// One file rendered: its objects planned (plan-object.ts), the edits of each document made in its
// text (apply-text-edits.ts). A file with a problem is not rendered at all. Pure.
import type { BuildToolIndex } from '../build-tools/build-tool-index.js';
import { LineIndex } from '../manifests/line-index.js';
import type { JsonPath, ManifestObject } from '../manifests/model.js';
import { readManifestText } from '../manifests/read-manifest-text.js';
import { looksLikeJson } from '../manifests/readers/json-reader.js';
import { FULL_YAML_READERS } from '../manifests/readers/full-yaml-readers.js';
import { splitYamlDocuments } from '../manifests/split-yaml-documents.js';
import { planObject, type RenderChange, type RenderNote } from './plan-object.js';
import type { RenderOptions } from './render-options.js';
import type { TextEdit } from './text-edit.js';
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
export function renderText(text: string, file: string, options: RenderOptions, buildTools?: BuildToolIndex, objects?: readonly ManifestObject[]): RenderedFile {
  let read = objects;
  if (read === undefined) {
    const parsed = readManifestText(text, file, FULL_YAML_READERS);
    if (parsed.problems.length > 0) {
      return { file, problems: parsed.problems.map(({ line, column, message }) => ({ line, column, message })) };
    }
    read = parsed.objects;
  }
  const lines = new LineIndex(text);
  const editsByDocument = new Map<number, TextEdit[]>();
  const changes: FileChange[] = [];
  const notes: FileNote[] = [];
  for (const object of read) {
    const plan = planObject(object, options, buildTools);
    const label = objectLabel(object.ref);
    for (const change of plan.changes) changes.push({ ...change, object: label, line: lineOf(object, change.at) });
    for (const note of plan.notes) notes.push({ ...note, object: label, line: lineOf(object, note.at) });
    if (plan.edits.length === 0) continue;
    const list = editsByDocument.get(object.documentIndex) ?? [];
    list.push(...plan.edits);
    editsByDocument.set(object.documentIndex, list);
  }
  if (editsByDocument.size === 0) return { file, text, changed: false, changes, notes };

  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const json = looksLikeJson(text, file, from);
  const chunks = json ? [{ start: from, end: text.length }] : splitYamlDocuments(text, from);
  let out = '';
  let copied = 0;
  const problems: FileProblem[] = [];
  for (const [index, edits] of [...editsByDocument].sort((a, b) => a[0] - b[0])) {
    const chunk = chunks[index];
    if (chunk === undefined) throw new Error(`document ${index} of ${file} has no text`);
    const result = applyTextEdits({ text, start: chunk.start, end: chunk.end, json }, edits);
    if ('problems' in result) {
      for (const p of result.problems) problems.push({ ...lines.position(p.offset), message: p.message });
      continue;
    }
    out += text.slice(copied, chunk.start) + result.text;
    copied = chunk.end;
  }
  if (problems.length > 0) return { file, problems };
  out += text.slice(copied);
  return { file, text: out, changed: out !== text, changes, notes };
}

function lineOf(object: ManifestObject, path: JsonPath): number {
  return object.positionOf(path).line;
}

/** `Deployment/web`, `ns/Deployment/web` when the manifest gives a namespace. */
function objectLabel(ref: ManifestObject['ref']): string {
  const name = ref.name === undefined || ref.name === '' ? ref.kind : `${ref.kind}/${ref.name}`;
  return ref.namespace === undefined || ref.namespace === '' ? name : `${ref.namespace}/${name}`;
}
