// renderStream: helm-template-like framing, exactly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderStream } from '../../../src/render/render-stream.js';

describe('renderStream', () => {
  it('puts --- and # Source before each file, adds a missing final line break, drops a BOM, keeps CRLF files CRLF', () => {
    assert.equal(
      renderStream([
        { file: 'a.yaml', text: 'a: 1\n' },
        { file: 'b.yaml', text: '\ufeffb: 2' },
        { file: 'c.yaml', text: 'c: 3\r\n' },
      ]),
      '---\n# Source: a.yaml\na: 1\n---\n# Source: b.yaml\nb: 2\n---\r\n# Source: c.yaml\r\nc: 3\r\n',
    );
  });

  it('is empty for no files', () => {
    assert.equal(renderStream([]), '');
  });
});
