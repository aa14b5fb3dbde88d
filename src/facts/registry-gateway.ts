// facts/: the interfaces the core owns for facts about the world, implemented in gateways/ and faked
// in tests. Imports only images/ and shared/. This one asks registries about images (DESIGN.md "Gateways").
import type { RegistryCause, VerdictEvidence } from '../causes/classify-registry.js';
import type { ImageReference } from '../images/types.js';

export type { Platform } from '../images/select-platforms.js';
import type { Platform } from '../images/select-platforms.js';

/**
 * One credential to try, in kubelet's order. `source` says where it came from and is safe to print
 * (`secret team/regcred (.dockerconfigjson)`, `docker config.json (credHelpers: gcloud)`); the other
 * fields are secret and must never reach output, logs or error messages.
 */
export interface RegistryCredential {
  source: string;
  username?: string;
  password?: string;
  /** OAuth2 refresh token (docker's `identitytoken`). */
  identityToken?: string;
  /** A bearer token to send as is (docker's `registrytoken`). */
  registryToken?: string;
}

/** Per-registry settings from `.pullguard.yaml` (`registries:` keyed by host[:port]). */
export interface RegistryHostSettings {
  /** Endpoints tried before the registry itself, e.g. `https://mirror.example.com`. */
  mirrors?: string[];
  /** Talk plain HTTP to this registry (loopback registries fall back to it without being told). */
  plainHttp?: boolean;
  /** PEM file with the CA that signed the registry's certificate. */
  caFile?: string;
  /** Skip TLS verification (discouraged; reported in the verdict). */
  insecureSkipVerify?: boolean;
}

export interface ImageCheckRequest {
  reference: ImageReference;
  /** Ordered as kubelet would try them; empty means anonymous. Every matching credential is tried; no anonymous fallback once one matched. */
  credentials: readonly RegistryCredential[];
  /** Node platforms that must be present in an index; empty/undefined: do not check platforms. */
  platforms?: readonly Platform[];
}

export interface ImageCheckResult {
  /** `ok`, or a failure cause id of the catalogue (`image-not-found`, `unauthorized`, `platform-mismatch`, ...). */
  status: RegistryCause;
  /** One sentence for humans. */
  summary: string;
  /** The host that answered (mirror or registry). */
  registry: string;
  digest?: string;
  mediaType?: string;
  /** Platforms the image offers (`linux/amd64`, `linux/arm/v7`), when known. */
  platforms?: string[];
  /** `source` of the credential that decided the verdict, or `anonymous`. */
  credentialSource?: string;
  evidence?: VerdictEvidence;
}

export interface RegistryGateway {
  checkImage(request: ImageCheckRequest, signal?: AbortSignal): Promise<ImageCheckResult>;
  close(): Promise<void>;
}
