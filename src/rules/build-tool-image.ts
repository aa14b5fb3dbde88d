// An image that a build tool beside the manifests builds and writes into them at deploy time
// (Skaffold `build.artifacts`, Tilt `docker_build`/`custom_build`, ko `ko://` import paths). On a
// local cluster the tool builds and loads it: nothing to report. On a remote one it pushes it to its
// default repository, which this rule names when a file says it, and warns when nothing does.
// Docs: ../../docs/rules/build-tool-image.md and ../../docs/build-tools.md.
import type { Rule } from '../core/rule.js';
import { describeDeclaration, TOOL_NAMES, type ImageBuild } from '../build-tools/image-build.js';
import { localRegistryHost, type LocalRegistryHost } from '../images/local-registry-host.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import { imagePath } from '../k8s/container-images.js';
import { containerImages } from './support/object-images.js';
import { targetPhrase } from './support/target-phrase.js';

export const rule: Rule = {
  meta: {
    id: 'build-tool-image',
    defaultSeverity: 'warning',
    description: 'An image a build tool beside the manifests (Skaffold, Tilt, ko) builds and replaces, on a remote target: where it is pushed.',
    requires: 'none',
    appliesTo: (target) => target.location === 'remote',
  },
  check(context) {
    const phrase = targetPhrase(context.target);
    for (const { container, verdict } of containerImages(context)) {
      if (verdict.kind !== 'built') continue;
      const { build } = verdict;
      const by = builtBy(build);
      const at = { path: imagePath(container), container: container.name, image: verdict.image };
      const deploy = DEPLOY[build.tool];
      if (build.tool === 'skaffold' && build.push === false) {
        context.report({
          ...at,
          severity: 'error',
          message: `"${verdict.image}" is built by ${by} with build.local.push: false, so Skaffold does not push it: the nodes of ${phrase} cannot pull an image that exists only on your machine (ErrImagePull)`,
          remediation: 'Remove `push: false` (Skaffold pushes by default for a remote cluster) and set the default repository (`skaffold run --default-repo REGISTRY`).',
        });
        continue;
      }
      const pushed = pushedTo(build);
      const local = pushed === undefined ? undefined : localRegistryOf(pushed.repository);
      if (pushed !== undefined && local !== undefined) {
        context.report({
          ...at,
          severity: 'error',
          message: `"${verdict.image}" is built by ${by}, which pushes it to ${pushed.repository} (${pushed.why}): ${local.host} is ${local.what}, which the nodes of ${phrase} cannot reach, so the pull fails`,
          remediation: `${SET_REPOSITORY[build.tool]} Keep the local registry for local clusters.`,
        });
        continue;
      }
      if (pushed !== undefined) {
        context.report({
          ...at,
          severity: 'info',
          message: `"${verdict.image}" is built by ${by}, which pushes it to ${pushed.repository} (${pushed.why}) and writes that name into the manifest: deploy with ${deploy}; applied as written, the pull fails`,
          remediation: `Deploy with ${deploy}, or lint what it applies (${RENDER[build.tool]}).`,
        });
        continue;
      }
      context.report({
        ...at,
        ...(build.tool === 'ko' ? { severity: 'info' as const } : {}),
        message: `"${verdict.image}" is built by ${by}; for ${phrase} ${UNKNOWN_REPOSITORY[build.tool]}${build.tool === 'ko' ? koAsWritten(verdict.image) : ''}`,
        remediation: `${SET_REPOSITORY[build.tool]} Then deploy with ${deploy}, or lint what it applies (${RENDER[build.tool]}).`,
      });
    }
  },
};

const DEPLOY = { skaffold: '`skaffold run`', tilt: '`tilt up`', ko: '`ko apply -f`' } as const;
const RENDER = {
  skaffold: '`skaffold render --default-repo REGISTRY | pullguard lint -`',
  tilt: '`tilt dump image-deploy-ref` shows the names Tilt deploys',
  ko: '`ko resolve -f config/ | pullguard lint -`',
} as const;
const UNKNOWN_REPOSITORY = {
  skaffold:
    'Skaffold pushes it to the default repository set by `--default-repo`, SKAFFOLD_DEFAULT_REPO or `skaffold config set default-repo`, which pullguard cannot read; with none it pushes the name as written, to Docker Hub, where you most likely cannot push it, and the pull fails',
  tilt: 'Tilt pushes it under the name as written, as the Tiltfile sets no default_registry(...): to Docker Hub, where you most likely cannot push it, and the pull fails',
  ko: 'ko pushes it to $KO_DOCKER_REPO (it refuses to run without it), which pullguard does not read; ',
} as const;
const SET_REPOSITORY = {
  skaffold: 'Set a default repository the nodes can pull from (`skaffold config set default-repo REGISTRY`, or `--default-repo`).',
  tilt: "Add `default_registry('REGISTRY')` to the Tiltfile with a registry the nodes can pull from.",
  ko: 'Set KO_DOCKER_REPO to a registry the nodes can pull from.',
} as const;

function builtBy(build: ImageBuild): string {
  if (build.declaredAt === undefined) return `${TOOL_NAMES[build.tool]} (the Go package ${build.name})`;
  return `${TOOL_NAMES[build.tool]} (${describeDeclaration(build.declaredAt)})`;
}

/** Where the build is pushed for a remote cluster, when the files say so. */
function pushedTo(build: ImageBuild): { repository: string; why: string } | undefined {
  if (build.defaultRepository !== undefined) {
    const parsed = parseImageReference(build.name);
    const path = parsed.ok && !parsed.reference.explicitDomain ? parsed.reference.path.replace(/^library\//, '') : build.name;
    return { repository: `${build.defaultRepository.replace(/\/+$/, '')}/${path}`, why: `its default_registry` };
  }
  if (build.tool === 'ko') return undefined;
  const parsed = parseImageReference(build.name);
  if (parsed.ok && parsed.reference.explicitDomain) {
    return { repository: parsed.reference.name, why: `the registry the build names; a default repository, if set, replaces it` };
  }
  return undefined;
}

function localRegistryOf(repository: string): LocalRegistryHost | undefined {
  const parsed = parseImageReference(repository);
  return parsed.ok && parsed.reference.explicitDomain ? localRegistryHost(parsed.reference.domain) : undefined;
}

/** What happens to a ko import path applied without ko: `ko://` is refused, a bare path is asked of its host. */
function koAsWritten(image: string): string {
  return image.startsWith('ko://')
    ? 'applied as written, without ko, the kubelet rejects it (InvalidImageName)'
    : `applied as written, without ko, the kubelet asks ${image.slice(0, image.indexOf('/'))} for it and the pull fails (ErrImagePull)`;
}
