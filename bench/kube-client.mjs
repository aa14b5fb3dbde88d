#!/usr/bin/env node
// The Kubernetes gateway (src/gateways/kube, undici) against kubectl of the same release, each run
// the same way: a fresh process per request, process start included, against the test suite's
// control plane with 500 kwok nodes. Prints medians and the gateway/kubectl ratios, and the
// gateway's import time (the probe that only loads it, minus `node -e 0`).
//
//   node scripts/build.mjs && node bench/kube-client.mjs [--runs 7] [--nodes 500]
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { importBuilt, root } from './support/built.mjs';
import { measure, median, requireGnuTime } from './support/measure-process.mjs';

const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = flag('--runs', 7);
const nodeCount = flag('--nodes', 500);
requireGnuTime();

const { startControlPlane, locateBinaries, nodeManifest } = await importBuilt('test/support/control-plane/index.js');
const scratch = mkdtempSync(join(tmpdir(), 'pullguard-kube-bench-'));
const probe = join(scratch, 'probe.mjs');
// Bundled as the CLI is (scripts/build.mjs), so that import time is what a user pays.
await build({
  entryPoints: [join(root, 'bench/support/kube-gateway-probe.ts')],
  outfile: probe,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  banner: { js: "import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

const kubectl = locateBinaries().kubectl;
console.log(`kube client: ${runs} runs each, fresh process per run, ${nodeCount} kwok nodes; kubectl ${kubectl.replace(process.env.HOME ?? '', '~')}`);
const cp = await startControlPlane({ kwok: true });
try {
  const started = performance.now();
  for (let i = 0; i < nodeCount; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, nodeCount - i) }, (_, j) =>
        cp.call('POST', '/api/v1/nodes', nodeManifest({ name: `bench-node-${i + j}` }, { kubeletVersion: cp.versions.kubernetes, fake: true })),
      ),
    );
  }
  console.log(`created ${nodeCount} nodes in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const sample = (command, args) => {
    const walls = [];
    const cpus = [];
    for (let i = 0; i < runs; i++) {
      const result = measure(command, args, { stdoutFile: join(scratch, 'out.txt'), cwd: scratch, scratch });
      if (result.status !== 0) throw new Error(`bench: ${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
      walls.push(result.wallMs);
      cpus.push(result.cpuMs);
    }
    return { wall: median(walls), cpu: median(cpus) };
  };
  const rows = [
    ['node -e 0', sample(process.execPath, ['-e', '0'])],
    ['gateway: import only', sample(process.execPath, [probe, 'import'])],
    ['gateway: GET /version', sample(process.execPath, [probe, 'version', cp.adminKubeconfigPath])],
    ['kubectl version -o json', sample(kubectl, ['--kubeconfig', cp.adminKubeconfigPath, 'version', '-o', 'json'])],
    ['kubectl get --raw /version', sample(kubectl, ['--kubeconfig', cp.adminKubeconfigPath, 'get', '--raw', '/version'])],
    [`gateway: list ${nodeCount} nodes`, sample(process.execPath, [probe, 'nodes', cp.adminKubeconfigPath])],
    ['kubectl get nodes -o json', sample(kubectl, ['--kubeconfig', cp.adminKubeconfigPath, 'get', 'nodes', '-o', 'json'])],
  ];
  const by = Object.fromEntries(rows);
  console.log('');
  console.log('| run | wall (median) | CPU (median) |');
  console.log('|---|---:|---:|');
  for (const [name, { wall, cpu }] of rows) console.log(`| ${name} | ${wall.toFixed(0)} ms | ${cpu.toFixed(0)} ms |`);
  // On a shared machine wall time follows the load; CPU time much less so: both are printed.
  const ratio = (a, b) => `${(by[a].wall / by[b].wall).toFixed(2)} wall, ${(by[a].cpu / by[b].cpu).toFixed(2)} CPU`;
  console.log('');
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  console.log(`gateway import time: ${(by['gateway: import only'].wall - by['node -e 0'].wall).toFixed(0)} ms wall, ${(by['gateway: import only'].cpu - by['node -e 0'].cpu).toFixed(0)} ms CPU over node -e 0`);
  console.log(`/version: gateway / kubectl version = ${ratio('gateway: GET /version', 'kubectl version -o json')}; / kubectl get --raw = ${ratio('gateway: GET /version', 'kubectl get --raw /version')}`);
  console.log(`list ${nodeCount} nodes: gateway / kubectl get nodes -o json = ${ratio(`gateway: list ${nodeCount} nodes`, 'kubectl get nodes -o json')}`);
} finally {
  await cp.stop();
  rmSync(scratch, { recursive: true, force: true });
}
