// credentials/: kubelet's pull model, pure: which pull secrets a pod gets, pull-secret decoding, the
// keyring, docker config semantics, node identity; the credentials pullguard uses for registry
// checks, in kubelet's order. Imports shared/, manifests/, images/, k8s/ and facts/ (types). The I/O
// halves (running docker-credential-*, reading config.json) are in gateways/local/.

export type { CredentialProblem, CredentialProblemCode } from './credential-problem.js';
export { createKeyring, DEFAULT_REGISTRY_KEY, keyringKey, type Keyring, type KeyringItem } from './keyring.js';
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
export {
  applyNodeIdentity,
  matchNodeIdentityRegistry,
  NODE_IDENTITY_SOURCE,
  nodeIdentityVerdict,
  type NodeIdentityMatch,
} from './node-identity.js';
