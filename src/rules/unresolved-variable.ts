// Template syntax that a rendering step should have replaced: `${VAR}`, `{{ .Values.tag }}`, `#{VAR}#`
// (ko import paths are builds: build-tool-image). Reported instead of invalid-image-reference for the same image. Docs: ../../docs/rules/unresolved-variable.md.
import type { Rule } from '../core/rule.js';
import { imagePath } from '../k8s/container-images.js';
import { containerImages, quotedImage } from './support/object-images.js';

const REMEDIATION =
  'Run the rendering step before applying and lint its output (e.g. `envsubst < deploy.yaml | pullguard lint -`, `helm template . | pullguard lint -`, `ko resolve -f config/ | pullguard lint -`), or write the final image reference.';

export const rule: Rule = {
  meta: {
    id: 'unresolved-variable',
    defaultSeverity: 'error',
    description: 'An image still holds template syntax (${VAR}, {{ }}, #{VAR}#, ...) that a rendering step should have replaced.',
    requires: 'none',
    checksFallbackSites: 'any-target',
  },
  check(context) {
    // One DeploymentConfig trigger may name several containers: its tag is reported once.
    const triggersReported = new Set<string>();
    for (const { container, verdict } of containerImages(context)) {
      if (verdict.kind === 'managed' && verdict.trigger !== undefined) {
        const { path, name, variables } = verdict.trigger;
        const key = path.join('\u0000');
        if (triggersReported.has(key)) continue;
        triggersReported.add(key);
        const names = variables.map((v) => v.text);
        context.report({
          path,
          container: container.name,
          message: `the image stream tag "${name}" that sets the image of container "${container.name}" contains ${list(names)}, which should have been replaced by ${[...new Set(variables.map((v) => v.tool))].join(', or by ')}: OpenShift looks for a tag of that literal name, so the trigger never sets the image`,
          remediation: REMEDIATION,
        });
        continue;
      }
      if (verdict.kind === 'parameter') {
        const names = verdict.names.map((name) => `\${${name}}`);
        context.report({
          path: imagePath(container),
          container: container.name,
          image: verdict.image,
          severity: 'info',
          message: `${verdict.image === names[0] ? `"${verdict.image}" is` : `"${verdict.image}" is made of ${list(names)},`} ${names.length > 1 ? 'parameters' : 'a parameter'} of this OpenShift template without a default value: the image is only known when \`oc process\` is given ${names.length > 1 ? 'them' : 'it'}, so pullguard does not judge it`,
          remediation: `Lint the processed template: \`oc process -f TEMPLATE ${verdict.names.map((name) => `-p ${name}=…`).join(' ')} | pullguard lint -\`.`,
        });
        continue;
      }
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
        message: `${quotedImage(verdict)} contains ${list(names)}, which should have been replaced by ${tools.join(', or by ')}: Kubernetes never expands ${names.length > 1 ? 'them' : 'it'} in image, so ${outcome}`,
        remediation: REMEDIATION,
      });
    }
  },
};

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
