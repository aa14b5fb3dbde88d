// `pullguard detect` without its I/O: read the facts through a ClusterReader (live or snapshot),
// turn each into evidence, score it, and say how local images reach the nodes. The probes run in
// detection.md §4's order, cheapest first (the kubeconfig costs nothing; the API reads go out
// together, so the answer costs one round trip), and the evidence is listed in that order.
import type { ClusterReader } from '../facts/cluster-reader.js';
import { DISPLAY_NAMES, LOCALITY, type ClusterType, type Platform } from './cluster-type.js';
import type { Evidence, EvidenceSource } from './evidence.js';
import { imageDelivery, type DetectedImageDelivery } from './image-delivery.js';
import { probeApiGroups } from './probe-api-groups.js';
import { isLoopbackHost, probeKubeconfig, serverAddress } from './probe-kubeconfig.js';
import { probeLocalRegistry, readLocalRegistryHosting, type LocalRegistryHosting } from './probe-local-registry.js';
import { probeNodes } from './probe-nodes.js';
import { probeVersion } from './probe-version.js';
import { scoreEvidence, type Confidence, type Verdict } from './score-evidence.js';
import type { Node } from 'kubernetes-types/core/v1.js';
import type { ClusterContext } from '../facts/cluster-snapshot.js';

export interface Detection {
  /** The kubeconfig context the facts belong to. */
  context: string;
  type: ClusterType;
  /** Whether the nodes run on this machine. */
  local: boolean;
  confidence: Confidence;
  runsOn?: Platform;
  evidence: Evidence[];
  imageDelivery: DetectedImageDelivery;
  /** The best-supported type behind an `unknown-remote` verdict; what a "local" answer keeps. */
  likely?: ClusterType;
}

/** What the user said instead of (or on top of) the evidence. */
export type ClusterAnswer = { type: ClusterType } | { location: 'local' | 'remote' };

/** The facts the verdict and the image delivery are computed from, kept so that an answer can re-derive both. */
export interface DetectionFacts {
  context: ClusterContext;
  nodes: Node[];
  registry: LocalRegistryHosting | undefined;
}

export async function detectCluster(reader: ClusterReader): Promise<{ detection: Detection; facts: DetectionFacts }> {
  const kubeconfig = probeKubeconfig(reader.context);
  const [version, apiGroups, nodes, registryMap] = await Promise.all([reader.version(), reader.apiGroups(), reader.nodes(), reader.localRegistryHosting()]);
  const evidence = [...kubeconfig, ...probeVersion(version), ...probeApiGroups(apiGroups), ...probeNodes(nodes), ...probeLocalRegistry(registryMap)];
  const facts: DetectionFacts = {
    context: reader.context,
    nodes: 'value' in nodes ? nodes.value : [],
    registry: 'value' in registryMap ? readLocalRegistryHosting(registryMap.value) : undefined,
  };
  const verdict = scoreEvidence(evidence, { serverOnThisMachine: serverOnThisMachine(reader.context.cluster.server) });
  return { detection: withDelivery(verdict, evidence, facts), facts };
}

/** A loopback server, Docker Desktop's name for this machine, or OpenShift Local's (detection.md §1a). */
export function serverOnThisMachine(server: string): boolean {
  const host = serverAddress(server)?.host;
  return host !== undefined && (isLoopbackHost(host) || host === 'kubernetes.docker.internal' || host === 'api.crc.testing');
}

function withDelivery(verdict: Verdict, evidence: Evidence[], facts: DetectionFacts): Detection {
  return {
    context: facts.context.name,
    type: verdict.type,
    local: verdict.local,
    confidence: verdict.confidence,
    ...(verdict.runsOn === undefined ? {} : { runsOn: verdict.runsOn }),
    evidence,
    imageDelivery: imageDelivery({ type: verdict.type, local: verdict.local, context: facts.context, nodes: facts.nodes, registry: facts.registry }),
    ...(verdict.likely === undefined ? {} : { likely: verdict.likely }),
  };
}

/**
 * The user's word wins over the evidence (`--cluster-type`, a saved answer in .pullguard.yaml, the
 * prompt's answer); it is listed as evidence of its own so that the output says where the answer
 * came from. A type keeps its own locality (a "server" distribution is local when its API server is
 * on this machine); "local" keeps the likely type when that type can be local.
 */
export function applyAnswer(detection: Detection, facts: DetectionFacts, answer: ClusterAnswer, source: Extract<EvidenceSource, 'flag' | 'config' | 'answer'>, key: string): Detection {
  let type: ClusterType;
  let local: boolean;
  let value: string;
  if ('type' in answer) {
    type = answer.type;
    const locality = LOCALITY[type];
    local = locality === 'local' || (locality === 'server' && serverOnThisMachine(facts.context.cluster.server));
    value = type;
  } else {
    const likely = detection.likely ?? detection.type;
    local = answer.location === 'local';
    value = answer.location;
    if (local) type = LOCALITY[likely] === 'remote' ? 'unknown-local' : likely;
    else type = LOCALITY[detection.type] === 'local' ? (LOCALITY[likely] === 'local' ? 'unknown-remote' : likely) : detection.type;
  }
  const said: Evidence = { source, key, value, supports: 'type' in answer ? answer.type : answer.location, weight: 0, kind: 'identity' };
  const verdict: Verdict = { type, local, confidence: 'high', ...(detection.runsOn === undefined ? {} : { runsOn: detection.runsOn }) };
  const { likely: _likely, ...rest } = withDelivery(verdict, [said, ...detection.evidence], facts);
  return rest;
}

/** `kind (local, high confidence)`, for messages. */
export function describeDetection(detection: Pick<Detection, 'type' | 'local' | 'confidence' | 'runsOn'>): string {
  const on = detection.runsOn === undefined ? '' : ` on ${detection.runsOn}`;
  return `${DISPLAY_NAMES[detection.type]}${on} (${detection.local ? 'local' : 'remote'}, ${detection.confidence} confidence)`;
}
