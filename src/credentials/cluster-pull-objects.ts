// The cluster's ServiceAccounts and pull Secrets as a PullObjectSource (facts/pull-objects.ts), so
// that the one kubelet pull model (credentials-for-pod.ts) reads them exactly as it reads manifests.
// Filled from what gather/gather-cluster.ts read: the lists per namespace and, for the secrets the
// pods use, their credentials (ClusterReader.pullSecretCredentials, in memory only). A secret whose
// list was read but whose credentials were not (a snapshot, `forbidden: get secrets`) is known to
// exist, with its type and registry keys, and its contents are reported unknown; a namespace whose
// lists could not be read makes the source non-authoritative (absence is then not a fact).
import type { ServiceAccount } from 'kubernetes-types/core/v1.js';
import type { ClusterFact, PullSecretCredential } from '../facts/cluster-reader.js';
import type { SecretSummary } from '../facts/cluster-snapshot.js';
import type { PullObjectSource } from '../facts/pull-objects.js';
import { registerSecret } from '../shared/run-secrets.js';
import { DOCKERCFG_KEY, DOCKERCFG_TYPE, DOCKER_CONFIG_JSON_KEY, DOCKER_CONFIG_JSON_TYPE } from './pull-secret.js';

export interface ClusterPullObjectsInput {
  /** For messages: `the cluster (context kind-dev)`. */
  description: string;
  /** By namespace. */
  serviceAccounts: ReadonlyMap<string, ClusterFact<readonly ServiceAccount[]>>;
  secrets: ReadonlyMap<string, ClusterFact<readonly SecretSummary[]>>;
  /** By `namespace/name`: the credentials of the secrets the pods use. */
  credentials: ReadonlyMap<string, ClusterFact<readonly PullSecretCredential[]>>;
  /** Namespaces that do not exist yet: creating one creates its `default` ServiceAccount (empty). */
  missingNamespaces?: ReadonlySet<string>;
}

export function isDockerConfigType(type: string): boolean {
  return type === DOCKER_CONFIG_JSON_TYPE || type === DOCKERCFG_TYPE;
}

/** The docker config entry kubelet decodes, rebuilt from the credential fields the reader kept. */
function configEntry(credential: PullSecretCredential): Record<string, string> {
  const entry: Record<string, string> = {};
  if (credential.username !== undefined) entry['username'] = credential.username;
  if (credential.password !== undefined) entry['password'] = credential.password;
  if (credential.auth !== undefined) entry['auth'] = credential.auth;
  if (credential.identityToken !== undefined) entry['identitytoken'] = credential.identityToken;
  return entry;
}

/** The Secret as kubelet fetches it, rebuilt in memory (never written anywhere) from its type and credentials. */
export function secretWithCredentials(summary: SecretSummary, credentials: readonly PullSecretCredential[]): Record<string, unknown> {
  const config: Record<string, Record<string, string>> = {};
  for (const credential of credentials) {
    registerSecret(credential.password, credential.username);
    registerSecret(credential.auth);
    registerSecret(credential.identityToken);
    config[credential.registry] = configEntry(credential);
  }
  const data: Record<string, string> = {};
  if (summary.type === DOCKER_CONFIG_JSON_TYPE) data[DOCKER_CONFIG_JSON_KEY] = Buffer.from(JSON.stringify({ auths: config })).toString('base64');
  else if (summary.type === DOCKERCFG_TYPE) data[DOCKERCFG_KEY] = Buffer.from(JSON.stringify(config)).toString('base64');
  return { apiVersion: 'v1', kind: 'Secret', metadata: summary.metadata, type: summary.type, data };
}

function metadataOnly(summary: SecretSummary): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Secret', metadata: summary.metadata, type: summary.type };
}

export function clusterPullObjects(input: ClusterPullObjectsInput): PullObjectSource {
  const find = <T extends { metadata?: { name?: string } }>(
    lists: ReadonlyMap<string, ClusterFact<readonly T[]>>,
    namespace: string,
    name: string,
  ): T | undefined => {
    const fact = lists.get(namespace);
    if (fact === undefined || !('value' in fact)) return undefined;
    return fact.value.find((item) => item.metadata?.name === name);
  };
  const known = (lists: ReadonlyMap<string, ClusterFact<unknown>>): boolean => [...lists.values()].every((fact) => 'value' in fact);
  const secretObjects = new Map<string, Record<string, unknown>>();
  const unreadable = (namespace: string, name: string): { reason: string; registries: readonly string[] } | undefined => {
    const summary = find(input.secrets, namespace, name);
    if (summary === undefined || !isDockerConfigType(summary.type)) return undefined;
    const credentials = input.credentials.get(`${namespace}/${name}`) ?? { unknown: 'not read' };
    return 'value' in credentials ? undefined : { reason: credentials.unknown, registries: summary.registries ?? [] };
  };
  return {
    description: input.description,
    authoritative: known(input.serviceAccounts) && known(input.secrets),
    serviceAccount: (namespace, name) =>
      (find(input.serviceAccounts, namespace, name) as Record<string, unknown> | undefined) ??
      (name === 'default' && input.missingNamespaces?.has(namespace) === true
        ? { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } }
        : undefined),
    secret: (namespace, name) => {
      const key = `${namespace}/${name}`;
      const cached = secretObjects.get(key);
      if (cached !== undefined) return cached;
      const summary = find(input.secrets, namespace, name);
      if (summary === undefined) return undefined;
      const credentials = input.credentials.get(key);
      const secret =
        isDockerConfigType(summary.type) && credentials !== undefined && 'value' in credentials
          ? secretWithCredentials(summary, credentials.value)
          : metadataOnly(summary);
      secretObjects.set(key, secret);
      return secret;
    },
    secretContentUnknown: unreadable,
    serviceAccountUnknown: (namespace) => {
      const fact = input.serviceAccounts.get(namespace);
      return fact !== undefined && !('value' in fact) ? fact.unknown : undefined;
    },
  };
}
