// The reference grammar's verdict (distribution/reference, as the kubelet parses it), plus images
// that are missing, empty or not strings. Images with template variables are left to
// unresolved-variable; a refused image that looks like a placeholder is reported here, naming it. Docs: ../../docs/rules/invalid-image-reference.md.
import type { Rule } from '../core/rule.js';
import { imagePath } from '../k8s/container-images.js';
import { containerImages, quotedImage } from './support/object-images.js';

const REMEDIATION =
  'Write the image as [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST] with a lowercase name, e.g. ghcr.io/team/app:1.4.2.';

export const rule: Rule = {
  meta: {
    id: 'invalid-image-reference',
    defaultSeverity: 'error',
    description: 'An image that is not a valid reference (grammar error, not a string, empty or missing).',
    requires: 'none',
    checksFallbackSites: 'any-target',
  },
  check(context) {
    for (const { container, verdict } of containerImages(context)) {
      const at = { path: imagePath(container), container: container.name };
      switch (verdict.kind) {
        case 'invalid': {
          // The kubelet's refusal is certain, so this rule reports it; a placeholder it holds is
          // the likely reason and leads the message (one that only looks like one is a hint).
          const refused = `the kubelet rejects it and the pod fails with InvalidImageName`;
          const sure = verdict.placeholders.find((p) => p.likely !== true);
          const maybe = verdict.placeholders[0];
          context.report({
            ...at,
            image: verdict.image,
            message:
              sure !== undefined
                ? `${quotedImage(verdict)} still contains the placeholder "${sure.text}" (${sure.reason}) and is not a valid image reference: ${verdict.error.message}; ${refused}`
                : `${quotedImage(verdict)} is not a valid image reference: ${verdict.error.message}; ${refused}${
                    maybe === undefined ? '' : `. "${maybe.text}" looks like a placeholder (${maybe.reason})`
                  }`,
            remediation:
              sure === undefined
                ? REMEDIATION
                : `Replace "${sure.text}" with the registry and name the image was pushed to. ${context.target.howToShipImages}`,
          });
          break;
        }
        case 'not-a-string':
          if (verdict.value === null) {
            context.report({
              ...at,
              message: `image of container "${container.name}" is null: the API server refuses to create its pods (image: Required value)`,
              remediation: REMEDIATION,
            });
            break;
          }
          context.report({
            ...at,
            message: `image of container "${container.name}" is ${describe(verdict.value)}, not a string: the API server rejects the object`,
            remediation: `Quote the image reference so that YAML reads it as a string. ${REMEDIATION}`,
          });
          break;
        case 'empty':
          context.report({
            ...at,
            image: verdict.image,
            message: `image of container "${container.name}" is empty: the API server refuses to create its pods (image: Required value)`,
            remediation: REMEDIATION,
          });
          break;
        case 'missing':
          context.report({
            path: container.path,
            container: container.name,
            message: `container "${container.name}" has no image: the API server refuses to create its pods (image: Required value)`,
            remediation: REMEDIATION,
          });
          break;
        default:
          break;
      }
    }
  },
};

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value} (${String(value)})`;
}
