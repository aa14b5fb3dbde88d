import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shouldUseColor } from '../../../src/cli/color.js';

describe('shouldUseColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  const cases: [string, boolean | undefined, { isTTY?: boolean }, NodeJS.ProcessEnv, boolean][] = [
    ['a terminal', undefined, tty, {}, true],
    ['a pipe', undefined, pipe, {}, false],
    ['NO_COLOR on a terminal', undefined, tty, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR (ignored, per no-color.org)', undefined, tty, { NO_COLOR: '' }, true],
    ['FORCE_COLOR on a pipe', undefined, pipe, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0 on a pipe', undefined, pipe, { FORCE_COLOR: '0' }, false],
    ['TERM=dumb', undefined, tty, { TERM: 'dumb' }, false],
    ['--color on a pipe', true, pipe, { NO_COLOR: '1' }, true],
    ['--no-color with FORCE_COLOR', false, tty, { FORCE_COLOR: '1' }, false],
  ];
  for (const [title, flag, stream, env, expected] of cases) {
    it(`${title} → ${expected ? 'colour' : 'no colour'}`, () => assert.equal(shouldUseColor(flag, stream, env), expected));
  }
});
