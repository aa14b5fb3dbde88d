// An image that can only exist in a developer's container engine: a bare name that Docker Hub does
// not have (`webapi:latest` is docker.io/library/webapi, and library/ holds only official images), or
// a tag that names a local build (`:dev`, `:local`). Docs: ../../docs/rules/local-only-image.md.
import { withTargetAdvice } from '../causes/target-advice.js';
import type { Rule } from '../core/rule.js';
import { isDockerHub, isDockerOfficialImage } from '../images/docker-hub.js';
import { familiarName } from '../images/familiar-name.js';
import type { ImageReference } from '../images/types.js';
import { imagePath } from '../k8s/container-images.js';
import { quotedImage, validImages } from './support/object-images.js';
import { effectivePullPolicy } from '../k8s/pull-policy.js';
import { targetPhrase } from './support/target-phrase.js';

/** Tags that name a build on the developer's machine rather than a published version. */
export const LOCAL_BUILD_TAGS: ReadonlySet<string> = new Set([
  'local', 'localbuild', 'local-build', 'local_build', 'localdev', 'local-dev', 'dev-local', 'dev', 'devel',
]);

const BUILD_TOOLS_NOTE =
  'If a build tool (Skaffold, Tilt, azd, ko) replaces this image at deploy time, lint its rendered output instead (e.g. `skaffold render | pullguard lint -`).';

/** Why the reference can only be a local image, phrased to follow the quoted image; undefined when it can be pulled. */
export function localOnlyReason(reference: ImageReference): string | undefined {
  if (isDockerHub(reference) && reference.path.startsWith('library/') && !reference.path.slice('library/'.length).includes('/')) {
    if (!isDockerOfficialImage(reference)) {
      return `resolves to ${reference.normalized}, which is not a Docker Hub official image: it can only exist where it was built`;
    }
  }
  if (!reference.explicitDomain && reference.explicitTag && reference.tag !== undefined && LOCAL_BUILD_TAGS.has(reference.tag)) {
    return `has the tag ":${reference.tag}", which names a local build, and resolves to ${reference.normalized} on Docker Hub, where it most likely does not exist`;
  }
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'local-only-image',
    defaultSeverity: 'error',
    description: 'An image that can only exist on the machine that built it (not on Docker Hub, or tagged as a local build).',
    requires: 'none',
    checksFallbackSites: 'remote-targets',
  },
  check(context) {
    const { target } = context;
    const phrase = targetPhrase(target);
    for (const { container, verdict } of validImages(context)) {
      const reason = localOnlyReason(verdict.reference);
      if (reason === undefined) continue;
      const quoted = `${quotedImage(verdict)} ${reason}`;
      const problem = { path: imagePath(container), container: container.name, image: verdict.image };
      const suggested = `${familiarName(verdict.reference).replace(/^library\//, '')}:VERSION`;
      const policy = effectivePullPolicy(container, verdict.reference);
      if (!target.nodesSeeLocalImages) {
        // With Never nothing is pulled: the pod fails with ErrImageNeverPull (never-pull-on-remote
        // reports the policy); the name is still wrong once the policy is fixed.
        const outcome =
          policy.policy === 'Never'
            ? `the nodes of ${phrase} do not have it (ErrImageNeverPull), and once imagePullPolicy: Never is gone they pull it from Docker Hub and fail with ErrImagePull`
            : `the nodes of ${phrase} pull it from Docker Hub and fail with ErrImagePull`;
        context.report({
          ...problem,
          message: `${quoted}; ${outcome}`,
          remediation: `${withTargetAdvice(`Push it to a registry the nodes can pull from and reference it by that name (REGISTRY/${suggested}).`, target)} ${BUILD_TOOLS_NOTE}`,
        });
        continue;
      }
      if (policy.policy === 'Never') continue; // never-pull-on-remote owns the reminder
      const load = target.imageDelivery === 'load-command' && target.loadCommand !== undefined ? target.loadCommand(verdict.image) : undefined;
      if (policy.policy === 'Always') {
        context.report({
          ...problem,
          message: `${quoted}; its pull policy is Always (${policy.explicit ? 'written' : 'the default for :latest'}), so even on ${phrase} the kubelet pulls it from Docker Hub and fails with ErrImagePull`,
          remediation: `Set imagePullPolicy: IfNotPresent, or tag the build with a version instead of :latest, so that the node uses the image you built${
            load === undefined ? '' : ` after \`${load}\``
          }. ${BUILD_TOOLS_NOTE}`,
        });
      } else if (load !== undefined) {
        context.report({
          ...problem,
          severity: 'info',
          message: `${quoted}; load it onto the nodes of ${phrase} before deploying: \`${load}\``,
          remediation: `Run \`${load}\` after each build. ${target.howToShipImages}`,
        });
      }
    }
  },
};
