// The containers of the object a rule is looking at, each with its image class, listed once per
// object for every image rule (the classes come from k8s/container-images.ts).
import type { RuleContext } from '../../core/rule.js';
import { classifyImage, type ImageClass } from '../../k8s/container-images.js';
import type { ContainerInfo, PodSpecInfo } from '../../k8s/types.js';
import type { ManifestObject } from '../../manifests/model.js';

export interface ContainerImage<K extends ImageClass['kind'] = ImageClass['kind']> {
  container: ContainerInfo;
  verdict: Extract<ImageClass, { kind: K }>;
}

interface ObjectImages {
  object: ManifestObject;
  all: readonly ContainerImage[];
  valid: readonly ContainerImage<'valid'>[];
}

// Eight rules walk the same containers of each object; listing them once per object spares a
// generator and a record per container and rule. The engine runs every rule on one object before
// the next, so remembering the last object's list is enough, and keeps nothing alive after it.
let last: (ObjectImages & { podSpecs: readonly PodSpecInfo[] }) | undefined;

function objectImages(context: RuleContext): ObjectImages {
  const images = last;
  if (images === undefined || images.podSpecs !== context.podSpecs || images.object !== context.object) {
    const all: ContainerImage[] = [];
    const valid: ContainerImage<'valid'>[] = [];
    for (const spec of context.podSpecs) {
      for (const container of spec.containers) {
        const item: ContainerImage = { container, verdict: classifyImage(context.object, container) };
        all.push(item);
        if (item.verdict.kind === 'valid') valid.push(item as ContainerImage<'valid'>);
      }
    }
    last = { podSpecs: context.podSpecs, object: context.object, all, valid };
    return last;
  }
  return images;
}

/** Every container of the object with its image verdict. */
export function containerImages(context: RuleContext): readonly ContainerImage[] {
  return objectImages(context).all;
}

/** The containers whose image is a valid, literal reference. */
export function validImages(context: RuleContext): readonly ContainerImage<'valid'>[] {
  return objectImages(context).valid;
}

/**
 * An image as findings quote it: `"IMAGE"`, and for an OpenShift template's image judged with the
 * default values of its parameters, how it was made from the text in the file.
 */
export function quotedImage(verdict: { image: string; parameters?: string }): string {
  return verdict.parameters === undefined ? `"${verdict.image}"` : `"${verdict.image}" (${verdict.parameters})`;
}
