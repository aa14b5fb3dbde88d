// `pullguard deploy` as the CLI runs it, against the real control plane: the preflight (real
// `check`, stopped by its errors and gone past with --force), exit codes, and the JSON deploy
// record validated against docs/deploy-record.schema.json.
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../../../../src/cli/main.js';
import { nodeLookingLike, sharedControlPlane, type ControlPlane } from '../../../support/control-plane/index.js';
import { compileSchema, readRepoFile, schemaErrors } from '../../../unit/formatters/schema-validation.js';

const controlPlane = sharedControlPlane({ controllerManager: true, kwok: true, imagePullTiming: { firstPullMs: 200, backOffMs: 1000, retryMs: 3000 } });
const validate = compileSchema(JSON.parse(readRepoFile('docs/deploy-record.schema.json')) as object, { strict: true });

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pullguard-deploy-cli-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(cp: ControlPlane, args: string[], path = process.env['PATH'] ?? '/usr/bin:/bin', terminal = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['deploy', '--kubeconfig', cp.adminKubeconfigPath, ...args], {
    stdout: { write: (text: string) => (stdout += text), ...(terminal ? { isTTY: true } : {}) },
    stderr: { write: (text: string) => (stderr += text), ...(terminal ? { isTTY: true } : {}) },
    stdin: process.stdin,
    env: { HOME: dir, PATH: path },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

const manifest = (name: string, image: string): string =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } } },
  });

