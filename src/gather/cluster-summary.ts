// The report's `cluster` section (core/types.ts ClusterSummary): what check read from the cluster
// and what it could not, as plain JSON. Pure.
import type { ClusterSummary } from '../core/types.js';
import type { TargetProfile } from '../detect/target-profile.js';
import type { ClusterFacts } from '../facts/cluster-facts.js';
import type { ClusterProfile } from './profile-for-cluster.js';

export function clusterSummary(facts: ClusterFacts, target: TargetProfile, profile: ClusterProfile, typeFrom: ClusterSummary['typeFrom']): ClusterSummary {
  const namespaces: ClusterSummary['namespaces'] = [...facts.namespaces.entries()].map(([name, fact]) => {
    if (!('value' in fact)) return { name, status: 'unknown', reason: fact.unknown };
    const { phase, pods } = fact.value;
    if (phase === undefined) return { name, status: 'missing' };
    return { name, status: phase === 'Terminating' ? 'terminating' : 'active', ...(pods !== undefined && 'value' in pods ? { pods: pods.value.count } : {}) };
  });
  const nodes = facts.nodes;
  return {
    source: facts.source,
    context: facts.contextName,
    type: target.id,
    local: target.location === 'local',
    ...(facts.clusterName === undefined ? {} : { clusterName: facts.clusterName }),
    typeFrom,
    evidence: typeFrom === 'detected' ? profile.evidence : [`--target ${target.id}`],
    ...('value' in nodes ? { nodes: { count: nodes.value.count, platforms: nodes.value.platforms.map((p) => `${p.os}/${p.architecture}${p.variant === undefined ? '' : `/${p.variant}`}`) } } : {}),
    namespaces,
    unknown: facts.unknown,
  };
}
