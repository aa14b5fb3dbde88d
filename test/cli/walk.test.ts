// The directory walk as a user meets it: `pullguard lint /proc` and a tree of folders reached by
// many links both end at once, with a message or a report, never a hang.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { assertUserError, runCli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'pullguard-cli-walk-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('lint: directory walks that used to hang', () => {
  it('lint /proc stops at once with a usage error', () => {
    assertUserError(runCli(['lint', '/proc']), [
      'pullguard: /proc: a kernel file system (proc), not files; not searched for manifests',
      'hint: Pass the files or directories that hold your Kubernetes manifests.',
    ]);
  });

  it('lint of 18 levels of folders reached by two links each reads each of the 18 files once', () => {
    for (let i = 0; i < 18; i++) {
      mkdirSync(join(root, `level-${i}`));
      writeFileSync(join(root, `level-${i}/m.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: level-${i}\n`);
      if (i > 0) {
        symlinkSync(`../level-${i}`, join(root, `level-${i - 1}/a`));
        symlinkSync(`../level-${i}`, join(root, `level-${i - 1}/b`));
      }
    }
    const run = runCli(['lint', 'level-0', '--no-color'], { cwd: root });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, '✔ No problems found in 18 files (18 objects, 0 containers checked)\n');
    assert.equal(run.code, 0);
  });
});
