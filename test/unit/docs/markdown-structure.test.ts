// README.md and the docs pages as a CommonMark renderer sees them (the reference parser, commonmark.js):
// every code fence is closed where the author meant it to be, and every expected heading is a
// heading, not text swallowed by a fence left open (README's Install section once was).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { Parser } from 'commonmark';
import { DOCS_DIR, REPO_ROOT } from './doc-pages.js';

interface Structure {
  /** `## Install`, as `#` marks and text, in document order. */
  headings: string[];
  /** 1-based lines of fenced code blocks that run to the end of their container without a closing fence. */
  unclosedFences: number[];
  fences: number;
}

function structure(markdown: string): Structure {
  const lines = markdown.split('\n');
  const headings: string[] = [];
  const unclosedFences: number[] = [];
  let fences = 0;
  const walker = new Parser().parse(markdown).walker();
  for (let event = walker.next(); event !== null; event = walker.next()) {
    const { node } = event;
    if (!event.entering) continue;
    if (node.type === 'heading') {
      let text = '';
      const inner = node.walker();
      for (let e = inner.next(); e !== null; e = inner.next()) {
        if (e.entering && (e.node.type === 'text' || e.node.type === 'code')) text += e.node.literal ?? '';
      }
      headings.push(`${'#'.repeat(node.level)} ${text}`);
    }
    if (node.type === 'code_block') {
      const [[startLine, startColumn], [endLine]] = node.sourcepos;
      const opening = /^(`{3,}|~{3,})/.exec(lines[startLine - 1]!.slice(startColumn - 1).trimStart());
      if (opening === null) continue; // an indented code block
      fences++;
      const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[endLine - 1]!.slice(startColumn - 1));
      const closes = endLine > startLine && closing !== null && closing[1]![0] === opening[1]![0] && closing[1]!.length >= opening[1]!.length;
      if (!closes) unclosedFences.push(startLine);
    }
  }
  return { headings, unclosedFences, fences };
}

/**
 * Headings as a reader of the source sees them: `#` lines outside blocks that a line starting with
 * a fence marker opens and the next such line closes, which is what the author had in mind.
 */
function sourceHeadings(markdown: string): string[] {
  const headings: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    else if (!inFence) {
      const heading = /^(#{1,6}) (.*)$/.exec(line);
      if (heading !== null) headings.push(`${heading[1]} ${heading[2]!.replace(/`/g, '')}`);
    }
  }
  return headings;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? markdownFiles(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : []))
    .sort();
}

const README_HEADINGS = [
  '# pullguard',
  '## What it catches',
  '## Install',
  '## Commands',
  '### Targets',
  '### Output and exit codes',
  '## Configuration: .pullguard.yaml',
  '## In CI',
  '## Development',
];

/** Sections a page must have, by where it lives; every page also keeps the headings its source shows. */
const REQUIRED_HEADINGS: Record<string, string[]> = {
  'docs/rules/README.md': ['# pullguard rules', '## Which rule reports an image', '## Configuring rules'],
  'docs/causes/README.md': ['# Failure causes', '## Reading a pull error'],
  'docs/json-output.md': ['# JSON output (--format json)', '## Stability promise', '## Finding', '## Summary', '## Example'],
  'docs/image-sites.md': ['# Image sites: where pullguard finds images', '## Listed kinds', '## Kinds the table does not list', '### The fallback'],
  'docs/development/control-plane.md': ['# The test suite\'s control plane'],
  'docs/development/kube-client.md': ['# The Kubernetes client: why a thin one on node:https', '## The choice, on measured facts', '## Figures: node bench/kube-client.mjs'],
  'docs/snapshot.md': ['# pullguard snapshot and --snapshot FILE', '## What it holds', '## Reading a snapshot back: --snapshot FILE', '## The kubeconfig'],
  'docs/build-tools.md': ['# Build tools: kustomize, Skaffold, Tilt and ko', '## Where pullguard looks', '## kustomize images', '## Skaffold, Tilt and ko', '### Limits'],
  'docs/check-cluster.md': ['# pullguard check against a cluster (the preflight)', '## When check reads a cluster', '## What it reads', '## Facts that could not be read', '## Local clusters', '## Output', '## Detection'],
  'docs/render.md': ['# pullguard render: one set of manifests for every target', '## Flags', '## Exit codes', '## What render changes', '### Pull policy', '## What render leaves alone', '## Replacing the incident\'s scripts'],
  'docs/classify.md': ['# pullguard classify', '## Input', '## How a message is read', '## Output', '## Accuracy', '## Library'],
  'docs/deploy.md': ['# pullguard deploy', '## What it does, in order', '## Pull failures and the fail-fast policy', '## --rollback', '## Exit codes', '## Library'],
  'docs/diagnose.md': ['# pullguard diagnose', '## What it reads', '## Text output', '## --verify', '## JSON output (-o json)', '## Limits'],
  'docs/report.md': ['# pullguard report', '## Sections', '## Formats', '## Example'],
  'docs/detect.md': ['# pullguard detect: what cluster is this, and can it see my images?', '## Output', '## JSON output', '## What it reads', '## How it decides', '## Image delivery', '## When the evidence is not enough', '## Limits'],
  'docs/openshift.md': ['# OpenShift templates and image triggers', '## Templates', '### Parameters', '## Image triggers', '## Limits', '## Sources'],
};
const RULE_PAGE_HEADINGS = ['## What it reports', '## What it does not report', '## Examples', '### Reported', '### Not reported', '## How to fix it', '## Turning it off', '## Sources'];
const CAUSE_PAGE_HEADINGS = ['## What you see', '## Related', '## Sources'];

describe('structure(): the checks themselves', () => {
  it('finds a fence closed by a line with more text on it as unclosed (the README bug)', () => {
    const broken = '# a\n\n```console\n$ pullguard check\n``` `pullguard explain RULE` prints the\npage.\n\n## Install\n\n```sh\nnpm ci\n```\n';
    assert.deepEqual(structure(broken), { headings: ['# a'], unclosedFences: [], fences: 1 });
    assert.deepEqual(sourceHeadings(broken), ['# a', '## Install']);
    assert.deepEqual(structure('# a\n\n```sh\nnpm ci\n\n## Install\n').unclosedFences, [3]);
    assert.deepEqual(structure('- item\n\n  ```sh\n  npm ci\n  ```\n').unclosedFences, []);
    assert.deepEqual(structure('````md\n```\n````\n').unclosedFences, []);
  });
});

describe('README.md', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const parsed = structure(readme);

  it('closes every code fence', () => {
    assert.deepEqual(parsed.unclosedFences, []);
    assert.ok(parsed.fences >= 10, `only ${parsed.fences} fenced blocks found`);
  });

  it('has exactly the expected headings, in order', () => {
    assert.deepEqual(parsed.headings, README_HEADINGS);
  });
});

describe('docs pages', () => {
  for (const file of markdownFiles(DOCS_DIR)) {
    const path = relative(REPO_ROOT, file).split('\\').join('/');
    it(`${path}: every fence closed, every heading of the source a heading`, () => {
      const markdown = readFileSync(file, 'utf8');
      const parsed = structure(markdown);
      assert.deepEqual(parsed.unclosedFences, []);
      assert.deepEqual(parsed.headings, sourceHeadings(markdown));
      const required =
        REQUIRED_HEADINGS[path] ??
        (/^docs\/rules\/[a-z0-9-]+\.md$/.test(path) ? [`# ${path.slice(11, -3)}`, ...RULE_PAGE_HEADINGS] : /^docs\/causes\/[a-z0-9-]+\.md$/.test(path) ? [`# ${path.slice(12, -3)}`, ...CAUSE_PAGE_HEADINGS] : []);
      for (const heading of required) assert.ok(parsed.headings.includes(heading), `${path} lacks the heading "${heading}"`);
      assert.ok(required.length > 0, `${path}: list the headings this page must have in REQUIRED_HEADINGS`);
    });
  }
});
