// `deploy --load` copies onto the nodes only what they do not hold yet: an image every node already
// lists in status.images (under any of its names) needs no load. When the nodes cannot be read, or
// their lists cannot be trusted (kubelet reports at most 50 images per node), everything is loaded.
import type { ClusterReader } from '../facts/cluster-reader.js';
import { isKnownClusterFact } from '../facts/cluster-reader.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import { NODE_STATUS_MAX_IMAGES } from './node-facts.js';

export async function imagesTheNodesLack(reader: ClusterReader, images: readonly string[]): Promise<string[]> {
  const nodes = await reader.nodes();
  if (!isKnownClusterFact(nodes) || nodes.value.length === 0) return [...images];
  const perNode = nodes.value.map((node) => {
    const listed = node.status?.images ?? [];
    if (listed.length >= NODE_STATUS_MAX_IMAGES) return undefined;
    return new Set(listed.flatMap((image) => (image.names ?? []).map(normalised)));
  });
  return images.filter((image) => perNode.some((names) => names === undefined || !names.has(normalised(image))));
}

function normalised(name: string): string {
  const parsed = parseImageReference(name);
  return parsed.ok ? parsed.reference.normalized : name;
}
