// OpenShift image triggers: an `ImageChange` trigger of a DeploymentConfig, or the
// `image.openshift.io/triggers` annotation of any workload, makes OpenShift write the image of the
// ImageStreamTag it watches (from the internal registry, pinned by digest) into the container, so
// the image in the manifest (often `" "`) is never the one pulled. Docs: ../../docs/openshift.md.
import type { JsonPath, ManifestObject } from '../manifests/model.js';
import { asPlainObject } from '../shared/is-plain-object.js';
import type { ContainerSite } from './types.js';

export const TRIGGERS_ANNOTATION = 'image.openshift.io/triggers';

/** What sets a container's image: the trigger and the image stream tag it watches. */
export interface ImageTrigger {
  /** `imageChangeParams` of a DeploymentConfig trigger, or the annotation. */
  source: 'ImageChange trigger' | 'annotation';
  /** `from` of the trigger, as written (`ImageStreamTag` `ruby:2.7` in `openshift`), when it names one. */
  from?: { kind: string; name: string; namespace?: string };
  /** Where the trigger names its image stream tag, relative to the object (`from.name`, or the annotation). */
  path: JsonPath;
}

/** The trigger that sets the image of `container` in `object`, or undefined when none does. */
export function imageTriggerFor(object: ManifestObject, container: ContainerSite): ImageTrigger | undefined {
  const value = object.value;
  if (object.ref.kind === 'DeploymentConfig') {
    const triggers = asPlainObject(value['spec'])?.['triggers'];
    if (Array.isArray(triggers)) {
      for (let index = 0; index < triggers.length; index++) {
        const t = asPlainObject(triggers[index]);
        const params = asPlainObject(t?.['imageChangeParams']);
        const names = params?.['containerNames'];
        if (t?.['type'] === 'ImageChange' && Array.isArray(names) && names.includes(container.name)) {
          const path = ['spec', 'triggers', index, 'imageChangeParams', 'from', 'name'];
          return withFrom({ source: 'ImageChange trigger', path }, params?.['from']);
        }
      }
    }
  }
  const annotations = asPlainObject(asPlainObject(value['metadata'])?.['annotations']);
  const raw = annotations?.[TRIGGERS_ANNOTATION];
  if (typeof raw === 'string') {
    for (const entry of annotationEntries(raw)) {
      if (fieldPathSelects(entry.fieldPath, container)) {
        return withFrom({ source: 'annotation', path: ['metadata', 'annotations', TRIGGERS_ANNOTATION] }, entry.from);
      }
    }
  }
  return undefined;
}

/** How a finding or a note names what the trigger sets the image to. */
export function describeTrigger(trigger: ImageTrigger, kind: string): string {
  const from = trigger.from;
  const stream =
    from === undefined
      ? 'an image stream tag'
      : `${from.kind} ${from.namespace !== undefined ? `${from.namespace}/` : ''}${from.name}`;
  const by = trigger.source === 'annotation' ? `the ${TRIGGERS_ANNOTATION} annotation` : `an ImageChange trigger of this ${kind}`;
  return `${by} sets it to the image of ${stream} in OpenShift's internal registry`;
}

function withFrom(trigger: ImageTrigger, from: unknown): ImageTrigger {
  const f = asPlainObject(from);
  const name = f?.['name'];
  if (typeof name !== 'string' || name === '') return trigger;
  const kind = typeof f?.['kind'] === 'string' ? (f['kind'] as string) : 'ImageStreamTag';
  const namespace = f?.['namespace'];
  trigger.from = typeof namespace === 'string' && namespace !== '' ? { kind, name, namespace } : { kind, name };
  return trigger;
}

interface AnnotationEntry {
  fieldPath: string;
  from: unknown;
}

function annotationEntries(raw: string): AnnotationEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const entries: AnnotationEntry[] = [];
  for (const entry of parsed) {
    const e = asPlainObject(entry);
    const fieldPath = e?.['fieldPath'];
    if (typeof fieldPath === 'string') entries.push({ fieldPath, from: e?.['from'] });
  }
  return entries;
}

// The two forms OpenShift's trigger controller resolves: `...containers[0].image` and
// `...containers[?(@.name=="web")].image` (single or double quotes).
const FIELD_PATH = /^\.?(.*)\.(containers|initContainers)\[\s*(?:(\d+)|\?\(\s*@\.name\s*==\s*\\?(["'])(.*?)\\?\4\s*\))\s*\]\.image$/;

/** Whether `fieldPath` points at the image of `container`: the same pod spec, and its index or name. */
function fieldPathSelects(fieldPath: string, container: ContainerSite): boolean {
  const match = FIELD_PATH.exec(fieldPath.trim());
  if (match === null) return false;
  const [, specPath, group, index, , name] = match;
  if (group !== container.group || specPath !== dotted(container.path.slice(0, -2))) return false;
  return index !== undefined ? Number(index) === container.index : name === container.name;
}

function dotted(path: JsonPath): string {
  return path.map(String).join('.');
}
