// One verdict per container image, shared by every image rule so that each image is reported by
// exactly one of unresolved-variable / placeholder-registry / invalid-image-reference, and the rules
// that reason about a real reference (local-only-image, latest-tag, ...) only see valid ones.
// Docs: ../../docs/rules/README.md ("Which rule reports an image").
import type { ContainerInfo } from './types.js';
import type { ManifestObject } from '../manifests/model.js';
import { findPlaceholders, type Placeholder } from '../images/find-placeholders.js';
import { findTemplateVariables, type TemplateVariable } from '../images/find-template-variables.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import type { ImageReference, ImageReferenceError, ImageReferenceResult } from '../images/types.js';
import { imageSetByTrigger, runtimeTemplating } from './image-managed-elsewhere.js';

export type ImageClass =
  /** Something else sets or resolves the image (OpenShift trigger, Argo/Tekton parameters): no image rule applies. */
  | { kind: 'managed'; why: string }
  /** No `image` key at all. */
  | { kind: 'missing' }
  /** `image:` holds a number, a map, a list or null. */
  | { kind: 'not-a-string'; value: unknown }
  /** `image: ""` or only whitespace. */
  | { kind: 'empty'; image: string }
  /** Template variables or documentation placeholders: reported by unresolved-variable / placeholder-registry. */
  | { kind: 'templated'; image: string; variables: TemplateVariable[]; placeholders: Placeholder[]; parsed: ImageReferenceResult }
  /** Rejected by the reference grammar: reported by invalid-image-reference. */
  | { kind: 'invalid'; image: string; error: ImageReferenceError }
  | { kind: 'valid'; image: string; reference: ImageReference };

/** Kinds whose pods the API server validates, where a container without an image is an error. */
const CORE_POD_KINDS: ReadonlySet<string> = new Set([
  'Pod', 'PodTemplate', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController',
]);

const cache = new WeakMap<ContainerInfo, ImageClass>();

export function classifyImage(object: ManifestObject, container: ContainerInfo): ImageClass {
  let verdict = cache.get(container);
  if (verdict === undefined) {
    verdict = classify(object, container);
    cache.set(container, verdict);
  }
  return verdict;
}

function classify(object: ManifestObject, container: ContainerInfo): ImageClass {
  const trigger = imageSetByTrigger(object, container.name);
  if (trigger !== undefined) return { kind: 'managed', why: trigger };
  if (!('image' in container.container)) {
    return CORE_POD_KINDS.has(object.ref.kind) ? { kind: 'missing' } : { kind: 'managed', why: `${object.ref.kind} may fill it in` };
  }
  const raw = container.container['image'];
  if (typeof raw !== 'string') return { kind: 'not-a-string', value: raw };
  if (raw.trim() === '') return { kind: 'empty', image: raw };

  const parsed = container.reference ?? parseImageReference(raw);
  const { variables, placeholders } = templateParts(raw);
  const runtime = variables.length > 0 ? runtimeTemplating(object) : undefined;
  if (runtime !== undefined && variables.every((v) => v.syntax === runtime.syntax)) {
    return { kind: 'managed', why: `${runtime.tool} substitutes its parameters at run time` };
  }
  if (variables.length > 0 || placeholders.length > 0) return { kind: 'templated', image: raw, variables, placeholders, parsed };
  if (!parsed.ok) return { kind: 'invalid', image: raw, error: parsed.error };
  return { kind: 'valid', image: raw, reference: parsed.reference };
}

interface TemplateParts {
  readonly variables: TemplateVariable[];
  readonly placeholders: Placeholder[];
}

// Big runs repeat the same few images thousands of times, and scanning each for variables and
// placeholders was a tenth of a run; the answer depends on the text alone.
const templatePartsByImage = new Map<string, TemplateParts>();

function templateParts(image: string): TemplateParts {
  let parts = templatePartsByImage.get(image);
  if (parts === undefined) {
    const variables = findTemplateVariables(image);
    parts = { variables, placeholders: findPlaceholders(image, variables) };
    if (templatePartsByImage.size >= 4096) templatePartsByImage.clear();
    templatePartsByImage.set(image, parts);
  }
  return parts;
}

/** Path of the container's `image` value, relative to the object. */
export function imagePath(container: ContainerInfo): (string | number)[] {
  return [...container.path, container.imageKey ?? 'image'];
}