describe('pullguard deploy (CLI)', () => {
  before(async () => {
    await controlPlane().createNode(nodeLookingLike('kind'));
  });

  it('stops on preflight errors and applies nothing', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await writeFile(join(dir, 'latest.yaml'), manifest('web', 'registry.invalid/web'));
    const result = await cli(cp, ['-n', namespace, 'latest.yaml']);
    assert.equal(result.code, 1, result.stderr + result.stdout);
    assert.match(result.stdout, /^latest\.yaml:\d+:\d+: error /m);
    assert.match(result.stdout, /^preflight: \d+ error\(s\); nothing was applied \(--force deploys anyway\)$/m);
    assert.equal(await cp.get('apps/v1', 'Deployment', 'web', namespace), undefined);
  });

  it('--force goes on; a pull failure exits 1 with a schema-valid JSON record on stdout', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await writeFile(join(dir, 'bad.yaml'), manifest('web', 'registry.invalid/web:2'));
    const result = await cli(cp, ['-n', namespace, '--force', '-o', 'json', 'bad.yaml']);
    assert.equal(result.code, 1, result.stderr);
    const record = JSON.parse(result.stdout) as { outcome: string; exitCode: number; preflight?: { forced: boolean }; diagnosis: { cause: string }[]; context?: string };
    assert.equal(schemaErrors(validate, record), '');
    assert.equal(record.outcome, 'pull-failure');
    assert.equal(record.exitCode, 1);
    assert.equal(record.preflight?.forced, true);
    assert.equal(record.context, 'pullguard-test');
    assert.deepEqual(record.diagnosis.map((d) => d.cause), ['dns-error']);
    // What people read went to stderr: the preflight findings, then the diagnosis block.
    assert.match(result.stderr, /deploying anyway \(--force\)/);
    assert.match(result.stderr, /^✗ Deployment web -n \S+: registry\.invalid\/web:2 cannot be pulled: dns-error$/m);
  });

  it('exit 0 and a schema-valid record for a deploy that rolls out; plain progress lines when not a terminal', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await writeFile(join(dir, 'good.yaml'), manifest('api', 'example.test/api:1'));
    const result = await cli(cp, ['-n', namespace, '--force', '-o', 'json', 'good.yaml']);
    assert.equal(result.code, 0, result.stderr);
    const record = JSON.parse(result.stdout) as { outcome: string; applied: { kind: string }[] };
    assert.equal(schemaErrors(validate, record), '');
    assert.equal(record.outcome, 'rolled-out');
    assert.match(result.stderr, new RegExp(`^Deployment api -n ${namespace}: 2/2 rolled out$`, 'm'));
    assert.doesNotMatch(result.stderr, /\r/);
  });

  it('on a terminal, one progress line redrawn in place, erased before other lines and at the end', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await writeFile(join(dir, 'tty.yaml'), manifest('tty', 'example.test/tty:1'));
    const result = await cli(cp, ['-n', namespace, '--force', 'tty.yaml'], undefined, true);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    // Every progress line is drawn after an erase and never ends a line of its own.
    assert.match(result.stdout, new RegExp(`\r\x1b\\[KDeployment tty -n ${namespace}: \\d/2 (ready|waiting for the controller)`));
    assert.doesNotMatch(result.stdout, /: \d\/2 (ready|rolled out|waiting for the controller)\n/);
    // The last line is the summary, on a clean line.
    assert.match(result.stdout, new RegExp(`\r\x1b\\[Krolled out: Deployment tty -n ${namespace}\n$`));
  });

  it('--load runs the target\'s exact load command for each image first (kind mocked: only the copy into real nodes)', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    // The one mock: a `kind` on PATH that records its arguments instead of copying into kind's
    // node containers (there are none here); everything else is the real deploy.
    const bin = join(dir, 'fake-kind-bin');
    await mkdir(bin, { recursive: true });
    const calls = join(dir, 'kind-calls.txt');
    await writeFile(join(bin, 'kind'), `#!/bin/sh\necho "$@" >> '${calls}'\n`);
    await chmod(join(bin, 'kind'), 0o755);
    await writeFile(join(dir, 'local.yaml'), manifest('dev', 'app:dev'));
    const result = await cli(cp, ['-n', namespace, '--force', '--target', 'kind', '--load', 'local.yaml'], `${bin}:${process.env['PATH'] ?? '/usr/bin:/bin'}`);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    // The nodes look like kind cluster "dev": detection names it, so the command loads into that cluster.
    assert.match(result.stdout, /^\$ kind load docker-image app:dev --name dev$/m);
    assert.equal(await readFile(calls, 'utf8'), 'load docker-image app:dev --name dev\n');
  });

  it('--load stops with exit 2 when the load tool is not installed, before anything is applied', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await writeFile(join(dir, 'local2.yaml'), manifest('dev2', 'app:dev'));
    const result = await cli(cp, ['-n', namespace, '--force', '--target', 'minikube', '--load', 'local2.yaml'], '/nonexistent');
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stdout, /^--load: minikube is not installed \(needed for: minikube image load app:dev\); nothing was applied$/m);
    assert.equal(await cp.get('apps/v1', 'Deployment', 'dev2', namespace), undefined);
  });

  it('--trigger-cronjobs and --wait-operator-pods reach the deploy', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    const cronJob = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly' }, spec: { schedule: '0 0 1 1 *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'run', image: 'example.test/nightly:1' }] } } } } } };
    const replicaSet = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'bare' }, spec: { replicas: 1, selector: { matchLabels: { app: 'bare' } }, template: { metadata: { labels: { app: 'bare' } }, spec: { containers: [{ name: 'app', image: 'example.test/bare:1' }] } } } };
    await writeFile(join(dir, 'kinds.yaml'), `${JSON.stringify(cronJob)}\n---\n${JSON.stringify(replicaSet)}\n`);
    const result = await cli(cp, ['-n', namespace, '--force', '--trigger-cronjobs', '--wait-operator-pods', '-o', 'json', 'kinds.yaml']);
    assert.equal(result.code, 0, result.stderr);
    const record = JSON.parse(result.stdout) as { applied: { kind: string; createdFrom?: { name: string } }[]; rollouts: { workload: { kind: string }; ready: number; complete: boolean }[] };
    assert.equal(schemaErrors(validate, record), '');
    assert.deepEqual(record.applied.filter((a) => a.createdFrom !== undefined).map((a) => `${a.kind} from ${a.createdFrom?.name}`), ['Job from nightly']);
    // A bare ReplicaSet is run by its controller: with --wait-operator-pods, done once its pod started.
    assert.deepEqual(record.rollouts.map((r) => `${r.workload.kind} ${r.complete}`).sort(), ['CronJob true', 'Job true', 'ReplicaSet true']);
    assert.equal(record.rollouts.find((r) => r.workload.kind === 'ReplicaSet')?.ready, 1);
  });

  it('--load on a cluster that shares the container engine with this machine loads nothing and says so', async () => {
    const cp = controlPlane();
    const namespace = await cp.createNamespace();
    await writeFile(join(dir, 'shared.yaml'), manifest('shared', 'app:dev'));
    // No tool on PATH: a load command, if one ran, would fail.
    const result = await cli(cp, ['-n', namespace, '--force', '--target', 'docker-desktop', '--load', 'shared.yaml'], '/nonexistent');
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^--load: Docker Desktop shares the container engine with this machine: nothing to load$/m);
    assert.doesNotMatch(result.stdout, /^\$ /m);
  });

  it('usage errors exit 2; --snapshot, which deploy refuses, is not in its help', async () => {
    const cp = controlPlane();
    const result = await cli(cp, ['--snapshot', 'x.json', 'good.yaml']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'pullguard deploy: --snapshot cannot be used: deploy writes to a live cluster\n');
    const help = await cli(cp, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^  --kubeconfig <file> /m);
    assert.doesNotMatch(help.stdout, /--snapshot/);
  });
});
