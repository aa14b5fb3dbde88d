// detect's two outputs: the JSON object against its documentation (docs/detect.md "JSON output"
// lists every field the fixtures make it print, and nothing else), and the text lines.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { applyAnswer, detectCluster } from '../../../src/detect/detect-cluster.js';
import { describeEvidence, detectionToJson } from '../../../src/detect/detection-output.js';
import type { ClusterSnapshot } from '../../../src/facts/cluster-snapshot.js';
import { snapshotReader } from '../../../src/facts/snapshot-reader.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const fixtures = join(root, 'test/fixtures/clusters');

/** Property paths as the docs write them: `imageDelivery.command`, `evidence[].rulesOut`. */
function paths(value: unknown, prefix: string, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) paths(item, `${prefix}[]`, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    out.add(path);
    paths(child, path, out);
  }
}

describe('detect -o json and docs/detect.md', () => {
  it('documents every field the fixtures print, and no other', async () => {
    const printed = new Set<string>();
    for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.json'))) {
      const snapshot = JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as ClusterSnapshot;
      const { detection, facts } = await detectCluster(snapshotReader(snapshot, file));
      paths(detectionToJson(detection), '', printed);
      paths(detectionToJson(applyAnswer(detection, facts, { location: 'local' }, 'answer', 'the prompt')), '', printed);
    }
    const doc = readFileSync(join(root, 'docs/detect.md'), 'utf8');
    const section = doc.slice(doc.indexOf('\n## JSON output\n'), doc.indexOf('\n## What it reads\n'));
    const documented = new Set([...section.matchAll(/^\| `([A-Za-z[\].]+)` \|/gm)].map((match) => match[1]!));
    assert.deepEqual([...printed].filter((path) => !documented.has(path)).sort(), [], 'printed but not documented');
    // hostFromClusterNetwork is the KEP's optional field; no fixture advertises it.
    assert.deepEqual([...documented].filter((path) => !printed.has(path)).sort(), ['imageDelivery.hostFromClusterNetwork', 'imageDelivery.hostFromContainerRuntime']);
  });
});

describe('describeEvidence', () => {
  it('says what each kind of evidence speaks for', () => {
    assert.equal(
      describeEvidence({ source: 'nodes', key: 'providerID', value: 'kind://docker/dev/dev-control-plane', supports: 'kind', weight: 6, kind: 'identity' }),
      'nodes providerID: kind://docker/dev/dev-control-plane → kind (identity, +6)',
    );
    assert.equal(
      describeEvidence({ source: 'version', key: 'gitVersion', value: 'v1.28.3-eks-1-28-11', supports: null, weight: 0, kind: 'veto', rulesOut: ['eks'] }),
      'version gitVersion: v1.28.3-eks-1-28-11 → rules out eks (veto)',
    );
    assert.equal(
      describeEvidence({ source: 'kubeconfig', key: 'exec plugin', value: 'doctl', supports: 'doks', weight: 6, kind: 'veto', rulesOut: ['local'] }),
      'kubeconfig exec plugin: doctl → doks (veto, +6, rules out local)',
    );
    assert.equal(
      describeEvidence({ source: 'nodes', key: 'nodes', value: 'unknown (forbidden: list nodes)', supports: null, weight: 0, kind: 'hint', unknown: 'forbidden: list nodes' }),
      'nodes nodes: unknown (forbidden: list nodes) → no evidence',
    );
  });
});
