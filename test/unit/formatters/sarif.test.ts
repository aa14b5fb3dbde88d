import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Log } from 'sarif';
import { artifactUri } from '../../../src/formatters/artifact-uri.js';
import { formatSarif } from '../../../src/formatters/sarif.js';
import { cleanReport, fixtureReport, HOSTILE_MESSAGE, PLAIN } from './fixture-report.js';
import { compileSchema, readRepoFile, schemaErrors } from './schema-validation.js';

// The official OASIS schema, vendored (see test/fixtures/sarif/SOURCE.md). Not strict: ajv's
// strict mode objects to the schema's own style (a `required` under anyOf), not to our output.
const validateSarif = compileSchema(JSON.parse(readRepoFile('test/fixtures/sarif/sarif-schema-2.1.0.json')), { strict: false });

const DOCS = 'https://github.com/pullguard/pullguard/blob/main/docs/rules';

function location(uri: string, startLine: number, startColumn: number, logical?: { name: string; fullyQualifiedName: string }) {
  return {
    physicalLocation: { artifactLocation: { uri }, region: { startLine, startColumn } },
    ...(logical === undefined ? {} : { logicalLocations: [{ ...logical, kind: 'resource' }] }),
  };
}

const WEBAPI = { name: 'Deployment/webapi', fullyQualifiedName: 'prod/Deployment/webapi' };

const EXPECTED = {
  $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json',
  version: '2.1.0',
  runs: [
    {
      tool: {
        driver: {
          name: 'pullguard',
          version: '0.1.0',
          semanticVersion: '0.1.0',
          informationUri: 'https://github.com/pullguard/pullguard',
          rules: [
            {
              id: 'never-pull-remote',
              shortDescription: { text: 'imagePullPolicy: Never on a target whose nodes cannot see local images.' },
              helpUri: `${DOCS}/never-pull-remote.md`,
              defaultConfiguration: { level: 'error' },
            },
            {
              id: 'latest-tag',
              shortDescription: { text: 'The image has no tag or the tag latest.' },
              helpUri: `${DOCS}/latest-tag.md`,
              defaultConfiguration: { level: 'warning' },
            },
            {
              id: 'placeholder-image',
              shortDescription: { text: 'The image holds an unsubstituted template variable.' },
              helpUri: `${DOCS}/placeholder-image.md`,
              defaultConfiguration: { level: 'error' },
            },
            {
              id: 'registry-unchecked',
              shortDescription: { text: 'The image registry was not checked.' },
              helpUri: `${DOCS}/registry-unchecked.md`,
              defaultConfiguration: { level: 'note' },
            },
            { id: 'yaml-syntax' },
          ],
        },
      },
      columnKind: 'utf16CodeUnits',
      results: [
        {
          ruleId: 'never-pull-remote',
          ruleIndex: 0,
          level: 'error',
          message: {
            text: 'imagePullPolicy: Never, but aks nodes cannot see local images. Fix: Push the image to ACR (az acr build), then use IfNotPresent.',
          },
          locations: [location('k8s/webapi.yaml', 7, 16, WEBAPI)],
          properties: { container: 'webapi', image: 'monadic-pipeline-webapi:latest', path: 'spec.template.spec.containers[0].image' },
        },
        {
          ruleId: 'latest-tag',
          ruleIndex: 1,
          level: 'warning',
          message: { text: 'Tag latest moves; pin a version. Fix: Use an immutable tag such as 1.4.2.' },
          locations: [location('k8s/webapi.yaml', 7, 16, WEBAPI)],
          properties: { container: 'webapi', image: 'monadic-pipeline-webapi:latest' },
        },
        {
          ruleId: 'registry-unchecked',
          ruleIndex: 3,
          level: 'note',
          message: { text: 'Registry checks did not run for ghcr.io/acme/sidecar:1.2.' },
          locations: [location('k8s/webapi.yaml', 21, 18, WEBAPI)],
          properties: { container: 'sidecar', image: 'ghcr.io/acme/sidecar:1.2' },
        },
        {
          ruleId: 'yaml-syntax',
          ruleIndex: 4,
          level: 'warning',
          message: { text: HOSTILE_MESSAGE },
          locations: [location('k8s/w%C3%B6rker.yaml', 3, 1)],
        },
        {
          ruleId: 'placeholder-image',
          ruleIndex: 2,
          level: 'error',
          message: {
            text: 'Image "${REGISTRY}/wörker:1.0" holds the variable ${REGISTRY}. Fix: Render the manifest (envsubst, helm template) before applying it.',
          },
          locations: [location('k8s/w%C3%B6rker.yaml', 12, 20, { name: 'Job/wörker-ü', fullyQualifiedName: 'Job/wörker-ü' })],
          properties: {
            container: 'main',
            image: '${REGISTRY}/wörker:1.0',
            path: 'spec.template.spec.containers[0].image',
            cause: 'invalid-reference',
          },
        },
      ],
      properties: { target: 'aks' },
    },
  ],
};

