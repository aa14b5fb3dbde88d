// The `images:` transformer of a kustomization.yaml, with kustomize's own matching and rewriting
// rules (kubernetes-sigs/kustomize, Apache-2.0, read and re-implemented, not copied):
// - api/internal/image/image.go `IsImageMatched`: the entry's `name` matches an image when the image
//   is the name, optionally followed by `:TAG` and/or `@ALGORITHM:HEX`; nothing is normalised
//   (`nginx` does not match `docker.io/library/nginx`). The name is used as a regular expression
//   unescaped, so a `.` in it matches any character; that is kept here.
// - api/internal/image/image.go `Split`: the tag is found after the first `/`, so a registry port
//   (`localhost:5000/app`) is not a tag.
// - api/filters/imagetag/updater.go: `newName` replaces the name; `newTag` replaces the tag and drops
//   the digest; `digest` replaces the digest and drops the tag; both together set both.
// - api/filters/imagetag/legacy.go: the transformer rewrites `image` in every `containers` and
//   `initContainers` list of every resource except CustomResourceDefinitions.
// Entries apply in order, each to the result of the previous ones. Docs: ../../docs/build-tools.md.
import type { DeclaredAt } from './image-build.js';

export interface KustomizeImageEntry {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  /** Index in `images:`. */
  index: number;
  declaredAt: DeclaredAt;
}

export interface Kustomization {
  /** The kustomization file, as findings name it (`overlays/prod/kustomization.yaml`). */
  file: string;
  /** Its directory, in the same form (`overlays/prod`; `.` for the current one). */
  dir: string;
  /** `resources:` (and the older `bases:`) entries as written, relative to `dir`. */
  resources: string[];
  images: KustomizeImageEntry[];
}

/** The kustomization of `value` (the parsed file), with `locate` giving the position of a path in it. */
export function readKustomization(
  value: unknown,
  file: string,
  dir: string,
  locate: (path: readonly (string | number)[]) => { line: number; column: number },
): Kustomization {
  const kustomization: Kustomization = { file, dir, resources: [], images: [] };
  if (!isRecord(value)) return kustomization;
  for (const key of ['resources', 'bases']) {
    const list = value[key];
    if (Array.isArray(list)) for (const entry of list) if (typeof entry === 'string') kustomization.resources.push(entry);
  }
  const images = value['images'];
  if (!Array.isArray(images)) return kustomization;
  images.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry['name'] !== 'string' || entry['name'] === '') return;
    const image: KustomizeImageEntry = { name: entry['name'], index, declaredAt: { file, ...locate(['images', index, 'name']) } };
    for (const field of ['newName', 'newTag', 'digest'] as const) {
      const text = scalarText(entry[field]);
      if (text !== undefined && text !== '') image[field] = text;
    }
    kustomization.images.push(image);
  });
  return kustomization;
}

/** The image after `entry`, or undefined when the entry does not match it. */
export function applyKustomizeImage(image: string, entry: KustomizeImageEntry): string | undefined {
  if (!matchesName(image, entry.name)) return undefined;
  let { name, tag, digest } = splitImage(image);
  if (entry.newName !== undefined) name = entry.newName;
  if (entry.newTag !== undefined && entry.digest !== undefined) {
    tag = entry.newTag;
    digest = entry.digest;
  } else if (entry.newTag !== undefined) {
    tag = entry.newTag;
    digest = '';
  } else if (entry.digest !== undefined) {
    tag = '';
    digest = entry.digest;
  }
  return `${name}${tag === '' ? '' : `:${tag}`}${digest === '' ? '' : `@${digest}`}`;
}

/** `images[0] of base/kustomization.yaml:4:11, which sets newTag 1.10`: which entry, where, and what it sets. */
export function describeKustomizeImage(entry: KustomizeImageEntry): string {
  const parts = [
    entry.newName === undefined ? undefined : `newName ${entry.newName}`,
    entry.newTag === undefined ? undefined : `newTag ${entry.newTag}`,
    entry.digest === undefined ? undefined : `digest ${entry.digest}`,
  ].filter((p) => p !== undefined);
  const { file, line, column } = entry.declaredAt;
  const sets = parts.length === 0 ? 'which sets nothing' : `which sets ${parts.slice(0, -1).join(', ')}${parts.length > 1 ? ' and ' : ''}${parts[parts.length - 1]}`;
  return `images[${entry.index}] of ${file}:${line}:${column}, ${sets}`;
}

const patterns = new Map<string, RegExp | null>();

function matchesName(image: string, name: string): boolean {
  let pattern = patterns.get(name);
  if (pattern === undefined) {
    // Only `.` is a metacharacter in a name kustomize accepts; the rest is escaped so that an odd
    // name cannot make an invalid expression (kustomize would ignore the error and panic).
    const source = name.replace(/[\\^$*+?()[\]{}|]/g, '\\$&');
    try {
      pattern = new RegExp(`^${source}(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z][a-zA-Z0-9]*:[a-zA-Z0-9_.{}-]*)?$`);
    } catch {
      pattern = null;
    }
    patterns.set(name, pattern);
  }
  return pattern !== null && pattern.test(image);
}

/** Name, tag and digest as kustomize splits them (a colon before the first `/` is a port). */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const start = slash > 0 ? slash : 0;
  const rest = image.slice(start);
  const at = rest.indexOf('@');
  const colon = rest.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (colon < 0 || at < colon)) return { name: image.slice(0, start + at), tag: '', digest: image.slice(start + at + 1) };
  if (at >= 0) return { name: image.slice(0, start + colon), tag: image.slice(start + colon + 1, start + at), digest: image.slice(start + at + 1) };
  return { name: image.slice(0, start + colon), tag: image.slice(start + colon + 1), digest: '' };
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  // `newTag: 1.21` is read by kustomize as the string of the scalar; a number here lost its
  // formatting already, which is as close as a parsed value gets.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
