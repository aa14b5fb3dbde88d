// What can be wrong with the credentials of a pull, as data: which secret, which key, which entry,
// what is wrong and what kubelet or the API server will do about it. Messages are one line and
// never contain a credential, an `auth` value, a token or a fragment of secret data.

import type { CauseId } from '../causes/cause.js';
import type { Severity } from '../shared/severity.js';

export type CredentialProblemCode =
  // Secret objects (kubernetes.io/dockerconfigjson, kubernetes.io/dockercfg)
  | 'secret-data-invalid' // a data value is not a string or not base64: the API server rejects the Secret
  | 'secret-key-missing' // the type's key is absent or empty: the API server rejects the Secret (or kubelet skips it)
  | 'secret-wrong-type' // docker config data in a Secret kubelet does not read for pulls (Opaque, ...)
  | 'secret-json-invalid' // not a JSON object: the API server rejects the Secret
  | 'secret-json-shape' // JSON kubelet cannot decode into a docker config: every pull of the pod fails
  | 'secret-no-auths' // a .dockerconfigjson without `auths`: no credentials at all
  | 'auth-invalid' // an entry's `auth` is not base64(user:password): every pull of the pod fails
  | 'entry-without-credentials' // an entry with neither auth nor username/password (often a credsStore leftover)
  | 'token-ignored' // identitytoken / registrytoken: docker uses them, kubelet does not
  | 'entry-key-invalid' // a registry key Go's url.Parse rejects: kubelet skips the entry
  // Pod wiring
  | 'pull-secret-missing'
  | 'pull-secret-unnamed'
  | 'pull-secrets-invalid'
  | 'service-account-missing'
  | 'service-account-assumed'
  // docker config.json on the workstation
  | 'docker-config-invalid'
  | 'credential-helper-failed';

export interface CredentialProblem {
  code: CredentialProblemCode;
  severity: Severity;
  /** One line, safe to print. */
  message: string;
  /** The failure cause, when one applies (`pull-secret-missing`). */
  cause?: CauseId;
  /** The Secret concerned. */
  secret?: { namespace: string; name: string };
  /** The data key concerned (`.dockerconfigjson`). */
  key?: string;
  /** The registry key of the docker config entry concerned (`ghcr.io`). */
  entry?: string;
  /** For pod wiring problems: whose `imagePullSecrets` list it is about (the pod spec's or its ServiceAccount's). */
  list?: 'pod' | 'service-account';
  /** For pod wiring problems: the index of the `imagePullSecrets` entry concerned. */
  index?: number;
  /** Kubelet fails every image pull of a pod using this secret (the keyring cannot be built). */
  breaksPulls?: boolean;
}
