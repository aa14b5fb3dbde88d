// `--format junit`: JUnit XML for CI test-report views (GitLab, Jenkins, Azure DevOps). One
// testsuite per file, one testcase per object or container with findings, one <failure> per
// error or warning (type = rule id); info findings go to the testcase's <system-out> and do not
// fail it. A clean run still reports one passing testcase, because several CI systems reject a
// report with no tests at all.
import type { Finding, Report } from '../core/types.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './escape-xml.js';
import type { Formatter } from './formatter.js';
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

function testCaseXml(file: string, testCase: TestCase): string[] {
  const open = `    <testcase classname="${attr(file)}" name="${attr(testCase.name)}"`;
  const failures = testCase.findings.filter(fails);
  const infos = testCase.findings.filter((finding) => !fails(finding));
  const lines = [`${open}>`, ...failures.map(failureXml)];
  if (infos.length > 0) {
    const out = infos.map((finding) => `info at ${finding.line}:${finding.column}: ${finding.message} (${finding.ruleId})`);
    lines.push(`      <system-out>${text(out.join('\n'))}</system-out>`);
  }
  lines.push('    </testcase>');
  return lines;
}

function suiteXml(name: string, tests: number, failures: number, body: string[]): string[] {
  return [
    `  <testsuite name="${attr(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">`,
    ...body,
    '  </testsuite>',
  ];
}

export const formatJunit: Formatter = (report: Report): string => {
  const lines: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const suite of suitesOf(sortedFindings(report.findings))) {
    const cases = [...suite.cases.values()];
    const failing = cases.filter((testCase) => testCase.findings.some(fails)).length;
    tests += cases.length;
    failures += failing;
    lines.push(...suiteXml(suite.file, cases.length, failing, cases.flatMap((testCase) => testCaseXml(suite.file, testCase))));
  }
  if (tests === 0) {
    const sentence = summarySentence(report.summary);
    tests = 1;
    lines.push(
      ...suiteXml('pullguard', 1, 0, [
        `    <testcase classname="pullguard" name="${attr(`${sentence.headline} (${sentence.details})`)}"/>`,
      ]),
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pullguard" tests="${tests}" failures="${failures}" errors="0">`,
    ...lines,
    '</testsuites>',
    '',
  ].join('\n');
};
