// What `check` needs from the nodes: their platforms (status.nodeInfo), which feed the registry's
// platform check, and the images they hold (status.images), which say whether an image that is never
// pulled is there. Pure.
import type { Node } from 'kubernetes-types/core/v1.js';
import type { NodeFacts } from '../facts/cluster-facts.js';
import type { Platform } from '../facts/registry-gateway.js';
import { parseImageReference } from '../images/parse-image-reference.js';

/** kubelet's default --node-status-max-images: a node listing this many may hold more. */
export const NODE_STATUS_MAX_IMAGES = 50;

/** The names nodes report, plus their normalised forms (`docker.io/library/myapp:dev` for `myapp:dev`), each parsed once. */
function withNormalisedNames(names: ReadonlySet<string>): Set<string> {
  const all = new Set(names);
  for (const name of names) {
    const parsed = parseImageReference(name);
    if (parsed.ok) all.add(parsed.reference.normalized);
  }
  return all;
}

export function nodeFacts(nodes: readonly Node[]): NodeFacts {
  const platforms = new Map<string, Platform>();
  // Nodes of one cluster mostly hold the same images: collect the distinct names, then parse those.
  const reported = new Set<string>();
  let nodesWithoutImageList = 0;
  let nodesAtImageLimit = 0;
  for (const node of nodes) {
    const info = node.status?.nodeInfo;
    if (info?.operatingSystem && info.architecture) {
      platforms.set(`${info.operatingSystem}/${info.architecture}`, { os: info.operatingSystem, architecture: info.architecture });
    }
    const images = node.status?.images ?? [];
    if (images.length === 0) nodesWithoutImageList++;
    if (images.length >= NODE_STATUS_MAX_IMAGES) nodesAtImageLimit++;
    for (const image of images) for (const name of image.names ?? []) reported.add(name);
  }
  const sorted = [...platforms.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, platform]) => platform);
  return { count: nodes.length, platforms: sorted, imageNames: withNormalisedNames(reported), nodesWithoutImageList, nodesAtImageLimit };
}
