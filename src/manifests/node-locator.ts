import type { JsonPath } from '../manifests/model.js';

/** Where a node sits in the text: offsets into the whole file. */
export interface NodeLocation {
  /** Offset of the value node's content (after any anchor or tag). */
  value: number;
  /** Offset of the key, when the node is the value of a mapping entry. */
  key: number | undefined;
  /** False when the path does not exist and the location is that of its nearest existing ancestor. */
  exact: boolean;
}

/** Finds the text offsets of the node at a path relative to a document's root. */
export interface NodeLocator {
  locate(path: JsonPath): NodeLocation;
}

/** One node of a location tree: built by the `yaml` reader, where exactness beats compactness. */
export interface LocNode {
  /** Offset of the value. */
  v: number;
  /** Offset of the key, -1 when there is none. */
  k: number;
  map?: Map<string, LocNode>;
  seq?: LocNode[];
}

export class LocTreeLocator implements NodeLocator {
  readonly #root: LocNode;

  constructor(root: LocNode) {
    this.#root = root;
  }

  locate(path: JsonPath): NodeLocation {
    let node = this.#root;
    for (const segment of path) {
      const next = childOf(node, segment);
      if (next === undefined) return { value: node.v, key: node.k >= 0 ? node.k : undefined, exact: false };
      node = next;
    }
    return { value: node.v, key: node.k >= 0 ? node.k : undefined, exact: true };
  }
}

function childOf(node: LocNode, segment: string | number): LocNode | undefined {
  if (node.map !== undefined) return node.map.get(String(segment));
  if (node.seq !== undefined) {
    const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
    return index >= 0 ? node.seq[index] : undefined;
  }
  return undefined;
}
