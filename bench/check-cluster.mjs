#!/usr/bin/env node
// `check` against a cluster (issue 10): 200 workloads in 20 namespaces against a cluster of 500
// nodes, from a snapshot and live (the suite's control plane; nodes created without kwok so that 500
// of them cost only their objects, with the status kubelet would report: nodeInfo and 20 images).
// Figures: the time of check without registry time (the registry gateway answers at once), the
// number of API requests, which must not grow with the number of workloads (printed for 20 and
// 200), and `kubectl get nodes -o json` run the same way, as a ratio.
// Asserts only that each run found what it should, so that a broken run is never measured.
//
//   node scripts/build.mjs && node bench/check-cluster.mjs [--runs 5] [--nodes 500] [--no-live] [--kubectl PATH]
//
// Goal: under 2 s without registry time; requests independent of the number of workloads.
import { spawnSync } from 'node:child_process';
import { request } from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = (path) => join(root, 'build', path);
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    nodes: { type: 'string', default: '500' },
    'no-live': { type: 'boolean', default: false },
    kubectl: { type: 'string', default: process.env.KUBECTL ?? 'kubectl' },
  },
});
const runs = Number(options.runs);
const nodeCount = Number(options.nodes);
const NAMESPACES = 20;
const GOAL_MS = 2000;

const { check } = await import(build('src/commands/check.js'));
const { snapshotReader } = await import(build('src/facts/snapshot-reader.js'));
const { countingReader } = await import(build('test/support/cluster/counting-reader.js'));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;

/** Answers at once: the figures leave registry time out by construction. */
const instantRegistry = {
  requests: 0,
  async checkImage(request) {
    this.requests++;
    return { status: 'ok', summary: 'exists', registry: request.reference.domain, credentialSource: request.credentials[0]?.source ?? 'anonymous' };
  },
  async close() {},
};

function node(i) {
  const name = `node-${String(i).padStart(3, '0')}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': i % 5 === 0 ? 'arm64' : 'amd64' } },
    spec: { providerID: `aws:///eu-west-1a/i-${i.toString(16).padStart(17, '0')}` },
    status: {
      nodeInfo: { operatingSystem: 'linux', architecture: i % 5 === 0 ? 'arm64' : 'amd64', osImage: 'Amazon Linux 2023', containerRuntimeVersion: 'containerd://1.7.22', kubeletVersion: 'v1.31.0', kubeProxyVersion: '', kernelVersion: '', bootID: '', machineID: '', systemUUID: '' },
      images: Array.from({ length: 20 }, (_, k) => ({ names: [`registry.acme.dev/team/svc-${k}@sha256:${'0'.repeat(63)}${k % 10}`, `registry.acme.dev/team/svc-${k}:1.${k}`], sizeBytes: 1_000_000 })),
    },
  };
}

function namespaceObjects(n) {
  const config = { auths: { 'registry.acme.dev': { username: 'robot', password: 'bench-password' } } };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `team-${n}` } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'deployer', namespace: `team-${n}` }, imagePullSecrets: [{ name: 'regcred' }] },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'regcred', namespace: `team-${n}` }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': Buffer.from(JSON.stringify(config)).toString('base64') } },
  ];
}

/** `count` Deployments over the 20 namespaces: half with their ServiceAccount's pull secret, a quarter never pulled. */
function manifests(count) {
  return Array.from({ length: count }, (_, i) => {
    const never = i % 4 === 3;
    return [
      'apiVersion: apps/v1',
      'kind: Deployment',
      `metadata: {name: svc-${i}, namespace: team-${i % NAMESPACES}}`,
      'spec:',
      `  selector: {matchLabels: {app: svc-${i}}}`,
      '  template:',
      `    metadata: {labels: {app: svc-${i}}}`,
      '    spec:',
      ...(i % 2 === 0 ? ['      serviceAccountName: deployer'] : []),
      '      containers:',
      never ? `        - {name: app, image: "svc-${i}:dev", imagePullPolicy: Never}` : `        - {name: app, image: "registry.acme.dev/team/svc-${i % 40}:1.${i % 40}"}`,
    ].join('\n');
  }).join('\n---\n');
}

