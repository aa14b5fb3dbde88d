// Differential test: pullguard's readers against kubectl's own decoder (test/oracle/kubectl-yaml:
// apimachinery's YAMLOrJSONDecoder → sigs.k8s.io/yaml → go-yaml v2, as `kubectl apply -f` runs it).
// Over the real-world corpus, the tests' fixtures and a generated set of tricky documents
// (kubectl-yaml-cases.ts), document by document: every document kubectl sends must be read by
// pullguard with the same value, and where kubectl stops with an error pullguard must report a
// problem at that document. kubectl stops a file at its first error; pullguard goes on reading the
// documents after it (one broken document hides no other), which is not compared.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { decodeManifestBytes } from '../../../src/manifests/decode-manifest-bytes.js';
import type { DocumentRead } from '../../../src/manifests/document-read.js';
import { readManifestText, type ReaderStats } from '../../../src/manifests/read-manifest-text.js';
import { FULL_YAML_READERS } from '../../../src/manifests/readers/full-yaml-readers.js';
import { repoRoot } from '../../support/control-plane/repo-root.js';
import { decodeLikeKubectl, type KubectlDecoding } from '../../support/kubectl-yaml-oracle.js';
import { KUBECTL_YAML_CASES } from './kubectl-yaml-cases.js';

const MANIFEST = /\.(ya?ml|json)$/;

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) files.push(...listFiles(full));
    else if (MANIFEST.test(entry)) files.push(full);
  }
  return files;
}

/** One document as compared: the value kubectl would send, or a problem. */
type Entry = { value: unknown } | { problem: string };

/**
 * pullguard's documents of one file in order, as kubectl would count them: empty and `null`
 * documents are dropped (kubectl skips them too).
 */
function pullguardEntries(bytes: Uint8Array, name: string, reader: 'auto' | 'exact', stats: ReaderStats): Entry[] {
  const decoded = decodeManifestBytes(bytes);
  if ('rejected' in decoded) return [{ problem: decoded.rejected.message }];
  const reads: DocumentRead[] = [];
  readManifestText(decoded.text, name, FULL_YAML_READERS, { reader, reads, stats });
  const entries: Entry[] = [];
  for (const read of reads) {
    if (read.kind === 'problem') entries.push({ problem: read.problem.message });
    else if (read.kind === 'value' && read.value !== null) entries.push({ value: read.value });
  }
  return entries;
}

/** The disagreements on one file (empty when pullguard reads it as kubectl does), and how many documents were compared. */
function compare(name: string, kubectl: KubectlDecoding, entries: Entry[]): { disagreements: string[]; compared: number } {
  const disagreements: string[] = [];
  const sent = kubectl.documents;
  for (let i = 0; i < sent.length; i++) {
    const entry = entries[i];
    if (entry === undefined) disagreements.push(`${name} document ${i + 1}: kubectl sends ${JSON.stringify(sent[i])}, pullguard has no such document`);
    else if ('problem' in entry) disagreements.push(`${name} document ${i + 1}: kubectl sends ${JSON.stringify(sent[i])}, pullguard reports "${entry.problem}"`);
    else if (!isDeepStrictEqual(entry.value, sent[i])) {
      disagreements.push(`${name} document ${i + 1}: kubectl sends ${JSON.stringify(sent[i])}, pullguard reads ${JSON.stringify(entry.value)}`);
    }
  }
  if (kubectl.error !== undefined) {
    const entry = entries[sent.length];
    if (entry === undefined || !('problem' in entry)) {
      disagreements.push(`${name} document ${sent.length + 1}: kubectl stops with "${kubectl.error}", pullguard reads ${entry === undefined ? 'nothing' : JSON.stringify(entry.value)}`);
    }
  } else if (entries.length > sent.length) {
    disagreements.push(`${name}: kubectl sends ${sent.length} documents, pullguard has ${entries.length} (${JSON.stringify(entries.slice(sent.length))})`);
  }
  return { disagreements, compared: sent.length + (kubectl.error === undefined ? 0 : 1) };
}

function corpusDir(): string | undefined {
  const corpus = resolve(repoRoot(), '..', 'shared', 'corpus', 'realworld');
  return existsSync(corpus) ? corpus : undefined;
}

/** The generated cases, written as files (the oracle reads files). */
function writeCases(dir: string): string[] {
  return KUBECTL_YAML_CASES.map(([name, text]) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  });
}

describe("pullguard's readers agree with kubectl's YAML decoder, document by document", () => {
  const root = repoRoot();
  const casesDir = mkdtempSync(join(tmpdir(), 'pullguard-kubectl-yaml-'));
  after(() => rmSync(casesDir, { recursive: true, force: true }));
  const corpus = corpusDir();
  const sets: [title: string, base: string, files: string[]][] = [
    [
      "the tests' fixtures and examples",
      root,
      // Recorded outputs are the CLI's output (JSON with a trailer), not input.
      [...listFiles(join(root, 'test/fixtures')), ...listFiles(join(root, 'examples'))].filter((f) => !f.includes(`${sep}recorded${sep}`)),
    ],
    ['the generated tricky documents', casesDir, writeCases(casesDir)],
  ];
  if (corpus !== undefined) sets.unshift(['the real-world corpus', corpus, listFiles(corpus)]);
  else it('over the real-world corpus', { skip: 'corpus not found: expected ../shared/corpus/realworld beside the repository' }, () => {});

  for (const [title, base, files] of sets) {
    // `auto` is what lint runs; `exact` (the `yaml` reader for every document) is the fallback
    // the fast readers decline to, which the corpus alone would hardly reach.
    for (const reader of ['auto', 'exact'] as const) {
      it(`over ${title} (${reader} readers)`, (t) => {
        const decodings = decodeLikeKubectl(files);
        const stats: ReaderStats = { line: 0, events: 0, exact: 0, json: 0 };
        const disagreements: string[] = [];
        let compared = 0;
        let rejected = 0;
        files.forEach((file, index) => {
          const name = relative(base, file).split(sep).join('/');
          const result = compare(name, decodings[index]!, pullguardEntries(readFileSync(file), name, reader, stats));
          disagreements.push(...result.disagreements);
          compared += result.compared;
          if (decodings[index]!.error !== undefined) rejected++;
        });
        t.diagnostic(
          `${files.length} files, ${compared} documents compared with kubectl's decoder; kubectl rejects ${rejected} files; ` +
            `documents read by the line reader ${stats.line}, the event reader ${stats.events}, yaml ${stats.exact}, JSON ${stats.json}`,
        );
        // Each reader of the chain met kubectl on the generated documents (so their agreement means something).
        if (base === casesDir && reader === 'auto') assert.ok(stats.line > 0 && stats.events > 0 && stats.exact > 0 && stats.json > 0, JSON.stringify(stats));
        assert.deepEqual(disagreements, []);
        assert.ok(compared >= files.length, 'documents were compared');
      });
    }
  }
});
