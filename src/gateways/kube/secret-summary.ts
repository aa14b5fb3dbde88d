// Secrets as pullguard keeps them: metadata, type and, for pull secrets, the registry keys they
// hold credentials for; never a value, a user name or a token. And the credentials of one pull
// secret for the registry check, in memory only, every value registered with the run's redactor
// before anything else sees it.
import type { Secret } from 'kubernetes-types/core/v1.js';
import type { PullSecretCredential } from '../../facts/cluster-reader.js';
import type { SecretSummary } from '../../facts/cluster-snapshot.js';
import { registerSecret } from '../../shared/run-secrets.js';

const DOCKER_CONFIG_JSON = 'kubernetes.io/dockerconfigjson';
const DOCKERCFG = 'kubernetes.io/dockercfg';

export function summariseSecret(secret: Secret): SecretSummary {
  const metadata = secret.metadata ?? {};
  const summary: SecretSummary = {
    metadata: {
      ...(metadata.name === undefined ? {} : { name: metadata.name }),
      ...(metadata.namespace === undefined ? {} : { namespace: metadata.namespace }),
      ...(metadata.uid === undefined ? {} : { uid: metadata.uid }),
      ...(metadata.creationTimestamp === undefined ? {} : { creationTimestamp: metadata.creationTimestamp }),
      ...(metadata.labels === undefined ? {} : { labels: metadata.labels }),
      ...(metadata.annotations === undefined ? {} : { annotations: withoutLastApplied(metadata.annotations) }),
    },
    type: secret.type ?? 'Opaque',
  };
  const entries = dockerConfigEntries(secret);
  if (entries !== undefined) summary.registries = Object.keys(entries);
  return summary;
}

/** The registry credentials of a pull secret; an empty list for any other secret or one kubelet could not decode. */
export function pullSecretCredentials(secret: Secret): PullSecretCredential[] {
  const entries = dockerConfigEntries(secret) ?? {};
  return Object.entries(entries).map(([registry, entry]) => {
    const credential: PullSecretCredential = { registry };
    const text = (key: string): string | undefined => (typeof entry?.[key] === 'string' && entry[key] !== '' ? (entry[key] as string) : undefined);
    const username = text('username');
    const password = text('password');
    const auth = text('auth');
    const identityToken = text('identitytoken') ?? text('identityToken');
    registerSecret(password, username);
    registerSecret(auth);
    registerSecret(identityToken);
    if (auth !== undefined) {
      const decoded = Buffer.from(auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) registerSecret(decoded.slice(colon + 1), decoded.slice(0, colon));
    }
    if (username !== undefined) credential.username = username;
    if (password !== undefined) credential.password = password;
    if (auth !== undefined) credential.auth = auth;
    if (identityToken !== undefined) credential.identityToken = identityToken;
    return credential;
  });
}

function dockerConfigEntries(secret: Secret): Record<string, Record<string, unknown> | undefined> | undefined {
  const type = secret.type;
  const key = type === DOCKER_CONFIG_JSON ? '.dockerconfigjson' : type === DOCKERCFG ? '.dockercfg' : undefined;
  if (key === undefined) return undefined;
  const data = secret.data?.[key];
  if (data === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  } catch {
    return {};
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const entries = type === DOCKER_CONFIG_JSON ? (parsed as { auths?: unknown }).auths : parsed;
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) return {};
  return entries as Record<string, Record<string, unknown> | undefined>;
}

/** kubectl apply copies the whole object, data included, into this annotation: never keep it. */
function withoutLastApplied(annotations: Record<string, string>): Record<string, string> {
  const { 'kubectl.kubernetes.io/last-applied-configuration': _dropped, ...rest } = annotations;
  return rest;
}
