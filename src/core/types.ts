// The report contract of pullguard, written once: the findings every rule reports and the JSON
// every formatter reads. Field names here are a public contract (docs/json-output.md); add fields,
// never rename them.
import type { ObjectRef } from '../manifests/model.js';
import type { Severity } from '../shared/severity.js';
import type { CauseId } from '../causes/cause.js';
import type { RegistryCause } from '../causes/classify-registry.js';

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
  /** Image sites found by the image-site table or the pod-spec walk: containers, steps, containerDisks... */
  containers: number;
  /** Every image site checked: `containers` plus `fallbackImageSites`. */
  imageSites: number;
  /** Image fields found only by the fallback, in custom resources the image-site table does not list. */
  fallbackImageSites: number;
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
