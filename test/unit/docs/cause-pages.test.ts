// docs/causes/ID.md: one page per failure cause id of DESIGN.md (kept in src/core/failure-causes.ts),
// and every cause id the code can emit is one of them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { causeDocsUrl, DOCS_BASE_URL } from '../../../src/core/docs-url.js';
import { FAILURE_CAUSE_IDS, FAILURE_CAUSE_SUMMARIES, isFailureCauseId } from '../../../src/core/failure-causes.js';
import type { CredentialProblem } from '../../../src/credentials/credential-problem.js';
import type { RegistryCause } from '../../../src/gateways/registry/classify-registry-response.js';
import { classifyRegistryObservation, type CheckSubject } from '../../../src/gateways/registry/classify-registry-response.js';
import { DOCS_DIR, markdownText, pageIds, pagePath, readPage } from './doc-pages.js';

// Every status the registry classifier can return. A Record forces this list to name every member
// of the type: a cause added to the classifier without a page fails to compile here.
const REGISTRY_STATUSES: Record<RegistryCause, true> = {
  ok: true,
  'image-not-found': true,
  'not-found-or-unauthorized': true,
  unauthorized: true,
  forbidden: true,
  'rate-limited': true,
  'platform-mismatch': true,
  'tls-error': true,
  'dns-error': true,
  'network-timeout': true,
  'connection-refused': true,
  'http-vs-https': true,
  'registry-server-error': true,
  'unsupported-image-format': true,
  unknown: true,
};

describe('failure cause ids (src/core/failure-causes.ts)', () => {
  it('are the 19 ids of DESIGN.md "Failure causes", in its order', () => {
    assert.deepEqual(FAILURE_CAUSE_IDS, [
      'image-not-found', 'not-found-or-unauthorized', 'unauthorized', 'forbidden', 'rate-limited', 'platform-mismatch',
      'tls-error', 'dns-error', 'network-timeout', 'connection-refused', 'http-vs-https', 'never-pull-missing',
      'invalid-reference', 'registry-server-error', 'disk-pressure', 'signature-policy', 'unsupported-image-format',
      'pull-secret-missing', 'unknown',
    ]);
  });

  it('have a one-line summary each', () => {
    assert.deepEqual(Object.keys(FAILURE_CAUSE_SUMMARIES).sort(), [...FAILURE_CAUSE_IDS].sort());
    for (const id of FAILURE_CAUSE_IDS) {
      const summary = FAILURE_CAUSE_SUMMARIES[id];
      assert.ok(/^\S.*\.$/.test(summary) && !summary.includes('\n'), `${id}: "${summary}"`);
    }
  });

  it('include every status of the registry classifier except ok', () => {
    const statuses = Object.keys(REGISTRY_STATUSES).filter((status) => status !== 'ok');
    assert.deepEqual(statuses.filter((status) => !isFailureCauseId(status)), []);
  });

  it('include the statuses the classifier really returns for real observations', () => {
    const subject: CheckSubject = { registry: 'registry-1.docker.io', repository: 'acme/webapi', reference: '1.4.2', dockerHub: true, credential: 'anonymous' };
    const returned = [
      classifyRegistryObservation({ kind: 'response', phase: 'manifest', method: 'HEAD', status: 404, errorCode: 'MANIFEST_UNKNOWN' }, subject),
      classifyRegistryObservation({ kind: 'response', phase: 'manifest', method: 'HEAD', status: 401, authError: 'insufficient_scope' }, subject),
      classifyRegistryObservation({ kind: 'transport', phase: 'ping', method: 'GET', host: 'localhost:5000', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, subject),
      classifyRegistryObservation({ kind: 'platforms', method: 'GET', shape: 'index', missing: [{ os: 'linux', architecture: 'arm64' }], offered: [{ os: 'linux', architecture: 'amd64' }] }, subject),
    ].map((verdict) => verdict.status);
    assert.deepEqual(returned, ['image-not-found', 'not-found-or-unauthorized', 'connection-refused', 'platform-mismatch']);
    for (const status of returned) assert.ok(isFailureCauseId(status), status);
  });

  it("include the credential checks' cause (pull-secret-missing)", () => {
    const problem: CredentialProblem = { code: 'pull-secret-missing', cause: 'pull-secret-missing', severity: 'warning', message: 'x' };
    assert.ok(isFailureCauseId(problem.cause ?? ''));
  });

  it('reject ids that are not causes', () => {
    assert.equal(isFailureCauseId('ok'), false);
    assert.equal(isFailureCauseId('latest-tag'), false);
    assert.equal(isFailureCauseId(''), false);
  });
});

describe('docs/causes', () => {
  it('has exactly one page per failure cause id', () => {
    assert.deepEqual(pageIds('causes'), [...FAILURE_CAUSE_IDS].sort());
  });

  for (const id of FAILURE_CAUSE_IDS) {
    describe(id, () => {
      it('has a page titled with the cause id', () => {
        assert.ok(existsSync(pagePath('causes', id)), `docs/causes/${id}.md is missing`);
        assert.equal(readPage('causes', id).split('\n')[0], `# ${id}`);
      });

      it('states the summary and the sections every cause page has', () => {
        const page = readPage('causes', id);
        assert.ok(page.includes(`\n${markdownText(FAILURE_CAUSE_SUMMARIES[id])}\n`), 'the summary should stand as its own paragraph');
        for (const heading of ['## What you see', '## Related', '## Sources']) {
          assert.ok(page.includes(`\n${heading}\n`), `missing section "${heading}"`);
        }
        assert.ok(/\n## (How to fix it|How to find the cause)\n/.test(page), 'missing a "How to fix it" section');
      });

      it('quotes at least one message as kubectl or the runtime shows it', () => {
        assert.ok(/```text\n[^`]+\n```/.test(readPage('causes', id)), 'no ```text block with a message');
      });

      it('has a docs URL that points at the page', () => {
        const url = causeDocsUrl(id);
        assert.ok(url.startsWith(`${DOCS_BASE_URL}/`), url);
        assert.ok(existsSync(join(DOCS_DIR, url.slice(DOCS_BASE_URL.length + 1))), url);
      });
    });
  }

  it('README.md lists every cause with its summary, in DESIGN.md order', () => {
    const index = readFileSync(join(DOCS_DIR, 'causes', 'README.md'), 'utf8');
    const rows = index.split('\n').filter((line) => /^\| \[[a-z-]+\]\([a-z-]+\.md\) \|/.test(line));
    assert.deepEqual(
      rows.map((row) => row.split(' | ').slice(0, 2).join(' | ')),
      FAILURE_CAUSE_IDS.map((id) => `| [${id}](${id}.md) | ${markdownText(FAILURE_CAUSE_SUMMARIES[id])}`),
    );
  });
});
