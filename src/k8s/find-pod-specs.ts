import type { JsonPath } from '../manifests/model.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import type { ContainerGroup, ContainerSite, PodSpecSite, SiteOrigin } from './types.js';

const CONTAINER_GROUPS: readonly ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

/** Pod specs sit at most a few levels deep (CronJob: 5); CRDs nest them deeper, never this deep. */
const MAX_DEPTH = 40;

/**
 * Every PodSpec inside an object, found by shape rather than by kind: an object whose
 * `containers` (or, when it has none, `initContainers`) is an array of objects with a `name` or an
 * `image` is a PodSpec. That covers
 * Pods, every built-in workload (Deployment ... CronJob, PodTemplate) and any custom resource
 * holding a pod template (Argo Rollouts, Knative Services, OpenShift DeploymentConfigs, KEDA
 * ScaledJobs, Argo Workflows container sets, training operators...). The walk does not descend
 * into a PodSpec it found, nor into `metadata`, and stops at a bounded depth.
 */
export function findPodSpecs(value: Record<string, unknown>): PodSpecSite[] {
  const sites: PodSpecSite[] = [];
  walk(value, [], undefined, 0, sites);
  return sites;
}

// `path` is one stack shared by the whole walk (copied only for a PodSpec found): a new array per
// visited node was most of the walk's cost.
function walk(node: unknown, path: (string | number)[], parent: Record<string, unknown> | undefined, depth: number, sites: PodSpecSite[]): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const item = node[i];
      if (typeof item !== 'object' || item === null) continue;
      path.push(i);
      walk(item, path, undefined, depth + 1, sites);
      path.pop();
    }
    return;
  }
  if (!isPlainObject(node)) return;
  if (isPodSpec(node)) {
    sites.push(podSpecSite(node, path.slice(), parent));
    return;
  }
  // for-in rather than Object.keys: no key array per visited node (the reader's values are plain
  // objects, with nothing enumerable inherited).
  for (const key in node) {
    if (key === 'metadata' || !Object.hasOwn(node, key)) continue;
    const child = node[key];
    if (typeof child !== 'object' || child === null) continue;
    path.push(key);
    walk(child, path, node, depth + 1, sites);
    path.pop();
  }
}

function isPodSpec(node: Record<string, unknown>): boolean {
  const containers = node['containers'];
  // A pod template whose only containers are init containers is still one (the API server refuses
  // it, but its images are as real as any).
  if (containers === undefined || (Array.isArray(containers) && containers.length === 0)) return isContainerList(node['initContainers']);
  return isContainerList(containers);
}

function isContainerList(list: unknown): boolean {
  if (!Array.isArray(list) || list.length === 0) return false;
  return list.every((c) => isPlainObject(c) && ('name' in c || 'image' in c));
}

/** The containers of the PodSpec `spec` at `path`; `parent` holds it (a pod template has metadata beside it). */
export function podSpecSite(spec: Record<string, unknown>, path: JsonPath, parent: Record<string, unknown> | undefined, origin: SiteOrigin = 'shape'): PodSpecSite {
  const site: PodSpecSite = { path, spec, pullSecretsKnown: true, containers: [] };
  // The holder of the spec is a pod template (or the Pod itself) when it has metadata beside it.
  if (parent !== undefined && parent['spec'] === spec && isPlainObject(parent['metadata'])) site.metadata = parent['metadata'];
  for (const group of CONTAINER_GROUPS) {
    const list = spec[group];
    if (!Array.isArray(list)) continue;
    list.forEach((container, index) => {
      if (!isPlainObject(container)) return;
      const name = container['name'];
      const image = container['image'];
      const containerSite: ContainerSite = {
        group,
        index,
        name: typeof name === 'string' ? name : '',
        container,
        path: [...path, group, index],
        origin,
      };
      if (typeof image === 'string') containerSite.image = image;
      site.containers.push(containerSite);
    });
  }
  return site;
}
