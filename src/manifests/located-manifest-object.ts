import type { JsonPath, ManifestObject, ObjectRef, Position, TemplateOrigin } from '../manifests/model.js';
import type { LineIndex } from './line-index.js';
import type { NodeLocator } from './node-locator.js';

/** A ManifestObject whose positions are looked up only when asked for. */
export class LocatedManifestObject implements ManifestObject {
  readonly file: string;
  readonly documentIndex: number;
  readonly itemPath?: JsonPath;
  readonly template?: TemplateOrigin;
  readonly value: Record<string, unknown>;
  readonly ref: ObjectRef;
  readonly #locator: NodeLocator;
  readonly #lines: LineIndex;

  constructor(
    file: string,
    documentIndex: number,
    itemPath: JsonPath | undefined,
    value: Record<string, unknown>,
    ref: ObjectRef,
    locator: NodeLocator,
    lines: LineIndex,
    template?: TemplateOrigin,
  ) {
    this.file = file;
    this.documentIndex = documentIndex;
    if (itemPath !== undefined) this.itemPath = itemPath;
    if (template !== undefined) this.template = template;
    this.value = value;
    this.ref = ref;
    this.#locator = locator;
    this.#lines = lines;
  }

  positionOf(path: JsonPath): Position {
    return this.#lines.position(this.#locator.locate(this.#documentPath(path)).value);
  }

  keyPositionOf(path: JsonPath): Position {
    const location = this.#locator.locate(this.#documentPath(path));
    return this.#lines.position(location.exact && location.key !== undefined ? location.key : location.value);
  }

  #documentPath(path: JsonPath): JsonPath {
    return this.itemPath === undefined ? path : [...this.itemPath, ...path];
  }
}
