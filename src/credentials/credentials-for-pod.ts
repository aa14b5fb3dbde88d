// The credentials kubelet would try for one image of one pod, in kubelet's order:
// 1. Which secrets: the pod's `imagePullSecrets`; only when it lists none, its service account's
//    (the ServiceAccount admission plugin copies them at pod creation,
//    plugin/pkg/admission/serviceaccount/admission.go). Entries without a name are skipped and
//    missing secrets are logged and ignored by kubelet (getPullSecretsForPod), so both are reported
//    as data, never thrown.
// 2. One keyring over all those secrets (secrets.go MakeDockerKeyring), looked up with the image's
//    repository name (`docker.io/library/nginx`): every matching entry, most specific key first.
// Node credentials (kubelet's config.json, credential-provider plugins) come after these in
// kubelet's union keyring; they cannot be seen from here (see node-identity.ts).

import type { ImageReference } from '../images/types.js';
import type { RegistryCredential } from '../facts/registry-gateway.js';
import { configKeyLabel } from './config-key-label.js';
import type { CredentialProblem } from './credential-problem.js';
import { createKeyring, type Keyring } from './keyring.js';
import { podListsPullSecrets, pullSecretRefs, secretNamesOf, serviceAccountName, type SecretRef } from './pod-pull-secrets.js';
import type { PullObjectSource } from './pull-object-source.js';
import { readPullSecret, type PullSecretReading } from './pull-secret.js';

export interface PodPullContext {
  /** Namespace the pods run in. */
  namespace: string;
  /** The PodSpec: a Pod's `spec`, a workload's `spec.template.spec`, a CronJob's job template's. */
  podSpec: Record<string, unknown>;
}

export interface PodPullSecrets {
  namespace: string;
  /** The service account the pods run as (`default` when the spec names none). */
  serviceAccount: string;
  /** Where the secret names came from. */
  origin: 'pod' | 'service-account' | 'none';
  /** Secret names in the order kubelet fetches them (unnamed entries and repeats removed). */
  secretNames: string[];
  /** The secrets found, in that order. */
  secrets: PullSecretReading[];
  /** Names not found in the source; when the source is not authoritative they may exist in the cluster. */
  unresolvedSecrets: string[];
  /** Secrets that exist but whose contents could not be read (a snapshot, `forbidden: get secrets`). */
  unreadableSecrets: { name: string; reason: string; keyring: Keyring<string> }[];
  /** Set when the pod takes its pull secrets from a ServiceAccount that could not be read: why. */
  serviceAccountUnknown?: string;
  problems: CredentialProblem[];
  /** Set when kubelet fails every image pull of these pods: the problem that causes it. */
  blockedBy?: CredentialProblem;
  keyring: Keyring<RegistryCredential>;
}

export interface ImageCredentials {
  /** In the order kubelet tries them; empty means an anonymous pull (as far as pull secrets go). */
  credentials: RegistryCredential[];
  /** Problems of the pod's pull secrets (the same for every image of the pod). */
  problems: CredentialProblem[];
  origin: PodPullSecrets['origin'];
  serviceAccount: string;
  unresolvedSecrets: string[];
  blockedBy?: CredentialProblem;
  /**
   * Set when a pull secret of the pod that exists holds credentials for this image but could not be
   * read: what kubelet sends is unknown, so nothing should be asked in its name.
   */
  credentialsUnknown?: string;
}

/** `imagePullSecrets` as kubelet sees it (pod-pull-secrets.ts), with a problem when the field is malformed. */
function secretRefs(value: unknown, where: string, list: 'pod' | 'service-account', problems: CredentialProblem[]): SecretRef[] | undefined {
  const refs = pullSecretRefs(value);
  if (refs !== 'not-a-list') return refs;
  problems.push({ code: 'pull-secrets-invalid', severity: 'error', list, message: `${where}.imagePullSecrets is not a list; the API server rejects it` });
  return [];
}

function credentialFrom(reading: PullSecretReading, entry: PullSecretReading['entries'][number], via: string): RegistryCredential {
  const source = `secret ${reading.namespace}/${reading.name} (${reading.key}, ${configKeyLabel(entry.configKey)})${via}`;
  const credential: RegistryCredential = { source };
  if (entry.username !== '') credential.username = entry.username;
  if (entry.password !== '') credential.password = entry.password;
  return credential;
}

