// Which pull secrets a pod gets: its own `imagePullSecrets`, or, when it lists none, those of its
// ServiceAccount (the ServiceAccount admission plugin copies them at pod creation; registry.md §4.3).
import type { ManifestObject } from '../../manifests/model.js';

export function podPullSecretNames(spec: Record<string, unknown>): string[] {
  return pullSecretNames(spec['imagePullSecrets']);
}

export function serviceAccountName(spec: Record<string, unknown>): string {
  for (const key of ['serviceAccountName', 'serviceAccount']) {
    const value = spec[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return 'default';
}

/**
 * The ServiceAccount named `name` among the objects of this run, in the pod's namespace. An object
 * without a namespace goes to whatever namespace it is applied to, so it matches any namespace.
 */
export function findServiceAccount(objects: readonly ManifestObject[], name: string, namespace: string | undefined): ManifestObject | undefined {
  return serviceAccountsByName(objects)
    .get(name)
    ?.find((o) => o.ref.namespace === undefined || namespace === undefined || o.ref.namespace === namespace);
}

// Every pod spec of a run looks up its ServiceAccount: scanning all objects each time made a run
// quadratic (minutes for 10,000 workloads). The index keeps file order, so the first match wins as before.
const accountIndexes = new WeakMap<readonly ManifestObject[], { length: number; byName: Map<string, ManifestObject[]> }>();

function serviceAccountsByName(objects: readonly ManifestObject[]): Map<string, ManifestObject[]> {
  const cached = accountIndexes.get(objects);
  if (cached !== undefined && cached.length === objects.length) return cached.byName;
  const byName = new Map<string, ManifestObject[]>();
  for (const o of objects) {
    if (o.ref.kind !== 'ServiceAccount' || o.ref.name === undefined) continue;
    const named = byName.get(o.ref.name);
    if (named === undefined) byName.set(o.ref.name, [o]);
    else named.push(o);
  }
  accountIndexes.set(objects, { length: objects.length, byName });
  return byName;
}

export function serviceAccountPullSecretNames(serviceAccount: ManifestObject): string[] {
  return pullSecretNames(serviceAccount.value['imagePullSecrets']);
}

function pullSecretNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const names: string[] = [];
  for (const entry of value) {
    const name = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['name'] : undefined;
    if (typeof name === 'string' && name !== '') names.push(name);
  }
  return names;
}
