// Which pull secrets a pod gets, the one implementation that lint (missing-pull-secret) and check
// (credentials-for-pod.ts) share: its own `imagePullSecrets` when that list has any entry, else
// those of its ServiceAccount. The ServiceAccount admission plugin copies the account's list only
// when the pod's is empty (plugin/pkg/admission/serviceaccount/admission.go), and kubelet skips
// entries without a name, so `imagePullSecrets: [{name: ""}]` leaves the pod with no secret at all.
import type { ManifestObject } from '../manifests/model.js';
import { isPlainObject } from '../shared/is-plain-object.js';

/** One `imagePullSecrets` entry as kubelet reads it: `name` is '' when the entry has none. */
export interface SecretRef {
  name: string;
}

/** The service account the pods run as (`default` when the spec names none). */
export function serviceAccountName(spec: Record<string, unknown>): string {
  for (const key of ['serviceAccountName', 'serviceAccount']) {
    const value = spec[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return 'default';
}

/**
 * `imagePullSecrets` entries in order; undefined when the field is absent or null, `not-a-list`
 * when it is something else (the API server rejects it; admission sees an empty list).
 */
export function pullSecretRefs(value: unknown): SecretRef[] | undefined | 'not-a-list' {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return 'not-a-list';
  return value.map((item) => ({ name: isPlainObject(item) && typeof item['name'] === 'string' ? item['name'] : '' }));
}

/** Whether the pod's own list decides (any entry, named or not), so that the account's is never copied. */
export function podListsPullSecrets(podSpec: Record<string, unknown>): boolean {
  const refs = pullSecretRefs(podSpec['imagePullSecrets']);
  return Array.isArray(refs) && refs.length > 0;
}

/** The names kubelet fetches from a list of refs: named ones, first occurrence, in order. */
export function secretNamesOf(refs: readonly SecretRef[]): string[] {
  const names: string[] = [];
  for (const ref of refs) if (ref.name !== '' && !names.includes(ref.name)) names.push(ref.name);
  return names;
}

function namesIn(value: unknown): string[] {
  const refs = pullSecretRefs(value);
  return Array.isArray(refs) ? secretNamesOf(refs) : [];
}

/**
 * The secret names a pod gets: the pod's named entries when it lists any entry, else the named
 * entries of `serviceAccount` (its value; undefined when unknown).
 */
export function assignedPullSecretNames(podSpec: Record<string, unknown>, serviceAccount: Record<string, unknown> | undefined): string[] {
  if (podListsPullSecrets(podSpec)) return namesIn(podSpec['imagePullSecrets']);
  return serviceAccount === undefined ? [] : namesIn(serviceAccount['imagePullSecrets']);
}

/**
 * The ServiceAccount named `name` among the objects of one lint run, in the pod's namespace. An
 * object without a namespace goes to whatever namespace it is applied to, so it matches any
 * namespace; the first match in file order wins.
 */
export function findServiceAccount(objects: readonly ManifestObject[], name: string, namespace: string | undefined): ManifestObject | undefined {
  return serviceAccountsByName(objects)
    .get(name)
    ?.find((o) => o.ref.namespace === undefined || namespace === undefined || o.ref.namespace === namespace);
}

// Every pod spec of a run looks its ServiceAccount up, so the accounts are indexed once per run
// (a scan per pod spec would make a run quadratic); the index keeps file order.
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
