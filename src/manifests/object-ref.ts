import type { ObjectRef } from '../manifests/model.js';
import { isPlainObject } from '../shared/is-plain-object.js';

/** The reference of a Kubernetes object, or undefined when the value is not one (no apiVersion/kind). */
export function objectRefOf(value: unknown): ObjectRef | undefined {
  if (!isPlainObject(value)) return undefined;
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') return undefined;
  const ref: ObjectRef = { apiVersion, kind };
  const metadata = value['metadata'];
  if (isPlainObject(metadata)) {
    const { namespace, name, generateName } = metadata;
    if (typeof namespace === 'string' && namespace !== '') ref.namespace = namespace;
    if (typeof name === 'string' && name !== '') ref.name = name;
    else if (typeof generateName === 'string' && generateName !== '') ref.name = generateName;
  }
  return ref;
}

/** `kind: List`, or any `*List` kind, holding its objects in `items`. */
export function isListObject(value: Record<string, unknown>, ref: ObjectRef): value is Record<string, unknown> & { items: unknown[] } {
  return (ref.kind === 'List' || ref.kind.endsWith('List')) && Array.isArray(value['items']);
}
