import type { JsonPath } from '../core/types.js';
import type { NodeLocation, NodeLocator } from './node-locator.js';

/**
 * A compact record of where every node of a document sits, for the fast readers: three integers
 * per node in pre-order (value offset, key offset or -1, index of the node after its subtree)
 * plus the key list of each mapping. No object per node, and nothing is computed until a finding
 * asks for a position.
 */
export class OffsetIndexBuilder {
  // One scratch buffer shared by all builders (they run one at a time): no growth per document,
  // and build() copies exactly the used part.
  static #scratch = new Int32Array(3 * 4096);
  #data = OffsetIndexBuilder.#scratch;
  #count = 0;
  readonly #keys: (string[] | undefined)[] = [];

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
    this.#keys.push(undefined);
    return index;
  }

  /** Ends a node once all of its children are open-and-closed. */
  close(index: number): void {
    this.#data[index * 3 + 2] = this.#count;
  }

  setValueOffset(index: number, valueOffset: number): void {
    this.#data[index * 3] = valueOffset;
  }

  /** Marks a node as a mapping whose children are, in order, the values of `keys`. */
  setKeys(index: number, keys: string[]): void {
    this.#keys[index] = keys;
  }

  build(): OffsetIndexLocator {
    return new OffsetIndexLocator(this.#data.slice(0, this.#count * 3), this.#keys);
  }
}

export class OffsetIndexLocator implements NodeLocator {
  readonly #data: Int32Array;
  readonly #keys: readonly (string[] | undefined)[];

  constructor(data: Int32Array, keys: readonly (string[] | undefined)[]) {
    this.#data = data;
    this.#keys = keys;
  }

  locate(path: JsonPath): NodeLocation {
    let node = 0;
    let exact = true;
    for (const segment of path) {
      const child = this.#child(node, segment);
      if (child < 0) {
        exact = false;
        break;
      }
      node = child;
    }
    const key = this.#data[node * 3 + 1] as number;
    return { value: this.#data[node * 3] as number, key: exact && key >= 0 ? key : undefined, exact };
  }

  #child(node: number, segment: string | number): number {
    const keys = this.#keys[node];
    let position: number;
    if (keys !== undefined) {
      // The last entry wins, as it does in the value (JSON duplicate keys).
      position = keys.lastIndexOf(String(segment));
    } else {
      position = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
    }
    if (position < 0) return -1;
    const end = this.#data[node * 3 + 2] as number;
    let child = node + 1;
    for (let i = 0; i < position && child < end; i++) child = this.#data[child * 3 + 2] as number;
    return child < end ? child : -1;
  }
}
