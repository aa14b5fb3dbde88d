// The report contract of pullguard, written once: the findings every rule reports and the JSON
// every formatter reads. Field names here are a public contract (docs/json-output.md); add fields,
// never rename them.
import type { ObjectRef } from '../manifests/model.js';
import type { Severity } from '../shared/severity.js';
import type { CauseId } from '../causes/cause.js';
import type { ImageCheckResult } from '../facts/registry-gateway.js';
import type { UnverifiedPolicy } from './unverified-policy.js';

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
  /** What the registry checks came to; present when they ran (`check`). */
  images?: ImageSummary;
}

export type { UnverifiedPolicy } from './unverified-policy.js';

/**
 * The registry checks of a run, one count per entry of `Report.images` (an image and a distinct
 * request). Every check is exactly one of verified, failed, unverified and nodeIdentity.
 */
export interface ImageSummary {
  /** Entries of `images`: distinct checks made. */
  checked: number;
  /** The registry says the nodes can pull the image (`ok`). */
  verified: number;
  /** The registry says they cannot (a cause seen the same from anywhere: not found, refused, platform). */
  failed: number;
  /** Could not be verified from this machine: the network, TLS, rate limits, server errors or the time budget got in the way. */
  unverified: number;
  /** `unverified` by cause id, e.g. `{"dns-error": 2}`. */
  unverifiedByCause: Partial<Record<CauseId, number>>;
  /** Registries the target's nodes read with their own identity, which pullguard cannot use: not verifiable from here by design, never failing the run. */
  nodeIdentity: number;
  /** What `unverified` images do to the exit code: `fail` makes it 1, `allow` leaves it to the findings. */
  unverifiedPolicy: UnverifiedPolicy;
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
  /** Present when `check` read a cluster (or a snapshot of one). */
  cluster?: ClusterSummary;
  summary: Summary;
}

/** What `check` read from the cluster, and what it could not read (with the reason: `forbidden: list secrets`). */
export interface ClusterSummary {
  /** `context kind-dev`, `snapshot cluster.json`. */
  source: string;
  context: string;
  /** The target profile linted for (detected unless --target was given). */
  type: string;
  local: boolean;
  /** kind cluster, minikube profile, k3d cluster: the name load commands use. */
  clusterName?: string;
  /** `detected` from the cluster, or `--target`. */
  typeFrom: 'detected' | '--target';
  /** What decided the type, one line each. */
  evidence: string[];
  /** Node count and platforms; absent when the nodes could not be read. */
  nodes?: { count: number; platforms: string[] };
  /** The namespaces the workloads deploy into. */
  namespaces: { name: string; status: 'active' | 'terminating' | 'missing' | 'unknown'; pods?: number; reason?: string }[];
  /** Facts that could not be read, each with the reason. */
  unknown: { fact: string; reason: string }[];
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
