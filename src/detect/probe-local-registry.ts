// Probe P4 (detection.md §4): the KEP-1755 ConfigMap kube-public/local-registry-hosting, written by
// kind's and k3d's registry set-ups and by ctlptl (§2 ctlptl). It advertises where a developer
// pushes images for this cluster; it is a dev hint, not an identity, and a 403 means "no registry
// known" as in Tilt (§1c), recorded as a gap.
import type { ConfigMap } from 'kubernetes-types/core/v1.js';
import { parse } from 'yaml';
import type { ClusterFact } from '../facts/cluster-reader.js';
import { hint, unreadable, type Evidence } from './evidence.js';

/** The fields of `localRegistryHosting.v1` (KEP-1755). */
export interface LocalRegistryHosting {
  host?: string;
  hostFromContainerRuntime?: string;
  hostFromClusterNetwork?: string;
  help?: string;
}

/** The advertised registry, or undefined when the ConfigMap is absent or holds no usable v1 entry. */
export function readLocalRegistryHosting(configMap: ConfigMap | null): LocalRegistryHosting | undefined {
  const text = configMap?.data?.['localRegistryHosting.v1'];
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object') return undefined;
  const out: LocalRegistryHosting = {};
  for (const key of ['host', 'hostFromContainerRuntime', 'hostFromClusterNetwork', 'help'] as const) {
    const value = (parsed as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out.host === undefined && out.hostFromContainerRuntime === undefined ? undefined : out;
}

export function probeLocalRegistry(fact: ClusterFact<ConfigMap | null>): Evidence[] {
  if (!('value' in fact)) return [unreadable('local-registry-hosting', 'kube-public/local-registry-hosting', fact.unknown)];
  const hosting = readLocalRegistryHosting(fact.value);
  if (hosting === undefined) return [];
  return [hint('local-registry-hosting', 'kube-public/local-registry-hosting', `host ${hosting.host ?? hosting.hostFromContainerRuntime}`, 'local')];
}
