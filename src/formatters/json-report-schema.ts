// The JSON Schema (draft-07) of `--format json`, schemaVersion 1. It is strict
// (additionalProperties: false) so that pullguard's own tests catch any field that is printed but
// not documented; consumers should still ignore properties they do not know, because later
// releases may add fields within schemaVersion 1 (never rename or remove them).
// docs/json-output.md documents every property below; a test keeps the two in step.
import { SEVERITIES } from '../shared/severity.js';
import { TARGET_IDS } from '../detect/target-profile.js';

const KEBAB_ID = '^[a-z0-9]+(-[a-z0-9]+)*$';

const position = {
  line: { type: 'integer', minimum: 1, description: '1-based line.' },
  column: { type: 'integer', minimum: 1, description: '1-based column.' },
} as const;

const objectRef = {
  type: 'object',
  description:
    'The Kubernetes object the finding is about; apiVersion and kind are empty strings for findings on no object (YAML syntax errors).',
  additionalProperties: false,
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    namespace: { type: 'string' },
    name: { type: 'string' },
  },
} as const;

const finding = {
  type: 'object',
  additionalProperties: false,
  required: ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'object'],
  properties: {
    ruleId: { type: 'string', pattern: KEBAB_ID },
    severity: { enum: [...SEVERITIES] },
    message: { type: 'string', minLength: 1 },
    file: { type: 'string', minLength: 1 },
    ...position,
    object: objectRef,
    container: { type: 'string' },
    image: { type: 'string' },
    path: { type: 'string' },
    remediation: { type: 'string' },
    cause: { type: 'string', pattern: KEBAB_ID },
  },
} as const;

const imageVerdict = {
  type: 'object',
  additionalProperties: false,
  required: ['image', 'reference', 'status', 'summary', 'registry', 'locations'],
  properties: {
    image: { type: 'string' },
    reference: { type: 'string' },
    status: { type: 'string', pattern: KEBAB_ID, description: '`ok` or a failure cause id.' },
    summary: { type: 'string' },
    registry: { type: 'string' },
    digest: { type: 'string', pattern: '^[a-z0-9]+([+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$' },
    mediaType: { type: 'string' },
    platforms: { type: 'array', items: { type: 'string' } },
    credentialSource: { type: 'string' },
    evidence: {
      type: 'object',
      additionalProperties: false,
      properties: {
        httpStatus: { type: 'integer', minimum: 100, maximum: 599 },
        errorCode: { type: 'string' },
        registryMessage: { type: 'string' },
        method: { type: 'string' },
      },
    },
    locations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'line', 'column'],
        properties: { file: { type: 'string', minLength: 1 }, ...position },
      },
    },
  },
} as const;

const count = { type: 'integer', minimum: 0 } as const;

const clusterSummary = {
  type: 'object',
  description: 'What check read from the cluster (or a snapshot of one); present only then.',
  additionalProperties: false,
  required: ['source', 'context', 'type', 'local', 'typeFrom', 'evidence', 'namespaces', 'unknown'],
  properties: {
    source: { type: 'string', minLength: 1 },
    context: { type: 'string' },
    type: { enum: [...TARGET_IDS] },
    local: { type: 'boolean' },
    clusterName: { type: 'string' },
    typeFrom: { enum: ['detected', '--target'] },
    evidence: { type: 'array', items: { type: 'string' } },
    nodes: {
      type: 'object',
      additionalProperties: false,
      required: ['count', 'platforms'],
      properties: { count, platforms: { type: 'array', items: { type: 'string' } } },
    },
    namespaces: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'status'],
        properties: {
          name: { type: 'string', minLength: 1 },
          status: { enum: ['active', 'terminating', 'missing', 'unknown'] },
          pods: count,
          reason: { type: 'string' },
        },
      },
    },
    unknown: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['fact', 'reason'],
        properties: { fact: { type: 'string', minLength: 1 }, reason: { type: 'string', minLength: 1 } },
      },
    },
  },
} as const;

export const JSON_REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'pullguard report, schemaVersion 1',
  description: 'The output of `pullguard lint|check --format json`; see docs/json-output.md.',
  type: 'object',
  additionalProperties: false,
  required: ['schemaVersion', 'tool', 'target', 'findings', 'summary'],
  properties: {
    schemaVersion: { const: 1 },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'version'],
      properties: {
        name: { const: 'pullguard' },
        version: { type: 'string', minLength: 1 },
      },
    },
    target: { enum: [...TARGET_IDS] },
    findings: { type: 'array', items: finding },
    images: { type: 'array', items: imageVerdict },
    cluster: clusterSummary,
    summary: {
      type: 'object',
      additionalProperties: false,
      required: ['errors', 'warnings', 'infos', 'files', 'objects', 'containers', 'imageSites', 'fallbackImageSites', 'skippedDocuments', 'ignored'],
      properties: {
        errors: count,
        warnings: count,
        infos: count,
        files: count,
        objects: count,
        containers: count,
        imageSites: count,
        fallbackImageSites: count,
        skippedDocuments: count,
        ignored: count,
        images: {
          type: 'object',
          description: 'What the registry checks came to; present when they ran (check). Each entry of images is counted once.',
          additionalProperties: false,
          required: ['checked', 'verified', 'failed', 'unverified', 'unverifiedByCause', 'nodeIdentity', 'unverifiedPolicy'],
          properties: {
            checked: count,
            verified: count,
            failed: count,
            unverified: count,
            unverifiedByCause: { type: 'object', propertyNames: { pattern: KEBAB_ID }, additionalProperties: { type: 'integer', minimum: 1 } },
            nodeIdentity: count,
            unverifiedPolicy: { enum: ['fail', 'allow'] },
          },
        },
      },
    },
  },
} as const;
