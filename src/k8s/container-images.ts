// One verdict per container image, shared by every image rule so that each image is reported by
// exactly one of unresolved-variable / placeholder-registry / invalid-image-reference, and the rules
// that reason about a real reference (local-only-image, latest-tag, ...) only see valid ones.
// Docs: ../../docs/rules/README.md ("Which rule reports an image").
import type { ContainerInfo } from './types.js';
import type { JsonPath, ManifestObject } from '../manifests/model.js';
import { findPlaceholders, type Placeholder } from '../images/find-placeholders.js';
import { findTemplateVariables, type TemplateVariable } from '../images/find-template-variables.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import type { ImageReference, ImageReferenceError, ImageReferenceResult } from '../images/types.js';
import type { ImageBuild } from '../build-tools/image-build.js';
import { runtimeTemplating } from './image-managed-elsewhere.js';
import { describeTrigger, imageTriggerFor } from './openshift-triggers.js';
import { templateParameterUse } from './template-parameters.js';

export type ImageClass =
  /**
   * Something else sets or resolves the image (OpenShift trigger, Argo/Tekton parameters): no image
   * rule applies. `trigger`: the OpenShift trigger, and the template syntax left in the image
   * stream tag it watches (reported by unresolved-variable at the trigger).
   */
  | { kind: 'managed'; why: string; trigger?: { path: JsonPath; name: string; variables: TemplateVariable[] } }
  /** Only parameters of an OpenShift template that have no default value: unknown until `oc process -p` (an info of unresolved-variable). */
  | { kind: 'parameter'; image: string; names: string[] }
  /** No `image` key at all. */
  | { kind: 'missing' }
  /** `image:` holds a number, a map, a list or null. */
  | { kind: 'not-a-string'; value: unknown }
  /** `image: ""` or only whitespace. */
  | { kind: 'empty'; image: string }
  /** Template variables or documentation placeholders: reported by unresolved-variable / placeholder-registry. */
  | ({ kind: 'templated'; image: string; variables: TemplateVariable[]; placeholders: Placeholder[]; parsed: ImageReferenceResult } & Substituted)
  /**
   * Rejected by the reference grammar (the kubelet's InvalidImageName): reported by
   * invalid-image-reference, also when it looks like a placeholder (`placeholders`, named in the message).
   */
  | ({ kind: 'invalid'; image: string; error: ImageReferenceError; placeholders: Placeholder[] } & Substituted)
  /** Built and replaced by a build tool beside the manifests (Skaffold, Tilt, ko): reported by build-tool-image. */
  | { kind: 'built'; image: string; build: ImageBuild }
  /** A valid reference; `placeholders` are words that only look like placeholders (placeholder-registry warns). */
  | ({ kind: 'valid'; image: string; reference: ImageReference; placeholders: Placeholder[] } & Substituted);

interface Substituted {
  /**
   * When `image` is an OpenShift template's image with the default values of its parameters put
   * in: how it was made, e.g. `"${REGISTRY}/app" with the template's default value REGISTRY=quay.io/acme`.
   */
  parameters?: string;
}

/** Kinds whose pods the API server validates, where a container without an image is an error. */
const CORE_POD_KINDS: ReadonlySet<string> = new Set([
  'Pod', 'PodTemplate', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController',
]);

