// Template syntax that a rendering step should have replaced: `${VAR}`, `{{ .Values.tag }}`, `#{VAR}#`,
// `ko://...`. Reported instead of invalid-image-reference for the same image. Docs: ../../docs/rules/unresolved-variable.md.
import type { Rule } from '../core/rule.js';
import { imagePath } from '../k8s/container-images.js';
import { containerImages } from './support/object-images.js';

export const rule: Rule = {
  meta: {
    id: 'unresolved-variable',
    defaultSeverity: 'error',
    description: 'An image still holds template syntax (${VAR}, {{ }}, #{VAR}#, ko://...) that a rendering step should have replaced.',
    requires: 'none',
    checksFallbackSites: 'any-target',
  },
  check(context) {
    for (const { container, verdict } of containerImages(context)) {
      if (verdict.kind !== 'templated' || verdict.variables.length === 0) continue;
      const names = verdict.variables.map((v) => v.text);
      const tools = [...new Set(verdict.variables.map((v) => v.tool))];
      const outcome = verdict.parsed.ok
        ? 'the kubelet asks the registry for the literal text and the pull fails with ErrImagePull'
        : 'the kubelet rejects it and the pod fails with InvalidImageName';
      context.report({
        path: imagePath(container),
        container: container.name,
        image: verdict.image,
        message: `"${verdict.image}" contains ${list(names)}, which should have been replaced by ${tools.join(', or by ')}: Kubernetes never expands ${names.length > 1 ? 'them' : 'it'} in image, so ${outcome}`,
        remediation:
          'Run the rendering step before applying and lint its output (e.g. `envsubst < deploy.yaml | pullguard lint -`, `helm template . | pullguard lint -`, `ko resolve -f config/ | pullguard lint -`), or write the final image reference.',
      });
    }
  },
};

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
