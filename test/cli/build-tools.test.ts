// `pullguard lint` on projects of the build tools' own examples (test/fixtures/build-tools, see its
// README): the findings that Skaffold, Tilt, ko and kustomize projects get, at exact positions, per target.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from './run-cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/build-tools');

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  ruleId: string;
  message: string;
}

function lint(args: string[], cwd = FIXTURES): { code: number; findings: JsonFinding[] } {
  const run = runCli(['lint', ...args, '-o', 'json'], { cwd });
  assert.equal(run.stderr, '');
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings };
}

const where = (f: JsonFinding): string => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`;

describe('lint with build tools beside the manifests', () => {
  it('remote: every built image is reported once, by build-tool-image, naming its declaration', () => {
    const { code, findings } = lint(['.', '--target', 'remote']);
    assert.deepEqual(findings.map(where), [
      'kustomize-images-reference/deployment.yaml:10:16 warning placeholder-registry',
      'kustomize-images-reference/deployment.yaml:14:16 error local-only-image',
      'kustomize-images-reference/deployment.yaml:14:16 warning latest-tag',
      'skaffold-getting-started/k8s-pod.yaml:8:12 warning build-tool-image',
      'skaffold-ko/k8s/example.yaml:42:16 warning build-tool-image',
      'skaffold-kustomize/base/deployment.yaml:18:16 warning build-tool-image',
      'skaffold-microservices/leeroy-app/kubernetes/deployment.yaml:33:16 warning build-tool-image',
      'skaffold-microservices/leeroy-web/kubernetes/deployment.yaml:19:18 warning build-tool-image',
      'tilt-html/kubernetes.yaml:18:16 warning build-tool-image',
    ]);
    assert.equal(code, 1);
    const byFile = new Map(findings.map((f) => [`${f.file}:${f.line}:${f.ruleId}`, f.message]));
    assert.equal(
      byFile.get('skaffold-getting-started/k8s-pod.yaml:8:build-tool-image'),
      '"skaffold-example" is built by Skaffold (skaffold-getting-started/skaffold.yaml:5:12); for a remote cluster Skaffold pushes it to the default repository set by `--default-repo`, SKAFFOLD_DEFAULT_REPO or `skaffold config set default-repo`, which pullguard cannot read; with none it pushes the name as written, to Docker Hub, where you most likely cannot push it, and the pull fails',
    );
    assert.equal(
      byFile.get('tilt-html/kubernetes.yaml:18:build-tool-image'),
      '"example-html-image" is built by Tilt (tilt-html/Tiltfile:12:14); for a remote cluster Tilt pushes it under the name as written, as the Tiltfile sets no default_registry(...): to Docker Hub, where you most likely cannot push it, and the pull fails',
    );
    // The rewrite is applied at the written line and named in the finding.
    assert.equal(
      byFile.get('kustomize-images-reference/deployment.yaml:14:local-only-image'),
      '"my-app:latest" resolves to docker.io/library/my-app:latest, which is not a Docker Hub official image: it can only exist where it was built; the nodes of a remote cluster pull it from Docker Hub and fail with ErrImagePull (written "my-demo-app:latest", rewritten by kustomize images[2] of kustomize-images-reference/kustomization.yaml:11:9, which sets newName my-app)',
    );
  });

  it('kind: Skaffold and Tilt build and load their images, so nothing about them is reported', () => {
    const { findings } = lint(['.', '--target', 'kind']);
    assert.deepEqual(findings.map(where), [
      'kustomize-images-reference/deployment.yaml:10:16 warning placeholder-registry',
      'kustomize-images-reference/deployment.yaml:14:16 error local-only-image',
      'kustomize-images-reference/deployment.yaml:14:16 warning latest-tag',
    ]);
  });

  it('the same manifests without their build files get the errors a build tool would have prevented', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pullguard-build-tools-'));
    try {
      cpSync(join(FIXTURES, 'skaffold-getting-started', 'k8s-pod.yaml'), join(dir, 'k8s-pod.yaml'));
      cpSync(join(FIXTURES, 'kustomize-image-demo', 'pod.yaml'), join(dir, 'pod.yaml'));
      assert.deepEqual(lint(['.', '--target', 'remote'], dir).findings.map(where), [
        'k8s-pod.yaml:8:12 error local-only-image',
        'k8s-pod.yaml:8:12 warning missing-tag',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a default_registry names where Tilt pushes; one on the developer’s machine is an error on a remote target', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pullguard-tilt-'));
    try {
      cpSync(join(FIXTURES, 'tilt-html', 'kubernetes.yaml'), join(dir, 'kubernetes.yaml'));
      writeFileSync(join(dir, 'Tiltfile'), "default_registry('gcr.io/my-project')\ndocker_build('example-html-image', '.')\n");
      const pushed = lint(['.', '--target', 'gke'], dir).findings;
      assert.deepEqual(pushed.map(where), ['kubernetes.yaml:18:16 info build-tool-image']);
      assert.match(pushed[0]!.message, /^"example-html-image" is built by Tilt \(Tiltfile:2:14\), which pushes it to gcr\.io\/my-project\/example-html-image \(its default_registry\)/);
      writeFileSync(join(dir, 'Tiltfile'), "default_registry('localhost:5000')\ndocker_build('example-html-image', '.')\n");
      const local = lint(['.', '--target', 'aks'], dir).findings;
      assert.deepEqual(local.map(where), ['kubernetes.yaml:18:16 error build-tool-image']);
      assert.match(local[0]!.message, /pushes it to localhost:5000\/example-html-image \(its default_registry\): localhost:5000 is a loopback name/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('build.local.push: false cannot reach a remote cluster', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pullguard-skaffold-'));
    try {
      cpSync(join(FIXTURES, 'skaffold-getting-started', 'k8s-pod.yaml'), join(dir, 'k8s-pod.yaml'));
      writeFileSync(join(dir, 'skaffold.yaml'), 'apiVersion: skaffold/v4beta14\nkind: Config\nbuild:\n  local:\n    push: false\n  artifacts:\n  - image: skaffold-example\n');
      const { findings } = lint(['.', '--target', 'eks'], dir);
      assert.deepEqual(findings.map(where), ['k8s-pod.yaml:8:12 error build-tool-image']);
      assert.match(findings[0]!.message, /^"skaffold-example" is built by Skaffold \(skaffold\.yaml:7:12\) with build\.local\.push: false/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
