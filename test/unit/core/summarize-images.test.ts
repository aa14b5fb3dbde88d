import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageCheckOutcome, summarizeImages, unverifiedFailsRun } from '../../../src/core/summarize-images.js';
import { exitCodeFor } from '../../../src/core/exit-code.js';
import type { ImageVerdict, Summary } from '../../../src/core/types.js';
import { summarySentence } from '../../../src/formatters/summary-sentence.js';

function verdict(status: ImageVerdict['status'], credentialSource?: string): ImageVerdict {
  return { image: 'x', reference: 'docker.io/library/x:latest', status, summary: '', registry: 'docker.io', locations: [], ...(credentialSource === undefined ? {} : { credentialSource }) };
}

const COUNTS: Summary = { errors: 0, warnings: 0, infos: 0, files: 2, objects: 3, containers: 1, imageSites: 1, fallbackImageSites: 0, skippedDocuments: 0, ignored: 0 };

describe('imageCheckOutcome', () => {
  const table: [ImageVerdict['status'], string | undefined, string][] = [
    ['ok', undefined, 'verified'],
    ['image-not-found', undefined, 'failed'],
    ['not-found-or-unauthorized', undefined, 'failed'],
    ['unauthorized', 'anonymous', 'failed'],
    ['forbidden', undefined, 'failed'],
    ['platform-mismatch', undefined, 'failed'],
    ['unsupported-image-format', undefined, 'failed'],
    ['pull-secret-missing', undefined, 'failed'],
    ['dns-error', undefined, 'unverified'],
    ['connection-refused', undefined, 'unverified'],
    ['network-timeout', undefined, 'unverified'],
    ['tls-error', undefined, 'unverified'],
    ['http-vs-https', undefined, 'unverified'],
    ['rate-limited', undefined, 'unverified'],
    ['registry-server-error', undefined, 'unverified'],
    ['unknown', undefined, 'unverified'],
    ['unknown', 'node identity', 'node-identity'],
  ];
  for (const [status, source, outcome] of table) {
    it(`${status}${source === undefined ? '' : ` (${source})`} is ${outcome}`, () => {
      assert.equal(imageCheckOutcome(verdict(status, source)), outcome);
    });
  }
});

describe('summarizeImages', () => {
  it('counts every check once, unverified by cause with sorted keys', () => {
    const verdicts = [verdict('ok'), verdict('network-timeout'), verdict('dns-error'), verdict('dns-error'), verdict('image-not-found'), verdict('unknown', 'node identity')];
    const images = summarizeImages(verdicts, 'fail');
    assert.deepEqual(images, { checked: 6, verified: 1, failed: 1, unverified: 3, unverifiedByCause: { 'dns-error': 2, 'network-timeout': 1 }, nodeIdentity: 1, unverifiedPolicy: 'fail' });
    assert.deepEqual(Object.keys(images.unverifiedByCause), ['dns-error', 'network-timeout']);
  });

  it('fails the run only for unverified checks under the fail policy', () => {
    assert.equal(unverifiedFailsRun({ images: summarizeImages([verdict('dns-error')], 'fail') }), true);
    assert.equal(unverifiedFailsRun({ images: summarizeImages([verdict('dns-error')], 'allow') }), false);
    assert.equal(unverifiedFailsRun({ images: summarizeImages([verdict('unknown', 'node identity'), verdict('ok')], 'fail') }), false);
    assert.equal(unverifiedFailsRun({}), false);
  });
});

describe('exit code and summary sentence with unverified images', () => {
  const unverified = (policy: 'fail' | 'allow'): Summary => ({ ...COUNTS, warnings: 1, images: summarizeImages([verdict('dns-error')], policy) });

  it('exit code 1 under fail whatever --fail-on says; allow leaves it to the findings', () => {
    for (const failOn of ['error', 'warning', 'info', 'never'] as const) assert.equal(exitCodeFor(unverified('fail'), failOn), 1, failOn);
    assert.equal(exitCodeFor(unverified('allow'), 'error'), 0);
    assert.equal(exitCodeFor(unverified('allow'), 'warning'), 1);
    assert.equal(exitCodeFor({ ...COUNTS, images: summarizeImages([verdict('ok')], 'fail') }, 'error'), 0);
  });

  it('says how many images were not verified, why, and what it does to the exit code', () => {
    assert.deepEqual(summarySentence(unverified('fail')), {
      problems: true,
      headline: '1 warning in 2 files',
      details: '3 objects, 1 container checked; 1 image: 1 not verified (1 dns-error)',
      unverified: '1 image could not be verified from this machine (1 dns-error): exit code 1; to accept that, pass --unverified allow or set "unverified: allow" in .pullguard.yaml',
    });
    assert.equal(
      summarySentence(unverified('allow')).unverified,
      '1 image could not be verified from this machine (1 dns-error); the unverified policy is "allow", so this does not change the exit code',
    );
  });

  it('a run without findings but with unverified images is not "No problems found"', () => {
    const sentence = summarySentence({ ...COUNTS, images: summarizeImages([verdict('connection-refused'), verdict('ok')], 'fail') });
    assert.equal(sentence.problems, true);
    assert.equal(sentence.headline, 'No findings in 2 files, but not every image could be verified');
    assert.equal(sentence.details, '3 objects, 1 container checked; 2 images: 1 verified, 1 not verified (1 connection-refused)');
  });

  it('lint (no registry checks) reads as before', () => {
    assert.deepEqual(summarySentence(COUNTS), { problems: false, headline: 'No problems found in 2 files', details: '3 objects, 1 container checked' });
  });
});
