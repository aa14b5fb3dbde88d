// Probe P2 (detection.md §4): the API groups the server serves. OpenShift's groups are identity and
// must beat the signals of the cloud underneath (§1b OpenShift); `vpcresources.k8s.aws` and
// `networking.gke.io` are installed by EKS and GKE (§1b "other" column).
import type { ClusterFact } from '../facts/cluster-reader.js';
import { identity, strong, unreadable, type Evidence } from './evidence.js';

const OPENSHIFT_GROUPS = ['config.openshift.io', 'route.openshift.io', 'project.openshift.io', 'apps.openshift.io'];

export function probeApiGroups(fact: ClusterFact<string[]>): Evidence[] {
  if (!('value' in fact)) return [unreadable('api-groups', 'API groups', fact.unknown)];
  const groups = new Set(fact.value);
  const out: Evidence[] = [];
  const openshift = OPENSHIFT_GROUPS.filter((group) => groups.has(group));
  if (openshift.length > 0) out.push(identity('api-groups', 'API groups', openshift.join(', '), 'openshift'));
  // Installable elsewhere (the VPC resource controller, GKE's CRDs on a copy): strong, not identity.
  if (groups.has('vpcresources.k8s.aws')) out.push(strong('api-groups', 'API groups', 'vpcresources.k8s.aws (EKS VPC resource controller)', 'eks', { platform: 'aws' }));
  if (groups.has('networking.gke.io')) out.push(strong('api-groups', 'API groups', 'networking.gke.io (GKE networking)', 'gke', { platform: 'gcp' }));
  return out;
}
