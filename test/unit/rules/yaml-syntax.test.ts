// yaml-syntax has no per-object check: a document that cannot be read never becomes an object, so the
// reader reports a LoadProblem and the engine turns it into the finding (loadProblemToFinding). The
// table therefore runs the real reader and the real conversion instead of the rule tester.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadProblemToFinding, runRules, type RuleSetting } from '../../../src/core/run-rules.js';
import type { Finding } from '../../../src/core/types.js';
import { getTargetProfile } from '../../../src/detect/profiles.js';
import { readManifestText } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import { RULES } from '../../../src/rules/index.js';
import { rule } from '../../../src/rules/yaml-syntax.js';

interface Case {
  name: string;
  text: string;
  file?: string;
  ruleSettings?: Record<string, RuleSetting>;
  /** Objects still read from the other documents of the file. */
  objects?: number;
  errors: Pick<Finding, 'line' | 'column' | 'message' | 'severity'>[];
}

function lint(testCase: Case): { findings: Finding[]; objects: number } {
  const file = testCase.file ?? 'test.yaml';
  const parsed = readManifestText(testCase.text, file, FULL_YAML_READERS);
  const findings = parsed.problems.flatMap((problem) => loadProblemToFinding(problem, testCase.ruleSettings) ?? []);
  for (const finding of findings) {
    assert.equal(finding.ruleId, 'yaml-syntax');
    assert.equal(finding.file, file);
  }
  return { findings, objects: parsed.objects.length };
}

const VALID: { name: string; text: string; file?: string }[] = [
  { name: 'a Pod', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27.3\n' },
  { name: 'empty documents and comments', text: '# nothing\n---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n' },
  { name: 'JSON in a .json file', text: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}\n', file: 'a.json' },
  { name: 'a YAML flow mapping with a trailing comma is YAML, not broken JSON', text: '{ apiVersion: v1, kind: ConfigMap, metadata: { name: a }, }\n' },
  { name: 'a document that is not a Kubernetes object is skipped, not an error', text: 'just: data\n' },
  {
    name: 'a trailing comma in a .json file: kubectl falls back to YAML, where it is a flow mapping',
    file: 'pod.json',
    text: '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": { "name": "web", }\n}\n',
  },
  { name: 'a duplicate key: kubectl keeps the last one', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  name: other\n' },
  {
    name: 'a multi-line double-quoted string in a flow sequence, its closing quote at the key\'s column (go-yaml does not check indentation there)',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      args: ["\n        echo hello &&\n        echo world\n      "]\n',
  },
  { name: 'a comment after ---', text: '--- # the first\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n' },
];

const INVALID: Case[] = [
  {
    name: 'a key indented less than its siblings',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n spec: {}\n',
    errors: [{ line: 5, column: 1, severity: 'error', message: 'All mapping items must start at the same column' }],
  },
  {
    name: '.nan and .inf: go-yaml reads floats that JSON cannot hold, so kubectl stops',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  ratio: .nan\n',
    errors: [{ line: 6, column: 10, severity: 'error', message: '.nan is not a number, which kubectl cannot convert to JSON (quote it to keep the text)' }],
  },
  {
    // kubectl stops at the separator before it applies the document above it: that document is
    // the one reported (at the content after `---`), and the content on the separator line is never read.
    name: 'content after --- on the marker line (kubectl: "invalid Yaml document separator")',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n--- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n',
    errors: [
      {
        line: 4,
        column: 5,
        severity: 'error',
        message: 'kubectl accepts only a comment after "---" on the same line ("invalid Yaml document separator"); start the document on the next line',
      },
    ],
  },
  {
    // The document after the `---` is a piece of its own for kubectl, and pullguard reads it.
    name: 'a %YAML directive: kubectl splits it off as a document of its own and rejects it',
    text: '%YAML 1.1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
    objects: 1,
    errors: [
      {
        line: 1,
        column: 1,
        severity: 'error',
        message: 'kubectl does not accept YAML directives (it splits the stream at "---" lines and the directive is left as a document of its own); remove this line',
      },
    ],
  },
  {
    name: 'a tab as indentation',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n',
    errors: [{ line: 4, column: 1, severity: 'error', message: 'Tabs are not allowed as indentation' }],
  },
  {
    name: 'an unrendered Helm template: a mapping as a key',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n',
    errors: [{ line: 4, column: 10, severity: 'error', message: 'a mapping key is a collection (kubectl cannot convert it to JSON)' }],
  },
  {
    name: 'one broken document among good ones: the others are still read',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: [\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n',
    objects: 2,
    errors: [{ line: 8, column: 1, severity: 'error', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' }],
  },
  {
    name: 'a .json file that is neither JSON nor YAML: the JSON error, as kubectl reports it',
    file: 'pod.json',
    text: '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": { "name": "web" ]\n}\n',
    errors: [{ line: 4, column: 31, severity: 'error', message: `JSON: expected ',' or '}', found "]"` }],
  },
  {
    name: 'severity lowered in .pullguard.yaml',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n',
    ruleSettings: { 'yaml-syntax': 'warning' },
    errors: [{ line: 4, column: 1, severity: 'warning', message: 'Tabs are not allowed as indentation' }],
  },
];

describe('yaml-syntax', () => {
  it('has the metadata the engine relies on', () => {
    assert.deepEqual(
      { id: rule.meta.id, severity: rule.meta.defaultSeverity, requires: rule.meta.requires },
      { id: 'yaml-syntax', severity: 'error', requires: 'none' },
    );
  });

  describe('valid', () => {
    for (const testCase of VALID) {
      it(testCase.name, () => {
        assert.deepEqual(lint({ ...testCase, errors: [] }).findings, []);
      });
    }
  });

  describe('invalid', () => {
    for (const testCase of INVALID) {
      it(testCase.name, () => {
        const { findings, objects } = lint(testCase);
        assert.deepEqual(
          findings.map(({ line, column, message, severity }) => ({ line, column, message, severity })),
          testCase.errors,
        );
        assert.equal(objects, testCase.objects ?? 0);
      });
    }
  });

  it('is switched off in .pullguard.yaml', () => {
    const { findings } = lint({ name: 'off', text: 'a: [\n', ruleSettings: { 'yaml-syntax': 'off' }, errors: [] });
    assert.deepEqual(findings, []);
  });

  it('the finding carries no object, so no ignore annotation can hide it', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    pullguard.dev/ignore: all\n  name: web\n  generation: .inf\n';
    const { findings } = lint({ name: 'ignore', text, errors: [] });
    assert.deepEqual(
      findings.map((f) => [f.line, f.column, f.object]),
      [[7, 15, { apiVersion: '', kind: '' }]],
    );
  });

  it('reports nothing per object: a readable object never holds a syntax error', () => {
    const parsed = readManifestText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n', 'test.yaml', FULL_YAML_READERS);
    const yamlSyntax = RULES.filter((r) => r.meta.id === 'yaml-syntax');
    assert.equal(yamlSyntax.length, 1);
    assert.deepEqual(runRules(parsed.objects, yamlSyntax, { target: getTargetProfile('remote')! }).findings, []);
  });
});
