// One image string rewritten for a target: --set values and --registry put in place of template
// variables and documentation placeholders (found by the same functions the rules use), local-only
// names qualified with --registry, and --tag / --digest pins. Pure; docs: ../../docs/render.md.
import { findPlaceholders } from '../images/find-placeholders.js';
import { findTemplateVariables } from '../images/find-template-variables.js';
import { familiarName } from '../images/familiar-name.js';
import { localRegistryHost } from '../images/local-registry-host.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import type { ImageReference } from '../images/types.js';
import { localOnlyReason } from '../rules/local-only-image.js';
import type { RenderOptions } from './render-options.js';

export interface RewrittenImage {
  image: string;
  reference: ImageReference;
  /** The team's own image: in --registry (before or after render), or a local-only name: what --tag pins. */
  own: boolean;
  /** Moved to --registry by this render (a placeholder replaced or a local-only name qualified). */
  moved: boolean;
  /** Still a name that exists only where it was built (no --registry to qualify it with). */
  localOnly: boolean;
}

/** The image could not be made a valid reference: why, phrased as a sentence about the image. */
export interface UnresolvedImage {
  unresolved: string;
}

interface Span {
  offset: number;
  text: string;
  /** What --set names it by: a variable's name, a placeholder without its brackets. */
  name: string;
}

/** Template variables and certain placeholders (a "looks like" placeholder may be a real name: left alone). */
function spansOf(image: string): Span[] {
  const variables = findTemplateVariables(image);
  const spans: Span[] = variables.map((v) => ({ offset: v.offset, text: v.text, name: v.name }));
  for (const p of findPlaceholders(image, variables)) {
    if (p.likely === true) continue;
    spans.push({ offset: p.offset, text: p.text, name: p.text.replace(/^[<{]+|[>}]+$/g, '') });
  }
  return spans.sort((a, b) => a.offset - b.offset);
}

export function rewriteImage(written: string, options: RenderOptions): RewrittenImage | UnresolvedImage {
  let image = written;
  let moved = false;
  // 1. --set: named variables and placeholders, right to left so that offsets hold.
  if (options.set.size > 0) {
    for (const span of spansOf(image).reverse()) {
      const value = options.set.get(span.name) ?? options.set.get(span.text);
      if (value !== undefined) image = image.slice(0, span.offset) + value + image.slice(span.offset + span.text.length);
    }
  }
  // 2. --registry and --tag in place of what is left in the registry part and in the tag.
  let spans = spansOf(image);
  if (spans.length > 0) {
    const inSpan = (i: number): boolean => spans.some((s) => i >= s.offset && i < s.offset + s.text.length);
    const slashes: number[] = [];
    for (let i = 0; i < image.length; i++) if (image[i] === '/' && !inSpan(i)) slashes.push(i);
    const lastSlash = slashes.length === 0 ? -1 : slashes[slashes.length - 1]!;
    const inPrefix = spans.filter((s) => s.offset + s.text.length <= lastSlash);
    if (inPrefix.length > 0 && options.registry !== undefined) {
      const last = inPrefix[inPrefix.length - 1]!;
      const end = slashes.find((i) => i >= last.offset + last.text.length)!;
      image = options.registry + image.slice(end);
      moved = true;
      spans = spansOf(image);
    }
    const tagAt = tagSeparator(image, spans);
    if (tagAt >= 0 && spans.some((s) => s.offset > tagAt)) {
      const tag = options.tag;
      if (tag !== undefined) {
        const digestAt = image.indexOf('@', tagAt);
        image = `${image.slice(0, tagAt)}:${tag}${digestAt < 0 ? '' : image.slice(digestAt)}`;
        spans = spansOf(image);
      }
    }
    if (spans.length > 0) return { unresolved: unresolvedMessage(image, spans, options) };
  }
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { unresolved: `"${image}" is not a valid image reference (${parsed.error.message})` };
  let reference = parsed.reference;

  // 3. Local-only names (and, for a remote target, a registry on the developer's machine) move to --registry.
  const local = localOnlyReason(reference) !== undefined;
  const onThisMachine = options.target.location === 'remote' && localRegistryHost(reference.domain) !== undefined;
  if ((local || onThisMachine) && options.registry !== undefined) {
    const path = onThisMachine ? reference.path : familiarName(reference).replace(/^library\//, '');
    image = `${options.registry}/${path}${suffix(reference.explicitTag ? reference.tag : undefined, reference.digest)}`;
    reference = reparse(image);
    moved = true;
  }
  const inRegistry = options.registry !== undefined && (image.startsWith(`${options.registry}/`) || moved);
  const own = inRegistry || local;

  // 4. Pins: --tag NAME=TAG and --digest NAME=DIGEST by repository, --tag TAG on the team's own images.
  const names = namesOf(image, reference);
  const tag = firstMatch(options.tagByName, names) ?? (own ? options.tag : undefined);
  if (tag !== undefined && (!reference.explicitTag || reference.tag !== tag)) {
    // A new tag names other content: the old digest would contradict it.
    image = `${repositoryText(image)}:${tag}`;
    reference = reparse(image);
  }
  const digest = firstMatch(options.digestByName, names);
  if (digest !== undefined && reference.digest !== digest) {
    image = `${repositoryText(image)}${suffix(reference.explicitTag ? reference.tag : undefined, digest)}`;
    reference = reparse(image);
  }
  return { image, reference, own, moved, localOnly: local && !moved };
}

/** The offset of the `:` before the tag (after the last `/` outside spans), or -1. */
function tagSeparator(image: string, spans: readonly Span[]): number {
  const inSpan = (i: number): boolean => spans.some((s) => i > s.offset && i < s.offset + s.text.length - 1);
  let lastSlash = -1;
  for (let i = 0; i < image.length; i++) if (image[i] === '/' && !inSpan(i)) lastSlash = i;
  for (let i = lastSlash + 1; i < image.length; i++) if (image[i] === ':' && !inSpan(i)) return i;
  return -1;
}

function unresolvedMessage(image: string, spans: readonly Span[], options: RenderOptions): string {
  const first = spans[0]!;
  const whole = spans.length === 1 && first.offset === 0 && first.text === image;
  const how = whole
    ? `give the whole image with --set ${first.name}=IMAGE`
    : `give it with --set ${first.name}=VALUE${options.registry === undefined ? ' (or --registry HOST[/PATH] when it stands for the registry)' : ''}${options.tag === undefined ? ' (or --tag TAG when it stands for the tag)' : ''}`;
  return `"${image}" still holds "${first.text}": ${how}`;
}

function reparse(image: string): ImageReference {
  const parsed = parseImageReference(image);
  if (!parsed.ok) throw new Error(`render built an invalid reference "${image}": ${parsed.error.message}`);
  return parsed.reference;
}

function suffix(tag: string | undefined, digest: string | undefined): string {
  return `${tag === undefined ? '' : `:${tag}`}${digest === undefined ? '' : `@${digest}`}`;
}

/** The image without its tag and digest, as written. */
function repositoryText(image: string): string {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}

/** What IMAGE in --tag IMAGE=TAG and --digest IMAGE=DIGEST may say: the repository as written, its familiar name, or its last component. */
function namesOf(image: string, reference: ImageReference): string[] {
  const written = repositoryText(image);
  return [written, familiarName(reference), reference.name, written.slice(written.lastIndexOf('/') + 1)];
}

function firstMatch(map: ReadonlyMap<string, string>, names: readonly string[]): string | undefined {
  if (map.size === 0) return undefined;
  for (const name of names) {
    const value = map.get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}
