// The images the nodes must already hold, because kubelet will not pull them or cannot: those with
// `imagePullPolicy: Never`, and those with `IfNotPresent` whose name can only be a local build
// (rules/local-only-image.ts). Pure: the manifests in, image strings (as written) out.
import { classifyImage } from '../k8s/container-images.js';
import { findImageSites } from '../k8s/find-image-sites.js';
import { effectivePullPolicy } from '../k8s/pull-policy.js';
import type { ContainerInfo } from '../k8s/types.js';
import type { ManifestObject } from '../manifests/model.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import type { ImageReference } from '../images/types.js';
import { localOnlyReason } from '../rules/local-only-image.js';

export interface NodeImageNeed {
  image: string;
  reference: ImageReference;
  /** Why the nodes must hold it. */
  because: 'never-pulled' | 'local-only-name';
}

export function imagesNodesMustHave(objects: readonly ManifestObject[]): Map<string, NodeImageNeed> {
  const needs = new Map<string, NodeImageNeed>();
  for (const object of objects) {
    for (const site of findImageSites(object.value, object.ref).groups) {
      for (const container of site.containers) {
        if (container.image === undefined || needs.has(container.image)) continue;
        const info: ContainerInfo = { ...container, reference: parseImageReference(container.image) };
        const verdict = classifyImage(object, info);
        if (verdict.kind !== 'valid') continue;
        const policy = effectivePullPolicy(info, verdict.reference).policy;
        if (policy === 'Never') needs.set(verdict.image, { image: verdict.image, reference: verdict.reference, because: 'never-pulled' });
        else if (policy === 'IfNotPresent' && localOnlyReason(verdict.reference) !== undefined) {
          needs.set(verdict.image, { image: verdict.image, reference: verdict.reference, because: 'local-only-name' });
        }
      }
    }
  }
  return needs;
}
