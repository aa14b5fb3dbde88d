// The boundary types of pullguard, written once: the manifest model every loader produces, the
// findings every rule reports, and the JSON contract every formatter reads. Field names here are a
// public contract (docs/json-output.md); add fields, never rename them.
import type { CauseId } from '../causes/cause.js';
import type { RegistryCause } from '../causes/classify-registry.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

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
  /** For items of a `kind: List` / `*List`: the JSON path of the item inside the document. */
  itemPath?: JsonPath;
  value: Record<string, unknown>;
  ref: ObjectRef;
  /** Position of the value at `path` (relative to this object), or of its nearest ancestor that exists. */
  positionOf(path: JsonPath): Position;
  /** Position of the key of the entry at `path` (for "add a field here" findings); falls back to positionOf. */
  keyPositionOf(path: JsonPath): Position;
}

/** A problem found while reading input, before any rule runs (becomes a `yaml-syntax` finding or a skipped file). */
export interface LoadProblem {
  file: string;
  documentIndex?: number;
  line: number;
  column: number;
  /** `yaml-syntax` for parse errors; `input-rejected` for files refused by the guards (binary, too large, alias bomb). */
  code: 'yaml-syntax' | 'input-rejected';
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

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  object: ObjectRef;
  /** Container name, when the finding is about one container. */
  container?: string;
  /** The image string exactly as written, when the finding is about an image. */
  image?: string;
  /** JSON path (dotted, with [i]) of the node the finding points at, e.g. `spec.template.spec.containers[0].image`. */
  path?: string;
  remediation?: string;
  /** Where the registry checks ran: the failure cause id (src/causes/) behind this finding. */
  cause?: CauseId;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  objects: number;
  containers: number;
  skippedDocuments: number;
  /** Findings suppressed by `pullguard.dev/ignore` annotations. */
  ignored: number;
}

export interface ToolInfo {
  name: 'pullguard';
  version: string;
}

/** The versioned JSON contract of `lint` and `check` (`--format json`). */
export interface Report {
  schemaVersion: 1;
  tool: ToolInfo;
  target: string;
  findings: Finding[];
  /** Present when registry checks ran. */
  images?: ImageVerdict[];
  summary: Summary;
}

/** The outcome of asking a registry about one image (filled by `pullguard check`). */
export interface ImageVerdict {
  image: string;
  /** Normalised reference, e.g. docker.io/library/nginx:1.27. */
  reference: string;
  /** `ok`, or a failure cause id (`image-not-found`, `unauthorized`, ...). */
  status: RegistryCause;
  summary: string;
  registry: string;
  digest?: string;
  mediaType?: string;
  platforms?: string[];
  /** Where the credential came from (`secret ns/name`, `docker config.json`, `anonymous`, `node identity`); never the credential. */
  credentialSource?: string;
  evidence?: { httpStatus?: number; errorCode?: string; registryMessage?: string; method?: string };
  /** Every place (file:line:column) the image is used. */
  locations: { file: string; line: number; column: number }[];
}
