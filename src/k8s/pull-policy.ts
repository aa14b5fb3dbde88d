// The pull policy the API server will store for a container: the written one, or the default that
// `SetDefaults_Container` (k8s pkg/apis/core/v1/defaults.go) picks from the image's tag.
import type { ContainerInfo, ContainerSite } from './types.js';
import type { ImageReference } from '../images/types.js';
import type { JsonPath } from '../manifests/model.js';

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';
const POLICIES: readonly string[] = ['Always', 'IfNotPresent', 'Never'];

export interface EffectivePullPolicy {
  policy: PullPolicy;
  /** Whether `imagePullPolicy` was written (false: defaulted). */
  explicit: boolean;
}

/** Where the site's pull policy is written and what is written there; undefined when its kind has no pull-policy field. */
export function pullPolicyOf(site: ContainerSite): { path: JsonPath; value: unknown } | undefined {
  if (site.pullPolicyAt === null) return undefined;
  if (site.pullPolicyAt === undefined) return { path: [...site.path, 'imagePullPolicy'], value: site.container['imagePullPolicy'] };
  return { path: site.pullPolicyAt, value: site.pullPolicyValue };
}

/** The written pull policy of a site, without building its path. */
export function writtenPolicy(site: ContainerSite): unknown {
  if (site.pullPolicyAt === null) return undefined;
  return site.pullPolicyAt === undefined ? site.container['imagePullPolicy'] : site.pullPolicyValue;
}

/**
 * The defaulting rule: no policy written → `Always` when the tag is `latest` (also when neither tag nor
 * digest is written, as kubelet's parser then assumes `latest`), else `IfNotPresent`. An invalid
 * policy value (the API server rejects it) is treated as absent.
 */
export function effectivePullPolicy(container: ContainerInfo, reference: ImageReference | undefined): EffectivePullPolicy {
  const written = writtenPolicy(container);
  if (typeof written === 'string' && POLICIES.includes(written)) return { policy: written as PullPolicy, explicit: true };
  const tag = reference === undefined ? undefined : reference.explicitTag ? reference.tag : reference.digest === undefined ? 'latest' : undefined;
  return { policy: tag === 'latest' ? 'Always' : 'IfNotPresent', explicit: false };
}

/** What the policy does with a moving tag, phrased to follow a colon. */
export function describeMovingTagPolicy({ policy, explicit }: EffectivePullPolicy): string {
  switch (policy) {
    case 'Always':
      return explicit
        ? 'with imagePullPolicy: Always every pod start pulls it again, so pods started at different times can run different images'
        : 'the default pull policy for :latest is Always, so every pod start pulls it again and pods started at different times can run different images';
    case 'IfNotPresent':
      return 'with imagePullPolicy: IfNotPresent each node keeps the copy it pulled first, so nodes run different, stale images and new pushes are never picked up';
    case 'Never':
      return 'with imagePullPolicy: Never each node runs whatever copy it already has, if any';
  }
}
