// How Go's encoding/json fills a struct from an object, for the few structs that matter here
// (kubelet's DockerConfigJSON and dockerConfigEntryWithAuth, docker's ConfigFile and AuthConfig):
// keys match field names case-insensitively (`"Username"` fills `username`), every occurrence is
// assigned in input order, `null` leaves a field as it was, and a value of the wrong type is an
// error for the whole decode. Unknown keys are skipped whatever their type.
import { isPlainObject } from '../shared/is-plain-object.js';

/** Go's case folding for field names (bytes.EqualFold-like): also folds U+017F and U+212A. */
function fold(name: string): string {
  return name.toLowerCase().replace(/\u017f/g, 's').replace(/\u212a/g, 'k');
}

/** Every value given for `field`, in input order (JSON.parse already kept the last of exact duplicates). */
export function goFieldValues(object: Record<string, unknown>, field: string): unknown[] {
  const wanted = fold(field);
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (fold(key) === wanted) values.push(value);
  }
  return values;
}

export type GoStringField = { ok: true; value: string | undefined } | { ok: false; type: string };

/** A Go `string` field: the last non-null string, or the JSON type that Go refuses to put in it. */
export function goStringField(object: Record<string, unknown>, field: string): GoStringField {
  let value: string | undefined;
  for (const candidate of goFieldValues(object, field)) {
    if (candidate === null) continue;
    if (typeof candidate !== 'string') return { ok: false, type: jsonTypeName(candidate) };
    value = candidate;
  }
  return { ok: true, value };
}

/** The JSON type of a value, in Go's error wording (`number`, `array`, `object`, `bool`). */
export function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'object') return 'object';
  return typeof value;
}
