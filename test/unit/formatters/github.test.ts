import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatGithub } from '../../../src/formatters/github.js';
import { escapeWorkflowData, escapeWorkflowProperty, workflowCommand } from '../../../src/formatters/workflow-command.js';
import { cleanReport, fixtureReport, PLAIN } from './fixture-report.js';

const EXPECTED = [
  '::error file=k8s/webapi.yaml,line=7,col=16,title=never-pull-remote::imagePullPolicy: Never, but aks nodes cannot see local images.%0AFix: Push the image to ACR (az acr build), then use IfNotPresent.',
  '::warning file=k8s/webapi.yaml,line=7,col=16,title=latest-tag::Tag latest moves; pin a version.%0AFix: Use an immutable tag such as 1.4.2.',
  '::notice file=k8s/webapi.yaml,line=21,col=18,title=registry-unchecked::Registry checks did not run for ghcr.io/acme/sidecar:1.2.',
  `::warning file=k8s/wörker.yaml,line=3,col=1,title=yaml-syntax::Unexpected "<" & '|' at 50%25: a,b%0Anext line \\u001b[31mred\\u001b[0m \\u202eevil`,
  '::error file=k8s/wörker.yaml,line=12,col=20,title=placeholder-image::Image "${REGISTRY}/wörker:1.0" holds the variable ${REGISTRY}.%0AFix: Render the manifest (envsubst, helm template) before applying it.',
  'pullguard: 2 errors, 2 warnings, 1 info in 2 files (5 objects, 7 containers checked; 1 document skipped)',
  '',
].join('\n');

describe('github formatter', () => {
  it('writes one annotation per finding (error, warning, notice), then the verdict', () => {
    assert.equal(formatGithub(fixtureReport(), PLAIN), EXPECTED);
  });

  it('writes only the verdict when nothing was found', () => {
    assert.equal(formatGithub(cleanReport(), PLAIN), 'pullguard: No problems found in 2 files (5 objects, 7 containers checked)\n');
  });

  it('escapes properties, gives stdin no location, and keeps every annotation on one line', () => {
    const report = cleanReport();
    report.findings.push(
      {
        ruleId: 'latest-tag',
        severity: 'error',
        message: 'line one\r\nline two\n::error::injected',
        file: '.\\k8s\\a,b:c%.yaml',
        line: 4,
        column: 9,
        object: { apiVersion: 'v1', kind: 'Pod' },
      },
      { ruleId: 'yaml-syntax', severity: 'info', message: 'from stdin', file: '<stdin>', line: 2, column: 3, object: { apiVersion: '', kind: '' } },
    );
    const lines = formatGithub(report, PLAIN).split('\n');
    assert.deepEqual(lines, [
      '::error file=k8s/a%2Cb%3Ac%25.yaml,line=4,col=9,title=latest-tag::line one%0D%0Aline two%0A::error::injected',
      '::notice title=yaml-syntax::from stdin',
      'pullguard: No problems found in 2 files (5 objects, 7 containers checked)',
      '',
    ]);
  });
});

describe('workflow command escaping (actions/toolkit rules)', () => {
  it('escapes % first, then CR and LF, in messages', () => {
    assert.equal(escapeWorkflowData('100%0A real\r\nbreak: a,b'), '100%250A real%0D%0Abreak: a,b');
  });

  it('also escapes : and , in properties', () => {
    assert.equal(escapeWorkflowProperty('C:\\dir,x%\n'), 'C%3A\\dir%2Cx%25%0A');
  });

  it('builds commands, leaving out undefined properties', () => {
    assert.equal(workflowCommand('warning', { file: 'a.yaml', line: undefined, title: 'x:y' }, 'm'), '::warning file=a.yaml,title=x%3Ay::m');
    assert.equal(workflowCommand('notice', {}, 'plain'), '::notice::plain');
  });
});
