// The edits render makes, as data: set a scalar, add a map entry, append a list item, each at a
// JSON path from the root of a YAML document (or the JSON document of a file).
import type { JsonPath } from '../manifests/model.js';

/** A value render writes where there was none: a string, a map or a list of them. */
export type NewValue = string | { readonly [key: string]: NewValue } | readonly NewValue[];

export type TextEdit =
  /** Replace the scalar at `path` (its quoting style is kept when it can hold the new text). */
  | { op: 'set'; path: JsonPath; value: string }
  /** Add `key` to the map at `path`: right after the entry `after` when it exists, else after the last entry. */
  | { op: 'add'; path: JsonPath; key: string; value: NewValue; after?: string }
  /** Append an item to the list at `path`. */
  | { op: 'append'; path: JsonPath; value: NewValue };
