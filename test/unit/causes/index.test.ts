// The catalogue as a whole: the 19 ids of DESIGN.md, one module each, sorted; the orders and
// flags other code relies on; every status the registry classifier returns is a cause.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CAUSE_IDS, CAUSES, causesInDesignOrder, getCause, isCauseId, MESSAGE_PATTERNS, UNRANKED } from '../../../src/causes/index.js';
import { repoRoot } from '../../support/control-plane/repo-root.js';

describe('the cause catalogue (src/causes/)', () => {
  it('has the 19 ids of DESIGN.md "Failure causes", in its order', () => {
    assert.deepEqual(CAUSE_IDS, [
      'image-not-found', 'not-found-or-unauthorized', 'unauthorized', 'forbidden', 'rate-limited', 'platform-mismatch',
      'tls-error', 'dns-error', 'network-timeout', 'connection-refused', 'http-vs-https', 'never-pull-missing',
      'invalid-reference', 'registry-server-error', 'disk-pressure', 'signature-policy', 'unsupported-image-format',
      'pull-secret-missing', 'unknown',
    ]);
    assert.deepEqual(causesInDesignOrder().map((cause) => cause.id), [...CAUSE_IDS]);
  });

  it('lists one module per id, sorted by id, each in the file named after it', () => {
    const ids = CAUSES.map((cause) => cause.id);
    assert.deepEqual(ids, [...CAUSE_IDS].sort());
    const files = readdirSync(join(repoRoot(), 'src/causes'))
      .filter((file) => file.endsWith('.ts') && !['index.ts', 'cause.ts', 'classify-registry.ts', 'classify-message.ts', 'target-advice.ts'].includes(file))
      .map((file) => file.slice(0, -3));
    assert.deepEqual(files.sort(), ids);
  });

  it('has a table test per cause', () => {
    const tests = readdirSync(join(repoRoot(), 'test/unit/causes')).filter((file) => file.endsWith('.test.ts')).map((file) => file.slice(0, -'.test.ts'.length));
    for (const id of CAUSE_IDS) assert.ok(tests.includes(id), `test/unit/causes/${id}.test.ts is missing`);
  });

  it('gives each cause a one-line summary ending in a full stop', () => {
    for (const cause of CAUSES) assert.ok(/^\S.*\.$/.test(cause.summary) && !cause.summary.includes('\n'), `${cause.id}: "${cause.summary}"`);
  });

  it('tells ids from other words', () => {
    for (const id of CAUSE_IDS) assert.equal(isCauseId(id), true);
    for (const word of ['ok', 'latest-tag', '', 'Unknown', 'toString']) assert.equal(isCauseId(word), false, word);
  });

  it('ranks registry verdicts: what says most about the image first, unknown last', () => {
    const ranked = CAUSES.filter((cause) => cause.rank !== UNRANKED).sort((a, b) => a.rank - b.rank).map((cause) => cause.id);
    assert.deepEqual(ranked, [
      'platform-mismatch', 'unsupported-image-format', 'image-not-found', 'forbidden', 'not-found-or-unauthorized',
      'unauthorized', 'rate-limited', 'registry-server-error', 'unknown',
    ]);
  });

  it('calls exactly the failures before authentication credential-independent, and they are network causes', () => {
    const independent = CAUSES.filter((cause) => cause.credentialIndependent).map((cause) => cause.id);
    assert.deepEqual(independent, ['connection-refused', 'dns-error', 'http-vs-https', 'network-timeout', 'tls-error']);
    for (const id of independent) assert.equal(getCause(id).vantage, 'network', id);
  });

  it('flags the causes other credentials may change as auth', () => {
    assert.deepEqual(CAUSES.filter((cause) => cause.auth).map((cause) => cause.id), ['forbidden', 'not-found-or-unauthorized', 'pull-secret-missing', 'unauthorized']);
  });

  it('calls deterministic what issue 11 lists, transient the 429, 5xx and timeouts', () => {
    for (const id of ['image-not-found', 'unauthorized', 'never-pull-missing', 'invalid-reference', 'platform-mismatch', 'signature-policy'] as const) {
      assert.equal(getCause(id).recurrence, 'deterministic', id);
    }
    for (const id of ['rate-limited', 'registry-server-error', 'network-timeout'] as const) assert.equal(getCause(id).recurrence, 'transient', id);
  });

  it('orders message patterns by precedence, each a stateless pattern with a source', () => {
    const precedences = MESSAGE_PATTERNS.map((entry) => entry.precedence);
    assert.deepEqual(precedences, [...precedences].sort((a, b) => a - b));
    assert.equal(new Set(precedences).size, precedences.length, 'two patterns share a precedence: their order would depend on the list');
    for (const entry of MESSAGE_PATTERNS) {
      assert.equal(entry.pattern.global || entry.pattern.sticky, false, `${entry.cause}: ${entry.pattern}`);
      assert.ok(entry.source.length > 0, entry.cause);
    }
    // The traps of docs/causes/README.md "Reading a pull error", as precedences.
    const at = (cause: string) => MESSAGE_PATTERNS.filter((entry) => entry.cause === cause).map((entry) => entry.precedence);
    assert.ok(Math.max(...at('dns-error')) < Math.min(...at('network-timeout'), ...at('connection-refused')));
    assert.ok(Math.max(...at('platform-mismatch'), ...at('unsupported-image-format')) < Math.min(...at('image-not-found')));
  });

  it('gives every cause the kubelet waiting reasons it shows and what kubectl shows', () => {
    for (const cause of CAUSES) {
      assert.ok(cause.kubelet.reasons.length > 0, cause.id);
      assert.ok(cause.kubelet.shows.length > 0, cause.id);
      assert.ok(cause.kubelet.messages.length > 0, cause.id);
    }
  });
});
