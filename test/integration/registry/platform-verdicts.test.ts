// `pullguard check --platform` end to end, against both registry implementations, on images the
// crane CLI made: which failure each shape gets, as the finding says it (file:line:column, cause,
// severity, message). An index without the nodes' platform fails the pull; a single-platform image
// of another architecture pulls and fails to start; a config naming no platform is no finding.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Report } from '../../../src/core/types.js';
import { pushCraneImages } from '../../support/registry/crane.js';
import { REGISTRY_IMPLEMENTATIONS, startTestRegistry, type TestRegistry } from '../../support/registry/implementations.js';
import { runCli } from '../../support/registry/run-cli.js';
import { makeTempDir, removeTempDir } from '../../support/registry/temp-dir.js';

/** The image value is at line 9, column 14. */
function pod(name: string, image: string): string {
  return ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, 'spec:', '  containers:', '    - name: app', '      # the image', `      image: ${image}`, ''].join('\n');
}

for (const implementation of REGISTRY_IMPLEMENTATIONS) {
  describe(`pullguard check --platform against ${implementation}`, () => {
    let registry: TestRegistry;
    let dir: string;

    before(async () => {
      registry = await startTestRegistry(implementation);
      await pushCraneImages(registry.host);
      dir = makeTempDir('platform-verdicts');
      const write = (relative: string, text: string): void => {
        mkdirSync(join(dir, relative, '..'), { recursive: true });
        writeFileSync(join(dir, relative), text);
      };
      write('.pullguard.yaml', ['rules:', '  localhost-registry-on-remote: off', ''].join('\n'));
      write('k8s/arm64-only.yaml', pod('arm64-only', `${registry.host}/test/crane-arm64:v1`));
      write('k8s/index.yaml', pod('index', `${registry.host}/test/crane-index:v1`));
      write('k8s/no-platform.yaml', pod('no-platform', `${registry.host}/test/crane-bare:v1`));
    });

    after(async () => {
      await registry?.stop();
      if (dir !== undefined) removeTempDir(dir);
    });

    async function check(platforms: string) {
      const run = await runCli(['check', 'k8s', '--target', 'remote', '--platform', platforms, '--format', 'json'], {
        cwd: dir,
        env: { DOCKER_CONFIG: join(dir, 'no-docker-config') },
      });
      assert.equal(run.stderr, '');
      const report = JSON.parse(run.stdout) as Report;
      const findings = report.findings.filter((f) => f.ruleId === 'image-pull').map((f) => [`${f.file}:${f.line}:${f.column}`, f.cause, f.severity, f.message]);
      return { code: run.code, findings, report };
    }

    it('on amd64 nodes: the arm64-only image pulls and fails to start; the index and the platformless image pass', async () => {
      const { code, findings, report } = await check('linux/amd64');
      assert.equal(code, 1);
      assert.deepEqual(findings, [
        [
          'k8s/arm64-only.yaml:9:14',
          'platform-mismatch',
          'error',
          `${registry.host}/test/crane-arm64:v1: test/crane-arm64:v1 is a single-platform image for linux/arm64, not linux/amd64: linux/amd64 nodes pull it, but its container fails to start there (exec format error, CrashLoopBackOff)`,
        ],
      ]);
      const bare = report.images?.find((i) => i.image.endsWith('/test/crane-bare:v1'));
      assert.equal(bare?.status, 'ok');
      assert.equal(
        bare?.summary,
        `test/crane-bare:v1 exists on ${registry.host}; its config names no os or architecture, so every node pulls it, and it starts only where its binaries can run`,
      );
    });

    it('on arm/v7 nodes: the index fails the pull; the arm64-only image pulls and fails to start', async () => {
      const { code, findings } = await check('linux/arm/v7');
      assert.equal(code, 1);
      assert.deepEqual(findings, [
        [
          'k8s/arm64-only.yaml:9:14',
          'platform-mismatch',
          'error',
          `${registry.host}/test/crane-arm64:v1: test/crane-arm64:v1 is a single-platform image for linux/arm64, not linux/arm/v7: linux/arm/v7 nodes pull it, but its container fails to start there (exec format error, CrashLoopBackOff)`,
        ],
        [
          'k8s/index.yaml:9:14',
          'platform-mismatch',
          'error',
          `${registry.host}/test/crane-index:v1: test/crane-index:v1 offers linux/arm64, linux/amd64 but not linux/arm/v7: linux/arm/v7 nodes fail to pull it (no match for platform in manifest)`,
        ],
      ]);
    });

    it('on arm64 and amd64 nodes together: only the single-platform image, for the amd64 nodes', async () => {
      const { findings } = await check('linux/arm64,linux/amd64');
      assert.deepEqual(
        findings.map((f) => f[3]),
        [
          `${registry.host}/test/crane-arm64:v1: test/crane-arm64:v1 is a single-platform image for linux/arm64, not linux/amd64: linux/amd64 nodes pull it, but its container fails to start there (exec format error, CrashLoopBackOff)`,
        ],
      );
    });
  });
}
