// The baseline: the incident's `scripts/validate-deployment.sh`, re-implemented from its description
// (../shared/seed: "Detects cluster type (minikube, kind, docker-desktop, AKS, EKS, GKE)", "Automatic
// cluster detection from kubectl context", "Fallback detection from node names", "Interactive prompts
// for unknown cluster types"; issue 10: substrings of the context name, "ip-" in a node name). Run on
// the same fixtures as `detect`, so that the two accuracies can be compared.
import type { ClusterSnapshot } from '../../src/facts/cluster-snapshot.js';

export type IncidentGuess = 'minikube' | 'kind' | 'docker-desktop' | 'aks' | 'eks' | 'gke' | 'ask';

const BY_CONTEXT: readonly [string, IncidentGuess][] = [
  ['minikube', 'minikube'],
  ['kind', 'kind'],
  ['docker-desktop', 'docker-desktop'],
  ['docker-for-desktop', 'docker-desktop'],
  ['aks', 'aks'],
  ['eks', 'eks'],
  ['gke', 'gke'],
];

const BY_FIRST_NODE: readonly [string, IncidentGuess][] = [
  ['minikube', 'minikube'],
  ['kind', 'kind'],
  ['docker-desktop', 'docker-desktop'],
  ['aks-', 'aks'],
  ['ip-', 'eks'],
  ['gke-', 'gke'],
];

export function incidentGuess(snapshot: Pick<ClusterSnapshot, 'context' | 'nodes'>): IncidentGuess {
  const context = snapshot.context.name.toLowerCase();
  for (const [needle, guess] of BY_CONTEXT) if (context.includes(needle)) return guess;
  // "first node": whatever the list happens to return first (detection.md §1c).
  const first = snapshot.nodes[0]?.metadata?.name?.toLowerCase() ?? '';
  for (const [needle, guess] of BY_FIRST_NODE) if (first.includes(needle)) return guess;
  return 'ask';
}

export function incidentGuessIsLocal(guess: IncidentGuess): boolean {
  return guess === 'minikube' || guess === 'kind' || guess === 'docker-desktop';
}
