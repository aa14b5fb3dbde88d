#!/usr/bin/env node
// Registry check benchmark: 1,000 distinct image references (present and missing) checked by
// pullguard's checker against Debian's docker-registry in token-auth mode (the test suite's token
// server; plain HTTP, or TLS with the suite's own CA with --tls), next to a sequential
// `skopeo inspect --raw` loop over a sample of the same references in the same run. It also reads
// the registry's request log to tell whether every present image was answered by a single HEAD.
// Run `node scripts/build.mjs` first; docker-registry and skopeo are installed when missing (root).
//
//   node bench/registry-check.mjs [--present 500] [--missing 500] [--sample 30] [--runs 3]
//                                 [--concurrency 16] [--tls]
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { cpuStopwatch } from './registry/cpu-time.mjs';
import { presentManifestMethods, methodTotals } from './registry/manifest-methods.mjs';
import { benchReferences, evenSample } from './registry/references.mjs';
import { skopeoLoop } from './registry/skopeo-loop.mjs';
import { ensureTools } from './registry/tools.mjs';

const GOAL_TOTAL_MS = 2_000;
const GOAL_RATIO = 10;
const USER = { user: 'bench', password: 'bench-pass-4d7e' };

const { values: args } = parseArgs({
  options: {
    present: { type: 'string', default: '500' },
    missing: { type: 'string', default: '500' },
    sample: { type: 'string', default: '30' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    tls: { type: 'boolean', default: false },
  },
});
const count = (name) => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`registry-check: --${name} must be a whole number, got "${args[name]}"`);
    process.exit(2);
  }
  return n;
};
const presentWanted = count('present');
const missingCount = count('missing');
const sampleSize = count('sample');
const runs = Math.max(1, count('runs'));
const concurrency = Math.max(1, count('concurrency'));
const tls = args.tls;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = (path) => join(root, 'build', path);
if (!existsSync(built('src/gather/check-images.js')) || !existsSync(built('test/support/registry/registry-fixture.js'))) {
  console.error('registry-check: build/ is missing: run `node scripts/build.mjs` first');
  process.exit(2);
}
const load = (path) => import(pathToFileURL(built(path)).href);

const versions = ensureTools();
const { checkImages } = await load('src/gather/check-images.js');
const { OciRegistryGateway } = await load('src/gateways/registry/oci-registry-gateway.js');
const { startRegistryFixture } = await load('test/support/registry/registry-fixture.js');
const { dockerImage, ociImage, ociIndex, LINUX_AMD64, LINUX_ARM64 } = await load('test/support/registry/image-fixtures.js');
const { imageRef } = await load('test/support/registry/image-ref.js');
const { makeCertificateAuthority, issueServerCertificate } = await load('test/support/registry/pki.js');
const { makeTempDir, removeTempDir } = await load('test/support/registry/temp-dir.js');

/** Single-arch Docker and OCI images, and every tenth a multi-arch index, as real registries hold. */
function seedImage({ repository, tag }, index) {
  const label = `${repository}:${tag}`;
  if (index % 10 === 9) return ociIndex([LINUX_AMD64, LINUX_ARM64], label);
  return index % 2 === 0 ? ociImage(LINUX_AMD64, label) : dockerImage(LINUX_AMD64, label);
}