const UNDECLARED_PARAMETER = '`oc process`, but this OpenShift template declares no parameter of that name, so it stays as written';
const EMBEDDED_NON_STRING_PARAMETER =
  '`oc process`, but it substitutes `${{NAME}}` only when it is the whole value (write `${NAME}` inside a longer string), so it stays as written';

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
  const trigger = imageTriggerFor(object, container);
  if (trigger !== undefined) {
    const why = describeTrigger(trigger, object.ref.kind);
    const name = trigger.from?.name;
    const variables = name === undefined ? [] : unresolvedIn(object, name);
    return variables.length === 0 || name === undefined ? { kind: 'managed', why } : { kind: 'managed', why, trigger: { path: trigger.path, name, variables } };
  }
  if (!('image' in container.container)) {
    return CORE_POD_KINDS.has(object.ref.kind) ? { kind: 'missing' } : { kind: 'managed', why: `${object.ref.kind} may fill it in` };
  }
  const written = container.container['image'];
  if (typeof written !== 'string') return { kind: 'not-a-string', value: written };
  // A build-tool rewrite (kustomize `images:`) replaced the written string before the rules run.
  const raw = container.image ?? written;
  if (raw.trim() === '') return { kind: 'empty', image: raw };
  if (container.build !== undefined) return { kind: 'built', image: raw, build: container.build };

  const parsed = container.reference ?? parseImageReference(raw);
  const { variables, placeholders } = templateParts(raw);
  // A Go import path (`ko://github.com/...`) is what ko builds and replaces: a build, not a mistake.
  const ko = variables.length === 1 && variables[0]?.syntax === 'ko' ? variables[0] : undefined;
  if (ko !== undefined) return { kind: 'built', image: raw, build: { tool: 'ko', name: ko.name } };
  if (object.template !== undefined && variables.length > 0) {
    const use = templateParameterUse(raw, variables, object.template);
    if (use?.kind === 'undeclared') {
      return { kind: 'templated', image: raw, variables: leftByTemplate(object, use.variables), placeholders, parsed };
    }
    if (use?.kind === 'defaults') return withParameters(classifyText(use.image, parseImageReference(use.image)), use.note);
    if (use?.kind === 'unset') {
      if (placeholders.length > 0) return { kind: 'templated', image: raw, variables: [], placeholders, parsed };
      return { kind: 'parameter', image: raw, names: use.names };
    }
  }
  const runtime = variables.length > 0 ? runtimeTemplating(object) : undefined;
  if (runtime !== undefined && variables.every((v) => v.syntax === runtime.syntax)) {
    return { kind: 'managed', why: `${runtime.tool} substitutes its parameters at run time` };
  }
  return classifyText(raw, parsed, { variables, placeholders });
}

/** Template syntax in `text` that nothing will replace: all of it, less the parameters of the object's template. */
function unresolvedIn(object: ManifestObject, text: string): TemplateVariable[] {
  const variables = templateParts(text).variables;
  if (variables.length === 0 || object.template === undefined) return variables;
  const use = templateParameterUse(text, variables, object.template);
  if (use === undefined) return variables;
  return use.kind === 'undeclared' ? leftByTemplate(object, use.variables) : [];
}

/** Variables `oc process` leaves as written, each saying why. */
function leftByTemplate(object: ManifestObject, variables: readonly TemplateVariable[]): TemplateVariable[] {
  return variables.map((v) => {
    if (v.syntax === 'shell-braced') return { ...v, tool: UNDECLARED_PARAMETER };
    if (v.syntax === 'dollar-double-braces' && object.template?.parameters.has(v.name)) return { ...v, tool: EMBEDDED_NON_STRING_PARAMETER };
    return v;
  });
}

function classifyText(
  image: string,
  parsed: ImageReferenceResult,
  { variables, placeholders } = templateParts(image),
): ImageClass & { kind: 'templated' | 'invalid' | 'valid' | 'empty' } {
  if (image.trim() === '') return { kind: 'empty', image };
  if (variables.length > 0) return { kind: 'templated', image, variables, placeholders, parsed };
  // The kubelet's verdict is certain and the most specific: a string it refuses is an invalid
  // reference, whatever placeholder it seems to hold.
  if (!parsed.ok) return { kind: 'invalid', image, error: parsed.error, placeholders };
  const certain = placeholders.filter((p) => p.likely !== true);
  if (certain.length > 0) return { kind: 'templated', image, variables, placeholders: certain, parsed };
  return { kind: 'valid', image, reference: parsed.reference, placeholders };
}

function withParameters(verdict: ImageClass & { kind: 'templated' | 'invalid' | 'valid' | 'empty' }, note: string): ImageClass {
  return verdict.kind === 'empty' ? verdict : { ...verdict, parameters: note };
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
