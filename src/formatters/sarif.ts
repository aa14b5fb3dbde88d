// `--format sarif`: SARIF 2.1.0 (OASIS), one run, for GitHub code scanning and other SARIF
// viewers. Validated in the tests against the official schema (test/fixtures/sarif/). The SARIF
// types (@types/sarif, a devDependency) stay internal: nothing exported here names them.
import type { Location, Log, LogicalLocation, PropertyBag, ReportingDescriptor, Result } from 'sarif';
import { ruleDocsUrl } from '../core/docs-url.js';
import type { RuleMeta } from '../core/rule.js';
import type { Finding, Report } from '../core/types.js';
import type { Severity } from '../shared/severity.js';
import { artifactUri } from './artifact-uri.js';
import { wholeOutput, type ChunkedFormatter, type Formatter } from './formatter.js';
import { sortedFindings } from './report-order.js';
import { STREAMED_ARRAY, streamedJson } from './streamed-json.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/pullguard/pullguard';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * Every known rule in the order the context gives (ruleIndex points into it), then the ids that
 * findings use without metadata (e.g. `yaml-syntax` from the loader), sorted, with just an id.
 */
function ruleDescriptors(rules: readonly RuleMeta[], findings: readonly Finding[]): ReportingDescriptor[] {
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  }));
  const known = new Set(rules.map((rule) => rule.id));
  const unknown = new Set<string>();
  for (const finding of findings) if (!known.has(finding.ruleId)) unknown.add(finding.ruleId);
  const extra = [...unknown].sort();
  for (const id of extra) descriptors.push({ id });
  return descriptors;
}

function logicalLocations(finding: Finding): LogicalLocation[] | undefined {
  const { kind, name, namespace } = finding.object;
  if (kind === '') return undefined;
  const label = name === undefined || name === '' ? kind : `${kind}/${name}`;
  return [
    {
      name: label,
      fullyQualifiedName: namespace === undefined || namespace === '' ? label : `${namespace}/${label}`,
      kind: 'resource',
    },
  ];
}

function resultProperties(finding: Finding): PropertyBag | undefined {
  const properties: PropertyBag = {};
  if (finding.container !== undefined) properties['container'] = finding.container;
  if (finding.image !== undefined) properties['image'] = finding.image;
  if (finding.path !== undefined) properties['path'] = finding.path;
  if (finding.cause !== undefined) properties['cause'] = finding.cause;
  return Object.keys(properties).length === 0 ? undefined : properties;
}

function toResult(finding: Finding, ruleIndex: number, uriOf: (file: string) => string): Result {
  const location: Location = {
    physicalLocation: {
      artifactLocation: { uri: uriOf(finding.file) },
      // SARIF regions are 1-based; clamp so that a position-less finding still validates.
      region: { startLine: Math.max(1, finding.line), startColumn: Math.max(1, finding.column) },
    },
  };
  const logical = logicalLocations(finding);
  if (logical !== undefined) location.logicalLocations = logical;
  const result: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    // Code scanning shows only the message, so the remediation travels with it.
    message: { text: finding.remediation === undefined ? finding.message : `${finding.message} Fix: ${finding.remediation}` },
    locations: [location],
  };
  const properties = resultProperties(finding);
  if (properties !== undefined) result.properties = properties;
  return result;
}

/** The log without its results, which are written one at a time (a 60 MB input gives ~300,000). */
function sarifFrame(report: Report, rules: ReportingDescriptor[]): Log {
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        // Columns come from JavaScript string offsets, i.e. UTF-16 code units.
        columnKind: 'utf16CodeUnits',
        results: STREAMED_ARRAY as unknown as Result[],
        properties: { target: report.target },
      },
    ],
  };
}

export const sarifChunks: ChunkedFormatter = function* (report, context) {
  const findings = sortedFindings(report.findings);
  const rules = ruleDescriptors(context.rules, findings);
  const indexById = new Map(rules.map((rule, index) => [rule.id, index]));
  // Findings come sorted by file: each file's URI is encoded once, not once per finding.
  let lastFile: string | undefined;
  let lastUri = '';
  const uriOf = (file: string): string => {
    if (file !== lastFile) {
      lastFile = file;
      lastUri = artifactUri(file);
    }
    return lastUri;
  };
  yield* streamedJson(sarifFrame(report, rules), findings, (finding) => toResult(finding, indexById.get(finding.ruleId) ?? -1, uriOf));
  yield '\n';
};

export const formatSarif: Formatter = wholeOutput(sarifChunks);
