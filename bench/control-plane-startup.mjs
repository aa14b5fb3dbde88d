#!/usr/bin/env node
// Warm start-up of the test suite's control plane (binaries already built by
// scripts/control-plane/build): how long until each component answers, for the bare control plane
// (etcd + kube-apiserver) and the full one (+ controller-manager, scheduler, kwok). Goals from the
// control-plane issue: under 10 s bare, under 20 s full. Prints the median of several starts.
//
//   node scripts/build.mjs && node bench/control-plane-startup.mjs [--runs 5]
import { importBuilt } from './support/built.mjs';

const { startControlPlane, locateBinaries } = await importBuilt('test/support/control-plane/index.js');

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);

const binaries = locateBinaries();
console.log(`control-plane start-up, ${runs} runs each, binaries in ${binaries.dir.replace(process.env.HOME ?? '', '~')}`);

const configurations = [
  { name: 'bare (etcd + apiserver)', options: {}, goalMs: 10_000 },
  { name: 'full (+ controller-manager, scheduler, kwok)', options: { controllerManager: true, kwok: true }, goalMs: 20_000 },
];
const rows = [];
for (const { name, options, goalMs } of configurations) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const cp = await startControlPlane(options);
    samples.push({ ...cp.timings });
    const stopStart = performance.now();
    await cp.stop();
    samples[samples.length - 1].stopMs = performance.now() - stopStart;
  }
  const pick = (key) => (samples[0][key] === undefined ? undefined : median(samples.map((s) => s[key])));
  rows.push({ name, goalMs, etcd: pick('etcdMs'), apiserver: pick('apiserverMs'), kcm: pick('controllerManagerMs'), scheduler: pick('schedulerMs'), kwok: pick('kwokMs'), total: pick('totalMs'), stop: pick('stopMs') });
}

console.log('\nmedian milliseconds from the start until each component answered:');
console.log(['configuration'.padEnd(46), 'etcd', 'apiserver', 'kcm', 'scheduler', 'kwok', 'total', 'stop', 'goal'].join('\t'));
for (const r of rows) {
  const met = r.total < r.goalMs ? 'met' : 'MISSED';
  console.log([r.name.padEnd(46), seconds(r.etcd), seconds(r.apiserver), seconds(r.kcm), seconds(r.scheduler), seconds(r.kwok), seconds(r.total), seconds(r.stop), `< ${r.goalMs / 1000} s ${met}`].join('\t'));
}
