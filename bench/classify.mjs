#!/usr/bin/env node
// `pullguard classify` in process: messages per second of classifyMessage on 100,000 messages
// (the real-message corpus of test/fixtures/pull-messages/, repeated), beside a baseline run the
// same way, and the accuracy of both on the corpus, per cause.
//
// The baseline re-implements, from the description in ../shared/docs/diagnosis.md §3 (facts
// only), the approach of a popular tool: keep a message only when it starts with kubelet's
// `Failed to pull image "IMAGE": rpc error: code = Unknown|NotFound desc = ` prefix, strip it, then
// require one of eight whole-message templates to match (three answers: the repository does not
// exist, not authorized, timeout). Both get the same input: the corpus line after pullguard's
// normalisation (Events columns and log escapes removed), so that the comparison is of the
// classification alone.
//
//   node scripts/build.mjs --tsc-only && node bench/classify.mjs [--messages 100000] [--runs 5]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineLine, median } from './support/measure-process.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: { messages: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' } },
});
const count = Number(options.messages);
const runs = Number(options.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('bench: --messages and --runs take positive integers');
  process.exit(2);
}

let classifyMessage;
let normalizePullMessage;
try {
  ({ classifyMessage } = await import(join(root, 'build/src/causes/classify-message.js')));
  ({ normalizePullMessage } = await import(join(root, 'build/src/causes/support/normalize-pull-message.js')));
} catch {
  console.error('bench: build/ is missing or stale: run `node scripts/build.mjs --tsc-only` first');
  process.exit(2);
}

