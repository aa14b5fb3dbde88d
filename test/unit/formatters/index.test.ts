import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMAT_NAMES } from '../../../src/formatters/formatter.js';
import { formatGithub } from '../../../src/formatters/github.js';
import { FORMATTERS, getFormatter } from '../../../src/formatters/index.js';
import { formatJson } from '../../../src/formatters/json.js';
import { formatJunit } from '../../../src/formatters/junit.js';
import { formatMarkdown } from '../../../src/formatters/markdown.js';
import { formatSarif } from '../../../src/formatters/sarif.js';
import { formatText } from '../../../src/formatters/text.js';
import { fixtureReport, PLAIN } from './fixture-report.js';

describe('formatter registry', () => {
  it('has exactly one formatter per format name', () => {
    assert.deepEqual(Object.keys(FORMATTERS).sort(), [...FORMAT_NAMES].sort());
    assert.equal(FORMATTERS.text, formatText);
    assert.equal(FORMATTERS.json, formatJson);
    assert.equal(FORMATTERS.sarif, formatSarif);
    assert.equal(FORMATTERS.junit, formatJunit);
    assert.equal(FORMATTERS.github, formatGithub);
    assert.equal(FORMATTERS.markdown, formatMarkdown);
  });

  it('finds formatters by name and nothing else', () => {
    for (const name of FORMAT_NAMES) assert.equal(getFormatter(name), FORMATTERS[name]);
    for (const name of ['', 'JSON', 'xml', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      assert.equal(getFormatter(name), undefined, name);
    }
  });

  it('gives every formatter the same result on the same report (pure, no hidden state)', () => {
    for (const name of FORMAT_NAMES) {
      assert.equal(FORMATTERS[name](fixtureReport(), PLAIN), FORMATTERS[name](fixtureReport(), PLAIN), name);
      assert.equal(FORMATTERS[name](fixtureReport(), PLAIN).endsWith('\n'), true, name);
    }
  });
});
