// Registries that were frozen, shut down or emptied (k8s.gcr.io, gcr.io/google_containers,
// docker.pkg.github.com, versioned docker.io/bitnami tags, Container Registry), each with its
// replacement. Docs: ../../docs/rules/deprecated-registry.md; data: ../images/deprecated-registries.ts.
import type { Rule } from '../core/rule.js';
import { findDeprecation } from '../images/deprecated-registries.js';
import { imagePath } from '../k8s/container-images.js';
import { quotedImage, validImages } from './support/object-images.js';

export const rule: Rule = {
  meta: {
    id: 'deprecated-registry',
    defaultSeverity: 'warning',
    description: 'An image from a registry that was frozen, shut down or emptied (k8s.gcr.io, docker.pkg.github.com, ...).',
    requires: 'none',
  },
  check(context) {
    for (const { container, verdict } of validImages(context)) {
      const deprecation = findDeprecation(verdict.reference);
      if (deprecation === undefined) continue;
      context.report({
        path: imagePath(container),
        container: container.name,
        image: verdict.image,
        severity: deprecation.severity,
        message: `${quotedImage(verdict)} comes from ${deprecation.what}, which ${deprecation.status}: use ${deprecation.replacement}`,
        remediation: `${deprecation.dropIn ? `Replace it with ${deprecation.replacement}, the same image` : `Move to ${deprecation.replacement}`} (see ${deprecation.sources.join(' and ')}).`,
      });
    }
  },
};
