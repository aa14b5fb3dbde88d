import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { redactingIo, writeChunks, type CliIo } from '../../../src/cli/io.js';
import { REDACTED, SecretRedactor } from '../../../src/shared/redactor.js';

function capture(isTTY?: boolean): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const tty = isTTY === undefined ? {} : { isTTY };
  return {
    io: { stdout: { write: (t: string) => out.push(t), ...tty }, stderr: { write: (t: string) => err.push(t), ...tty }, stdin: new PassThrough(), env: {}, cwd: '/' },
    out,
    err,
  };
}

describe('redactingIo', () => {
  it('finds a secret split over two writes to stdout', () => {
    const redactor = new SecretRedactor();
    redactor.add('correct-horse-battery');
    const { io, out } = capture();
    const redacting = redactingIo(io, redactor);
    redacting.stdout.write('first line\nthe password is correct-hor');
    redacting.stdout.write('se-battery, said the registry\n');
    redacting.flush();
    assert.equal(out.join(''), `first line\nthe password is ${REDACTED}, said the registry\n`);
  });

  it('redacts each stderr write at once (the progress line must not wait) and keeps isTTY', () => {
    const redactor = new SecretRedactor();
    redactor.add('tok-123456');
    const { io, err } = capture(true);
    const redacting = redactingIo(io, redactor);
    redacting.stderr.write('pullguard: token tok-123456 refused\n');
    assert.deepEqual(err, [`pullguard: token ${REDACTED} refused\n`]);
    assert.equal(redacting.stderr.isTTY, true);
    assert.equal(redacting.stdout.isTTY, true);
  });

  it('passes writes through untouched when no secret is known', () => {
    const { io, out } = capture();
    const redacting = redactingIo(io, new SecretRedactor());
    redacting.stdout.write('a');
    redacting.stdout.write('b');
    assert.deepEqual(out, ['a', 'b']);
  });

  it('never splits a surrogate pair between two writes', () => {
    const redactor = new SecretRedactor();
    redactor.add('abcdef');
    const { io, out } = capture();
    const redacting = redactingIo(io, redactor);
    redacting.stdout.write('x🙂');
    redacting.stdout.write('y');
    redacting.flush();
    assert.equal(out.join(''), 'x🙂y');
    for (const piece of out) assert.doesNotMatch(piece, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/, JSON.stringify(piece));
  });
});

describe('writeChunks', () => {
  it('writes pieces in batches and loses none', () => {
    const out: string[] = [];
    const pieces = Array.from({ length: 10_000 }, (_, i) => `line ${i}\n`);
    writeChunks({ write: (t: string) => out.push(t) }, pieces);
    assert.equal(out.join(''), pieces.join(''));
    assert.ok(out.length > 1 && out.length < 10, `${out.length} writes`);
  });
});
