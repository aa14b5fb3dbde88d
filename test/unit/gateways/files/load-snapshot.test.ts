// `--snapshot FILE`: a file that is not a snapshot gets one precise line with where and what was expected.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadSnapshot } from '../../../../src/gateways/files/load-snapshot.js';

const root = mkdtempSync(join(tmpdir(), 'pullguard-snapshot-'));
after(() => rmSync(root, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
}
const minimal = { schemaVersion: 1, capturedAt: 'x', context: { name: 'c' }, version: { gitVersion: 'v1.36.3' }, apiGroups: [], nodes: [] };

describe('loadSnapshot', () => {
  it('reads a minimal snapshot (context, version, apiGroups, nodes)', async () => {
    const path = file('ok.json', JSON.stringify(minimal));
    const reader = loadSnapshot(path);
    assert.equal(reader.source, `snapshot ${path}`);
    assert.deepEqual(await reader.nodes(), { value: [] });
  });
  for (const [name, text, message] of [
    ['broken.json', '{\n  "schemaVersion": 1,\n  oops\n}', /broken\.json:3:3: not valid JSON: /],
    ['readme.json', '# Title\n\nNot a snapshot.', /readme\.json:1:1: not valid JSON: Unexpected token '#'$/],
    ['late.json', `{"schemaVersion": 1, "nodes": [${'1, '.repeat(20)}x]}`, /late\.json:1:92: not valid JSON: Unexpected token 'x'$/],
    ['array.json', '[]', /array\.json: not a pullguard snapshot: expected a JSON object$/],
    ['v2.json', JSON.stringify({ ...minimal, schemaVersion: 2 }), /expected "schemaVersion": 1, found 2$/],
    ['nonodes.json', JSON.stringify({ ...minimal, nodes: undefined }), /expected "nodes" \(a list\)$/],
    ['pods.json', JSON.stringify({ ...minimal, pods: {} }), /expected "pods" to be a list$/],
  ] as const) {
    it(`refuses ${name}`, () => assert.throws(() => loadSnapshot(file(name, text)), { name: 'ConfigError', message: message }));
  }
  it('refuses a missing file with a hint', () =>
    assert.throws(() => loadSnapshot(join(root, 'none.json')), { message: /none\.json: snapshot file not found$/, hint: /pullguard snapshot -o FILE/ }));
});
