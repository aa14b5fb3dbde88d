// Docker's short form of a normalised name (normalize.go `familiarizeName`): Docker Hub's domain is
// dropped, and so is `library/` when nothing nested follows (`docker.io/library/nginx` → `nginx`,
// `docker.io/library/foo/bar` stays `library/foo/bar`). Other registries keep their full name.

import type { ImageReference } from './types.js';
import { DOCKER_HUB_DOMAIN, OFFICIAL_REPO_PREFIX } from './parse-image-reference.js';

export function familiarName(ref: Pick<ImageReference, 'domain' | 'path'>): string {
  if (ref.domain !== DOCKER_HUB_DOMAIN) return `${ref.domain}/${ref.path}`;
  if (ref.path.startsWith(OFFICIAL_REPO_PREFIX)) {
    const rest = ref.path.slice(OFFICIAL_REPO_PREFIX.length);
    if (!rest.includes('/')) return rest;
  }
  return ref.path;
}

/** `FamiliarString`: the familiar name with the tag and digest as written (no implied `:latest`). */
export function familiarString(ref: ImageReference): string {
  const tag = ref.explicitTag && ref.tag !== undefined ? `:${ref.tag}` : '';
  const digest = ref.digest !== undefined ? `@${ref.digest}` : '';
  return `${familiarName(ref)}${tag}${digest}`;
}
