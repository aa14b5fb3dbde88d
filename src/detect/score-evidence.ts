// The verdict from the evidence, as detection.md §4 "Scoring" sets it out: log-odds summed per type,
// identity beats hints, layered products inherit their base's markers, vetoes rule classes out and
// cap "local", and when the evidence is thin the answer is "remote" (a false "local" is the mistake
// behind the incident: ErrImageNeverPull, or dev settings deployed to production).
import { BASE_TYPES, CLUSTER_TYPES, LOCALITY, MANAGED_SERVICE, runsOnAnyPlatform, type ClusterType, type Platform } from './cluster-type.js';
import { WEIGHT, type Evidence } from './evidence.js';

export type Confidence = 'high' | 'medium' | 'low';

export interface Verdict {
  type: ClusterType;
  local: boolean;
  confidence: Confidence;
  /** The infrastructure the nodes run on, when the evidence names it (`aws` under OpenShift, or a self-managed cluster). */
  runsOn?: Platform;
  /** The best-supported type even when the verdict fell back to `unknown-remote` (what a user's "local" answer keeps). */
  likely?: ClusterType;
}

/** Facts of the context that decide where a "server" distribution (k3s, RKE2, MicroK8s, OpenShift) runs. */
export interface ScoringContext {
  /** The API server is this machine's loopback address (or OpenShift Local's api.crc.testing). */
  serverOnThisMachine: boolean;
}

const SERVER_SOURCES = new Set(['version', 'api-groups', 'nodes', 'local-registry-hosting']);

export function scoreEvidence(evidence: readonly Evidence[], context: ScoringContext): Verdict {
  const excluded = new Set<ClusterType>(evidence.flatMap((item) => (item.kind === 'veto' ? (item.rulesOut ?? []).filter((x): x is ClusterType => x !== 'local') : [])));
  const scores = new Map<ClusterType, number>();
  for (const type of CLUSTER_TYPES) {
    if (excluded.has(type)) continue;
    const score = scoreOf(type, evidence);
    if (score > 0) scores.set(type, score);
  }
  const likely = pickWinner(scores, evidence);
  const runsOn = platformOf(evidence);
  if (likely === undefined) return { type: 'unknown-remote', local: false, confidence: 'low', ...(runsOn === undefined ? {} : { runsOn }) };

  let confidence = confidenceOf(likely, evidence);
  if (contradictions(likely, evidence, excluded).length > 0) confidence = lower(confidence);
  const locality = LOCALITY[likely];
  let local = locality === 'local' || (locality === 'server' && context.serverOnThisMachine);
  // A server distribution is local only because its API server answers on this machine's address,
  // and a loopback address may be a tunnel (detection.md §1c): the type may be certain, "local" is not.
  if (local && locality === 'server' && confidence === 'high') confidence = 'medium';
  if (local && evidence.some((item) => item.kind === 'veto' && item.rulesOut?.includes('local'))) {
    // detection.md §4: "Any veto caps 'local' at low."
    local = false;
    confidence = 'low';
  }
  const verdict: Verdict = { type: likely, local, confidence, likely, ...(runsOn === undefined ? {} : { runsOn }) };
  // "low = hints only → report unknown" (detection.md §4), and unknown means remote.
  if (confidence === 'low') return { ...verdict, type: 'unknown-remote', local: false };
  return verdict;
}

/** The evidence that counts for `type`: its own, its bases' (once it has its own), its cloud's infrastructure. */
export function countsFor(type: ClusterType, item: Evidence, ownEvidence: boolean): boolean {
  if (item.supports === type) return true;
  if (!ownEvidence) return false;
  if ((BASE_TYPES[type] ?? []).includes(item.supports as ClusterType)) return true;
  // `aws://` speaks for EKS only beside EKS' own markers (detection.md §0.5).
  return item.supports === 'unknown-remote' && item.platform !== undefined && MANAGED_SERVICE[item.platform] === type;
}

