// A table-driven tester for one rule, in the manner of ESLint's RuleTester: every case is one `it`,
// manifests go through the real reader (readManifestText) and the real engine (runRules), so the
// expected line and column are those a user sees.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Rule } from '../../src/core/rule.js';
import { runRules, type RuleSetting } from '../../src/core/run-rules.js';
import type { Finding } from '../../src/core/types.js';
import type { Severity } from '../../src/shared/severity.js';
import type { Facts } from '../../src/facts/facts.js';
import type { ManifestObject } from '../../src/manifests/model.js';
import { getTargetProfile } from '../../src/detect/profiles.js';
import { readManifestText } from '../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../src/manifests/readers/full-yaml-readers.js';

export interface RuleTestCase {
  /** Shown as the test's title; defaults to the target and the first `image:` line. */
  name?: string;
  /** One or more YAML documents; common indentation and the first newline are removed (see `dedent`). */
  yaml: string;
  /** A target id (default `remote`). */
  target?: string;
  /** Settings from `.pullguard.yaml` (`rules:`), e.g. `{ 'latest-tag': 'error' }`. */
  ruleSettings?: Record<string, RuleSetting>;
  /** What `check` gathered (cluster facts, registry verdicts), built from the case's objects. */
  facts?: (objects: readonly ManifestObject[]) => Facts;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  /** The exact message, or a pattern it must match. */
  message: string | RegExp;
  /** Defaults to the rule's default severity. */
  severity?: Severity;
  remediation?: string | RegExp;
  container?: string;
  image?: string;
  /** Dotted path of the node pointed at, e.g. `spec.containers[0].image`. */
  path?: string;
}

export interface InvalidRuleTestCase extends RuleTestCase {
  errors: ExpectedFinding[];
}

export interface RuleTestCases {
  valid: RuleTestCase[];
  invalid: InvalidRuleTestCase[];
}

/** Registers a `describe(rule id)` with one `it` per case. */
export function ruleTester(rule: Rule, cases: RuleTestCases): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const testCase of cases.valid) {
        it(title(testCase), () => {
          const findings = lintCase(rule, testCase);
          assert.deepEqual(findings.map(summary), [], 'expected no findings');
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(title(testCase), () => {
          assert.ok(testCase.errors.length > 0, 'an invalid case must expect at least one finding');
          const findings = lintCase(rule, testCase);
          assert.equal(
            findings.length,
            testCase.errors.length,
            `expected ${testCase.errors.length} finding(s), got ${findings.length}:\n${findings.map(summary).join('\n')}`,
          );
          testCase.errors.forEach((expected, i) => assertFinding(rule, findings[i]!, expected, i));
        });
      }
    });
  });
}

/** Reads the case's YAML and runs only `rule` on it for the case's target. */
export function lintCase(rule: Rule, testCase: RuleTestCase): Finding[] {
  const target = getTargetProfile(testCase.target ?? 'remote');
  assert.ok(target !== undefined, `unknown target ${testCase.target}`);
  const parsed = readManifestText(dedent(testCase.yaml), 'test.yaml', FULL_YAML_READERS);
  assert.deepEqual(parsed.problems, [], 'the test manifest must be valid YAML');
  assert.ok(parsed.objects.length > 0, 'the test manifest must hold at least one object');
  const result = runRules(parsed.objects, [rule], {
    target,
    ...(testCase.ruleSettings === undefined ? {} : { ruleSettings: testCase.ruleSettings }),
    ...(testCase.facts === undefined ? {} : { facts: testCase.facts(parsed.objects) }),
  });
  return result.findings;
}

function assertFinding(rule: Rule, finding: Finding, expected: ExpectedFinding, index: number): void {
  const where = `finding ${index} (${summary(finding)})`;
  assert.equal(finding.ruleId, rule.meta.id, `${where}: rule id`);
  assert.deepEqual({ line: finding.line, column: finding.column }, { line: expected.line, column: expected.column }, `${where}: position`);
  if (typeof expected.message === 'string') assert.equal(finding.message, expected.message, `${where}: message`);
  else assert.match(finding.message, expected.message, `${where}: message`);
  assert.equal(finding.severity, expected.severity ?? rule.meta.defaultSeverity, `${where}: severity`);
  assert.ok(finding.remediation !== undefined && /\S.*[.)`]$/.test(finding.remediation), `${where}: a remediation that ends a sentence`);
  if (expected.remediation !== undefined) {
    if (typeof expected.remediation === 'string') assert.equal(finding.remediation, expected.remediation, `${where}: remediation`);
    else assert.match(finding.remediation, expected.remediation, `${where}: remediation`);
  }
  if (expected.container !== undefined) assert.equal(finding.container, expected.container, `${where}: container`);
  if (expected.image !== undefined) assert.equal(finding.image, expected.image, `${where}: image`);
  if (expected.path !== undefined) assert.equal(finding.path, expected.path, `${where}: path`);
}

function summary(finding: Finding): string {
  return `${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}`;
}

function title(testCase: RuleTestCase): string {
  if (testCase.name !== undefined) return testCase.name;
  const image = /image:\s*(.*)/.exec(testCase.yaml)?.[1]?.trim() ?? dedent(testCase.yaml).split('\n')[0] ?? '';
  return `${testCase.target ?? 'remote'}: ${image}`;
}

/**
 * Removes the first line break and the indentation common to all non-blank lines, so that cases can
 * be written as indented template literals; line 1 is the first line after the opening backtick's line.
 */
export function dedent(text: string): string {
  const body = text.replace(/^[ \t]*\r?\n/, '').replace(/\n[ \t]*$/, '\n');
  const lines = body.split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(common)).join('\n');
}