/** The pod-level part: which secrets, what they hold, and the keyring; reusable for every image of the pod. */
export function podPullSecrets(pod: PodPullContext, objects: PullObjectSource): PodPullSecrets {
  const { namespace, podSpec } = pod;
  const problems: CredentialProblem[] = [];
  const serviceAccount = serviceAccountName(podSpec);
  const saLabel = `serviceaccount ${namespace}/${serviceAccount}`;
  const sa = objects.serviceAccount(namespace, serviceAccount);

  const podRefs = secretRefs(podSpec['imagePullSecrets'], 'the pod spec', 'pod', problems) ?? [];
  const podListsNone = !podListsPullSecrets(podSpec);
  if (sa === undefined) {
    if (serviceAccount === 'default' && !objects.authoritative) {
      if (podListsNone) {
        problems.push({
          code: 'service-account-assumed',
          severity: 'info',
          message: `${saLabel} is not among ${objects.description}; assuming it has no imagePullSecrets (Kubernetes creates it empty)`,
        });
      }
    } else {
      problems.push({
        code: 'service-account-missing',
        // From manifests alone the account is often just elsewhere (another file, a chart, an
        // operator): worth a note, not a warning. Against the cluster's own objects it is certain.
        severity: objects.authoritative ? 'error' : 'info',
        message: objects.authoritative
          ? `${saLabel} does not exist; the API server rejects the pods ("error looking up service account")`
          : `${saLabel} is not among ${objects.description}; unless it exists in the cluster, the API server rejects the pods`,
      });
    }
  }

  let origin: PodPullSecrets['origin'] = 'pod';
  let refs = podRefs;
  // Admission copies the service account's list only when the pod's is empty: an entry with an
  // empty name still counts as "not empty" and then kubelet skips it, leaving no secret at all.
  if (podListsNone) {
    origin = 'service-account';
    refs = sa === undefined ? [] : (secretRefs(sa['imagePullSecrets'], saLabel, 'service-account', problems) ?? []);
  }
  const via = origin === 'service-account' ? ` via ${saLabel}` : '';

  refs.forEach((ref, index) => {
    if (ref.name !== '') return;
    const owner = origin === 'pod' ? 'the pod spec' : saLabel;
    problems.push({ code: 'pull-secret-unnamed', severity: 'warning', list: origin === 'pod' ? 'pod' : 'service-account', index, message: `${owner}: imagePullSecrets[${index}] has no name; kubelet skips it` });
  });
  // A repeated name makes kubelet try the same credentials twice, which cannot change the outcome.
  const secretNames = secretNamesOf(refs);
  if (secretNames.length === 0) origin = refs.length === 0 ? 'none' : origin;

  const secrets: PullSecretReading[] = [];
  const unresolvedSecrets: string[] = [];
  const unreadableSecrets: PodPullSecrets['unreadableSecrets'] = [];
  for (const name of secretNames) {
    const secret = objects.secret(namespace, name);
    if (secret === undefined) {
      unresolvedSecrets.push(name);
      problems.push({
        code: 'pull-secret-missing',
        cause: 'pull-secret-missing',
        severity: objects.authoritative ? 'warning' : 'info',
        secret: { namespace, name },
        list: origin === 'pod' ? 'pod' : 'service-account',
        index: refs.findIndex((ref) => ref.name === name),
        message: objects.authoritative
          ? `secret ${namespace}/${name} (from ${origin === 'pod' ? 'the pod spec' : saLabel}) does not exist; kubelet ignores it ("Unable to retrieve some image pull secrets") and pulls without it`
          : `secret ${namespace}/${name} (from ${origin === 'pod' ? 'the pod spec' : saLabel}) is not among ${objects.description}; if it is not in the cluster either, kubelet pulls without it`,
      });
      continue;
    }
    const unreadable = objects.secretContentUnknown?.(namespace, name);
    if (unreadable !== undefined) {
      unreadableSecrets.push({
        name,
        reason: unreadable.reason,
        keyring: createKeyring(unreadable.registries.map((configKey) => ({ configKey, value: configKey }))),
      });
      continue;
    }
    const reading = readPullSecret(secret, namespace);
    secrets.push(reading);
    // A loop, not push(...): a hostile secret can hold more entries (and problems) than fit in a call's arguments.
    for (const problem of reading.problems) problems.push(problem);
  }

  const blocking = secrets.find((reading) => reading.breaksPulls);
  const keyring = createKeyring(
    blocking !== undefined
      ? []
      : secrets.flatMap((reading) => reading.entries.map((entry) => ({ configKey: entry.configKey, value: credentialFrom(reading, entry, via) }))),
  );
  for (const rejected of keyring.rejectedKeys) {
    problems.push({
      code: 'entry-key-invalid',
      severity: 'warning',
      entry: configKeyLabel(rejected),
      message: `pull secret entry ${JSON.stringify(configKeyLabel(rejected))} is not a valid registry URL; kubelet skips it`,
    });
  }

  const result: PodPullSecrets = { namespace, serviceAccount, origin, secretNames, secrets, unresolvedSecrets, unreadableSecrets, problems, keyring };
  const accountUnknown = podListsNone && sa === undefined ? objects.serviceAccountUnknown?.(namespace, serviceAccount) : undefined;
  if (accountUnknown !== undefined) result.serviceAccountUnknown = `the pull secrets of ${saLabel} are unknown (${accountUnknown})`;
  const blockedBy = blocking?.problems.find((p) => p.breaksPulls === true);
  if (blockedBy !== undefined) result.blockedBy = blockedBy;
  return result;
}

/** The credentials kubelet tries for one image (by its repository name), most specific first. */
export function credentialsForImage(pullSecrets: PodPullSecrets, image: Pick<ImageReference, 'name'>): ImageCredentials {
  const result: ImageCredentials = {
    credentials: pullSecrets.blockedBy === undefined ? pullSecrets.keyring.lookup(image.name) : [],
    problems: pullSecrets.problems,
    origin: pullSecrets.origin,
    serviceAccount: pullSecrets.serviceAccount,
    unresolvedSecrets: pullSecrets.unresolvedSecrets,
  };
  if (pullSecrets.blockedBy !== undefined) result.blockedBy = pullSecrets.blockedBy;
  const unreadable = pullSecrets.unreadableSecrets.find((secret) => secret.keyring.lookup(image.name).length > 0);
  if (pullSecrets.serviceAccountUnknown !== undefined) result.credentialsUnknown = pullSecrets.serviceAccountUnknown;
  else if (unreadable !== undefined) {
    result.credentialsUnknown = `the credentials of secret ${pullSecrets.namespace}/${unreadable.name} for this image are unknown (${unreadable.reason})`;
  }
  return result;
}

/** `podPullSecrets` + `credentialsForImage` for a single image. */
export function credentialsForPod(pod: PodPullContext, image: Pick<ImageReference, 'name'>, objects: PullObjectSource): ImageCredentials {
  return credentialsForImage(podPullSecrets(pod, objects), image);
}
