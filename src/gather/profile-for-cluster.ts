// Which target profile `check` lints for when it reads a cluster and no --target is given: the
// cluster detection of src/detect/ (evidence, scoring, image delivery; `pullguard detect` shows the
// same answer), as the few things check needs. A low-confidence answer is "remote"
// (targetForCluster), because a false "local" is the mistake pullguard exists to prevent.
import { detectCluster, type Detection, type DetectionFacts } from '../detect/detect-cluster.js';
import { describeEvidence } from '../detect/detection-output.js';
import { clusterName } from '../detect/image-delivery.js';
import { targetForCluster } from '../detect/target-for-cluster.js';
import type { TargetProfile } from '../detect/target-profile.js';
import type { ClusterReader } from '../facts/cluster-reader.js';

export interface ClusterProfile {
  target: TargetProfile;
  /** The name the cluster's tool knows it by (kind cluster, minikube profile, k3d cluster), for load commands. */
  clusterName?: string;
  /**
   * The exact load command for this cluster with `IMAGE` for the image (detection's
   * `imageDelivery.command` when it is `loadable`); preferred over the profile's command + clusterName.
   */
  loadCommand?: string;
  /** What decided it, one line each (`nodes providerID: kind://docker/dev/dev-control-plane → kind (identity, +6)`). */
  evidence: string[];
}

export function profileFromDetection(detection: Detection, facts: DetectionFacts): ClusterProfile {
  const target = targetForCluster(detection);
  const name = target.location === 'local' ? clusterName(detection.type, facts.context, facts.nodes) : undefined;
  const delivery = detection.imageDelivery;
  return {
    target,
    ...(name === undefined ? {} : { clusterName: name }),
    ...(delivery.method === 'loadable' && target.location === 'local' ? { loadCommand: delivery.command } : {}),
    evidence: [`${detection.type}, ${detection.local ? 'local' : 'remote'}, ${detection.confidence} confidence`, ...detection.evidence.map(describeEvidence)],
  };
}

export async function profileForCluster(reader: ClusterReader): Promise<ClusterProfile> {
  const { detection, facts } = await detectCluster(reader);
  return profileFromDetection(detection, facts);
}
