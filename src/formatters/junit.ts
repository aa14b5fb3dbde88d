// `--format junit`: JUnit XML for CI test-report views (GitLab, Jenkins, Azure DevOps). One
// testsuite per file, one testcase per object or container with findings, one <failure> per
// error or warning (type = rule id); info findings go to the testcase's <system-out> and do not
// fail it. A clean run still reports one passing testcase, because several CI systems reject a
// report with no tests at all.
import type { Finding } from '../core/types.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './escape-xml.js';
import { wholeOutput, type ChunkedFormatter, type Formatter } from './formatter.js';
import { subjectLabel } from './object-label.js';
import { sortedFindings } from './report-order.js';
import { summarySentence } from './summary-sentence.js';

interface TestCase {
  name: string;
  findings: Finding[];
}

interface TestSuite {
  file: string;
  cases: Map<string, TestCase>;
}

function caseKey(finding: Finding): string {
  const { apiVersion, kind, namespace, name } = finding.object;
  return JSON.stringify([apiVersion, kind, namespace ?? null, name ?? null, finding.container ?? null]);
}

function suitesOf(findings: readonly Finding[]): TestSuite[] {
  const suites = new Map<string, TestSuite>();
  for (const finding of findings) {
    let suite = suites.get(finding.file);
    if (suite === undefined) {
      suite = { file: finding.file, cases: new Map() };
      suites.set(finding.file, suite);
    }
    const key = caseKey(finding);
    let testCase = suite.cases.get(key);
    if (testCase === undefined) {
      testCase = { name: subjectLabel(finding) ?? '(document)', findings: [] };
      suite.cases.set(key, testCase);
    }
    testCase.findings.push(finding);
  }
  return [...suites.values()];
}

const fails = (finding: Finding): boolean => finding.severity !== 'info';

function failureXml(finding: Finding): string {
  const body = [`${finding.severity} at ${finding.line}:${finding.column}: ${finding.message}`];
  if (finding.remediation !== undefined) body.push(`fix: ${finding.remediation}`);
  return `      <failure message="${attr(finding.message)}" type="${attr(finding.ruleId)}">${text(body.join('\n'))}</failure>`;
}

function* testCaseXml(file: string, testCase: TestCase): Generator<string> {
  yield `    <testcase classname="${attr(file)}" name="${attr(testCase.name)}">\n`;
  const infos: string[] = [];
  for (const finding of testCase.findings) {
    if (fails(finding)) yield `${failureXml(finding)}\n`;
    else infos.push(`info at ${finding.line}:${finding.column}: ${finding.message} (${finding.ruleId})`);
  }
  if (infos.length > 0) yield `      <system-out>${text(infos.join('\n'))}</system-out>\n`;
  yield '    </testcase>\n';
}

function suiteOpen(name: string, tests: number, failures: number): string {
  return `  <testsuite name="${attr(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">`;
}

/**
 * The totals of the root element come first in the document, so one pass counts them; a second
 * writes each suite and each testcase as a piece of its own.
 */
export const junitChunks: ChunkedFormatter = function* (report) {
  const suites = suitesOf(sortedFindings(report.findings));
  let tests = 0;
  let failures = 0;
  for (const suite of suites) {
    tests += suite.cases.size;
    for (const testCase of suite.cases.values()) if (testCase.findings.some(fails)) failures++;
  }
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="pullguard" tests="${Math.max(tests, 1)}" failures="${failures}" errors="0">\n`;
  for (const suite of suites) {
    let failing = 0;
    for (const testCase of suite.cases.values()) if (testCase.findings.some(fails)) failing++;
    yield `${suiteOpen(suite.file, suite.cases.size, failing)}\n`;
    for (const testCase of suite.cases.values()) yield* testCaseXml(suite.file, testCase);
    yield '  </testsuite>\n';
  }
  if (tests === 0) {
    const sentence = summarySentence(report.summary);
    yield `${suiteOpen('pullguard', 1, 0)}\n`;
    yield `    <testcase classname="pullguard" name="${attr(`${sentence.headline} (${sentence.details})`)}"/>\n`;
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
};

export const formatJunit: Formatter = wholeOutput(junitChunks);
