// manifests/: text → located Kubernetes objects (the YAML and JSON readers, positions, load limits).
// Imports only shared/. This file is the model every loader produces; field names are part of the
// public contract (docs/json-output.md).

/** 1-based line and column, as editors, SARIF and GitHub annotations count them. */
export interface Position {
  line: number;
  column: number;
}

/** A path into a plain object: keys and array indexes, e.g. ['spec', 'template', 'spec', 'containers', 0, 'image']. */
export type JsonPath = readonly (string | number)[];

/** What identifies a Kubernetes object in a finding. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name?: string;
}

/**
 * One Kubernetes object read from a file. `value` is the plain data (as kubectl would read it:
 * YAML 1.1 scalars). Positions are looked up lazily through `positionOf`, so that a fast read
 * path can defer the cost of positions to the few nodes that findings point at.
 */
export interface ManifestObject {
  /** The path as the user gave it (relative paths stay relative), or `<stdin>`. */
  file: string;
  /** 0-based index of the YAML document in the file (JSON files: 0). */
  documentIndex: number;
  /** For items of a `kind: List` / `*List` or of an OpenShift `Template`'s `objects`: the JSON path of the item inside the document. */
  itemPath?: JsonPath;
  /** For objects of an OpenShift `Template`: the template they come from (its parameters decide `${NAME}`). */
  template?: TemplateOrigin;
  value: Record<string, unknown>;
  ref: ObjectRef;
  /** Position of the value at `path` (relative to this object), or of its nearest ancestor that exists. */
  positionOf(path: JsonPath): Position;
  /** Position of the key of the entry at `path` (for "add a field here" findings); falls back to positionOf. */
  keyPositionOf(path: JsonPath): Position;
}

/** One entry of an OpenShift `Template`'s `parameters`, as `oc process` reads it. */
export interface TemplateParameter {
  name: string;
  /** The default value; absent when the template gives none. */
  value?: string;
  /** `expression` when `oc process` generates the value (from `from`). */
  generate?: string;
  required: boolean;
}

/** The OpenShift `Template` an object was read from. */
export interface TemplateOrigin {
  /** The template's own metadata (its `pullguard.dev/ignore` annotation covers its objects). */
  metadata?: Record<string, unknown>;
  parameters: ReadonlyMap<string, TemplateParameter>;
}

/** A problem found while reading input, before any rule runs (becomes a `yaml-syntax` or `file-unreadable` finding). */
export interface LoadProblem {
  file: string;
  documentIndex?: number;
  line: number;
  column: number;
  /**
   * `yaml-syntax` for parse errors; `input-rejected` for content refused by the guards (binary, not
   * UTF-8, alias bomb, deep nesting); `file-unreadable` for a file or folder that could not be read
   * at all (permission denied, over the size limit, an I/O error).
   */
  code: 'yaml-syntax' | 'input-rejected' | 'file-unreadable';
  message: string;
}

export interface LoadResult {
  objects: ManifestObject[];
  problems: LoadProblem[];
  /** Files read (after directory expansion). */
  files: number;
  /** Documents that were not Kubernetes objects (no apiVersion/kind), counted and skipped. */
  skippedDocuments: number;
  /** Empty documents (`---` with nothing after it), not counted as skipped. */
  emptyDocuments: number;
}
