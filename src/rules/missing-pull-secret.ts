// An image from a registry that needs credentials, with no imagePullSecrets on the pod nor on its
// ServiceAccount, on a target whose nodes have no identity for that registry. Conservative by design:
// registries that mix public and private repositories (Docker Hub, ghcr.io, quay.io, gcr.io, pkg.dev)
// are only reported when other workloads of the same run pull from the same owner with pull secrets.
// Docs: ../../docs/rules/missing-pull-secret.md; data: ../images/registry-access.ts.
import type { RuleContext, RunFacts } from '../core/rule.js';
import type { Rule } from '../core/rule.js';
import type { ManifestObject } from '../manifests/model.js';
import { TARGET_PROFILES } from '../detect/profiles.js';
import { matchesHostGlob } from '../images/host-glob.js';
import { localRegistryHost } from '../images/local-registry-host.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import { registryAccess } from '../images/registry-access.js';
import type { ImageReference } from '../images/types.js';
import { findImageSites } from '../k8s/find-image-sites.js';
import { classifyImage, imagePath } from '../k8s/container-images.js';
import { assignedPullSecretNames, findServiceAccount, podListsPullSecrets, serviceAccountName } from '../credentials/pod-pull-secrets.js';
import { quotedImage } from './support/object-images.js';
import { targetPhrase } from './support/target-phrase.js';

export const rule: Rule = {
  meta: {
    id: 'missing-pull-secret',
    defaultSeverity: 'warning',
    description: 'An image from a registry that needs credentials, with no imagePullSecrets on the pod or its ServiceAccount.',
    requires: 'none',
  },
  check(context) {
    const { object, target } = context;
    for (const spec of context.podSpecs) {
      // Sites whose pods get their pull secrets from elsewhere (the TaskRun of a Tekton Task, the
      // Workflow of an Argo template): nothing here says whether they have any.
      if (!spec.pullSecretsKnown) continue;
      const accountName = serviceAccountName(spec.spec);
      const account = findServiceAccount(context.run.objects, accountName, object.ref.namespace);
      if (assignedPullSecretNames(spec.spec, account?.value).length > 0) continue;
      const accountPhrase = `its ServiceAccount "${accountName}"${account === undefined ? ' (not among these manifests)' : ''}`;
      // Entries without a name still keep the account's list from being copied to the pod.
      const listed = podListsPullSecrets(spec.spec)
        ? `the pod's imagePullSecrets name no secret (kubelet skips unnamed entries), so those of ${accountPhrase} are not used`
        : `neither the pod nor ${accountPhrase} lists imagePullSecrets`;

      for (const container of spec.containers) {
        const verdict = classifyImage(object, container);
        // An image that looks like a placeholder gets that one finding (placeholder-registry).
        if (verdict.kind !== 'valid' || verdict.placeholders.length > 0) continue;
        const { domain } = verdict.reference;
        if (target.nodeIdentityRegistries.some((glob) => matchesHostGlob(domain, glob))) continue;
        if (localRegistryHost(domain) !== undefined) continue;
        const { access, entry } = registryAccess(domain);
        if (access === 'public') continue;
        const owner = ownerKey(verdict.reference);
        const evidence = owner === undefined ? undefined : secretEvidence(context, owner);
        // Mixed and unknown registries (`docker.l5d.io`) are judged only with evidence of the run:
        // guessing costs a note on every image of every public registry pullguard does not list,
        // and `pullguard check` asks the registry itself.
        if ((access === 'mixed' || access === 'unknown') && evidence === undefined) continue;

        const why =
          evidence !== undefined
            ? `${owner}, which other workloads here pull with imagePullSecrets (${evidence})`
            : `${domain}, one of ${entry?.label ?? 'the registries that need credentials'}`;
        const phrase = targetPhrase(target);
        const outcome = `on ${phrase} the kubelet pulls without credentials and fails with 401 Unauthorized (ErrImagePull)`;
        context.report({
          path: imagePath(container),
          container: container.name,
          image: verdict.image,
          message: `${quotedImage(verdict)} comes from ${why}, and ${listed}: ${outcome}`,
          remediation: remediation(domain, accountName, object.ref.namespace),
        });
      }
    }
  },
};

/**
 * What identifies "the same private owner" across images: the registry host for unknown and
 * authenticated registries, host plus first path component (user, org, project) for shared ones.
 * Docker Hub official images have no private owner.
 */
function ownerKey(reference: ImageReference): string | undefined {
  const { access } = registryAccess(reference.domain);
  if (access !== 'mixed') return reference.domain;
  const first = reference.path.split('/')[0] ?? '';
  if (first === 'library' && reference.domain === 'docker.io') return undefined;
  return `${reference.domain}/${first}`;
}

const evidenceCache = new WeakMap<readonly ManifestObject[], Map<string, string>>();

/** `secret in Kind/name` for the first workload of the run that pulls from `owner` with pull secrets. */
function secretEvidence(context: RuleContext, owner: string): string | undefined {
  const objects = context.run.objects;
  let index = evidenceCache.get(objects);
  if (index === undefined) {
    index = buildEvidenceIndex(objects, context.run.podSpecs);
    evidenceCache.set(objects, index);
  }
  return index.get(owner);
}

function buildEvidenceIndex(objects: readonly ManifestObject[], podSpecs: RunFacts['podSpecs']): Map<string, string> {
  const index = new Map<string, string>();
  for (let i = 0; i < objects.length; i++) {
    const object = objects[i] as ManifestObject;
    for (const spec of podSpecs?.[i] ?? findImageSites(object.value, object.ref).groups) {
      const account = podListsPullSecrets(spec.spec) ? undefined : findServiceAccount(objects, serviceAccountName(spec.spec), object.ref.namespace);
      const secrets = assignedPullSecretNames(spec.spec, account?.value);
      if (secrets.length === 0) continue;
      for (const container of spec.containers) {
        if (container.image === undefined) continue;
        const parsed = parseImageReference(container.image);
        if (!parsed.ok) continue;
        const owner = ownerKey(parsed.reference);
        if (owner !== undefined && !index.has(owner)) {
          index.set(owner, `${secrets.join(', ')} in ${object.ref.kind}/${object.ref.name ?? '(unnamed)'}`);
        }
      }
    }
  }
  return index;
}

// A big run reports the same registry, account and namespace thousands of times; the text is
// the same each time, and building it (a match of the domain against every target) was most of
// this rule's time.
const remediations = new Map<string, string>();

function remediation(domain: string, accountName: string, namespace: string | undefined): string {
  const key = `${domain}\n${accountName}\n${namespace ?? '\u0000'}`;
  let text = remediations.get(key);
  if (text === undefined) {
    text = buildRemediation(domain, accountName, namespace);
    if (remediations.size >= 1024) remediations.clear();
    remediations.set(key, text);
  }
  return text;
}

function buildRemediation(domain: string, accountName: string, namespace: string | undefined): string {
  const ns = namespace === undefined ? '' : ` -n ${namespace}`;
  const create = `kubectl create secret docker-registry regcred --docker-server=${domain} --docker-username=USER --docker-password=TOKEN${ns}`;
  const identity = Object.values(TARGET_PROFILES)
    .filter((profile) => profile.nodeIdentityRegistries.some((glob) => matchesHostGlob(domain, glob)))
    .map((profile) => `${profile.displayName} nodes pull from ${domain} by their own identity (lint with --target ${profile.id}).`);
  return [
    `Create a pull secret (\`${create}\`) and list it under imagePullSecrets of the pod template or of ServiceAccount "${accountName}".`,
    ...identity,
  ].join(' ');
}