/** Seeds in parallel lanes of whole repositories (the fixture's seeder pushes one image at a time). */
async function seedAll(fixture, present, lanes = 4) {
  const repositories = [...new Set(present.map((r) => r.repository))];
  const images = present.map((r, i) => ({ repository: r.repository, tag: r.tag, image: seedImage(r, i) }));
  await Promise.all(
    Array.from({ length: lanes }, (_, lane) => fixture.seed(images.filter((img) => repositories.indexOf(img.repository) % lanes === lane))),
  );
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** The figures, the table and the goals; sets the exit code when a verdict or the log was wrong. */
function report({ references, seedMs, rounds, sample }) {
  const n = references.length;
  const presentCount = references.filter((r) => r.present).length;
  const pullguardRuns = rounds.map((r) => r.pullguard);
  const skopeoRuns = rounds.map((r) => r.skopeo).filter((r) => r !== undefined);
  const medianMs = median(pullguardRuns.map((r) => r.wallMs));
  const perImageMs = medianMs / n;
  const skopeoMs = skopeoRuns.length === 0 ? undefined : median(skopeoRuns.map((r) => r.wallMs));
  const skopeoPerImageMs = skopeoMs === undefined ? undefined : skopeoMs / sample.length;
  const ratio = skopeoPerImageMs === undefined ? undefined : skopeoPerImageMs / perImageMs;
  const headOk = pullguardRuns.every((r) => r.methods.headOnly === r.methods.present);
  const verdictsOk = pullguardRuns.every((r) => r.wrong.length === 0);
  const skopeoOk = skopeoRuns.every((r) => r.outcomes.every((o) => o.found === o.present));
  const logComplete = pullguardRuns.every((r) => r.logged.length === r.toRegistry);
  const list = (counts) => Object.entries(counts).map(([m, c]) => `${m} ${fmt(c)}`).join(', ') || 'none';

  console.log(`registry check benchmark: ${fmt(n)} distinct references (${fmt(presentCount)} present, ${fmt(n - presentCount)} missing)`);
  console.log(`  ${versions['docker-registry']}, token auth (suite token server), ${tls ? 'TLS with the suite CA' : 'plain HTTP'}, on 127.0.0.1`);
  console.log(`  ${versions.skopeo}; node ${process.version}; ${cpus().length} CPU cores, load average ${loadavg().map((l) => fmt(l, 1)).join(' ')}; seeded in ${fmt(seedMs / 1000, 1)} s`);
  console.log('');
  for (const [i, { pullguard: r, skopeo }] of rounds.entries()) {
    const cpu = `CPU: bench process ${fmt(r.cpuMs.selfMs)} ms, registry ${r.cpuMs.registryMs === undefined ? 'unknown' : `${fmt(r.cpuMs.registryMs)} ms`}`;
    const baseline = skopeo === undefined ? '' : `; skopeo ${fmt(sample.length)} in ${fmt(skopeo.wallMs)} ms`;
    console.log(`  round ${i + 1}: pullguard ${fmt(n)} in ${fmt(r.wallMs)} ms (${cpu})${baseline}`);
    console.log(`           pullguard sent ${list(r.sent)} (${fmt(r.tokenRequests)} to the token server); registry logged ${fmt(r.logged.length)}: ${list(methodTotals(r.logged))}`);
  }
  console.log('');
  const rows = [
    ['', `pullguard checkImages (concurrency ${concurrency})`, 'skopeo inspect --raw, sequential'],
    ['images', `${fmt(n)}`, skopeoMs === undefined ? 'skipped' : `${fmt(sample.length)} (sample of the same)`],
    [`total wall (median of ${rounds.length})`, `${fmt(medianMs)} ms`, skopeoMs === undefined ? '-' : `${fmt(skopeoMs)} ms`],
    ['per image', `${fmt(perImageMs, 2)} ms`, skopeoPerImageMs === undefined ? '-' : `${fmt(skopeoPerImageMs, 1)} ms`],
    ['images/s', fmt(n / (medianMs / 1000)), skopeoMs === undefined ? '-' : fmt(sample.length / (skopeoMs / 1000), 1)],
    ['verdicts right', verdictsOk ? 'all' : `${fmt(pullguardRuns.reduce((a, r) => a + r.wrong.length, 0))} wrong`, skopeoMs === undefined ? '-' : skopeoOk ? 'all' : 'some wrong'],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) console.log(`  ${row.map((cell, c) => cell.padEnd(widths[c])).join('   ').trimEnd()}`);
  console.log('');
  if (ratio !== undefined) console.log(`  per image, pullguard is ${fmt(ratio, 1)}x faster than the skopeo loop`);
  const medianRun = pullguardRuns.find((r) => r.wallMs === medianMs);
  if (medianRun.cpuMs.registryMs !== undefined) {
    // Both sides share this machine's cores: their CPU time over the cores bounds the wall time from below.
    const cpuMs = medianRun.cpuMs.selfMs + medianRun.cpuMs.registryMs;
    console.log(`  CPU of that median round: ${fmt(cpuMs)} ms (registry ${fmt((medianRun.cpuMs.registryMs / cpuMs) * 100)}%), so at least ${fmt(cpuMs / cpus().length)} ms of wall time on ${cpus().length} idle cores`);
  }
  const first = pullguardRuns[0].methods;
  console.log(
    `  HEAD only for present images: ${headOk ? 'yes' : 'NO'} (${fmt(first.headOnly)}/${fmt(first.present)} in round 1, from the registry's log: ${list(first.totals)}${logComplete ? '' : '; registry log incomplete'})`,
  );
  const goals = [
    [`all ${fmt(n)} in under ${fmt(GOAL_TOTAL_MS / 1000)} s (median round)`, medianMs < GOAL_TOTAL_MS],
    [`at least ${GOAL_RATIO}x faster per image than skopeo`, ratio !== undefined && ratio >= GOAL_RATIO],
    ['HEAD (not GET) for every present image', headOk],
  ];
  console.log('  goals met:');
  for (const [goal, met] of goals) console.log(`    ${met ? 'yes' : 'no '}  ${goal}`);
  for (const r of pullguardRuns) for (const { ref, result } of r.wrong.slice(0, 5)) console.log(`  wrong verdict: ${ref.repository}:${ref.tag}: ${result.status} (${result.summary})`);
  for (const line of first.notHeadOnly.slice(0, 5)) console.log(`  not HEAD-only: ${line}`);
  for (const o of skopeoRuns.flatMap((r) => r.outcomes).filter((x) => x.found !== x.present).slice(0, 5)) console.log(`  skopeo disagreed: ${o.stderr}`);
  process.exitCode = verdictsOk && skopeoOk && logComplete ? 0 : 1;
}

const scratch = makeTempDir('bench-registry');
let fixture;
try {
  let tlsOptions;
  let certDir;
  if (tls) {
    const ca = makeCertificateAuthority(scratch, 'bench-ca');
    const server = issueServerCertificate(ca, scratch, 'registry', ['127.0.0.1']);
    tlsOptions = { certFile: server.certFile, keyFile: server.keyFile, caFile: ca.certFile };
    // skopeo's --cert-dir takes every *.crt in the directory as a CA.
    certDir = join(scratch, 'skopeo-certs');
    mkdirSync(certDir);
    copyFileSync(ca.certFile, join(certDir, 'ca.crt'));
  }
  fixture = await startRegistryFixture('token', { users: { [USER.user]: USER.password }, ...(tlsOptions ? { tls: tlsOptions } : {}) });
  const { registry, tokenServer } = fixture;
  const host = registry.host;

  const references = benchReferences(presentWanted, missingCount);
  const present = references.filter((r) => r.present);
  const seedStart = performance.now();
  await seedAll(fixture, present);
  const seedMs = performance.now() - seedStart;

  const credential = { source: 'bench user', username: USER.user, password: USER.password };
  const requests = references.map((r) => ({ reference: imageRef(`${host}/${r.repository}:${r.tag}`), credentials: [credential] }));
  const registries = { [host]: tls ? { caFile: tlsOptions.caFile } : { plainHttp: true } };

  /** One cold pullguard run over every reference: a new gateway, so no kept connection, ping or token. */
  async function pullguardRun() {
    const gateway = new OciRegistryGateway({ registries });
    const logStart = registry.requests().length;
    const tokenStart = tokenServer.requests.length;
    const cpu = cpuStopwatch();
    const started = performance.now();
    const results = await checkImages(gateway, requests, { concurrency });
    const wallMs = performance.now() - started;
    const cpuMs = cpu.stop();
    const sent = gateway.requestCounts();
    await gateway.close();
    const tokenRequests = tokenServer.requests.length - tokenStart;
    const toRegistry = Object.values(sent).reduce((a, b) => a + b, 0) - tokenRequests;
    const logged = (await registry.waitForRequests(logStart + toRegistry, 10_000)).slice(logStart);
    const wrong = results
      .map((result, i) => ({ result, ref: references[i] }))
      .filter(({ result, ref }) => result.status !== (ref.present ? 'ok' : 'image-not-found'));
    return { wallMs, cpuMs, sent, tokenRequests, toRegistry, logged, wrong, methods: presentManifestMethods(logged, references) };
  }

  // Rounds alternate the two clients, so that the load of a shared machine weighs on both alike.
  const sample = evenSample(references, sampleSize);
  const rounds = [];
  for (let round = 0; round < runs; round += 1) {
    const pullguard = await pullguardRun();
    const skopeo = sample.length === 0 ? undefined : await skopeoLoop(host, sample, { user: USER.user, password: USER.password, certDir });
    rounds.push({ pullguard, skopeo });
  }
  report({ references, seedMs, rounds, sample });
} finally {
  await fixture?.stop();
  removeTempDir(scratch);
}
