import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MIN_FORM_LENGTH, REDACTED, SecretRedactor, secretForms } from '../../../src/shared/redactor.js';

const PASSWORD = 'p@ss w/rd+"x"=%';

function redactorOf(secret: string, username?: string): SecretRedactor {
  const redactor = new SecretRedactor();
  redactor.add(secret, username);
  return redactor;
}

describe('SecretRedactor', () => {
  it('finds the secret in every encoding it can take on the way out', () => {
    const redactor = redactorOf(PASSWORD, 'alice');
    const encodings = {
      raw: PASSWORD,
      encodeURIComponent: encodeURIComponent(PASSWORD),
      form: new URLSearchParams({ p: PASSWORD }).toString().slice(2),
      'URL path': new URL(`http://host/${PASSWORD}`).pathname.slice(1),
      'URL query': new URL(`http://host/?${PASSWORD}`).search.slice(1),
      base64: Buffer.from(PASSWORD).toString('base64'),
      'base64 unpadded': Buffer.from(PASSWORD).toString('base64').replace(/=+$/, ''),
      base64url: Buffer.from(PASSWORD).toString('base64url'),
      'basic auth': Buffer.from(`alice:${PASSWORD}`).toString('base64'),
      'basic auth, URL-safe': Buffer.from(`alice:${PASSWORD}`).toString('base64url'),
      'JSON-escaped': JSON.stringify(PASSWORD).slice(1, -1),
    };
    for (const [name, form] of Object.entries(encodings)) {
      assert.equal(redactor.redact(`before ${form} after`), `before ${REDACTED} after`, name);
    }
  });

  it('replaces the longest form whole, not a shorter one inside it', () => {
    // The base64 of `user:password` contains no base64 of the password, but the URL forms of a
    // password contain its raw runs: the longer form must win.
    const redactor = redactorOf('abc/def/ghi');
    assert.equal(redactor.redact('x abc%2Fdef%2Fghi y'), `x ${REDACTED} y`);
    assert.equal(redactor.redact('abc/def/ghi'), REDACTED);
  });

  it('finds a secret that lost the spaces at its ends (header values are trimmed)', () => {
    const redactor = redactorOf(' padded secret ');
    assert.equal(redactor.redact('realm="padded secret"'), `realm="${REDACTED}"`);
  });

  it(`leaves forms shorter than ${MIN_FORM_LENGTH} characters alone, but not the longer forms of a short secret`, () => {
    const redactor = redactorOf('ab', 'bob');
    assert.equal(redactor.redact('a table of abacus labels'), 'a table of abacus labels');
    const basic = Buffer.from('bob:ab').toString('base64');
    assert.equal(redactor.redact(`Basic ${basic}`), `Basic ${REDACTED}`);
    assert.deepEqual(secretForms('ab').filter((form) => form.length < MIN_FORM_LENGTH), []);
  });

  it('ignores empty and undefined secrets, and returns its input when it knows none', () => {
    const redactor = new SecretRedactor();
    redactor.add('');
    redactor.add(undefined);
    assert.equal(redactor.empty, true);
    const report = { findings: [{ message: 'x' }] };
    assert.equal(redactor.redactDeep(report), report);
    assert.equal(redactor.redact('anything'), 'anything');
  });

  it('redacts every string of a nested value (not the keys) into a copy', () => {
    const redactor = redactorOf('hunter22');
    const value = { summary: 'denied hunter22', evidence: { registryMessage: 'hunter22!', httpStatus: 403 }, platforms: ['linux/hunter22'], hunter22: true };
    assert.deepEqual(redactor.redactDeep(value), {
      summary: `denied ${REDACTED}`,
      evidence: { registryMessage: `${REDACTED}!`, httpStatus: 403 },
      platforms: [`linux/${REDACTED}`],
      hunter22: true,
    });
    assert.equal(value.summary, 'denied hunter22', 'the input is not changed');
  });

  it('treats regular-expression characters in a secret as text', () => {
    const redactor = redactorOf('a.b*c+(d)[e]{f}|g^h$i\\j');
    assert.equal(redactor.redact('xa.b*c+(d)[e]{f}|g^h$i\\jx and aXbbbc'), `x${REDACTED}x and aXbbbc`);
  });

  it('says how long its longest form is, for streams that must hold back a tail', () => {
    const redactor = redactorOf('secret-value', 'user');
    assert.equal(redactor.longestForm, Math.max(...secretForms('secret-value', 'user').map((f) => f.length)));
  });
});
