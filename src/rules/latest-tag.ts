// `:latest` without a digest: a moving tag whose meaning depends on when and where it was pulled.
// Docs: ../../docs/rules/latest-tag.md.
import type { Rule } from '../core/rule.js';
import { familiarName } from '../images/familiar-name.js';
import { imagePath } from '../k8s/container-images.js';
import { quotedImage, validImages } from './support/object-images.js';
import { describeMovingTagPolicy, effectivePullPolicy } from '../k8s/pull-policy.js';

export const rule: Rule = {
  meta: {
    id: 'latest-tag',
    defaultSeverity: 'warning',
    description: 'An image tagged :latest without a digest, so what runs depends on when and where it was pulled.',
    requires: 'none',
  },
  check(context) {
    for (const { container, verdict } of validImages(context)) {
      const { reference } = verdict;
      if (!reference.explicitTag || reference.tag !== 'latest' || reference.digest !== undefined) continue;
      const name = familiarName(reference);
      context.report({
        path: imagePath(container),
        container: container.name,
        image: verdict.image,
        message: `${quotedImage(verdict)} uses the tag :latest: ${describeMovingTagPolicy(effectivePullPolicy(container, reference))}`,
        remediation: `Pin a version tag (${name}:1.2.3) or a digest (${name}@sha256:…); tag your own builds with a version or the commit SHA.`,
      });
    }
  },
};
