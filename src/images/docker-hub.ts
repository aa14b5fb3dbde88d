// Docker Hub facts about a parsed reference, the one Docker Hub notion of lint and check.

import type { ImageReference } from './types.js';
import { DOCKER_HUB_DOMAIN, OFFICIAL_REPO_PREFIX } from './parse-image-reference.js';
import { DOCKER_OFFICIAL_IMAGES } from './data/docker-official-images.js';

/**
 * Hosts that serve Docker Hub's repositories. Normalisation only rewrites `index.docker.io` to
 * `docker.io`; `registry-1.docker.io` (the API host) and `registry.hub.docker.com` stay separate domains
 * (and never match kubelet's Hub credentials), yet pulls from them are Docker Hub pulls with its rate limits.
 */
export const DOCKER_HUB_HOSTS: readonly string[] = [DOCKER_HUB_DOMAIN, 'registry-1.docker.io', 'registry.hub.docker.com'];

export function isDockerHub(ref: Pick<ImageReference, 'domain'>): boolean {
  return DOCKER_HUB_HOSTS.includes(ref.domain);
}

const OFFICIAL = new Set(DOCKER_OFFICIAL_IMAGES);

/** The official image's name (`nginx` for `docker.io/library/nginx`), or undefined for any other repository. */
export function officialImageName(ref: Pick<ImageReference, 'domain' | 'path'>): string | undefined {
  if (!isDockerHub(ref) || !ref.path.startsWith(OFFICIAL_REPO_PREFIX)) return undefined;
  const name = ref.path.slice(OFFICIAL_REPO_PREFIX.length);
  return OFFICIAL.has(name) ? name : undefined;
}

/** Whether the reference names a Docker Official Image (`library/NAME` on Docker Hub, NAME in the shipped list). */
export function isDockerOfficialImage(ref: Pick<ImageReference, 'domain' | 'path'>): boolean {
  return officialImageName(ref) !== undefined;
}

/**
 * Whether an image name, as written, pulls from Docker Hub by kubelet's keyring (keyring.go
 * `isDefaultRegistryMatch`, which decides whether the `index.docker.io` credentials apply): a single
 * component, a first component of `docker.io` or `index.docker.io`, or a first component without
 * `.` and `:`. Unlike isDockerHub it reads the unnormalised name, so `registry-1.docker.io/x` is not.
 */
export function isDefaultRegistryMatch(image: string): boolean {
  const slash = image.indexOf('/');
  const first = slash < 0 ? image : image.slice(0, slash);
  if (first.length === 0) return false;
  if (slash < 0) return true;
  if (first === 'docker.io' || first === 'index.docker.io') return true;
  return !first.includes('.') && !first.includes(':');
}