/** What kubelet reports: a node's status (nodeInfo, images), as the admin, through the status subresource. */
function patchNodeStatus(cp, name, status) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(`/api/v1/nodes/${name}/status`, cp.server), { method: 'PATCH', ca: cp.caCertPem, headers: { authorization: `Bearer ${cp.adminToken}`, 'content-type': 'application/merge-patch+json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`PATCH node status: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ status }));
  });
}

const work = mkdtempSync(join(tmpdir(), 'pullguard-bench-check-cluster-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const files = {};
for (const count of [20, 200]) {
  files[count] = join(work, `workloads-${count}.yaml`);
  writeFileSync(files[count], `${manifests(count)}\n`);
}
// For the CLI run, process start included: every image never pulled, so no registry is asked at all.
const neverFile = join(work, 'workloads-never-200.yaml');
writeFileSync(neverFile, `${manifests(200).replace(/image: "registry\.acme\.dev\/team\/(svc-\d+):[^"]*"\}/g, 'image: "$1:dev", imagePullPolicy: Never}')}\n`);

async function measureCheck(label, open, count) {
  const samples = [];
  let calls;
  for (let run = 0; run < runs; run++) {
    const reader = await open();
    const started = performance.now();
    const report = await check({
      paths: [files[count]],
      cwd: work,
      config: { rules: {}, registries: {} },
      gateway: instantRegistry,
      cluster: reader.counting,
      compareDockerConfig: false,
      localRuntime: false,
      env: { HOME: work },
    });
    samples.push(performance.now() - started);
    calls = reader.requests();
    await reader.close?.();
    const notOnNodes = report.findings.filter((f) => f.ruleId === 'image-not-on-nodes').length;
    if (report.cluster === undefined || report.cluster.namespaces.length !== NAMESPACES || notOnNodes !== Math.floor((count + 1) / 4)) {
      throw new Error(`${label}: unexpected report (${report.cluster?.namespaces.length} namespaces, ${notOnNodes} image-not-on-nodes)`);
    }
  }
  return { median: median(samples), calls };
}

const rows = [];
// The same check without a cluster, for scale: what reading the cluster adds is the difference.
const offline = {};
for (const count of [20, 200]) {
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await check({ paths: [files[count]], cwd: work, config: { rules: {}, registries: {} }, gateway: instantRegistry, compareDockerConfig: false, env: { HOME: work } });
    samples.push(performance.now() - started);
  }
  offline[count] = median(samples);
}
console.log(`check against a cluster: ${nodeCount} nodes, ${NAMESPACES} namespaces; median of ${runs} runs; registry answers at once`);

// Snapshot: the facts from a file, so reads are counted as reader calls.
const snapshot = {
  schemaVersion: 1,
  capturedAt: new Date().toISOString(),
  context: { name: 'bench', namespace: 'default', cluster: { name: 'bench', server: 'https://127.0.0.1:6443' }, user: { name: 'bench', exec: null } },
  version: { gitVersion: 'v1.31.0' },
  apiGroups: ['apps'],
  nodes: Array.from({ length: nodeCount }, (_, i) => node(i)),
  namespaces: Array.from({ length: NAMESPACES }, (_, n) => namespaceObjects(n)[0]),
  serviceAccounts: Array.from({ length: NAMESPACES }, (_, n) => namespaceObjects(n)[1]),
  pods: [],
  events: [],
  configMaps: [],
  secrets: Array.from({ length: NAMESPACES }, (_, n) => ({ metadata: { name: 'regcred', namespace: `team-${n}` }, type: 'kubernetes.io/dockerconfigjson', registries: ['registry.acme.dev'] })),
};
for (const count of [20, 200]) {
  const result = await measureCheck(`snapshot ${count}`, async () => {
    const counting = countingReader(snapshotReader(JSON.parse(JSON.stringify(snapshot)), 'snapshot'));
    return { counting, requests: () => counting.calls.length };
  }, count);
  rows.push({ source: 'snapshot', workloads: count, ...result, unit: 'reader calls' });
}

let kubectlMs;
let cliMs;
if (!options['no-live']) {
  const { startControlPlane } = await import(build('test/support/control-plane/index.js'));
  const { openCluster } = await import(build('src/gateways/kube/open-cluster.js'));
  const cp = await startControlPlane({});
  try {
    const { runWithConcurrency } = await import(build('src/shared/run-with-concurrency.js'));
    await runWithConcurrency(Array.from({ length: nodeCount }, (_, i) => i), 16, async (i) => {
      const { metadata, spec, status } = node(i);
      await cp.createNode({ name: metadata.name, providerID: spec.providerID, fake: false, nodeInfo: status.nodeInfo });
      await patchNodeStatus(cp, metadata.name, status);
    });
    for (let n = 0; n < NAMESPACES; n++) for (const object of namespaceObjects(n)) await cp.apply(object);
    for (const count of [20, 200]) {
      const result = await measureCheck(`live ${count}`, async () => {
        let requests = 0;
        const reader = await openCluster({ kubeconfig: cp.adminKubeconfigPath, env: { HOME: work }, cwd: work, stdinIsTerminal: false, onRequest: () => requests++ });
        return { counting: reader, requests: () => requests, close: () => reader.close() };
      }, count);
      rows.push({ source: 'live', workloads: count, ...result, unit: 'HTTP requests' });
    }
    const cliSamples = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const cli = spawnSync(process.execPath, [join(root, 'bin/pullguard.js'), 'check', neverFile, '--kubeconfig', cp.adminKubeconfigPath, '-o', 'json', '--no-docker-config'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: work }, maxBuffer: 64 * 1024 * 1024 });
      cliSamples.push(performance.now() - started);
      const report = JSON.parse(cli.stdout || '{}');
      if (report.cluster?.namespaces?.length !== NAMESPACES || report.images?.length !== 0) throw new Error(`pullguard check (CLI) failed: ${cli.stderr}`);
    }
    cliMs = median(cliSamples);
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const kubectl = spawnSync(options.kubectl, ['--kubeconfig', cp.adminKubeconfigPath, 'get', 'nodes', '-o', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      samples.push(performance.now() - started);
      if (kubectl.status !== 0 || JSON.parse(kubectl.stdout).items.length !== nodeCount) throw new Error(`kubectl get nodes failed: ${kubectl.stderr}`);
    }
    kubectlMs = median(samples);
  } finally {
    await cp.stop();
  }
}

