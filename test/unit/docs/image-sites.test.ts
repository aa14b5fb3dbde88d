import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { IMAGE_SITE_TABLE } from '../../../src/k8s/image-site-table.js';
import { docRows } from './image-sites-rows.js';

const doc = readFileSync(new URL('../../../../docs/image-sites.md', import.meta.url), 'utf8');

describe('docs/image-sites.md', () => {
  it('lists every kind of the image-site table, with its sites, in table order, and nothing else', () => {
    const rows = doc.split('\n').filter((line) => /^\| (\(core\)|`[a-z0-9.]+`) \| `/.test(line));
    assert.deepEqual(rows, docRows(IMAGE_SITE_TABLE));
  });
});
