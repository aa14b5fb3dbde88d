import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RegistryObservation } from '../../../../src/causes/classify-registry.js';
import { redactObservation } from '../../../../src/gateways/registry/redact-secrets.js';
import { parseRegistryError } from '../../../../src/gateways/registry/registry-error-body.js';
import { REDACTED, SecretRedactor } from '../../../../src/shared/redactor.js';

const SECRET = 'Sup3r-Secret-Pa55word';

function redactor(): SecretRedactor {
  const r = new SecretRedactor();
  r.add(SECRET, 'carol');
  return r;
}

describe('redactObservation', () => {
  it('redacts a secret that straddles the 200-character cut before cutting', () => {
    for (let offset = 200 - SECRET.length; offset <= 200; offset++) {
      const body = Buffer.from(JSON.stringify({ errors: [{ code: 'DENIED', message: `${'m'.repeat(offset)}${SECRET} tail` }] }));
      const observation: RegistryObservation = { kind: 'response', phase: 'manifest', method: 'GET', status: 403, ...parseRegistryError(body, 'application/json') };
      const redacted = redactObservation(observation, redactor());
      assert.equal(redacted.kind, 'response');
      const message = redacted.kind === 'response' ? (redacted.registryMessage ?? '') : '';
      assert.ok(!message.includes(SECRET.slice(0, 5)) && !message.includes(SECRET.slice(-5)), `offset ${offset}: ${message}`);
      const whole = `${'m'.repeat(offset)}${REDACTED} tail`;
      assert.equal(message, whole.length > 200 ? `${whole.slice(0, 200)}…` : whole);
    }
  });

  it('redacts every field a registry controls: error code, challenge error, Retry-After, transport message', () => {
    const response = redactObservation(
      { kind: 'response', phase: 'token', method: 'GET', status: 401, errorCode: SECRET, authError: SECRET, retryAfter: SECRET },
      redactor(),
    );
    assert.deepEqual(response, { kind: 'response', phase: 'token', method: 'GET', status: 401, errorCode: REDACTED, authError: REDACTED, retryAfter: REDACTED });
    const transport = redactObservation({ kind: 'transport', phase: 'manifest', method: 'GET', host: 'h', code: 'X', message: `bad ${SECRET}\nat line two` }, redactor());
    assert.deepEqual(transport, { kind: 'transport', phase: 'manifest', method: 'GET', host: 'h', code: 'X', message: `bad ${REDACTED}` });
  });

  it('keeps messages whole until then (parseRegistryError no longer cuts)', () => {
    const long = 'x'.repeat(500);
    assert.equal(parseRegistryError(Buffer.from(long), 'text/plain').registryMessage, long);
  });
});