for (const row of rows) {
  const ratio = row.source === 'live' && kubectlMs !== undefined ? `  ${(row.median / kubectlMs).toFixed(2)}x kubectl get nodes -o json` : '';
  const verdict = row.median < GOAL_MS ? 'under' : 'OVER';
  console.log(`  ${row.source.padEnd(8)} ${String(row.workloads).padStart(3)} workloads  ${ms(row.median).padStart(8)} (${verdict} ${GOAL_MS / 1000} s; offline check ${ms(offline[row.workloads])})  ${row.calls} ${row.unit}${ratio}`);
}
if (kubectlMs !== undefined) {
  console.log(`  kubectl get nodes -o json (${nodeCount} nodes, process start included): ${ms(kubectlMs)}`);
  console.log(`  pullguard check of 200 workloads, every image never pulled (CLI, process start included): ${ms(cliMs)}, ${(cliMs / kubectlMs).toFixed(2)}x kubectl`);
}
const byWorkloads = (source) => rows.filter((row) => row.source === source).map((row) => row.calls);
for (const source of ['snapshot', 'live']) {
  const calls = byWorkloads(source);
  if (calls.length === 2 && calls[0] !== calls[1]) console.log(`  ${source}: the request count grew with the workloads (${calls.join(' -> ')})`);
}
