// The directory walk against real trees under the OS temp dir, through the loader that uses it:
// folders reached by many links are walked once, special files and kernel file systems are passed
// over without being opened, and a walk past the entry limit stops with a usage error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { UsageError } from '../../../../src/shared/errors.js';
import type { LoadResult } from '../../../../src/manifests/model.js';
import { loadManifests } from '../../../../src/gateways/files/load-manifests.js';
import type { WalkProgress } from '../../../../src/gateways/files/walk-directory.js';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pullguard-walk-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function configMap(name: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
}

function objectsOf(result: LoadResult): string[] {
  return result.objects.map((o) => `${o.file} ${o.ref.kind}/${o.ref.name ?? ''}`);
}

async function usageError(promise: Promise<unknown>): Promise<UsageError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof UsageError, `expected a UsageError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a UsageError');
}

describe('directory walk: folders reached through links', () => {
  // Before: only a link back to an ancestor was refused, so level i was walked 2^i times (2^20 here).
  it('walks a chain of 20 levels of two links each once, reading each file once', { timeout: 60_000 }, async () => {
    const levels = 20;
    const files: Record<string, string> = {};
    for (let i = 0; i < levels; i++) files[`level-${i}/m.yaml`] = configMap(`level-${i}`);
    const root = tree(files);
    for (let i = 0; i < levels - 1; i++) {
      symlinkSync(`../level-${i + 1}`, join(root, `level-${i}/a`));
      symlinkSync(`../level-${i + 1}`, join(root, `level-${i}/b`));
    }
    const progress: WalkProgress[] = [];
    const result = await loadManifests(['level-0'], { cwd: root, onWalkProgress: (p) => progress.push(p) });
    // Depth-first in name order (`a` < `b` < `m.yaml`): each level is first reached through its `a` link.
    const expected = Array.from({ length: levels }, (_, i) => `level-0/${'a/'.repeat(levels - 1 - i)}m.yaml ConfigMap/level-${levels - 1 - i}`);
    assert.deepEqual(objectsOf(result), expected);
    assert.equal(result.files, levels);
    assert.deepEqual(result.problems, []);
    assert.equal(progress.length, levels, 'one progress report per folder listed');
    assert.deepEqual(progress.at(-1), { entries: 3 * (levels - 1) + 1, files: levels });
  });

  it('walks a folder named twice, or named and reached through a link, once', async () => {
    const root = tree({ 'k8s/a.yaml': configMap('a'), 'k8s/apps/b.yaml': configMap('b') });
    symlinkSync('k8s', join(root, 'alias'));
    const result = await loadManifests(['k8s', 'alias', 'k8s/apps', 'alias/apps'], { cwd: root });
    assert.deepEqual(objectsOf(result), ['k8s/a.yaml ConfigMap/a', 'k8s/apps/b.yaml ConfigMap/b']);
    assert.equal(result.files, 2);
  });

  it('reads a file reached through a hard link once', async () => {
    const root = tree({ 'a.yaml': configMap('a') });
    execFileSync('ln', [join(root, 'a.yaml'), join(root, 'b.yaml')]);
    const result = await loadManifests(['.'], { cwd: root });
    assert.deepEqual(objectsOf(result), ['a.yaml ConfigMap/a']);
  });
});

describe('directory walk: special files', () => {
  it('passes over a FIFO, a link to it, a socket and a device link without opening them', { timeout: 30_000 }, async () => {
    const root = tree({ 'a.yaml': configMap('a'), 'z.yaml': configMap('z') });
    // Opening any of these for reading would wait for a writer (FIFO) or never end (/dev/zero).
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    symlinkSync('pipe.yaml', join(root, 'link-to-pipe.yaml'));
    symlinkSync('/dev/zero', join(root, 'zero.yaml'));
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(root, 'socket.yaml'), done));
    try {
      const result = await loadManifests(['.'], { cwd: root });
      assert.deepEqual(objectsOf(result), ['a.yaml ConfigMap/a', 'z.yaml ConfigMap/z']);
      assert.equal(result.files, 2);
      assert.deepEqual(result.problems, []);
    } finally {
      server.close();
    }
  });

  it('does not enter links to kernel file systems (/proc, /sys, /dev)', { timeout: 30_000 }, async () => {
    const root = tree({ 'app/a.yaml': configMap('a') });
    symlinkSync('/proc', join(root, 'app/proc'));
    symlinkSync('/sys', join(root, 'app/sys'));
    symlinkSync('/dev', join(root, 'app/dev'));
    // Found in a walk, a link to a file of kernel state is not read either (named, it would be).
    symlinkSync('/proc/self/environ', join(root, 'app/environ.yaml'));
    const progress: WalkProgress[] = [];
    const result = await loadManifests(['app'], { cwd: root, onWalkProgress: (p) => progress.push(p) });
    assert.deepEqual(objectsOf(result), ['app/a.yaml ConfigMap/a']);
    assert.deepEqual(progress, [{ entries: 5, files: 1 }], 'only app/ itself was listed');
  });

  for (const [path, kind] of [
    ['/proc', 'proc'],
    ['/sys', 'sysfs'],
    ['/dev', 'devices'],
    ['/proc/self', 'proc'],
  ] as const) {
    it(`refuses ${path} named explicitly at once, as a kernel file system`, { timeout: 30_000 }, async () => {
      const error = await usageError(loadManifests([path], { cwd: '/' }));
      assert.equal(error.message, `${path}: a kernel file system (${kind}), not files; not searched for manifests`);
      assert.equal(error.hint, 'Pass the files or directories that hold your Kubernetes manifests.');
    });
  }
});

describe('directory walk: the entry limit', () => {
  it('stops past the limit with a usage error that says the limit and how to narrow the paths', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`deploy/f${i}.yaml`] = configMap(`f${i}`);
    const root = tree(files);
    const error = await usageError(loadManifests(['.'], { cwd: root, maxWalkEntries: 10 }));
    assert.equal(error.message, '.: more than 10 files and folders to search; stopped (the limit is 10)');
    assert.equal(error.hint, 'Pass the folders that hold your manifests (e.g. `pullguard lint k8s/ deploy/`) instead of a whole project, home folder or disk.');
  });

  it('walks a tree right at the limit', async () => {
    const root = tree({ 'deploy/a.yaml': configMap('a'), 'deploy/b.yaml': configMap('b') });
    const result = await loadManifests(['.'], { cwd: root, maxWalkEntries: 3 });
    assert.deepEqual(objectsOf(result), ['deploy/a.yaml ConfigMap/a', 'deploy/b.yaml ConfigMap/b']);
  });

  it('counts entries across every path of the run', async () => {
    const root = tree({ 'one/a.yaml': configMap('a'), 'two/b.yaml': configMap('b'), 'two/c.yaml': configMap('c') });
    const error = await usageError(loadManifests(['one', 'two'], { cwd: root, maxWalkEntries: 2 }));
    assert.equal(error.message, 'two: more than 2 files and folders to search; stopped (the limit is 2)');
  });
});
