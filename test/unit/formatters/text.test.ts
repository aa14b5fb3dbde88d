import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatText } from '../../../src/formatters/text.js';
import { cleanReport, COLOURED, fixtureReport, PLAIN } from './fixture-report.js';

const EXPECTED = `k8s/webapi.yaml
  7:16   error    imagePullPolicy: Never, but aks nodes cannot see local images.            never-pull-remote
                  Deployment/webapi (namespace prod), container webapi
                  fix: Push the image to ACR (az acr build), then use IfNotPresent.
  7:16   warning  Tag latest moves; pin a version.                                          latest-tag
                  Deployment/webapi (namespace prod), container webapi
                  fix: Use an immutable tag such as 1.4.2.
  21:18  info     Registry checks did not run for ghcr.io/acme/sidecar:1.2.                 registry-unchecked
                  Deployment/webapi (namespace prod), container sidecar

k8s/wörker.yaml
  3:1    warning  Unexpected "<" & '|' at 50%: a,b\\nnext line \\u001b[31mred\\u001b[0m \\u202eevil  yaml-syntax
  12:20  error    Image "\${REGISTRY}/wörker:1.0" holds the variable \${REGISTRY}.            placeholder-image
                  Job/wörker-ü, container main
                  fix: Render the manifest (envsubst, helm template) before applying it.

Images
  IMAGE                     STATUS        SUMMARY
  ghcr.io/acme/private:2.0  unauthorized  ghcr.io answered 401 | authentication required
  nginx:1.27                ok            exists for linux/amd64, linux/arm64

✖ 2 errors, 2 warnings, 1 info in 2 files (5 objects, 7 containers checked; 1 document skipped)
`;

describe('text formatter', () => {
  it('groups by file, aligns rows, shows object, container and fix, the image table and the verdict', () => {
    assert.equal(formatText(fixtureReport(), PLAIN), EXPECTED);
  });

  it('prints no escape sequence at all without colour, even when a message carries one', () => {
    assert.equal(formatText(fixtureReport(), PLAIN).includes('\u001b'), false);
    assert.equal(formatText(fixtureReport(), PLAIN).includes('\u202e'), false);
  });

  it('colours severities, statuses and the verdict only when asked to', () => {
    const lines = formatText(fixtureReport(), COLOURED).split('\n');
    assert.equal(lines[0], '\u001b[4mk8s/webapi.yaml\u001b[24m');
    assert.equal(
      lines[1],
      '  \u001b[2m7:16 \u001b[22m  \u001b[31merror  \u001b[39m  imagePullPolicy: Never, but aks nodes cannot see local images.            \u001b[2mnever-pull-remote\u001b[22m',
    );
    assert.equal(lines[2], '                  \u001b[2mDeployment/webapi (namespace prod), container webapi\u001b[22m');
    assert.equal(lines[3], '                  fix: Push the image to ACR (az acr build), then use IfNotPresent.');
    assert.equal(
      lines[7],
      '  \u001b[2m21:18\u001b[22m  \u001b[36minfo   \u001b[39m  Registry checks did not run for ghcr.io/acme/sidecar:1.2.                 \u001b[2mregistry-unchecked\u001b[22m',
    );
    assert.equal(lines[18], '  ghcr.io/acme/private:2.0  \u001b[31munauthorized\u001b[39m  ghcr.io answered 401 | authentication required');
    assert.equal(lines[19], '  nginx:1.27                \u001b[32mok          \u001b[39m  exists for linux/amd64, linux/arm64');
    assert.equal(
      lines[21],
      '\u001b[1m\u001b[31m✖ 2 errors, 2 warnings, 1 info in 2 files\u001b[39m\u001b[22m (5 objects, 7 containers checked; 1 document skipped)',
    );
    // The hostile message's own ESC stays escaped in coloured output too.
    assert.match(lines[11] ?? '', /\\u001b\[31mred\\u001b\[0m \\u202eevil/);
  });

  it('caps the message column: a long message overflows instead of pushing every rule id right', () => {
    const report = cleanReport();
    const object = { apiVersion: 'v1', kind: 'Pod' };
    report.findings.push(
      { ruleId: 'rule-a', severity: 'error', message: 'x'.repeat(100), file: 'a.yaml', line: 1, column: 1, object },
      { ruleId: 'rule-b', severity: 'error', message: 'short', file: 'a.yaml', line: 2, column: 1, object },
    );
    const lines = formatText(report, PLAIN).split('\n');
    assert.equal(lines[1], `  1:1  error    ${'x'.repeat(100)}  rule-a`);
    assert.equal(lines[3], `  2:1  error    short${' '.repeat(72 - 5)}  rule-b`);
  });

  it('says so when nothing was found', () => {
    assert.equal(formatText(cleanReport(), PLAIN), '✔ No problems found in 2 files (5 objects, 7 containers checked)\n');
    assert.equal(
      formatText(cleanReport(), COLOURED),
      '\u001b[32m✔ No problems found in 2 files\u001b[39m (5 objects, 7 containers checked)\n',
    );
  });

  it('counts infos without calling them problems, and uses singulars', () => {
    const report = cleanReport();
    report.findings = [
      {
        ruleId: 'registry-unchecked',
        severity: 'info',
        message: 'Not checked.',
        file: 'a.yaml',
        line: 1,
        column: 1,
        object: { apiVersion: 'v1', kind: 'Pod' },
      },
    ];
    report.summary = { errors: 0, warnings: 0, infos: 1, files: 1, objects: 1, containers: 1, imageSites: 1, fallbackImageSites: 0, skippedDocuments: 1, ignored: 2 };
    assert.equal(
      formatText(report, PLAIN),
      'a.yaml\n  1:1  info     Not checked.  registry-unchecked\n                Pod\n\n' +
        '✔ No problems found, 1 info in 1 file (1 object, 1 container checked; 1 document skipped; 2 findings ignored by annotation)\n',
    );
  });

  it('counts image sites when the fallback found some, and says how many', () => {
    const report = cleanReport();
    report.summary = { ...report.summary, containers: 7, imageSites: 9, fallbackImageSites: 2 };
    assert.equal(
      formatText(report, PLAIN),
      '✔ No problems found in 2 files (5 objects, 9 image sites checked, 2 of them found only by the fallback for unlisted kinds)\n',
    );
    report.summary = { ...report.summary, imageSites: 8, fallbackImageSites: 1 };
    assert.match(formatText(report, PLAIN), /\(5 objects, 8 image sites checked, 1 of them found only by the fallback for unlisted kinds\)\n$/);
  });

  it('uses a yellow cross when there are warnings but no errors', () => {
    const report = cleanReport();
    report.summary = { ...report.summary, warnings: 1 };
    assert.equal(
      formatText(report, COLOURED),
      '\u001b[1m\u001b[33m✖ 1 warning in 2 files\u001b[39m\u001b[22m (5 objects, 7 containers checked)\n',
    );
  });

  it('prints the same bytes whatever order the findings come in, and leaves the report untouched', () => {
    const report = fixtureReport();
    const before = JSON.stringify(report);
    const reversed = fixtureReport();
    reversed.findings.reverse();
    reversed.images?.reverse();
    assert.equal(formatText(reversed, PLAIN), formatText(report, PLAIN));
    assert.equal(JSON.stringify(report), before);
  });
});
