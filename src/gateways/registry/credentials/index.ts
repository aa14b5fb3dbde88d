// The credentials pullguard uses for registry checks, in kubelet's order (docs/credentials.md).
// Pure: pull secrets, keyring, pod wiring, docker config lookup, node identity.
// Gateways: credential-helper-process.ts (runs docker-credential-*), docker-config-file.ts (reads config.json).

export type { CredentialProblem, CredentialProblemCode } from './credential-problem.js';
export { createKeyring, DEFAULT_REGISTRY_KEY, type Keyring, type KeyringItem } from './keyring.js';
export { isDefaultRegistryMatch, keyringKey, registryUrlMatches } from './registry-url-match.js';
export {
  DOCKER_CONFIG_JSON_KEY,
  DOCKER_CONFIG_JSON_TYPE,
  DOCKERCFG_KEY,
  DOCKERCFG_TYPE,
  readPullSecret,
  type PullSecretKey,
  type PullSecretReading,
} from './pull-secret.js';
export {
  layeredPullObjects,
  pullObjectsFromManifests,
  pullObjectsFromValues,
  type PullObjectOptions,
  type PullObjectSource,
} from './pull-object-source.js';
export {
  credentialsForImage,
  credentialsForPod,
  podPullSecrets,
  type ImageCredentials,
  type PodPullContext,
  type PodPullSecrets,
} from './credentials-for-pod.js';
export { parseDockerConfig, type DockerAuthEntry, type DockerConfigFile } from './docker-config.js';
export {
  DOCKER_HUB_AUTH_KEY,
  dockerConfigCredentials,
  dockerServerAddress,
  type DockerCredentials,
  type DockerCredentialsOptions,
} from './docker-config-credentials.js';
export { sharedCredentialHelper, type CredentialHelper, type HelperOutcome } from './credential-helper.js';
export { processCredentialHelper, type ProcessCredentialHelperOptions } from './credential-helper-process.js';
export { dockerConfigPath, readDockerConfig, type DockerConfigRead } from './docker-config-file.js';
export {
  applyNodeIdentity,
  matchNodeIdentityRegistry,
  NODE_IDENTITY_SOURCE,
  nodeIdentityVerdict,
  type NodeIdentityMatch,
} from './node-identity.js';
