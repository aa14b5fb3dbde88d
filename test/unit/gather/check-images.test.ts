// checkImages: one request per distinct image, credentials and platforms; at most `concurrency` at
// once; a time budget that turns open checks into verdicts; progress per distinct check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImageCheckRequest } from '../../../src/facts/registry-gateway.js';
import { checkImages, requestKey } from '../../../src/gather/check-images.js';
import { parseImageReference } from '../../../src/images/parse-image-reference.js';
import type { ImageReference } from '../../../src/images/types.js';
import { ScriptedRegistry } from './scripted-registry.js';

function ref(image: string): ImageReference {
  const parsed = parseImageReference(image);
  assert.ok(parsed.ok);
  return parsed.reference;
}

const SECRET = { source: 'secret team/regcred (.dockerconfigjson)', username: 'u', password: 'p' };

describe('requestKey', () => {
  const base: ImageCheckRequest = { reference: ref('nginx:1.27'), credentials: [] };
  it('is the same for the same image written two ways', () => assert.equal(requestKey(base), requestKey({ reference: ref('docker.io/library/nginx:1.27'), credentials: [] })));
  it('differs by credential, not by its source label', () => {
    assert.notEqual(requestKey(base), requestKey({ ...base, credentials: [SECRET] }));
    assert.equal(requestKey({ ...base, credentials: [SECRET] }), requestKey({ ...base, credentials: [{ ...SECRET, source: 'another label' }] }));
  });
  it('differs by platforms', () => assert.notEqual(requestKey(base), requestKey({ ...base, platforms: [{ os: 'linux', architecture: 'arm64' }] })));
  it('is a sha256, so that no credential shows in it', () => assert.match(requestKey({ ...base, credentials: [SECRET] }), /^[0-9a-f]{64}$/));
});

describe('checkImages', () => {
  it('asks once per distinct request and answers every request in order', async () => {
    const registry = new ScriptedRegistry({ 'ghcr.io/acme/api:1': 'image-not-found' });
    const requests: ImageCheckRequest[] = [
      { reference: ref('nginx:1.27'), credentials: [] },
      { reference: ref('ghcr.io/acme/api:1'), credentials: [] },
      { reference: ref('docker.io/library/nginx:1.27'), credentials: [] },
      { reference: ref('ghcr.io/acme/api:1'), credentials: [SECRET] },
    ];
    const progress: string[] = [];
    const results = await checkImages(registry, requests, { onProgress: (done, total) => progress.push(`${done}/${total}`) });
    assert.deepEqual(results.map((r) => r.status), ['ok', 'image-not-found', 'ok', 'image-not-found']);
    assert.equal(results[0], results[2], 'identical requests share one result');
    assert.equal(registry.requests.length, 3);
    assert.deepEqual(progress, ['1/3', '2/3', '3/3']);
  });

  it('keeps at most `concurrency` checks in flight', async () => {
    const registry = new ScriptedRegistry({}, 5);
    const requests = Array.from({ length: 12 }, (_, i) => ({ reference: ref(`ghcr.io/acme/api:${i}`), credentials: [] }));
    await checkImages(registry, requests, { concurrency: 3 });
    assert.equal(registry.requests.length, 12);
    assert.equal(registry.maxInFlight, 3);
  });

  it('turns checks cut by the budget into network-timeout, and checks never started into unknown', async () => {
    const registry = new ScriptedRegistry({}, 10_000);
    const requests = Array.from({ length: 3 }, (_, i) => ({ reference: ref(`registry.corp.acme/team/api:${i}`), credentials: [] }));
    const results = await checkImages(registry, requests, { concurrency: 1, budgetMs: 50 });
    assert.deepEqual(
      results.map((r) => [r.status, r.summary]),
      [
        ['network-timeout', 'team/api:0: no answer from registry.corp.acme within the 50 ms budget of the run'],
        ['unknown', 'team/api:1 was not checked: the 50 ms budget of the run ran out first'],
        ['unknown', 'team/api:2 was not checked: the 50 ms budget of the run ran out first'],
      ],
    );
    assert.equal(registry.requests.length, 1);
  });
});
