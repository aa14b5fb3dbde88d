import type { JsonPath } from '../manifests/model.js';
import type { NodeLocation, NodeLocator } from './node-locator.js';

/**
 * A compact record of where every node of a document sits, for the fast readers: three integers
 * per node in pre-order (value offset, key offset or -1, index of the node after its subtree)
 * plus, where needed, the key list of a mapping. No object per node, and nothing is computed
 * until a finding asks for a position.
 *
 * A reader that hands its value to build() may leave out the key lists of mappings whose keys
 * are unique and none an array index: such a mapping's own key order (Object.keys) is then its
 * source order. Everything the index keeps stays alive until the last rule ran, so a key list
 * per mapping was a large part of the garbage collector's work on big files.
 */
export class OffsetIndexBuilder {
  // One scratch buffer shared by all builders (they run one at a time): no growth per document,
  // and build() copies exactly the used part.
  static #scratch = new Int32Array(3 * 4096);
  #data = OffsetIndexBuilder.#scratch;
  #count = 0;
  #keys: Map<number, string[]> | undefined;

  /** Starts a node; returns its index. */
  open(valueOffset: number, keyOffset: number): number {
    const index = this.#count++;
    let data = this.#data;
    if (index * 3 + 3 > data.length) {
      const grown = new Int32Array(data.length * 2);
      grown.set(data);
      data = grown;
      this.#data = grown;
      OffsetIndexBuilder.#scratch = grown;
    }
    data[index * 3] = valueOffset;
    data[index * 3 + 1] = keyOffset;
    data[index * 3 + 2] = 0;
    return index;
  }

  /** Ends a node once all of its children are open-and-closed. */
  close(index: number): void {
    this.#data[index * 3 + 2] = this.#count;
  }

  setValueOffset(index: number, valueOffset: number): void {
    this.#data[index * 3] = valueOffset;
  }

  /**
   * A node for an alias of the closed node `anchor`: a copy of the anchor's children (and key
   * lists), so that paths through the alias find the anchored entries, as in the exact reader.
   * Returns how many nodes the alias stands for (the anchor's subtree).
   */
  alias(anchor: number, valueOffset: number, keyOffset: number): number {
    const node = this.open(valueOffset, keyOffset);
    const end = this.#data[anchor * 3 + 2] as number;
    const shift = node - anchor;
    const anchorKeys = this.#keys?.get(anchor);
    if (anchorKeys !== undefined) this.setKeys(node, anchorKeys);
    for (let from = anchor + 1; from < end; from++) {
      const data = this.#data;
      const copy = this.open(data[from * 3] as number, data[from * 3 + 1] as number);
      this.#data[copy * 3 + 2] = (this.#data[from * 3 + 2] as number) + shift;
      const keys = this.#keys?.get(from);
      if (keys !== undefined) this.setKeys(copy, keys);
    }
    this.close(node);
    return end - anchor;
  }

  /** Marks a node as a mapping whose children are, in order, the values of `keys`. */
  setKeys(index: number, keys: string[]): void {
    (this.#keys ??= new Map()).set(index, keys);
  }

  /**
   * `root`, when given, holds the document's value: mappings without a key list are then located
   * by the order of their keys in the value (see the class comment).
   */
  build(root?: { value: unknown }): OffsetIndexLocator {
    return new OffsetIndexLocator(this.#data.slice(0, this.#count * 3), this.#keys, root);
  }
}

/** Whether a mapping key is an array index, which JavaScript objects order before their other keys. */
export function isArrayIndexKey(key: string): boolean {
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  return /^(?:0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
}

export class OffsetIndexLocator implements NodeLocator {
  readonly #data: Int32Array;
  readonly #keys: ReadonlyMap<number, string[]> | undefined;
  readonly #root: { value: unknown } | undefined;

  constructor(data: Int32Array, keys: ReadonlyMap<number, string[]> | undefined, root?: { value: unknown }) {
    this.#data = data;
    this.#keys = keys;
    this.#root = root;
  }

  locate(path: JsonPath): NodeLocation {
    let node = 0;
    let exact = true;
    // The value at `node`, followed only when the reader gave its value to the index.
    let value: unknown = this.#root?.value;
    for (const segment of path) {
      const keys = this.#keys?.get(node);
      let position: number;
      if (keys !== undefined) {
        // The last entry wins, as it does in the value (JSON duplicate keys).
        position = keys.lastIndexOf(String(segment));
      } else if (this.#root !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        position = keyPosition(value, String(segment));
      } else {
        position = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      }
      const child = position < 0 ? -1 : this.#nthChild(node, position);
      if (child < 0) {
        exact = false;
        break;
      }
      node = child;
      if (this.#root !== undefined) value = childValue(value, segment, position);
    }
    const key = this.#data[node * 3 + 1] as number;
    return { value: this.#data[node * 3] as number, key: exact && key >= 0 ? key : undefined, exact };
  }

  #nthChild(node: number, position: number): number {
    const end = this.#data[node * 3 + 2] as number;
    let child = node + 1;
    for (let i = 0; i < position && child < end; i++) child = this.#data[child * 3 + 2] as number;
    return child < end ? child : -1;
  }
}

/** Object.keys(map).indexOf(key) without the array of keys. */
function keyPosition(map: object, key: string): number {
  let position = 0;
  for (const own in map) {
    if (own === key) return position;
    position++;
  }
  return -1;
}

function childValue(value: unknown, segment: string | number, position: number): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return value[position];
  return (value as Record<string, unknown>)[String(segment)];
}
