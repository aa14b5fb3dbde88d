// `pullguard detect`'s two outputs: text (the answer, how images reach the nodes, then one line per
// piece of evidence) and JSON (schemaVersion 1, docs/json-output.md "pullguard detect").
import { DISPLAY_NAMES, MANAGED_SERVICE } from './cluster-type.js';
import type { Detection } from './detect-cluster.js';
import type { Evidence } from './evidence.js';
import type { DetectedImageDelivery } from './image-delivery.js';
import { targetForCluster } from './target-for-cluster.js';

export const DETECT_SCHEMA_VERSION = 1;

export interface DetectionJson {
  schemaVersion: typeof DETECT_SCHEMA_VERSION;
  context: string;
  type: Detection['type'];
  local: boolean;
  confidence: Detection['confidence'];
  /** Absent when no evidence names the infrastructure (docs/json-output.md: optional fields are never null). */
  runsOn?: string;
  target: string;
  imageDelivery: DetectedImageDelivery;
  evidence: Evidence[];
}

export function detectionToJson(detection: Detection): DetectionJson {
  return {
    schemaVersion: DETECT_SCHEMA_VERSION,
    context: detection.context,
    type: detection.type,
    local: detection.local,
    confidence: detection.confidence,
    ...(detection.runsOn === undefined ? {} : { runsOn: detection.runsOn }),
    target: targetForCluster(detection).id,
    imageDelivery: detection.imageDelivery,
    evidence: detection.evidence,
  };
}

export function detectionToText(detection: Detection): string {
  // "Amazon EKS on aws" says nothing; "OpenShift on aws" and "K3s on hetzner" do.
  const said = detection.runsOn === undefined || MANAGED_SERVICE[detection.runsOn] === detection.type || detection.type === 'hetzner';
  const on = said ? '' : ` on ${detection.runsOn}`;
  const lines = [
    `${detection.type}: ${DISPLAY_NAMES[detection.type]}${on}, ${detection.local ? 'local' : 'remote'} (${detection.confidence} confidence) — context ${detection.context}`,
    `images: ${describeDelivery(detection.imageDelivery)}`,
    `target: ${targetForCluster(detection).id}`,
  ];
  if (detection.confidence === 'low') {
    lines.push(
      'unsure: the evidence holds only hints, so the answer is "remote" (the safe side). ' +
        `Say what it is with --cluster-type TYPE, or with clusters: {"${detection.context}": {location: local}} in .pullguard.yaml.`,
    );
  }
  lines.push(`evidence (${detection.evidence.length}):`);
  for (const item of detection.evidence) lines.push(`  ${describeEvidence(item)}`);
  return `${lines.join('\n')}\n`;
}

export function describeDelivery(delivery: DetectedImageDelivery): string {
  switch (delivery.method) {
    case 'shared-daemon':
      return `shared-daemon: the nodes use the images docker builds here, ${delivery.note}`;
    case 'loadable':
      return `loadable: copy each local image onto the nodes with \`${delivery.command}\``;
    case 'local-registry':
      return `local-registry: push local images to ${delivery.host} (advertised in kube-public/local-registry-hosting)`;
    case 'registry-required':
      return 'registry-required: the nodes never see images built here; push them to a registry the nodes can pull from';
  }
}

/** `nodes providerID: kind://docker/dev/dev-control-plane → kind (identity, +6)`. */
export function describeEvidence(item: Evidence): string {
  const what = `${item.source} ${item.key}: ${item.value}`;
  if (item.unknown !== undefined) return `${what} → no evidence`;
  const parts: string[] = [item.kind];
  if (item.weight !== 0) parts.push(`+${item.weight}`);
  const rulesOut = item.rulesOut !== undefined && item.rulesOut.length > 0 ? `rules out ${item.rulesOut.join(', ')}` : undefined;
  if (item.supports === null) return `${what} → ${rulesOut ?? 'nothing'} (${parts.join(', ')})`;
  if (rulesOut !== undefined) parts.push(rulesOut);
  return `${what} → ${item.supports} (${parts.join(', ')})`;
}
