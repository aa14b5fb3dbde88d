// The report contract of pullguard, written once: the findings every rule reports and the JSON
// every formatter reads. Field names here are a public contract (docs/json-output.md); add fields,
// never rename them.
import type { ObjectRef } from '../manifests/model.js';
import type { Severity } from '../shared/severity.js';
import type { CauseId } from '../causes/cause.js';
import type { ImageCheckResult } from '../facts/registry-gateway.js';

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

/**
 * The outcome of asking a registry about one image (filled by `pullguard check`): the registry's
 * verdict (`status` is `ok` or a failure cause id) with the image as written, its normalised
 * reference (docker.io/library/nginx:1.27) and every place (file:line:column) it is used.
 */
export interface ImageVerdict extends ImageCheckResult {
  image: string;
  reference: string;
  locations: { file: string; line: number; column: number }[];
}
