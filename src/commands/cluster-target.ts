// The target profile of a command that reads a cluster: --target (or .pullguard.yaml's target) when
// given, else what detection makes of the cluster itself — the same answer `pullguard detect`
// prints, remote when unsure.
import { resolveTarget } from '../detect/resolve-target.js';
import type { TargetProfile } from '../detect/target-profile.js';
import type { ClusterReader } from '../facts/cluster-reader.js';
import { profileForCluster } from '../gather/profile-for-cluster.js';

export async function clusterTarget(reader: ClusterReader, fromFlag?: string, fromConfig?: string): Promise<TargetProfile> {
  if (fromFlag !== undefined || fromConfig !== undefined) return resolveTarget(fromFlag, fromConfig);
  return (await profileForCluster(reader)).target;
}
