// Where Secrets and ServiceAccounts come from when working out a pod's pull credentials: the
// manifests being deployed now, and later the cluster (a gateway can fill the same interface from
// a snapshot or live reads). `authoritative` says whether absence is a fact (the cluster was read)
// or only "not among what we were given".

import type { ManifestObject } from '../manifests/model.js';
import type { PullObjectSource } from '../facts/pull-objects.js';
import { isPlainObject } from '../shared/is-plain-object.js';

// The interface is the core's (src/facts/pull-objects.ts), like the registry gateway's.
export type { PullObjectSource };

interface Indexed {
  secrets: Map<string, Record<string, unknown>>;
  serviceAccounts: Map<string, Record<string, unknown>>;
}

function slot(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** Indexes core/v1 Secrets and ServiceAccounts by namespace/name; a later object wins, as with `kubectl apply`. */
function indexObjects(values: Iterable<Record<string, unknown>>, defaultNamespace: string): Indexed {
  const indexed: Indexed = { secrets: new Map(), serviceAccounts: new Map() };
  for (const value of values) {
    if (value['apiVersion'] !== 'v1') continue;
    const metadata = isPlainObject(value['metadata']) ? value['metadata'] : {};
    const name = metadata['name'];
    if (typeof name !== 'string' || name === '') continue;
    const namespace = typeof metadata['namespace'] === 'string' && metadata['namespace'] !== '' ? metadata['namespace'] : defaultNamespace;
    if (value['kind'] === 'Secret') indexed.secrets.set(slot(namespace, name), value);
    else if (value['kind'] === 'ServiceAccount') indexed.serviceAccounts.set(slot(namespace, name), value);
  }
  return indexed;
}

export interface PullObjectOptions {
  /** Namespace of objects that do not say (`-n`, else the kubeconfig context's, else `default`). */
  defaultNamespace: string;
  description?: string;
  authoritative?: boolean;
}

/** A source over plain objects (manifest values or objects read from the cluster). */
export function pullObjectsFromValues(values: Iterable<Record<string, unknown>>, options: PullObjectOptions): PullObjectSource {
  const indexed = indexObjects(values, options.defaultNamespace);
  return {
    description: options.description ?? 'the given objects',
    authoritative: options.authoritative ?? false,
    secret: (namespace, name) => indexed.secrets.get(slot(namespace, name)),
    serviceAccount: (namespace, name) => indexed.serviceAccounts.get(slot(namespace, name)),
  };
}

/** A source over the manifests being deployed: absence is not authoritative. */
export function pullObjectsFromManifests(objects: readonly ManifestObject[], defaultNamespace: string): PullObjectSource {
  return pullObjectsFromValues(
    objects.map((object) => object.value),
    { defaultNamespace, description: 'the manifests', authoritative: false },
  );
}

/** Looks in `first`, then `second` (the manifests about to be applied win over what the cluster holds). */
export function layeredPullObjects(first: PullObjectSource, second: PullObjectSource): PullObjectSource {
  return {
    description: `${first.description} and ${second.description}`,
    authoritative: first.authoritative || second.authoritative,
    secret: (namespace, name) => first.secret(namespace, name) ?? second.secret(namespace, name),
    serviceAccount: (namespace, name) => first.serviceAccount(namespace, name) ?? second.serviceAccount(namespace, name),
    // Whichever layer holds the secret says whether its contents are known.
    secretContentUnknown: (namespace, name) =>
      first.secret(namespace, name) !== undefined
        ? first.secretContentUnknown?.(namespace, name)
        : second.secretContentUnknown?.(namespace, name),
    serviceAccountUnknown: (namespace, name) =>
      first.serviceAccount(namespace, name) !== undefined
        ? undefined
        : (first.serviceAccountUnknown?.(namespace, name) ?? second.serviceAccountUnknown?.(namespace, name)),
  };
}
