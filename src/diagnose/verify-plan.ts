// `diagnose --verify`: which registry check confirms an entry's cause, and what its answer means.
// The check runs with the pod's own pull secrets, in kubelet's order (the keyring's lookup), so
// that "unauthorized" from here is the answer the node got. Pure: the caller reads the secrets and
// runs the check.
import { getCause } from '../causes/index.js';
import { createKeyring } from '../credentials/keyring.js';
import { decodeDockerAuth } from '../credentials/docker-config.js';
import type { PullSecretCredential } from '../facts/cluster-reader.js';
import type { ImageCheckRequest, ImageCheckResult, RegistryCredential } from '../facts/registry-gateway.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import type { DiagnosisEntry, Verification } from './types.js';

/** Whether a registry can say anything about this cause: a node-only cause (never-pull, disk) cannot be checked from here. */
export function isCheckable(entry: DiagnosisEntry): boolean {
  const vantage = getCause(entry.cause).vantage;
  return entry.cause === 'unknown' || vantage === 'registry' || vantage === 'network' || entry.cause === 'pull-secret-missing';
}

export interface SecretsOfPod {
  namespace: string;
  /** Per secret name: its credentials, or why they could not be read. */
  secrets: { name: string; credentials?: readonly PullSecretCredential[]; unknown?: string }[];
}

export function verificationRequest(entry: DiagnosisEntry, pod: SecretsOfPod): { request?: ImageCheckRequest; note?: string } {
  const parsed = parseImageReference(entry.image);
  if (!parsed.ok) return { note: `the image reference is invalid: ${parsed.error.message}` };
  const unread = pod.secrets.filter((s) => s.credentials === undefined);
  const items = pod.secrets.flatMap((secret) =>
    (secret.credentials ?? []).map((credential) => ({ configKey: credential.registry, value: registryCredential(pod.namespace, secret.name, credential) })),
  );
  const credentials = createKeyring(items).lookup(parsed.reference.name);
  const note =
    unread.length === 0 ? undefined : `pull secrets not read: ${unread.map((s) => `${s.name} (${s.unknown ?? 'unknown'})`).join(', ')}`;
  return { request: { reference: parsed.reference, credentials }, ...(note === undefined ? {} : { note }) };
}

function registryCredential(namespace: string, secret: string, credential: PullSecretCredential): RegistryCredential {
  const source = `secret ${namespace}/${secret}`;
  let username = credential.username;
  let password = credential.password;
  if ((username === undefined || username === '') && credential.auth !== undefined && credential.auth !== '') {
    const decoded = decodeDockerAuth(credential.auth);
    if (decoded.ok) ({ username, password } = decoded);
  }
  return {
    source,
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
    ...(credential.identityToken === undefined ? {} : { identityToken: credential.identityToken }),
  };
}

/** The registry's answer against the entry's cause. */
export function judgeVerification(entry: DiagnosisEntry, result: ImageCheckResult, note?: string): Verification {
  const confirmed =
    result.status === entry.cause ||
    // A missing secret makes the pull anonymous: the registry then refuses or hides the image.
    (entry.cause === 'pull-secret-missing' && (result.status === 'unauthorized' || result.status === 'not-found-or-unauthorized')) ||
    (entry.cause === 'not-found-or-unauthorized' && (result.status === 'image-not-found' || result.status === 'unauthorized'));
  return {
    status: result.status,
    summary: result.summary,
    ...(result.credentialSource === undefined ? {} : { credentialSource: result.credentialSource }),
    outcome: confirmed ? 'confirmed' : 'differs',
    ...(note === undefined ? {} : { note }),
  };
}

export function notCheckable(entry: DiagnosisEntry): Verification {
  return {
    status: entry.cause,
    summary: `${entry.cause} is seen only on the node or in the manifest; a registry check cannot confirm it`,
    outcome: 'not-checkable',
  };
}