function scoreOf(type: ClusterType, evidence: readonly Evidence[]): number {
  const own = evidence.some((item) => item.supports === type && item.weight > 0);
  // unknown-remote also collects the "remote" hints (a public server address, public node addresses).
  return evidence.reduce((sum, item) => sum + (countsFor(type, item, own) || (type === 'unknown-remote' && item.supports === 'remote') ? item.weight : 0), 0);
}

function pickWinner(scores: ReadonlyMap<ClusterType, number>, evidence: readonly Evidence[]): ClusterType | undefined {
  // Layering: OpenShift's identity beats the cloud it runs on (detection.md §0.5, §1b OpenShift).
  if (scores.has('openshift') && evidence.some((item) => item.supports === 'openshift' && item.kind === 'identity')) return 'openshift';
  let best: ClusterType | undefined;
  for (const [type, score] of scores) {
    const bestScore = best === undefined ? -Infinity : scores.get(best)!;
    // A tie goes to the remote side: the safe answer (detection.md §4 "Principles").
    if (score > bestScore || (score === bestScore && best !== undefined && LOCALITY[best] !== 'remote' && LOCALITY[type] === 'remote')) best = type;
  }
  return best;
}

/**
 * detection.md §4: high = an identity item from the API server or the nodes, or two independent
 * identity items; medium = only strong or kubeconfig evidence; low = hints only.
 */
function confidenceOf(type: ClusterType, evidence: readonly Evidence[]): Confidence {
  const own = evidence.some((item) => item.supports === type && item.weight > 0);
  const counting = evidence.filter((item) => countsFor(type, item, own) || (type === 'unknown-remote' && item.supports === 'remote'));
  const identities = counting.filter((item) => item.weight >= WEIGHT.identity);
  if (identities.some((item) => SERVER_SOURCES.has(item.source))) return 'high';
  if (new Set(identities.map((item) => item.key)).size >= 2) return 'high';
  if (counting.some((item) => item.weight >= WEIGHT.strong)) return 'medium';
  return 'low';
}

/** Identity evidence for an unrelated type, or "remote" hints against a local product. */
export function contradictions(type: ClusterType, evidence: readonly Evidence[], excluded: ReadonlySet<ClusterType> = new Set()): Evidence[] {
  return evidence.filter((item) => {
    if (item.supports === null || item.supports === type) return false;
    if (item.supports === 'remote') return LOCALITY[type] === 'local';
    if (item.supports === 'local') return false;
    if (item.weight < WEIGHT.identity || excluded.has(item.supports)) return false;
    if (related(type, item.supports)) return false;
    if (item.platform !== undefined && (item.supports === 'unknown-remote' || item.supports === 'hetzner')) {
      // An infrastructure marker (hetzner has no managed service: its type is the infrastructure)
      // contradicts only a product that cannot run there.
      return !(runsOnAnyPlatform(type) || MANAGED_SERVICE[item.platform] === type || type === 'unknown-remote');
    }
    // OpenShift runs on the clouds: their managed-service markers (ROKS' IBM labels) do not contradict it.
    return !(type === 'openshift' && LOCALITY[item.supports] === 'remote');
  });
}

function related(a: ClusterType, b: ClusterType): boolean {
  return (BASE_TYPES[a] ?? []).includes(b) || (BASE_TYPES[b] ?? []).includes(a);
}

function lower(confidence: Confidence): Confidence {
  return confidence === 'high' ? 'medium' : 'low';
}

/** The infrastructure named by the heaviest evidence, providerIDs first. */
function platformOf(evidence: readonly Evidence[]): Platform | undefined {
  let best: Evidence | undefined;
  for (const item of evidence) {
    if (item.platform === undefined) continue;
    if (best === undefined || item.weight > best.weight || (item.weight === best.weight && item.key === 'providerID' && best.key !== 'providerID')) best = item;
  }
  return best?.platform;
}
