// Kubelet's BasicDockerKeyring (pkg/credentialprovider/keyring.go): credentials filed under
// normalised keys, an index of distinct keys sorted in reverse byte order (so `quay.io/team` comes
// before `quay.io`), and a lookup that returns every credential of every matching key, most
// specific key first. Only when nothing matched does a Docker Hub image fall back to the
// credentials filed under `index.docker.io`.

import { isDefaultRegistryMatch } from '../images/docker-hub.js';
import { parseGoUrl } from '../images/go-url.js';
import { matchesHostGlob } from '../images/host-glob.js';

/** Kubelet's `defaultRegistryHost`: where `https://index.docker.io/v1/` and `index.docker.io` land. */
export const DEFAULT_REGISTRY_KEY = 'index.docker.io';

export interface KeyringItem<T> {
  /** The key as written in the docker config (`https://index.docker.io/v1/`, `ghcr.io`, `*.azurecr.io`). */
  configKey: string;
  value: T;
}

export interface Keyring<T> {
  /** Distinct normalised keys in lookup order (reverse-sorted). */
  readonly index: readonly string[];
  /** Config keys Go's url.Parse rejects: kubelet logs and skips them. */
  readonly rejectedKeys: readonly string[];
  /** Every credential that applies to an image name such as `docker.io/library/nginx`, in the order kubelet tries them. */
  lookup(image: string): T[];
}

/**
 * The key kubelet files a docker config entry under: `https://` added unless the key has a scheme,
 * scheme dropped, a leading `/v1/` or `/v2/` dropped from the path, and `host` alone when nothing
 * is left but `/`. `https://index.docker.io/v1/` becomes `index.docker.io`, `quay.io/team` stays.
 * Undefined when Go's url.Parse rejects the key (kubelet logs it and skips the entry).
 */
export function keyringKey(configKey: string): string | undefined {
  const withScheme = configKey.startsWith('https://') || configKey.startsWith('http://') ? configKey : `https://${configKey}`;
  const parsed = parseGoUrl(withScheme);
  if (parsed === undefined) return undefined;
  let path = parsed.path;
  if (path.startsWith('/v2/') || path.startsWith('/v1/')) path = path.slice(3);
  return path.length > 0 && path !== '/' ? parsed.host + path : parsed.host;
}

/** Go's sort.Strings compares bytes of UTF-8, which differs from UTF-16 order above U+FFFF. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Builds a keyring from items in the order kubelet would Add them (pull secrets in the order the
 * pod lists them; entries of one secret in their JSON order, where Go's map order is random).
 */
export function createKeyring<T>(items: Iterable<KeyringItem<T>>): Keyring<T> {
  const creds = new Map<string, T[]>();
  const rejectedKeys: string[] = [];
  for (const item of items) {
    const key = keyringKey(item.configKey);
    if (key === undefined) {
      rejectedKeys.push(item.configKey);
      continue;
    }
    const list = creds.get(key);
    if (list === undefined) creds.set(key, [item.value]);
    else list.push(item.value);
  }
  const index = [...creds.keys()].sort((a, b) => compareBytes(b, a));
  return {
    index,
    rejectedKeys,
    lookup(image: string): T[] {
      const found: T[] = [];
      for (const key of index) {
        // A loop, not push(...): one key of a hostile config may hold more entries than fit in a call's arguments.
        if (matchesHostGlob(image, key)) for (const cred of creds.get(key) as T[]) found.push(cred);
      }
      if (found.length > 0) return found;
      if (isDefaultRegistryMatch(image)) return [...(creds.get(DEFAULT_REGISTRY_KEY) ?? [])];
      return [];
    },
  };
}
