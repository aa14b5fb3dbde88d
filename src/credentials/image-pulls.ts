// Every container image of the manifests that a node will pull, with the credentials kubelet would
// try for it (pod imagePullSecrets or the service account's, resolved among the manifests and the
// extra secret files) and whether the target's nodes read its registry by their own identity.
// Pure: the registry is asked by src/gather/; ignore annotations are the rule engine's business.
import type { ContainerInfo } from '../k8s/types.js';
import type { JsonPath, ManifestObject } from '../manifests/model.js';
import type { TargetProfile } from '../detect/target-profile.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import type { ImageReference } from '../images/types.js';
import { findImageSites } from '../k8s/find-image-sites.js';
import { classifyImage, imagePath } from '../k8s/container-images.js';
import { effectivePullPolicy } from '../k8s/pull-policy.js';
import type { CredentialProblem } from './credential-problem.js';
import { credentialsForImage, podPullSecrets } from './credentials-for-pod.js';
import { matchNodeIdentityRegistry, type NodeIdentityMatch } from './node-identity.js';
import type { PullObjectSource } from './pull-object-source.js';
import type { RegistryCredential } from '../facts/registry-gateway.js';

export interface ImagePull {
  /** The image string exactly as written. */
  image: string;
  reference: ImageReference;
  /** The object whose pod spec names the image. */
  object: ManifestObject;
  /** Path of the `image` value inside the object. */
  path: JsonPath;
  container: string;
  namespace: string;
  /** In kubelet's order; empty: anonymous. */
  credentials: RegistryCredential[];
  /** Pull secrets the pod names that are not among the objects searched: kubelet pulls without them. */
  unresolvedSecrets: { namespace: string; name: string }[];
  /** What was searched for them, for messages (`the manifests`). */
  searched: string;
  /** Set when kubelet fails every pull of this pod because of a pull secret. */
  blockedBy?: CredentialProblem;
  /** Set when a pull secret holding credentials for this image exists but could not be read: why. */
  credentialsUnknown?: string;
  nodeIdentity?: NodeIdentityMatch;
}

export interface ImagePullOptions {
  target: TargetProfile;
  pullObjects: PullObjectSource;
  /** Namespace of objects that do not say (`-n`, else `default`). */
  defaultNamespace: string;
}

/**
 * Images that never reach a registry are left out: templated or invalid references (lint reports
 * them), images set by something else, and containers with `imagePullPolicy: Never`.
 */
export function collectImagePulls(objects: readonly ManifestObject[], options: ImagePullOptions): ImagePull[] {
  const pulls: ImagePull[] = [];
  for (const object of objects) {
    // Fallback fields are left out: nothing says that a node pulls them.
    const sites = findImageSites(object.value, object.ref).groups;
    if (sites.length === 0) continue;
    const namespace = object.ref.namespace ?? options.defaultNamespace;
    for (const site of sites) {
      const pullSecrets = podPullSecrets({ namespace, podSpec: site.spec }, options.pullObjects);
      for (const container of site.containers) {
        if (container.image === undefined) continue;
        const info: ContainerInfo = { ...container, reference: parseImageReference(container.image) };
        const verdict = classifyImage(object, info);
        if (verdict.kind !== 'valid') continue;
        if (effectivePullPolicy(info, verdict.reference).policy === 'Never') continue;
        const { credentials, blockedBy, unresolvedSecrets, credentialsUnknown } = credentialsForImage(pullSecrets, verdict.reference);
        const pull: ImagePull = {
          image: verdict.image,
          reference: verdict.reference,
          object,
          path: imagePath(info),
          container: container.name,
          namespace,
          credentials,
          unresolvedSecrets: unresolvedSecrets.map((name) => ({ namespace, name })),
          searched: options.pullObjects.description,
        };
        if (blockedBy !== undefined) pull.blockedBy = blockedBy;
        if (credentialsUnknown !== undefined) pull.credentialsUnknown = credentialsUnknown;
        const nodeIdentity = matchNodeIdentityRegistry(verdict.reference, options.target.nodeIdentityRegistries);
        if (nodeIdentity !== undefined) pull.nodeIdentity = nodeIdentity;
        pulls.push(pull);
      }
    }
  }
  return pulls;
}
