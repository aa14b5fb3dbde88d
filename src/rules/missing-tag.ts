// No tag and no digest: Kubernetes pulls `:latest`. Docs: ../../docs/rules/missing-tag.md.
import type { Rule } from '../core/rule.js';
import { familiarName } from '../images/familiar-name.js';
import { imagePath } from '../k8s/container-images.js';
import { quotedImage, validImages } from './support/object-images.js';
import { describeMovingTagPolicy, effectivePullPolicy } from '../k8s/pull-policy.js';

export const rule: Rule = {
  meta: {
    id: 'missing-tag',
    defaultSeverity: 'warning',
    description: 'An image without a tag or digest, which Kubernetes pulls as :latest.',
    requires: 'none',
  },
  check(context) {
    for (const { container, verdict } of validImages(context)) {
      const { reference } = verdict;
      if (reference.explicitTag || reference.digest !== undefined) continue;
      const name = familiarName(reference);
      context.report({
        path: imagePath(container),
        container: container.name,
        image: verdict.image,
        message: `${quotedImage(verdict)} has no tag, so Kubernetes pulls :latest: ${describeMovingTagPolicy(effectivePullPolicy(container, reference))}`,
        remediation: `Add a version tag (${name}:1.2.3) or a digest (${name}@sha256:…).`,
      });
    }
  },
};
