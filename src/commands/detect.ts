// `pullguard detect`: what cluster the context points at, whether it is local, and how images built
// here reach its nodes, from evidence (src/detect/). Overrides, strongest first: `--cluster-type`,
// then the context's entry in `.pullguard.yaml` (`clusters.CONTEXT.type`, then `.location`). A
// low-confidence answer with no override is marked `unsure`, for the CLI to ask about on a terminal.
import type { ClusterType } from '../detect/cluster-type.js';
import { applyAnswer, detectCluster, type Detection, type DetectionFacts } from '../detect/detect-cluster.js';
import type { PullguardConfig } from '../core/pullguard-config.js';
import type { ClusterReader } from '../facts/cluster-reader.js';

export interface DetectOptions {
  reader: ClusterReader;
  /** `--cluster-type`. */
  clusterType?: ClusterType;
  config?: Pick<PullguardConfig, 'clusters' | 'file'>;
}

export interface DetectResult {
  detection: Detection;
  /** What the verdict was computed from, for `answer()`. */
  facts: DetectionFacts;
  /** Low confidence and nobody said otherwise: worth asking the user on a terminal. */
  unsure: boolean;
}

export async function detect(options: DetectOptions): Promise<DetectResult> {
  const { detection, facts } = await detectCluster(options.reader);
  if (options.clusterType !== undefined) {
    return { detection: applyAnswer(detection, facts, { type: options.clusterType }, 'flag', '--cluster-type'), facts, unsure: false };
  }
  const saved = options.config?.clusters?.[detection.context];
  const key = `clusters.${JSON.stringify(detection.context)}`;
  if (saved?.type !== undefined) {
    return { detection: applyAnswer(detection, facts, { type: saved.type }, 'config', `${key}.type in ${options.config?.file ?? '.pullguard.yaml'}`), facts, unsure: false };
  }
  if (saved?.location !== undefined) {
    return { detection: applyAnswer(detection, facts, { location: saved.location }, 'config', `${key}.location in ${options.config?.file ?? '.pullguard.yaml'}`), facts, unsure: false };
  }
  return { detection, facts, unsure: detection.confidence === 'low' };
}

/** The user's answer to the prompt, as the detection it makes. */
export function answer(result: DetectResult, location: 'local' | 'remote'): Detection {
  return applyAnswer(result.detection, result.facts, { location }, 'answer', 'the prompt');
}
