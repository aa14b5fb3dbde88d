// render() as a library call: what it returns, what it writes, and the two inputs that would
// write to one output path.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { render } from '../../../src/commands/render.js';
import { DEFAULT_CONFIG } from '../../../src/core/pullguard-config.js';
import { UsageError } from '../../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'pullguard-render-command-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const config = { ...DEFAULT_CONFIG, rules: {}, registries: {} };
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: web:1.0\n';

describe('render()', () => {
  it('returns every file with its changes, and the stream', async () => {
    writeFileSync(join(dir, 'pod.yaml'), POD);
    const result = await render({ paths: ['pod.yaml'], cwd: dir, config, target: 'eks', registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com' });
    assert.equal(result.target, 'eks');
    assert.equal(result.failed, 0);
    assert.equal(result.files.length, 1);
    const [file] = result.files;
    assert.ok(file !== undefined && 'changes' in file);
    assert.deepEqual(file.changes.map((c) => `${c.line} ${c.path} ${c.after}`), [
      '8 spec.containers[0].image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0',
      '4 metadata.annotations["pullguard.dev/target"] eks',
    ]);
    assert.match(result.stream ?? '', /^---\n# Source: pod\.yaml\n/);
    assert.equal(readFileSync(join(dir, 'pod.yaml'), 'utf8'), POD);
  });

  it('takes the target of the settings, and refuses without one', async () => {
    const result = await render({ paths: ['pod.yaml'], cwd: dir, config: { ...config, target: 'kind' } });
    assert.equal(result.target, 'kind');
    await assert.rejects(render({ paths: ['pod.yaml'], cwd: dir, config }), (error: unknown) => error instanceof UsageError && error.message.startsWith('render needs a target'));
  });

  it('writes one output per path under -o, and says so when two inputs would share one', async () => {
    mkdirSync(join(dir, 'one'), { recursive: true });
    mkdirSync(join(dir, 'two'), { recursive: true });
    writeFileSync(join(dir, 'one/app.yaml'), POD);
    writeFileSync(join(dir, 'two/app.yaml'), POD.replace('web:1.0', 'api:2.0'));
    const result = await render({ paths: ['one', 'two'], cwd: dir, config, target: 'aks', registry: 'acr.io', outputDir: 'out' });
    assert.equal(result.failed, 1);
    assert.equal(result.stream, undefined);
    assert.deepEqual(
      result.files.map((f) => ('writeError' in f && f.writeError !== undefined ? f.writeError : `${f.file} → ${'writtenTo' in f ? f.writtenTo?.slice(dir.length) : ''}`)),
      ['one/app.yaml → /out/app.yaml', 'not written: another input was already written to out/app.yaml (two inputs with the same path under their directories)'],
    );
    assert.match(readFileSync(join(dir, 'out/app.yaml'), 'utf8'), /image: acr\.io\/web:1\.0/);
  });
});
