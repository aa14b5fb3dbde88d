import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Report } from '../../../src/core/types.js';
import { formatJson } from '../../../src/formatters/json.js';
import { JSON_REPORT_SCHEMA } from '../../../src/formatters/json-report-schema.js';
import { cleanReport, fixtureReport, HOSTILE_MESSAGE, PLAIN } from './fixture-report.js';
import { compileSchema, readRepoFile, schemaErrors } from './schema-validation.js';

const webapi = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'prod', name: 'webapi' };

// Written out in the contract's key order: the comparison below is on the exact text.
const EXPECTED = {
  schemaVersion: 1,
  tool: { name: 'pullguard', version: '0.1.0' },
  target: 'aks',
  findings: [
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
      ruleId: 'yaml-syntax',
      severity: 'warning',
      message: HOSTILE_MESSAGE,
      file: 'k8s/wörker.yaml',
      line: 3,
      column: 1,
      object: { apiVersion: '', kind: '' },
    },
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

const validate = compileSchema(JSON_REPORT_SCHEMA, { strict: true });

describe('json formatter', () => {
  it('prints the contract: fixed key order, sorted findings and images, 2-space indent, trailing newline', () => {
    const output = formatJson(fixtureReport(), PLAIN);
    assert.equal(output, `${JSON.stringify(EXPECTED, null, 2)}\n`);
    assert.equal(output.endsWith('}\n'), true);
    assert.equal(output.split('\n')[1], '  "schemaVersion": 1,');
    // Control characters of the message are JSON escapes; the text is otherwise kept as is.
    assert.equal(output.includes('"Unexpected \\"<\\" & \'|\' at 50%: a,b\\nnext line \\u001b[31mred\\u001b[0m \u202eevil"'), true);
  });

  it('has exactly the documented top-level fields, images only when registry checks ran', () => {
    assert.deepEqual(Object.keys(JSON.parse(formatJson(fixtureReport(), PLAIN))), [
      'schemaVersion',
      'tool',
      'target',
      'findings',
      'images',
      'summary',
    ]);
    assert.equal(
      formatJson(cleanReport(), PLAIN),
      '{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "pullguard",\n    "version": "0.1.0"\n  },\n  "target": "kind",\n' +
        '  "findings": [],\n  "summary": {\n    "errors": 0,\n    "warnings": 0,\n    "infos": 0,\n    "files": 2,\n' +
        '    "objects": 5,\n    "containers": 7,\n    "imageSites": 7,\n    "fallbackImageSites": 0,\n    "skippedDocuments": 0,\n    "ignored": 0\n  }\n}\n',
    );
  });

  it('leaves out fields that are not part of the contract, even when the report object carries them', () => {
    const report = cleanReport() as Report & { debug?: unknown };
    report.debug = { secret: 'token' };
    report.findings.push({
      ruleId: 'latest-tag',
      severity: 'warning',
      message: 'm',
      file: 'a.yaml',
      line: 1,
      column: 1,
      object: { apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'x' } as never,
      internal: true,
    } as never);
    const output = formatJson(report, PLAIN);
    assert.equal(output.includes('debug'), false);
    assert.equal(output.includes('internal'), false);
    assert.equal(output.includes('uid'), false);
    assert.equal(schemaErrors(validate, JSON.parse(output)), '');
  });

  it('validates against its JSON Schema', () => {
    assert.equal(schemaErrors(validate, JSON.parse(formatJson(fixtureReport(), PLAIN))), '');
    assert.equal(schemaErrors(validate, JSON.parse(formatJson(cleanReport(), PLAIN))), '');
  });

  it('has a schema strict enough to catch a renamed, missing or mistyped field', () => {
    const good = JSON.parse(formatJson(fixtureReport(), PLAIN)) as { findings: Record<string, unknown>[] } & Record<string, unknown>;
    const mutations: [string, (report: typeof good) => void][] = [
      ['renamed finding field', (r) => { r.findings[0]!['rule'] = r.findings[0]!['ruleId']; delete r.findings[0]!['ruleId']; }],
      ['unknown severity', (r) => { r.findings[0]!['severity'] = 'fatal'; }],
      ['line 0', (r) => { r.findings[0]!['line'] = 0; }],
      ['null optional field', (r) => { r.findings[0]!['container'] = null; }],
      ['extra top-level field', (r) => { r['extra'] = 1; }],
      ['schemaVersion 2', (r) => { r['schemaVersion'] = 2; }],
      ['unknown target', (r) => { r['target'] = 'mainframe'; }],
      ['missing summary', (r) => { delete r['summary']; }],
    ];
    for (const [name, mutate] of mutations) {
      const report = structuredClone(good);
      mutate(report);
      assert.equal(validate(report), false, name);
    }
  });
});

/** Every property path of the schema, as docs/json-output.md writes them: `findings[].object.kind`. */
function schemaPaths(schema: unknown, prefix: string): string[] {
  const node = schema as { properties?: Record<string, unknown>; items?: unknown; type?: string };
  const paths: string[] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    paths.push(path);
    const childNode = child as { type?: string; items?: unknown };
    if (childNode.type === 'array' && childNode.items !== undefined) paths.push(...schemaPaths(childNode.items, `${path}[]`));
    else paths.push(...schemaPaths(child, path));
  }
  return paths;
}

describe('docs/json-output.md', () => {
  const doc = readRepoFile('docs/json-output.md');

  it('documents every property of the JSON schema', () => {
    const paths = schemaPaths(JSON_REPORT_SCHEMA, '');
    assert.equal(paths.length, 79);
    const missing = paths.filter((path) => !doc.includes(`| \`${path}\` |`));
    assert.deepEqual(missing, []);
  });

  it('documents no property that the schema does not have', () => {
    const paths = new Set(schemaPaths(JSON_REPORT_SCHEMA, ''));
    const documented = [...doc.matchAll(/^\| `([A-Za-z[\].]+)` \|/gm)].map((match) => match[1]);
    assert.deepEqual(
      documented.filter((path) => !paths.has(path ?? '')),
      [],
    );
  });

  it('has an example that is exactly what the formatter prints for it, and valid', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    assert.notEqual(example, undefined);
    const parsed = JSON.parse(example ?? '') as Report;
    assert.equal(schemaErrors(validate, parsed), '');
    assert.equal(formatJson(parsed, PLAIN), `${example}\n`);
  });
});
