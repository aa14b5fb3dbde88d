// `--format json`: the versioned contract of docs/json-output.md. Every object is rebuilt field
// by field in a fixed order, so that the output carries exactly the documented fields (nothing a
// caller happened to attach at run time) and the same key order in every release.
import type { ClusterSummary, Finding, ImageSummary, ImageVerdict, Report, Summary, ToolInfo } from '../core/types.js';
import type { ObjectRef } from '../manifests/model.js';
import { wholeOutput, type ChunkedFormatter, type Formatter } from './formatter.js';
import { sortedFindings, sortedImages } from './report-order.js';
import { STREAMED_ARRAY, streamedJson } from './streamed-json.js';

// Each builder returns `Fields<T>`: every key of T, optional ones included, must be written out,
// so adding a field to a boundary type without adding it here (and so to the schema and to
// docs/json-output.md) fails the build instead of silently dropping the field.
type Fields<T> = { [K in keyof Required<T>]: unknown };

function objectJson(ref: ObjectRef): Fields<ObjectRef> {
  return { apiVersion: ref.apiVersion, kind: ref.kind, namespace: ref.namespace, name: ref.name };
}

function findingJson(finding: Finding): Fields<Finding> {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    object: objectJson(finding.object),
    container: finding.container,
    image: finding.image,
    path: finding.path,
    remediation: finding.remediation,
    cause: finding.cause,
  };
}

type Evidence = NonNullable<ImageVerdict['evidence']>;
type Location = ImageVerdict['locations'][number];

function evidenceJson(evidence: Evidence): Fields<Evidence> {
  return {
    httpStatus: evidence.httpStatus,
    errorCode: evidence.errorCode,
    registryMessage: evidence.registryMessage,
    method: evidence.method,
  };
}

function imageJson(verdict: ImageVerdict): Fields<ImageVerdict> {
  return {
    image: verdict.image,
    reference: verdict.reference,
    status: verdict.status,
    summary: verdict.summary,
    registry: verdict.registry,
    digest: verdict.digest,
    mediaType: verdict.mediaType,
    platforms: verdict.platforms === undefined ? undefined : [...verdict.platforms],
    credentialSource: verdict.credentialSource,
    evidence: verdict.evidence === undefined ? undefined : evidenceJson(verdict.evidence),
    locations: verdict.locations.map(
      (location) => ({ file: location.file, line: location.line, column: location.column }) satisfies Fields<Location>,
    ),
  };
}

function summaryJson(summary: Summary): Fields<Summary> {
  return {
    errors: summary.errors,
    warnings: summary.warnings,
    infos: summary.infos,
    files: summary.files,
    objects: summary.objects,
    containers: summary.containers,
    imageSites: summary.imageSites,
    fallbackImageSites: summary.fallbackImageSites,
    skippedDocuments: summary.skippedDocuments,
    ignored: summary.ignored,
    images: summary.images === undefined ? undefined : imageSummaryJson(summary.images),
  };
}

function imageSummaryJson(images: ImageSummary): Fields<ImageSummary> {
  return {
    checked: images.checked,
    verified: images.verified,
    failed: images.failed,
    unverified: images.unverified,
    unverifiedByCause: { ...images.unverifiedByCause },
    nodeIdentity: images.nodeIdentity,
    unverifiedPolicy: images.unverifiedPolicy,
  };
}

function clusterJson(cluster: ClusterSummary): Fields<ClusterSummary> {
  return {
    source: cluster.source,
    context: cluster.context,
    type: cluster.type,
    local: cluster.local,
    clusterName: cluster.clusterName,
    typeFrom: cluster.typeFrom,
    evidence: [...cluster.evidence],
    nodes: cluster.nodes === undefined ? undefined : { count: cluster.nodes.count, platforms: [...cluster.nodes.platforms] },
    namespaces: cluster.namespaces.map((namespace) => ({ name: namespace.name, status: namespace.status, pods: namespace.pods, reason: namespace.reason })),
    unknown: cluster.unknown.map((item) => ({ fact: item.fact, reason: item.reason })),
  };
}

/** The report as `--format json` prints it, without the findings (absent optional fields are left out). */
function reportFrame(report: Report): Fields<Report> {
  return {
    schemaVersion: report.schemaVersion,
    tool: { name: report.tool.name, version: report.tool.version } satisfies Fields<ToolInfo>,
    target: report.target,
    findings: STREAMED_ARRAY,
    cluster: report.cluster === undefined ? undefined : clusterJson(report.cluster),
    images: report.images === undefined ? undefined : sortedImages(report.images).map(imageJson),
    summary: summaryJson(report.summary),
  };
}

/** The findings, which may be hundreds of thousands, are stringified one at a time. */
export const jsonChunks: ChunkedFormatter = function* (report) {
  // JSON.stringify leaves out undefined members, which is how optional fields stay absent.
  yield* streamedJson(reportFrame(report), sortedFindings(report.findings), findingJson);
  yield '\n';
};

export const formatJson: Formatter = wholeOutput(jsonChunks);
