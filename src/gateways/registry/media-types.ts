// Manifest media types a registry may answer with (OCI image spec, Docker manifest v2). All go into
// `Accept`: without the index types a registry may silently answer with one platform's manifest,
// and distribution 2.8 answers 404 for OCI content it was not asked for.

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_MANIFEST_V1_SIGNED = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
export const DOCKER_MANIFEST_V1 = 'application/vnd.docker.distribution.manifest.v1+json';

export const OCI_IMAGE_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const DOCKER_IMAGE_CONFIG = 'application/vnd.docker.container.image.v1+json';

export const MANIFEST_ACCEPT = [
  OCI_INDEX,
  DOCKER_MANIFEST_LIST,
  OCI_MANIFEST,
  DOCKER_MANIFEST_V2,
  DOCKER_MANIFEST_V1_SIGNED,
  DOCKER_MANIFEST_V1,
].join(', ');

export type ManifestKind = 'index' | 'manifest' | 'schema1' | 'unknown';

/** `Content-Type` without parameters, lower-cased. */
export function bareMediaType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const bare = contentType.split(';')[0]?.trim().toLowerCase();
  return bare === '' ? undefined : bare;
}

export function manifestKind(mediaType: string | undefined): ManifestKind {
  switch (mediaType) {
    case OCI_INDEX:
    case DOCKER_MANIFEST_LIST:
      return 'index';
    case OCI_MANIFEST:
    case DOCKER_MANIFEST_V2:
      return 'manifest';
    case DOCKER_MANIFEST_V1:
    case DOCKER_MANIFEST_V1_SIGNED:
      return 'schema1';
    default:
      return 'unknown';
  }
}

/** Config media types that describe a runnable image (anything else is an artifact: Helm chart, SBOM...). */
export function isImageConfig(mediaType: string | undefined): boolean {
  return mediaType === OCI_IMAGE_CONFIG || mediaType === DOCKER_IMAGE_CONFIG;
}

/**
 * The media type of a manifest body: the `Content-Type` when it is a manifest type, else the body's
 * own `mediaType`, else what its shape says (OCI allows `mediaType` to be absent).
 */
export function resolveManifestMediaType(contentType: string | undefined, body: unknown): string | undefined {
  const fromHeader = bareMediaType(contentType);
  if (manifestKind(fromHeader) !== 'unknown') return fromHeader;
  if (typeof body !== 'object' || body === null) return fromHeader;
  const record = body as Record<string, unknown>;
  if (typeof record.mediaType === 'string') return record.mediaType;
  if (record.schemaVersion === 1) return DOCKER_MANIFEST_V1;
  if (Array.isArray(record.manifests)) return OCI_INDEX;
  if (typeof record.config === 'object' && record.config !== null) return OCI_MANIFEST;
  return fromHeader;
}