const corpus = readFileSync(join(root, 'test/fixtures/pull-messages/messages.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line));

// --- the baseline: eight templates, three answers --------------------------------------------
const KUBELET_PREFIX = /^Failed to pull image "[^"]*": rpc error: code = (?:Unknown|NotFound) desc = /;
const TEMPLATES = [
  [/failed to pull and unpack image "[^"]+": failed to resolve reference "[^"]+": .*(?:no such host|not found)/, 'repo-does-not-exist'],
  [/failed to pull and unpack image "[^"]+": failed to resolve reference "[^"]+": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed/, 'not-authorized'],
  [/failed to pull and unpack image "[^"]+": failed to resolve reference "[^"]+": failed to authorize: failed to fetch anonymous token: unexpected status: 403 Forbidden/, 'not-authorized'],
  [/Error response from daemon: pull access denied for \S+, repository does not exist or may require 'docker login'.*/, 'not-authorized'],
  [/Error response from daemon: manifest for \S+ not found: manifest unknown: .*/, 'repo-does-not-exist'],
  [/.*denied: Permission "artifactregistry\.repositories\.downloadArtifacts" denied on resource ".*" \(or it may not exist\)/, 'not-authorized'],
  [/.*manifest unknown: Failed to fetch.*/, 'repo-does-not-exist'],
  [/.*Timeout exceeded.*/, 'timeout'],
].map(([pattern, reason]) => [new RegExp(`^(?:${pattern.source})$`), reason]);

function baselineReason(message) {
  const prefix = KUBELET_PREFIX.exec(message);
  if (prefix === null) return 'not-reached';
  const rest = message.slice(prefix[0].length);
  for (const [pattern, reason] of TEMPLATES) if (pattern.test(rest)) return reason;
  return 'unknown';
}

/** The baseline's answers as cause ids, and the causes each answer is right for (its answers are coarser). */
const BASELINE_CAUSE = { 'repo-does-not-exist': 'image-not-found', 'not-authorized': 'unauthorized', timeout: 'network-timeout', unknown: 'unknown', 'not-reached': 'unknown' };
const BASELINE_RIGHT_FOR = {
  'repo-does-not-exist': new Set(['image-not-found']),
  'not-authorized': new Set(['unauthorized', 'forbidden', 'not-found-or-unauthorized']),
  timeout: new Set(['network-timeout']),
  unknown: new Set(['unknown']),
  'not-reached': new Set(['unknown']),
};

// --- accuracy on the corpus -------------------------------------------------------------------
const normalised = corpus.map((entry) => normalizePullMessage(entry.message));
const perCause = new Map();
let ours = 0;
let theirs = 0;
let theirsStrict = 0;
const reasons = { 'not-reached': 0, unknown: 0 };
for (let i = 0; i < corpus.length; i++) {
  const expected = corpus[i].cause;
  const tally = perCause.get(expected) ?? { total: 0, ours: 0, theirs: 0 };
  tally.total++;
  if (classifyMessage(corpus[i].message).cause === expected) {
    tally.ours++;
    ours++;
  }
  const reason = baselineReason(normalised[i]);
  if (reason in reasons) reasons[reason]++;
  if (BASELINE_RIGHT_FOR[reason].has(expected)) {
    tally.theirs++;
    theirs++;
  }
  if (BASELINE_CAUSE[reason] === expected) theirsStrict++;
  perCause.set(expected, tally);
}

console.log(`classify: accuracy on the corpus of ${corpus.length} real messages (test/fixtures/pull-messages)`);
console.log(`  ${'cause'.padEnd(26)} ${'messages'.padStart(8)}  ${'pullguard'.padStart(9)}  ${'baseline'.padStart(8)}`);
for (const [cause, tally] of [...perCause].sort((a, b) => b[1].total - a[1].total)) {
  console.log(`  ${cause.padEnd(26)} ${String(tally.total).padStart(8)}  ${String(tally.ours).padStart(9)}  ${String(tally.theirs).padStart(8)}`);
}
const pct = (n) => `${((100 * n) / corpus.length).toFixed(1)}%`;
console.log(`  ${'all'.padEnd(26)} ${String(corpus.length).padStart(8)}  ${String(ours).padStart(9)}  ${String(theirs).padStart(8)}`);
console.log(
  `  pullguard ${pct(ours)} exact cause; baseline ${pct(theirs)} counting its coarse answers as right for every cause they cover ` +
    `(${pct(theirsStrict)} as exact causes); the baseline never reached its templates for ${reasons['not-reached']} messages ` +
    `(not in the rpc-prefixed kubelet shape) and matched none of them for ${reasons.unknown}.`,
);

// --- throughput --------------------------------------------------------------------------------
const messages = Array.from({ length: count }, (_, i) => corpus[i % corpus.length].message);
const baselineInput = Array.from({ length: count }, (_, i) => normalised[i % corpus.length]);

function time(label, run) {
  run(); // one unmeasured run lets the JIT settle
  const walls = [];
  const cpus = [];
  for (let r = 0; r < runs; r++) {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    run();
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  const wall = median(walls);
  const cpu = median(cpus);
  const perSecond = Math.round(count / (wall / 1000));
  const perCpuSecond = Math.round(count / (cpu / 1000));
  console.log(
    `  ${label.padEnd(34)} ${String(perSecond).padStart(9)} messages/s, ${String(perCpuSecond).padStart(9)} per CPU second  (wall ${wall.toFixed(0)} ms, CPU ${cpu.toFixed(0)} ms)`,
  );
  return { perSecond, perCpuSecond };
}

console.log(`\nclassify: throughput on ${count} messages in process, median of ${runs} runs; ${machineLine()}`);
let sink = 0;
const oursPerSecond = time('pullguard classifyMessage', () => {
  for (const message of messages) sink += classifyMessage(message).cause.length;
});
const theirsPerSecond = time('baseline (templates only)', () => {
  for (const message of baselineInput) sink += baselineReason(message).length;
});
const normalisePerSecond = time('baseline + pullguard normalisation', () => {
  for (const message of messages) sink += baselineReason(normalizePullMessage(message)).length;
});
console.log(
  `  goal >= 100000 messages/s: ${oursPerSecond.perSecond >= 100_000 ? 'met' : 'not met'} by wall time, ` +
    `${oursPerSecond.perCpuSecond >= 100_000 ? 'met' : 'not met'} per CPU second; pullguard/baseline ${(oursPerSecond.perCpuSecond / theirsPerSecond.perCpuSecond).toFixed(2)}x ` +
    `(${(oursPerSecond.perCpuSecond / normalisePerSecond.perCpuSecond).toFixed(2)}x against the baseline with the same normalisation) per CPU second [${sink > 0 ? 'ok' : 'no work'}]`,
);
