// The check that makes text edits safe: the rendered text, read back by the same reader lint
// uses, must hold exactly the objects of the original with render's edits made to their values,
// and nothing else changed. Pure.
import { isDeepStrictEqual } from 'node:util';
import type { JsonPath, ManifestObject } from '../manifests/model.js';
import { readManifestText } from '../manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../manifests/readers/full-yaml-readers.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import type { NewValue, TextEdit } from './text-edit.js';

export interface PlannedObject {
  object: ManifestObject;
  edits: readonly TextEdit[];
}

/** Undefined when `text` reads as the planned objects; else what differs, for the message. */
export function verifyRendered(text: string, file: string, planned: readonly PlannedObject[]): string | undefined {
  const read = readManifestText(text, file, FULL_YAML_READERS);
  if (read.problems.length > 0) return `the edited text does not read (${read.problems[0]!.message})`;
  if (read.objects.length !== planned.length) return `the edited text holds ${read.objects.length} objects instead of ${planned.length}`;
  for (let i = 0; i < planned.length; i++) {
    const { object, edits } = planned[i]!;
    const expected = structuredClone(object.value);
    const base = object.itemPath?.length ?? 0;
    for (const edit of edits) apply(expected, edit, base);
    if (!isDeepStrictEqual(read.objects[i]!.value, expected)) return `${object.ref.kind}/${object.ref.name ?? ''} would not read as intended`;
  }
  return undefined;
}

function apply(root: Record<string, unknown>, edit: TextEdit, base: number): void {
  const path = edit.path.slice(base);
  if (edit.op === 'set') {
    const parent = at(root, path.slice(0, -1)) as Record<string, unknown> | unknown[];
    (parent as Record<string | number, unknown>)[path[path.length - 1]!] = edit.value;
    return;
  }
  const target = at(root, path);
  if (edit.op === 'append') {
    (target as unknown[]).push(plain(edit.value));
    return;
  }
  if (isPlainObject(target)) target[edit.key] = plain(edit.value);
  else {
    // `annotations:` written empty (null) becomes a map.
    const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
    parent[path[path.length - 1]!] = { [edit.key]: plain(edit.value) };
  }
}

function at(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const segment of path) node = (node as Record<string | number, unknown>)[segment];
  return node;
}

function plain(value: NewValue): unknown {
  return structuredClone(value);
}
