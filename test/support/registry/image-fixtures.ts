// Deterministic images to seed: single-platform Docker v2 schema 2 and OCI manifests, an OCI index
// and a Docker manifest list (each with a BuildKit-style attestation entry), and an OCI artifact that
// is not a container image. The registry does not inspect layer bytes, so layers are short labels.
import { createHash } from 'node:crypto';

export interface Blob {
  digest: string;
  bytes: Buffer;
}

export interface SeedManifest {
  mediaType: string;
  bytes: Buffer;
  digest: string;
  /** Blobs this manifest references (config and layers). */
  blobs: Blob[];
  /** Manifests an index references, pushed before it. */
  children: SeedManifest[];
}

export interface FixturePlatform {
  os: string;
  architecture: string;
  variant?: string;
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';

function blob(content: string | Buffer): Blob {
  const bytes = Buffer.from(content);
  return { bytes, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

function manifest(mediaType: string, body: unknown, blobs: Blob[], children: SeedManifest[] = []): SeedManifest {
  const bytes = Buffer.from(JSON.stringify(body));
  return { mediaType, bytes, digest: blob(bytes).digest, blobs, children };
}

function descriptor(mediaType: string, b: { digest: string; bytes: Buffer }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { mediaType, digest: b.digest, size: b.bytes.length, ...extra };
}

function imageParts(platform: FixturePlatform, label: string): { config: Blob; layer: Blob } {
  const layer = blob(`layer of ${label} for ${platform.os}/${platform.architecture}${platform.variant ?? ''}`);
  const config = blob(
    JSON.stringify({
      architecture: platform.architecture,
      os: platform.os,
      ...(platform.variant === undefined ? {} : { variant: platform.variant }),
      config: { Cmd: ['/hello'] },
      rootfs: { type: 'layers', diff_ids: [layer.digest] },
    }),
  );
  return { config, layer };
}

export function ociImage(platform: FixturePlatform, label: string): SeedManifest {
  const { config, layer } = imageParts(platform, label);
  return manifest(
    OCI_MANIFEST,
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: descriptor('application/vnd.oci.image.config.v1+json', config),
      layers: [descriptor('application/vnd.oci.image.layer.v1.tar+gzip', layer)],
    },
    [config, layer],
  );
}

export function dockerImage(platform: FixturePlatform, label: string): SeedManifest {
  const { config, layer } = imageParts(platform, label);
  return manifest(
    DOCKER_MANIFEST,
    {
      schemaVersion: 2,
      mediaType: DOCKER_MANIFEST,
      config: descriptor('application/vnd.docker.container.image.v1+json', config),
      layers: [descriptor('application/vnd.docker.image.rootfs.diff.tar.gzip', layer)],
    },
    [config, layer],
  );
}

/** A Helm-chart-like OCI artifact: a manifest whose config is not an image config. */
export function ociArtifact(label: string): SeedManifest {
  const config = blob(JSON.stringify({ name: label, version: '1.0.0' }));
  const layer = blob(`chart ${label}`);
  return manifest(
    OCI_MANIFEST,
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: descriptor('application/vnd.cncf.helm.config.v1+json', config),
      layers: [descriptor('application/vnd.cncf.helm.chart.content.v1.tar+gzip', layer)],
    },
    [config, layer],
  );
}

/** What BuildKit pushes next to the images: provenance for `subject`, listed as unknown/unknown. */
function attestation(subject: SeedManifest, label: string): SeedManifest {
  const config = blob(JSON.stringify({ architecture: 'unknown', os: 'unknown', config: {}, rootfs: { type: 'layers', diff_ids: [] } }));
  const statement = blob(JSON.stringify({ _type: 'https://in-toto.io/Statement/v0.1', subject: [{ digest: subject.digest }], label }));
  return manifest(
    OCI_MANIFEST,
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: descriptor('application/vnd.oci.image.config.v1+json', config),
      layers: [descriptor('application/vnd.in-toto+json', statement, { annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' } })],
    },
    [config, statement],
  );
}

function indexOf(mediaType: string, images: { image: SeedManifest; platform: FixturePlatform }[], label: string, withAttestation: boolean, entryPlatforms = true): SeedManifest {
  const children = images.map((i) => i.image);
  const entries = images.map(({ image, platform }) => descriptor(image.mediaType, image, entryPlatforms ? { platform } : {}));
  const first = images[0]?.image;
  if (withAttestation && first !== undefined) {
    const att = attestation(first, label);
    children.push(att);
    entries.push(
      descriptor(att.mediaType, att, {
        platform: { architecture: 'unknown', os: 'unknown' },
        annotations: { 'vnd.docker.reference.digest': first.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
      }),
    );
  }
  return manifest(mediaType, { schemaVersion: 2, mediaType, manifests: entries }, [], children);
}

export function ociIndex(platforms: FixturePlatform[], label: string, withAttestation = true): SeedManifest {
  return indexOf(OCI_INDEX, platforms.map((platform) => ({ platform, image: ociImage(platform, label) })), label, withAttestation);
}

/** An OCI index whose entries name no platform (it is optional): only the images' configs say. */
export function ociIndexWithoutEntryPlatforms(platforms: FixturePlatform[], label: string): SeedManifest {
  return indexOf(OCI_INDEX, platforms.map((platform) => ({ platform, image: ociImage(platform, label) })), label, false, false);
}

export function dockerManifestList(platforms: FixturePlatform[], label: string, withAttestation = true): SeedManifest {
  return indexOf(DOCKER_LIST, platforms.map((platform) => ({ platform, image: dockerImage(platform, label) })), label, withAttestation);
}

export const LINUX_AMD64: FixturePlatform = { os: 'linux', architecture: 'amd64' };
export const LINUX_ARM64: FixturePlatform = { os: 'linux', architecture: 'arm64', variant: 'v8' };
export const LINUX_ARM_V7: FixturePlatform = { os: 'linux', architecture: 'arm', variant: 'v7' };
export const LINUX_ARM_V6: FixturePlatform = { os: 'linux', architecture: 'arm', variant: 'v6' };
