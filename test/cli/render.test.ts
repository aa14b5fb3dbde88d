// `pullguard render` as a user runs it: the stream on stdout and the summary on stderr, exactly;
// -o DIR, --in-place (atomic, even when the write fails), --diff and their exit codes; bad input;
// and the promise of the issue: the rendered output of the bundled example and of every file of
// ../shared/corpus/realworld passes `pullguard lint` for its target, and rendering twice changes
// nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { assertUserError, BIN, ROOT, runCli } from './run-cli.js';

const CLI_FIXTURE = join(ROOT, 'test/fixtures/render/cli');
const CORPUS = join(ROOT, '../shared/corpus/realworld');
const scratch = mkdtempSync(join(tmpdir(), 'pullguard-render-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh copy of the CLI fixture to write into. */
function copyOfFixture(): string {
  const dir = mkdtempSync(join(scratch, 'tree-'));
  cpSync(CLI_FIXTURE, dir, { recursive: true });
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const AKS = ['--target', 'aks', '--registry', 'myteam.azurecr.io', '--tag', '1.4.2'];

const RENDERED_WEB = `# The cloud copy of the incident: a placeholder nobody replaced.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    pullguard.dev/target: aks
spec:
  template:
    spec:
      containers:
        - name: web
          image: myteam.azurecr.io/web:1.4.2   # replaced by deploy-cloud.sh
          imagePullPolicy: IfNotPresent
`;
const RENDERED_WORKER = `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "worker", "annotations": {"pullguard.dev/target": "aks"}},
  "spec": {"containers": [{"name": "worker", "image": "myteam.azurecr.io/worker:1.4.2"}]}
}
`;
const SUMMARY = `sub/worker.json: 2 changes
  4: Pod/worker metadata.annotations["pullguard.dev/target"]: (added) → aks
  5: Pod/worker spec.containers[0].image: worker:1.0 → myteam.azurecr.io/worker:1.4.2
web.yaml: 3 changes
  5: Deployment/web metadata.annotations["pullguard.dev/target"]: (added) → aks
  11: Deployment/web spec.template.spec.containers[0].image: REGISTRY_URL/web:latest → myteam.azurecr.io/web:1.4.2
  12: Deployment/web spec.template.spec.containers[0].imagePullPolicy: Never → IfNotPresent
`;

describe('pullguard render', () => {
  it('prints one stream with a # Source comment per file, and the changes on stderr', () => {
    const run = runCli(['render', '.', ...AKS], { cwd: CLI_FIXTURE });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      `---\n# Source: sub/namespace.yml\n${readFileSync(join(CLI_FIXTURE, 'sub/namespace.yml'), 'utf8')}---\n# Source: sub/worker.json\n${RENDERED_WORKER}---\n# Source: web.yaml\n${RENDERED_WEB}`,
    );
    assert.equal(run.stderr, `${SUMMARY}render --target aks: 3 files, 2 changed (5 changes)\n`);
  });

  it('reads stdin and writes the stream', () => {
    const run = runCli(['render', '-', ...AKS, '--quiet'], { input: readFileSync(join(CLI_FIXTURE, 'web.yaml')) });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `---\n# Source: <stdin>\n${RENDERED_WEB}`);
    assert.equal(run.stderr, '');
  });

  it('-o DIR mirrors the input tree, changed or not, and touches no input', () => {
    const out = join(scratch, 'mirror');
    const run = runCli(['render', 'sub', 'web.yaml', ...AKS, '-o', out], { cwd: CLI_FIXTURE });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.deepEqual(filesUnder(out), ['namespace.yml', 'web.yaml', 'worker.json']);
    assert.equal(readFileSync(join(out, 'web.yaml'), 'utf8'), RENDERED_WEB);
    assert.equal(readFileSync(join(out, 'worker.json'), 'utf8'), RENDERED_WORKER);
    assert.equal(readFileSync(join(CLI_FIXTURE, 'web.yaml'), 'utf8').includes('REGISTRY_URL'), true);
  });

  it('--in-place rewrites only the changed files, keeps their mode, and a second run changes nothing', () => {
    const dir = copyOfFixture();
    chmodSync(join(dir, 'web.yaml'), 0o600);
    const namespaceBefore = statSync(join(dir, 'sub/namespace.yml')).mtimeMs;
    const run = runCli(['render', '.', ...AKS, '--in-place'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(readFileSync(join(dir, 'web.yaml'), 'utf8'), RENDERED_WEB);
    assert.equal(statSync(join(dir, 'web.yaml')).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'sub/namespace.yml')).mtimeMs, namespaceBefore);
    assert.deepEqual(filesUnder(dir), ['sub/namespace.yml', 'sub/worker.json', 'web.yaml']);
    const again = runCli(['render', '.', ...AKS, '--diff'], { cwd: dir });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, '');
    assert.equal(again.stderr, 'render --target aks: 3 files, 0 changed (0 changes)\n');
  });

  it('--in-place leaves the original intact when the write fails (file-size limit: EFBIG)', () => {
    const dir = mkdtempSync(join(scratch, 'efbig-'));
    // 4,000 containers: the rendered file is far over the 8 KiB the limit allows.
    const containers = Array.from({ length: 4000 }, (_, i) => `      - name: c${i}\n        image: app${i}:1.0\n`).join('');
    const original = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big\nspec:\n  template:\n    spec:\n      containers:\n${containers}`;
    writeFileSync(join(dir, 'big.yaml'), original);
    // The input is read before the limit matters (reads are not limited); only the write is.
    const run = spawnSync('sh', ['-c', `ulimit -f 16; exec "${process.execPath}" "${BIN}" render big.yaml --target aks --registry acr.io --in-place`], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^big\.yaml: cannot write big\.yaml: file too large; the file is unchanged$/m);
    assert.equal(readFileSync(join(dir, 'big.yaml'), 'utf8'), original);
    assert.deepEqual(readdirSync(dir), ['big.yaml']);
  });

  it('--diff prints a unified diff, exits 1 and writes nothing', () => {
    const run = runCli(['render', 'web.yaml', ...AKS, '--diff', '-q'], { cwd: CLI_FIXTURE });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stdout,
      `--- a/web.yaml
+++ b/web.yaml
@@ -3,10 +3,12 @@
 kind: Deployment
 metadata:
   name: web
+  annotations:
+    pullguard.dev/target: aks
 spec:
   template:
     spec:
       containers:
         - name: web
-          image: REGISTRY_URL/web:latest   # replaced by deploy-cloud.sh
-          imagePullPolicy: Never
+          image: myteam.azurecr.io/web:1.4.2   # replaced by deploy-cloud.sh
+          imagePullPolicy: IfNotPresent
`,
    );
  });

  it('renders the good files when one is broken, says where the broken one is, and exits 2', () => {
    const dir = copyOfFixture();
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "p\n');
    const run = runCli(['render', '.', ...AKS, '-q'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /# Source: web.yaml\n/);
    assert.doesNotMatch(run.stdout, /broken/);
    const loud = runCli(['render', '.', ...AKS], { cwd: dir });
    assert.match(loud.stderr, /^broken\.yaml:4:9: not rendered: this double-quoted string is never closed \(missing "\)$/m);
    assert.match(loud.stderr, /render --target aks: 4 files, 2 changed \(5 changes\), 1 not rendered\n$/);
  });

  it('takes the target from .pullguard.yaml, and refuses to guess one', () => {
    const withConfig = runCli(['render', '.', '--diff', '-q'], { cwd: join(ROOT, 'examples/webapi/fixed') });
    assert.equal(withConfig.code, 1);
    assert.match(withConfig.stdout, /\+ {4}pullguard\.dev\/target: aks\n/);
    const dir = copyOfFixture();
    assertUserError(runCli(['render', '.'], { cwd: dir }), [
      'pullguard: render needs a target: the manifests are rewritten for one kind of cluster',
      'hint: Pass --target (kind, minikube, docker-desktop, k3d, k3s, microk8s, rancher-desktop, orbstack, colima, aks, eks, gke, openshift, remote) or set "target" in .pullguard.yaml.',
    ]);
  });

  it('leaves images that build tools replace, and the tools\' own files, as they are', () => {
    const run = runCli(['render', 'test/fixtures/build-tools', '--target', 'gke', '--registry', 'europe-docker.pkg.dev/acme/apps', '--diff'], { cwd: ROOT });
    assert.equal(run.code, 1, run.stderr);
    // Only target annotations change; skaffold.yaml, kustomization.yaml and the Tiltfile not at all.
    assert.deepEqual([...run.stdout.matchAll(/^[+-](?![+-]).*$/gm)].map((m) => m[0]).filter((line) => !/^\+ +(annotations:|pullguard\.dev\/target: gke)$/.test(line)), []);
    assert.doesNotMatch(run.stdout, /skaffold\.yaml|kustomization\.yaml/);
    assert.match(run.stderr, /^test\/fixtures\/build-tools\/skaffold-getting-started\/k8s-pod\.yaml:8: Pod\/getting-started spec\.containers\[0\]\.image: left alone: "skaffold-example" is built and replaced by skaffold at deploy time$/m);
    assert.match(run.stderr, /kustomize-image-demo\/pod\.yaml:10: Pod\/myapp-pod spec\.containers\[0\]\.image: left alone: written "busybox:1\.29\.0", rewritten by kustomize images\[0\] of .*; render the output of `kustomize build` instead$/m);
    assert.match(run.stderr, /tilt-html\/kubernetes\.yaml:18: Deployment\/example-html spec\.template\.spec\.containers\[0\]\.image: left alone: "example-html-image" is built and replaced by tilt at deploy time$/m);
  });

  it('refuses --in-place on stdin, and --in-place with -o', () => {
    assertUserError(runCli(['render', '-', '--target', 'aks', '--in-place'], { input: 'a: 1\n' }), [
      'pullguard: --in-place cannot write back to stdin',
      'hint: Render stdin to stdout (leave out --in-place), or pass the files themselves.',
    ]);
    assertUserError(runCli(['render', '.', '--target', 'aks', '--in-place', '-o', 'out'], { cwd: CLI_FIXTURE }), [
      'pullguard: --in-place and --output-dir both say where to write: choose one',
    ]);
  });
});

/** The rules whose error and warning findings render exists to remove. */
const RULES_RENDER_FIXES = ['placeholder-registry', 'unresolved-variable', 'invalid-image-reference', 'local-only-image', 'localhost-registry-on-remote', 'never-pull-on-remote', 'target-mismatch'];

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  path?: string;
}

/**
 * Renders `input` into a fresh directory, lints it, and returns the findings of the rules render
 * fixes that render did not say it left (a note `not rendered` at the same file and path).
 */
function renderThenLint(input: string, target: string, flags: readonly string[]): { unexplained: string[]; explained: string[]; out: string; stderr: string } {
  const out = mkdtempSync(join(scratch, `${target}-`));
  const rendered = runCli(['render', input, '--target', target, ...flags, '-o', out], { cwd: ROOT });
  assert.notEqual(rendered.code, 1, rendered.stderr);
  // `FILE:LINE: OBJECT PATH: not rendered: ...` for every image render could not decide.
  const notes = new Set(
    [...rendered.stderr.matchAll(/^(.+?):\d+: \S+ (\S+): not rendered: /gm)].map((m) => `${relative(input, resolve(ROOT, m[1]!))} ${m[2]}`),
  );
  const lint = runCli(['lint', out, '--target', target, '-o', 'json'], { cwd: ROOT });
  const findings = (JSON.parse(lint.stdout) as { findings: JsonFinding[] }).findings.filter(
    (f) => RULES_RENDER_FIXES.includes(f.ruleId) && f.severity !== 'info',
  );
  const keyed = findings.map((f) => `${relative(out, f.file)} ${f.path ?? ''}`);
  return { unexplained: keyed.filter((k) => !notes.has(k)), explained: keyed.filter((k) => notes.has(k)), out, stderr: rendered.stderr };
}

describe('pullguard render output passes pullguard lint', () => {
  it('the bundled example (examples/webapi/incident) for aks with --registry', () => {
    const { unexplained, explained } = renderThenLint(join(ROOT, 'examples/webapi/incident'), 'aks', ['--registry', 'webapiteam.azurecr.io', '--tag', '1.4.2']);
    assert.deepEqual(unexplained, []);
    assert.deepEqual(explained, []);
  });

  it('the bundled example for kind', () => {
    const { unexplained } = renderThenLint(join(ROOT, 'examples/webapi/incident'), 'kind', ['--registry', 'localhost:5001']);
    assert.deepEqual(unexplained, []);
  });

  const corpusRuns: [string, string[], string[]][] = [
    // Only the two knative samples whose whole image is `<image>` are left: render says so, and --set image=... would fill them.
    ['remote', ['--registry', 'registry.acme.dev/team'], [
      'knative__docs/code-samples/serving/cloudevents/cloudevents-dotnet/service.yaml spec.template.spec.containers[0].image',
      'knative__docs/code-samples/serving/cloudevents/cloudevents-spring/service.yaml spec.template.spec.containers[0].image',
    ]],
    ['kind', ['--registry', 'localhost:5001'], [
      'knative__docs/code-samples/serving/cloudevents/cloudevents-dotnet/service.yaml spec.template.spec.containers[0].image',
      'knative__docs/code-samples/serving/cloudevents/cloudevents-spring/service.yaml spec.template.spec.containers[0].image',
    ]],
  ];
  for (const [target, flags, expectedLeft] of corpusRuns) {
    it(`every file of the real-world corpus for ${target} ${flags.join(' ')}, and a second render changes nothing`, { skip: !existsSync(CORPUS) && 'no ../shared/corpus' }, () => {
      const { unexplained, explained, out, stderr } = renderThenLint(CORPUS, target, flags);
      assert.deepEqual(unexplained, []);
      assert.deepEqual(explained.sort(), expectedLeft);
      // The one file kubectl itself refuses is not rendered, with its position.
      assert.match(stderr, /argoproj__argo-rollouts\/examples\/traffic-management\/rollout-linkerd\.yaml:101:39: not rendered: a mapping key is a collection/);
      const again = runCli(['render', out, '--target', target, ...flags, '--diff', '-q'], { cwd: ROOT });
      assert.equal(again.stdout, '');
      assert.equal(again.code, 0);
    });
  }

  it('the real-world corpus for kind without --registry: what stays is what only --registry or --set can decide', { skip: !existsSync(CORPUS) && 'no ../shared/corpus' }, () => {
    const { unexplained, explained } = renderThenLint(CORPUS, 'kind', []);
    assert.deepEqual(unexplained, []);
    // REGISTRY_URL (2), {username} and <image> (19 knative), ${REPOSITORY_PREFIX} (4 petclinic).
    assert.equal(explained.length, 23);
  });
});
