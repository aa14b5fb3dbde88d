#!/usr/bin/env node
// `pullguard diagnose -A` on 5,000 pods of which 500 cannot pull, and 50,000 events (goal of
// issue 11: under 2 s each, process start included): from a snapshot file, and with --live
// against the test suite's control plane (etcd + kube-apiserver, the objects created through the
// API first). Every run's output is checked (exit code 1, 500 failing pods, the causes as
// generated) before its time counts. Prints the median of the runs.
//
//   node scripts/build.mjs && node bench/diagnose.mjs [--runs 5] [--live]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCluster, snapshotOf } from './support/diagnose-cluster.mjs';
import { measure, requireGnuTime } from './support/measure-process.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/pullguard.js');
const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = flag('--runs', 5);
const live = process.argv.includes('--live');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

requireGnuTime();
const scratch = mkdtempSync(join(tmpdir(), 'pullguard-bench-diagnose-'));
const cluster = generateCluster();
const expectedCauses = Object.fromEntries(Object.entries(cluster.expected.causes).sort());
console.log(
  `diagnose -A: ${cluster.pods.length} pods (${cluster.expected.failingPods} failing), ${cluster.events.length} events; ` +
    `node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${runs} runs each`,
);

function check(stdoutFile, status, stderr) {
  if (status !== 1) throw new Error(`bench: exit code ${status} (expected 1): ${stderr}`);
  const json = JSON.parse(readFileSync(stdoutFile, 'utf8'));
  if (json.summary.failingPods !== cluster.expected.failingPods) throw new Error(`bench: ${json.summary.failingPods} failing pods, expected ${cluster.expected.failingPods}`);
  const causes = {};
  for (const entry of json.entries) causes[entry.cause] = (causes[entry.cause] ?? 0) + entry.pods.failing;
  const got = JSON.stringify(Object.fromEntries(Object.entries(causes).sort()));
  if (got !== JSON.stringify(expectedCauses)) throw new Error(`bench: causes ${got}, expected ${JSON.stringify(expectedCauses)}`);
}

function bench(name, args) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const stdoutFile = join(scratch, 'out.json');
    const run = measure(process.execPath, [bin, 'diagnose', '-A', '-o', 'json', ...args], { stdoutFile, cwd: scratch, scratch });
    check(stdoutFile, run.status, run.stderr);
    samples.push(run);
  }
  const wall = median(samples.map((s) => s.wallMs));
  const cpu = median(samples.map((s) => s.cpuMs));
  const rss = median(samples.map((s) => s.peakRssMiB));
  console.log(`${name.padEnd(34)} wall ${(wall / 1000).toFixed(2)} s  cpu ${(cpu / 1000).toFixed(2)} s  peak RSS ${rss.toFixed(0)} MiB  (goal < 2 s: ${wall < 2000 ? 'met' : 'missed'})`);
}

try {
  const snapshotFile = join(scratch, 'cluster.json');
  writeFileSync(snapshotFile, JSON.stringify(snapshotOf(cluster)));
  bench(`from a snapshot (${(readFileSync(snapshotFile).length / 1e6).toFixed(1)} MB)`, ['--snapshot', snapshotFile]);
  if (live) await benchLive();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

async function benchLive() {
  const { startControlPlane } = await import(join(root, 'build/test/support/control-plane/index.js'));
  const cp = await startControlPlane({});
  try {
    const started = performance.now();
    const inParallel = async (items, work, width = 16) => {
      let next = 0;
      await Promise.all(Array.from({ length: width }, async () => {
        while (next < items.length) await work(items[next++]);
      }));
    };
    const strip = ({ status, ...object }) => object;
    await inParallel(cluster.namespaces, (ns) => cp.call('POST', '/api/v1/namespaces', ns));
    await inParallel(cluster.pods, async (pod) => {
      const ns = pod.metadata.namespace;
      const created = await cp.call('POST', `/api/v1/namespaces/${ns}/pods`, strip(pod));
      await cp.call('PUT', `/api/v1/namespaces/${ns}/pods/${pod.metadata.name}/status`, { ...created, status: pod.status });
    });
    await inParallel(cluster.events, (event) => cp.call('POST', `/api/v1/namespaces/${event.metadata.namespace}/events`, event));
    console.log(`live: ${cluster.pods.length} pods and ${cluster.events.length} events created in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    bench('live (etcd + kube-apiserver)', ['--kubeconfig', cp.adminKubeconfigPath]);
  } finally {
    await cp.stop();
  }
}
