// The result of parsing an image reference with distribution/reference's grammar and docker's
// normalisation (docs: ../../docs/rules/invalid-image-reference.md).

export interface ImageReference {
  /** Exactly as written. */
  original: string;
  /** Registry host[:port] after normalisation: `docker.io` for Docker Hub (`index.docker.io` is rewritten). */
  domain: string;
  /** Repository path inside the registry after normalisation, e.g. `library/nginx`. */
  path: string;
  /** `domain/path`, kubelet's credential-lookup key, e.g. `docker.io/library/nginx`. */
  name: string;
  tag?: string;
  digest?: string;
  /** Whether the domain was written (false: Docker Hub was implied). */
  explicitDomain: boolean;
  /** Whether a tag was written (false with no digest: `latest` is implied). */
  explicitTag: boolean;
  /** Fully qualified: `name:tag`, `name@digest` or `name:tag@digest`; `:latest` added when neither tag nor digest was given. */
  normalized: string;
}

export type ImageReferenceErrorCode =
  | 'name-empty'
  | 'name-contains-uppercase'
  | 'reference-invalid-format'
  | 'name-too-long'
  | 'tag-invalid'
  | 'digest-invalid'
  | 'digest-unsupported-algorithm'
  | 'hex-identifier';

export interface ImageReferenceError {
  code: ImageReferenceErrorCode;
  /** One sentence that says what is wrong and where, e.g. `repository name must be lowercase: "MyApp" at offset 0`. */
  message: string;
  /** 0-based offset into the original string where the problem starts, when known. */
  offset?: number;
}

export type ImageReferenceResult =
  | { ok: true; reference: ImageReference }
  | { ok: false; error: ImageReferenceError };
