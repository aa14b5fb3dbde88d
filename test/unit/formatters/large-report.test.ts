// 200,000 findings through every format: no stack overflow (spreading rows into Math.max or
// push overflowed at about 130,000 rows in text and 60,000 in JUnit), and output that is whole:
// every finding is there exactly once and the document parses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, ImageVerdict, Report } from '../../../src/core/types.js';
import type { Severity } from '../../../src/shared/severity.js';
import { joinChunks } from '../../../src/formatters/formatter.js';
import { CHUNKED_FORMATTERS } from '../../../src/formatters/index.js';
import { PLAIN } from './fixture-report.js';

const FINDINGS = 200_000;
const PER_FILE = 100;
/** The last findings share one file: one JUnit testsuite of 70,000 testcases (the old overflow). */
const ONE_FILE_FROM = 130_000;
const FILES = ONE_FILE_FROM / PER_FILE + 1;
const SEVERITY_CYCLE: readonly Severity[] = ['error', 'warning', 'error', 'info'];

function largeReport(): Report {
  const findings: Finding[] = [];
  for (let i = 0; i < FINDINGS; i++) {
    findings.push({
      ruleId: i % 3 === 0 ? 'latest-tag' : 'placeholder-image',
      severity: SEVERITY_CYCLE[i % SEVERITY_CYCLE.length] as Severity,
      message: `finding ${i} of the image app${i}:latest`,
      file: i < ONE_FILE_FROM ? `k8s/app-${String(Math.floor(i / PER_FILE)).padStart(5, '0')}.yaml` : 'k8s/zz-all-in-one.yaml',
      line: i < ONE_FILE_FROM ? (i % PER_FILE) + 1 : i - ONE_FILE_FROM + 1,
      column: 18,
      object: { apiVersion: 'apps/v1', kind: 'Deployment', name: `app${i}` },
      container: 'app',
      image: `app${i}:latest`,
      ...(i % 2 === 0 ? { remediation: 'Pin a tag.' } : {}),
    });
  }
  const images: ImageVerdict[] = [];
  for (let i = 0; i < 2_000; i++) {
    images.push({ image: `app${i}:latest`, reference: `docker.io/library/app${i}:latest`, status: 'ok', summary: 'exists', registry: 'registry-1.docker.io', locations: [] });
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return {
    schemaVersion: 1,
    tool: { name: 'pullguard', version: '0.1.0' },
    target: 'aks',
    findings,
    images,
    summary: { errors, warnings, infos: FINDINGS - errors - warnings, files: FILES, objects: FINDINGS, containers: FINDINGS, imageSites: FINDINGS, fallbackImageSites: 0, skippedDocuments: 0, ignored: 0 },
  };
}

const report = largeReport();
const failing = report.summary.errors + report.summary.warnings;

function count(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

function output(format: keyof typeof CHUNKED_FORMATTERS): string {
  const text = joinChunks(CHUNKED_FORMATTERS[format](report, PLAIN));
  assert.ok(text.endsWith('\n'), `${format} ends with a line break`);
  return text;
}

describe(`formatters on ${FINDINGS.toLocaleString('en')} findings`, () => {
  it('text: one row per finding, every file heading, the verdict last', () => {
    const text = output('text');
    assert.equal(count(text, '  latest-tag\n') + count(text, '  placeholder-image\n'), FINDINGS);
    assert.ok(text.startsWith('k8s/app-00000.yaml\n'));
    assert.equal(count(text, '\n\nk8s/') + 1, FILES);
    assert.equal(count(text, '      fix: Pin a tag.'), FINDINGS / 2);
    assert.ok(text.endsWith('\n\n✖ 100000 errors, 50000 warnings, 50000 info in 1301 files (200000 objects, 200000 containers checked)\n'));
  });

  it('json: parses, with every finding in order', () => {
    const parsed = JSON.parse(output('json')) as Report;
    assert.equal(parsed.findings.length, FINDINGS);
    assert.equal(parsed.findings[0]?.message, 'finding 0 of the image app0:latest');
    assert.equal(parsed.findings[FINDINGS - 1]?.message, `finding ${FINDINGS - 1} of the image app${FINDINGS - 1}:latest`);
    assert.equal(parsed.images?.length, 2_000);
    assert.deepEqual(parsed.summary, report.summary);
  });

  it('sarif: parses, with one result per finding', () => {
    const parsed = JSON.parse(output('sarif')) as { runs: { results: { message: { text: string } }[] }[] };
    const results = parsed.runs[0]?.results ?? [];
    assert.equal(results.length, FINDINGS);
    assert.equal(results[FINDINGS - 1]?.message.text, `finding ${FINDINGS - 1} of the image app${FINDINGS - 1}:latest`);
  });

  it('junit: one <failure> per error and warning, one testcase per object, tags balanced', () => {
    const text = output('junit');
    assert.equal(count(text, '<failure '), failing);
    assert.equal(count(text, '<testcase '), FINDINGS);
    assert.equal(count(text, '</testcase>'), FINDINGS);
    assert.equal(count(text, '<testsuite '), FILES);
    assert.equal(count(text, '</testsuite>'), FILES);
    assert.ok(text.includes(`<testsuite name="k8s/zz-all-in-one.yaml" tests="${FINDINGS - ONE_FILE_FROM}" failures="${(FINDINGS - ONE_FILE_FROM) * 0.75}"`));
    assert.ok(text.includes(`<testsuites name="pullguard" tests="${FINDINGS}" failures="${failing}" errors="0">`));
    assert.ok(text.endsWith('</testsuites>\n'));
  });

  it('github: one annotation line per finding, then the verdict', () => {
    const lines = output('github').split('\n');
    assert.equal(lines.filter((line) => line.startsWith('::')).length, FINDINGS);
    assert.equal(lines.length, FINDINGS + 2);
    assert.match(lines[FINDINGS] ?? '', /^pullguard: /);
  });

  it('markdown: one table row per finding and per image', () => {
    const text = output('markdown');
    assert.equal(count(text, '\n| `k8s/'), FINDINGS);
    assert.equal(count(text, '\n| `app'), 2_000);
  });

});
