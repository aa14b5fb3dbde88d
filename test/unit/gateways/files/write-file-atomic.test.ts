// writeFileAtomic: the new content replaces the old all at once, the mode is kept, and a write
// that fails half-way (a real EFBIG from the file-size limit of the process) leaves the original
// byte for byte and no temporary file behind.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../../../src/gateways/files/write-file-atomic.js';

const dir = mkdtempSync(join(tmpdir(), 'pullguard-atomic-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the content and keeps the mode', () => {
    const path = join(dir, 'keep-mode.yaml');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o640);
    writeFileAtomic(path, 'new\n');
    assert.equal(readFileSync(path, 'utf8'), 'new\n');
    assert.equal(statSync(path).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('.')), []);
  });

  it('replaces the file a symbolic link points at, and keeps the link', () => {
    const target = join(dir, 'target.yaml');
    const link = join(dir, 'link.yaml');
    writeFileSync(target, 'old\n');
    symlinkSync('target.yaml', link);
    writeFileAtomic(link, 'new\n');
    assert.equal(lstatSync(link).isSymbolicLink(), true);
    assert.equal(readFileSync(target, 'utf8'), 'new\n');
  });

  it('creates a file that did not exist, mode 0644', () => {
    const path = join(dir, 'new.yaml');
    writeFileAtomic(path, 'x: 1\n');
    assert.equal(readFileSync(path, 'utf8'), 'x: 1\n');
    assert.equal(statSync(path).mode & 0o777, 0o644);
  });

  it('leaves the original intact when the write fails half-way', () => {
    const sub = mkdtempSync(join(dir, 'efbig-'));
    const path = join(sub, 'big.yaml');
    const original = 'original: true\n';
    writeFileSync(path, original);
    // A child process whose file-size limit (ulimit -f, 512-byte blocks under sh) is 8 KiB: the
    // 64 KiB write fails with EFBIG after the first 8 KiB reach the temporary file.
    // The compiled module beside this compiled test (build/test/... → build/src/...).
    const module = fileURLToPath(new URL('../../../../src/gateways/files/write-file-atomic.js', import.meta.url));
    const script = `import { writeFileAtomic } from ${JSON.stringify(module)}; try { writeFileAtomic(${JSON.stringify(path)}, 'x'.repeat(65536)); console.log('written'); } catch (e) { console.log(e.code); }`;
    const run = spawnSync('sh', ['-c', `ulimit -f 16; exec "${process.execPath}" --input-type=module -e "$0"`, script], { encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, 'EFBIG\n');
    assert.equal(readFileSync(path, 'utf8'), original);
    assert.deepEqual(readdirSync(sub), ['big.yaml']);
  });
});
