// The fixed reports every formatter test renders: two files (one with a unicode name), errors,
// warnings and an info, findings given out of order, a YAML syntax error on no object, a message
// full of characters that each format must escape (`<`, `&`, quotes, `|`, `%`, `:`, `,`, a line
// break, ESC, a bidi override), and image verdicts from registry checks.
import type { RuleMeta } from '../../../src/core/rule.js';
import type { Report } from '../../../src/core/types.js';
import type { FormatContext } from '../../../src/formatters/formatter.js';

export const HOSTILE_MESSAGE = 'Unexpected "<" & \'|\' at 50%: a,b\nnext line \u001b[31mred\u001b[0m \u202eevil';

export const RULES: readonly RuleMeta[] = [
  {
    id: 'never-pull-remote',
    defaultSeverity: 'error',
    description: 'imagePullPolicy: Never on a target whose nodes cannot see local images.',
    requires: 'none',
  },
  { id: 'latest-tag', defaultSeverity: 'warning', description: 'The image has no tag or the tag latest.', requires: 'none' },
  {
    id: 'placeholder-image',
    defaultSeverity: 'error',
    description: 'The image holds an unsubstituted template variable.',
    requires: 'none',
  },
  { id: 'registry-unchecked', defaultSeverity: 'info', description: 'The image registry was not checked.', requires: 'registry' },
];

export const PLAIN: FormatContext = { color: false, rules: RULES };
export const COLOURED: FormatContext = { color: true, rules: RULES };

export function fixtureReport(): Report {
  const webapi = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'prod', name: 'webapi' };
  return {
    schemaVersion: 1,
    tool: { name: 'pullguard', version: '0.1.0' },
    target: 'aks',
    findings: [
      {
        ruleId: 'placeholder-image',
        severity: 'error',
        message: 'Image "${REGISTRY}/wörker:1.0" holds the variable ${REGISTRY}.',
        file: 'k8s/wörker.yaml',
        line: 12,
        column: 20,
        object: { apiVersion: 'batch/v1', kind: 'Job', name: 'wörker-ü' },
        container: 'main',
        image: '${REGISTRY}/wörker:1.0',
        path: 'spec.template.spec.containers[0].image',
        remediation: 'Render the manifest (envsubst, helm template) before applying it.',
        cause: 'invalid-reference',
      },
      {
        ruleId: 'registry-unchecked',
        severity: 'info',
        message: 'Registry checks did not run for ghcr.io/acme/sidecar:1.2.',
        file: 'k8s/webapi.yaml',
        line: 21,
        column: 18,
        object: webapi,
        container: 'sidecar',
        image: 'ghcr.io/acme/sidecar:1.2',
      },
      {
        ruleId: 'latest-tag',
        severity: 'warning',
        message: 'Tag latest moves; pin a version.',
        file: 'k8s/webapi.yaml',
        line: 7,
        column: 16,
        object: webapi,
        container: 'webapi',
        image: 'monadic-pipeline-webapi:latest',
        remediation: 'Use an immutable tag such as 1.4.2.',
      },
      {
        ruleId: 'yaml-syntax',
        severity: 'warning',
        message: HOSTILE_MESSAGE,
        file: 'k8s/wörker.yaml',
        line: 3,
        column: 1,
        object: { apiVersion: '', kind: '' },
      },
      {
        ruleId: 'never-pull-remote',
        severity: 'error',
        message: 'imagePullPolicy: Never, but aks nodes cannot see local images.',
        file: 'k8s/webapi.yaml',
        line: 7,
        column: 16,
        object: webapi,
        container: 'webapi',
        image: 'monadic-pipeline-webapi:latest',
        path: 'spec.template.spec.containers[0].image',
        remediation: 'Push the image to ACR (az acr build), then use IfNotPresent.',
      },
    ],
    images: [
      {
        image: 'ghcr.io/acme/private:2.0',
        reference: 'ghcr.io/acme/private:2.0',
        status: 'unauthorized',
        summary: 'ghcr.io answered 401 | authentication required',
        registry: 'ghcr.io',
        credentialSource: 'anonymous',
        evidence: { httpStatus: 401, errorCode: 'UNAUTHORIZED', registryMessage: 'authentication required', method: 'HEAD' },
        locations: [{ file: 'k8s/webapi.yaml', line: 30, column: 18 }],
      },
      {
        image: 'nginx:1.27',
        reference: 'docker.io/library/nginx:1.27',
        status: 'ok',
        summary: 'exists for linux/amd64, linux/arm64',
        registry: 'registry-1.docker.io',
        digest: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        mediaType: 'application/vnd.oci.image.index.v1+json',
        platforms: ['linux/amd64', 'linux/arm64'],
        credentialSource: 'anonymous',
        evidence: { httpStatus: 200, method: 'HEAD' },
        locations: [
          { file: 'k8s/webapi.yaml', line: 40, column: 18 },
          { file: 'k8s/wörker.yaml', line: 30, column: 18 },
        ],
      },
    ],
    summary: { errors: 2, warnings: 2, infos: 1, files: 2, objects: 5, containers: 7, imageSites: 7, fallbackImageSites: 0, skippedDocuments: 1, ignored: 0 },
  };
}

/** A run that found nothing: no findings, no registry checks. */
export function cleanReport(): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'pullguard', version: '0.1.0' },
    target: 'kind',
    findings: [],
    summary: { errors: 0, warnings: 0, infos: 0, files: 2, objects: 5, containers: 7, imageSites: 7, fallbackImageSites: 0, skippedDocuments: 0, ignored: 0 },
  };
}