describe('sarif formatter', () => {
  it('writes one run with the rules, results, regions and logical locations', () => {
    const output = formatSarif(fixtureReport(), PLAIN);
    assert.deepEqual(JSON.parse(output), EXPECTED);
    assert.equal(output, `${JSON.stringify(EXPECTED, null, 2)}\n`);
  });

  it('validates against the official SARIF 2.1.0 schema', () => {
    assert.equal(schemaErrors(validateSarif, JSON.parse(formatSarif(fixtureReport(), PLAIN))), '');
    assert.equal(schemaErrors(validateSarif, JSON.parse(formatSarif(cleanReport(), PLAIN))), '');
    assert.equal(schemaErrors(validateSarif, JSON.parse(formatSarif(cleanReport(), { color: false, rules: [] }))), '');
  });

  it('is checked by a validator that does reject bad SARIF', () => {
    const log = JSON.parse(formatSarif(fixtureReport(), PLAIN)) as Log;
    const bad = structuredClone(log);
    (bad.runs[0]!.results![0] as { level: string }).level = 'fatal';
    assert.equal(validateSarif(bad), false);
    const noRegionLine = structuredClone(log);
    noRegionLine.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    assert.equal(validateSarif(noRegionLine), false);
    const rawUri = structuredClone(log);
    rawUri.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri = '<stdin>';
    assert.equal(validateSarif(rawUri), false);
  });

  it('points every ruleIndex at the descriptor of its ruleId', () => {
    const run = (JSON.parse(formatSarif(fixtureReport(), PLAIN)) as Log).runs[0]!;
    for (const result of run.results ?? []) {
      assert.equal(run.tool.driver.rules?.[result.ruleIndex ?? -1]?.id, result.ruleId);
    }
  });

  it('clamps positions below 1 so that the log stays valid', () => {
    const report = cleanReport();
    report.findings.push({ ruleId: 'yaml-syntax', severity: 'error', message: 'm', file: 'a.yaml', line: 0, column: 0, object: { apiVersion: '', kind: '' } });
    const log = JSON.parse(formatSarif(report, PLAIN)) as Log;
    assert.deepEqual(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region, { startLine: 1, startColumn: 1 });
    assert.equal(schemaErrors(validateSarif, log), '');
  });
});

describe('artifactUri', () => {
  const cases: [string, string][] = [
    ['k8s/app.yaml', 'k8s/app.yaml'],
    ['./k8s/app.yaml', 'k8s/app.yaml'],
    ['././app.yaml', 'app.yaml'],
    ['../shared/app.yaml', '../shared/app.yaml'],
    ['k8s\\windows\\app.yaml', 'k8s/windows/app.yaml'],
    ['k8s/my app #1.yaml', 'k8s/my%20app%20%231.yaml'],
    ['k8s/100%.yaml', 'k8s/100%25.yaml'],
    ['k8s/a:b.yaml', 'k8s/a%3Ab.yaml'],
    ['c:app.yaml', 'c%3Aapp.yaml'],
    ['k8s/wörker.yaml', 'k8s/w%C3%B6rker.yaml'],
    ['k8s/名前?.yaml', 'k8s/%E5%90%8D%E5%89%8D%3F.yaml'],
    ['<stdin>', '%3Cstdin%3E'],
    ['/abs/k8s/app.yaml', 'file:///abs/k8s/app.yaml'],
    ['C:\\work\\k8s\\app.yaml', 'file:///C:/work/k8s/app.yaml'],
  ];
  for (const [file, uri] of cases) {
    it(`${JSON.stringify(file)} → ${uri}`, () => {
      assert.equal(artifactUri(file), uri);
    });
  }

  it('gives URI references that the SARIF schema accepts', () => {
    const report = cleanReport();
    for (const [file] of cases) {
      report.findings.push({ ruleId: 'latest-tag', severity: 'warning', message: 'm', file, line: 1, column: 1, object: { apiVersion: 'v1', kind: 'Pod' } });
    }
    assert.equal(schemaErrors(validateSarif, JSON.parse(formatSarif(report, PLAIN))), '');
  });
});
