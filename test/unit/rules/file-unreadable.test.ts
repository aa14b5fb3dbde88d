// file-unreadable has no per-object check: a file that cannot be read never becomes an object, so the
// loader reports a LoadProblem and the engine turns it into the finding (loadProblemToFinding). The
// table therefore makes real files the OS refuses or the loader will not read, and runs the real
// loader and the real conversion (and, for permissions, the built CLI as an unprivileged user).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { loadProblemToFinding, type RuleSetting } from '../../../src/core/run-rules.js';
import type { Finding } from '../../../src/core/types.js';
import { loadManifests, type LoadManifestsOptions } from '../../../src/gateways/files/load-manifests.js';
import { rule } from '../../../src/rules/file-unreadable.js';
import { BIN } from '../../cli/run-cli.js';

const roots: string[] = [];
after(() => {
  for (const root of roots) {
    chmodSync(root, 0o755);
    rmSync(root, { recursive: true, force: true });
  }
});

function freshRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'pullguard-unreadable-'));
  chmodSync(root, 0o755);
  roots.push(root);
  return root;
}

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n';

type Shown = Pick<Finding, 'ruleId' | 'file' | 'line' | 'column' | 'severity' | 'message'>;

async function lintFindings(paths: string[], options: LoadManifestsOptions, ruleSettings?: Record<string, RuleSetting>): Promise<Shown[]> {
  const load = await loadManifests(paths, options);
  return load.problems.flatMap((problem) => {
    const finding = loadProblemToFinding(problem, ruleSettings);
    if (finding === undefined) return [];
    const { ruleId, file, line, column, severity, message } = finding;
    return [{ ruleId, file, line, column, severity, message }];
  });
}

function unreadable(file: string, message: string, severity: Finding['severity'] = 'error'): Shown {
  return { ruleId: 'file-unreadable', file, line: 1, column: 1, severity, message };
}

interface Case {
  name: string;
  /** Builds the input under `root`; returns the paths to lint and extra loader options. */
  setup(root: string): { paths: string[]; options?: Partial<LoadManifestsOptions> };
  ruleSettings?: Record<string, RuleSetting>;
  findings: Shown[];
}

const CASES: Case[] = [
  {
    name: 'a file over the default size limit (64 MiB), sparse so the test writes nothing',
    setup(root) {
      writeFileSync(join(root, 'huge.yaml'), CONFIG_MAP);
      truncateSync(join(root, 'huge.yaml'), 65 * 1024 * 1024 + 512 * 1024);
      return { paths: ['.'] };
    },
    findings: [unreadable('huge.yaml', 'file is larger than the limit of 64 MiB (it is 65.5 MiB); not read')],
  },
  {
    name: 'a file over a lower limit, in KiB',
    setup(root) {
      writeFileSync(join(root, 'big.yaml'), CONFIG_MAP + '#'.repeat(3200));
      return { paths: ['big.yaml'], options: { maxFileBytes: 2048 } };
    },
    findings: [unreadable('big.yaml', 'file is larger than the limit of 2 KiB (it is 3.2 KiB); not read')],
  },
  {
    name: 'standard input over the limit',
    setup() {
      return { paths: ['-'], options: { stdin: Readable.from([Buffer.from(CONFIG_MAP + '#'.repeat(200))]), maxFileBytes: 100 } };
    },
    findings: [unreadable('<stdin>', 'standard input is larger than the limit of 100 bytes; not read')],
  },
  {
    name: 'a file whose read fails with an I/O error (named: a link to /proc/self/mem, which refuses offset 0)',
    setup(root) {
      symlinkSync('/proc/self/mem', join(root, 'mem.yaml'));
      writeFileSync(join(root, 'ok.yaml'), CONFIG_MAP);
      return { paths: ['mem.yaml', 'ok.yaml'] };
    },
    findings: [unreadable('mem.yaml', 'cannot be read: input/output error')],
  },
  {
    name: 'severity changed in .pullguard.yaml',
    setup(root) {
      writeFileSync(join(root, 'big.yaml'), CONFIG_MAP);
      return { paths: ['.'], options: { maxFileBytes: 10 } };
    },
    ruleSettings: { 'file-unreadable': 'warning' },
    findings: [unreadable('big.yaml', 'file is larger than the limit of 10 bytes (it is 52 bytes); not read', 'warning')],
  },
  {
    name: 'turned off in .pullguard.yaml',
    setup(root) {
      writeFileSync(join(root, 'big.yaml'), CONFIG_MAP);
      return { paths: ['.'], options: { maxFileBytes: 10 } };
    },
    ruleSettings: { 'file-unreadable': 'off' },
    findings: [],
  },
  {
    name: 'turning yaml-syntax off does not hide it',
    setup(root) {
      writeFileSync(join(root, 'big.yaml'), CONFIG_MAP);
      return { paths: ['.'], options: { maxFileBytes: 10 } };
    },
    ruleSettings: { 'yaml-syntax': 'off' },
    findings: [unreadable('big.yaml', 'file is larger than the limit of 10 bytes (it is 52 bytes); not read')],
  },
];

describe('file-unreadable', () => {
  it('has the metadata the engine relies on', () => {
    assert.deepEqual(
      { id: rule.meta.id, severity: rule.meta.defaultSeverity, requires: rule.meta.requires },
      { id: 'file-unreadable', severity: 'error', requires: 'none' },
    );
  });

  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const root = freshRoot();
      const { paths, options } = testCase.setup(root);
      assert.deepEqual(await lintFindings(paths, { cwd: root, ...options }, testCase.ruleSettings), testCase.findings);
    });
  }

  it('a binary file stays a yaml-syntax finding: it was read, and is not text', async () => {
    const root = freshRoot();
    writeFileSync(join(root, 'bin.yaml'), Buffer.from([0x61, 0x00]));
    assert.deepEqual(await lintFindings(['.'], { cwd: root }), [
      { ruleId: 'yaml-syntax', file: 'bin.yaml', line: 1, column: 2, severity: 'error', message: 'binary file (NUL byte); not a manifest' },
    ]);
  });

  // Permissions mean nothing to root: the CLI then runs as `nobody`, as a CI runner's user would.
  it('permission denied on a file and on a folder, from the built CLI', () => {
    const root = freshRoot();
    writeFileSync(join(root, 'a-ok.yaml'), CONFIG_MAP);
    writeFileSync(join(root, 'secret.yaml'), CONFIG_MAP);
    mkdirSync(join(root, 'locked'));
    writeFileSync(join(root, 'locked/inside.yaml'), CONFIG_MAP);
    chmodSync(join(root, 'secret.yaml'), 0o000);
    chmodSync(join(root, 'locked'), 0o000);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = spawnSync(process.execPath, [BIN, 'lint', '.', '--format', 'json'], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: root },
      encoding: 'utf8',
      timeout: 60_000,
      ...asNobody,
    });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout) as { findings: Finding[]; summary: { files: number; objects: number } };
    assert.deepEqual(
      report.findings.map(({ ruleId, file, line, column, message }) => ({ ruleId, file, line, column, message })),
      [
        { ruleId: 'file-unreadable', file: 'locked', line: 1, column: 1, message: 'folder cannot be listed: permission denied' },
        { ruleId: 'file-unreadable', file: 'secret.yaml', line: 1, column: 1, message: 'cannot be read: permission denied' },
      ],
    );
    assert.deepEqual([report.summary.files, report.summary.objects], [2, 1], 'the readable file is still checked');
    execFileSync('chmod', ['-R', 'u+rwx', root]);
  });
});
