// Documentation placeholders copied into a manifest: `REGISTRY_URL/app`, `<your-registry>/app`,
// `myregistry.azurecr.io/app`, `registry.example.com/app`. Docs: ../../docs/rules/placeholder-registry.md.
import type { Rule } from '../core/rule.js';
import { imagePath } from '../k8s/container-images.js';
import { containerImages, quotedImage } from './support/object-images.js';

export const rule: Rule = {
  meta: {
    id: 'placeholder-registry',
    defaultSeverity: 'error',
    description: 'An image still holds a documentation placeholder (REGISTRY_URL, <your-registry>, registry.example.com, ...).',
    requires: 'none',
    checksFallbackSites: 'any-target',
  },
  check(context) {
    for (const { container, verdict } of containerImages(context)) {
      if (verdict.kind === 'valid' && verdict.placeholders.length > 0) {
        // A name that documentation uses but someone may own (`contosoacr.azurecr.io`): real until proven otherwise.
        const first = verdict.placeholders[0]!;
        context.report({
          path: imagePath(container),
          container: container.name,
          image: verdict.image,
          severity: 'warning',
          message: `"${verdict.image}" looks like it holds the placeholder "${first.text}" (${first.reason}): if that is not your real registry or account, no registry serves it and the pull fails`,
          remediation: `Check that "${first.text}" is the registry or account the image was pushed to; if it is, ignore this finding for the object (pullguard.dev/ignore: placeholder-registry).`,
        });
        continue;
      }
      if (verdict.kind !== 'templated' || verdict.placeholders.length === 0) continue;
      const first = verdict.placeholders[0]!;
      const more = verdict.placeholders.length > 1 ? ` (and ${verdict.placeholders.slice(1).map((p) => `"${p.text}"`).join(', ')})` : '';
      context.report({
        path: imagePath(container),
        container: container.name,
        image: verdict.image,
        message: `${quotedImage(verdict)} still contains the placeholder "${first.text}"${more}, ${first.reason}: no registry serves it, so the pull fails`,
        remediation: `Replace the placeholder with the registry and name the image was pushed to. ${context.target.howToShipImages}`,
      });
    }
  },
};
