// A registry that exists only on the developer's machine (localhost:5000, host.docker.internal,
// kind-registry:5000, k3d-*.localhost, registry.local) used on a cluster whose nodes are elsewhere.
// Docs: ../../docs/rules/localhost-registry-on-remote.md.
import { withTargetAdvice } from '../causes/target-advice.js';
import type { Rule } from '../core/rule.js';
import { localRegistryHost } from '../images/local-registry-host.js';
import { imagePath } from '../k8s/container-images.js';
import { effectivePullPolicy } from '../k8s/pull-policy.js';
import { quotedImage, validImages } from './support/object-images.js';
import { targetPhrase } from './support/target-phrase.js';

export const rule: Rule = {
  meta: {
    id: 'localhost-registry-on-remote',
    defaultSeverity: 'error',
    description: "An image from a registry that only exists on a developer's machine (localhost:5000, host.docker.internal, ...) on a remote target.",
    requires: 'none',
    checksFallbackSites: 'remote-targets',
    appliesTo: (target) => target.location === 'remote',
  },
  check(context) {
    const phrase = targetPhrase(context.target);
    for (const { container, verdict } of validImages(context)) {
      const local = localRegistryHost(verdict.reference.domain);
      if (local === undefined) continue;
      // With Never nothing is pulled (podman names its local builds localhost/NAME): the failure is
      // ErrImageNeverPull, which never-pull-on-remote reports at the policy.
      if (effectivePullPolicy(container, verdict.reference).policy === 'Never') continue;
      context.report({
        path: imagePath(container),
        container: container.name,
        image: verdict.image,
        message: `${quotedImage(verdict)} is pulled from ${local.host}, which is ${local.what}: the nodes of ${phrase} cannot reach a registry on your machine, so the pull fails (connection refused or no such host)`,
        remediation: withTargetAdvice('Push the image to a registry the nodes can reach and reference it by that name.', context.target),
      });
    }
  },
};
