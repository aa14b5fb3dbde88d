// What render changes in one object, as TextEdits and the changes to report: every image site of
// the object (k8s/find-image-sites.ts), its pull policy, the pull secrets of its pods and the
// target annotation. What it leaves alone gets a note saying why. Docs: ../../docs/render.md.
import type { BuildToolIndex } from '../build-tools/build-tool-index.js';
import { findTemplateVariables } from '../images/find-template-variables.js';
import { classifyImage, imagePath } from '../k8s/container-images.js';
import { findImageSites } from '../k8s/find-image-sites.js';
import { effectivePullPolicy, pullPolicyOf, type PullPolicy } from '../k8s/pull-policy.js';
import type { ContainerInfo, PodSpecSite } from '../k8s/types.js';
import { formatJsonPath } from '../manifests/format-json-path.js';
import type { JsonPath, ManifestObject } from '../manifests/model.js';
import { TARGET_ANNOTATION } from '../rules/target-mismatch.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { neededPullPolicy } from './needed-pull-policy.js';
import type { RenderOptions } from './render-options.js';
import { rewriteImage } from './rewrite-image.js';
import type { TextEdit } from './text-edit.js';

/** One change render makes, as the summary shows it. */
export interface RenderChange {
  /** Path in the object (`spec.template.spec.containers[0].image`). */
  path: string;
  at: JsonPath;
  before?: string;
  after: string;
}

/** Something render left as it is although lint may report it: why, and what would change it. */
export interface RenderNote {
  path: string;
  at: JsonPath;
  message: string;
}

export interface ObjectPlan {
  object: ManifestObject;
  edits: TextEdit[];
  changes: RenderChange[];
  notes: RenderNote[];
}

const POLICIES: readonly string[] = ['Always', 'IfNotPresent', 'Never'];

export function planObject(object: ManifestObject, options: RenderOptions, buildTools?: BuildToolIndex): ObjectPlan {
  const plan: ObjectPlan = { object, edits: [], changes: [], notes: [] };
  if (isToolConfig(object.ref.apiVersion, object.ref.kind)) return plan;
  const base = object.itemPath ?? [];
  const sites = findImageSites(object.value, object.ref);
  const groups = sites.fallback === undefined ? sites.groups : [...sites.groups, sites.fallback];
  const policiesSet = new Set<string>();
  for (const group of groups) {
    let pullsFromRegistry = false;
    let images = 0;
    for (const site of group.containers) {
      const container = site as ContainerInfo;
      const outcome = planImage(plan, object, container, base, options, buildTools, policiesSet);
      if (outcome === undefined) continue;
      images++;
      if (options.registry !== undefined && outcome.startsWith(`${options.registry}/`)) pullsFromRegistry = true;
    }
    const wanted = options.registry === undefined ? images > 0 : pullsFromRegistry;
    if (options.pullSecrets.length > 0 && wanted && group !== sites.fallback) planPullSecrets(plan, group, base, options.pullSecrets);
  }
  planAnnotation(plan, object, base, options.target.id, groups);
  return plan;
}

/**
 * Files that look like objects but configure a tool, and never reach a cluster: skaffold.yaml,
 * kustomization.yaml, component configs (`*.config.k8s.io`), kind and k3d cluster configs, a
 * kubeconfig. Render leaves them as they are.
 */
export function isToolConfig(apiVersion: string, kind: string): boolean {
  if (apiVersion.startsWith('skaffold/')) return true;
  if (apiVersion === 'v1' && kind === 'Config') return true;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return group.endsWith('.config.k8s.io') || group === 'kind.x-k8s.io' || group === 'k3d.io' || group === 'ctlptl.dev';
}

/** The image's final text when render could judge it (changed or not), else undefined. */
function planImage(
  plan: ObjectPlan,
  object: ManifestObject,
  container: ContainerInfo,
  base: JsonPath,
  options: RenderOptions,
  buildTools: BuildToolIndex | undefined,
  policiesSet: Set<string>,
): string | undefined {
  const path = imagePath(container);
  const where = { path: formatJsonPath(path), at: path };
  const verdict = classifyImage(object, container);
  const leave = (message: string): undefined => {
    plan.notes.push({ ...where, message });
    return undefined;
  };
  switch (verdict.kind) {
    case 'managed':
      return leave(`left alone: ${verdict.why}`);
    case 'parameter':
      return leave(`left alone: parameters of the OpenShift template (${verdict.names.join(', ')}) are set by \`oc process -p\``);
    case 'built':
      return leave(`left alone: "${verdict.image}" is built and replaced by ${verdict.build.tool} at deploy time`);
    case 'missing':
    case 'not-a-string':
    case 'empty':
      return leave('left alone: no image to rewrite');
    default:
      break;
  }
  // A fallback site's holder is a one-key view whose `image` is the field's value.
  const written = container.container['image'] as string;
  if (object.template !== undefined && findTemplateVariables(written).length > 0) {
    return leave(`left alone: "${written}" holds parameters of its OpenShift template, which \`oc process -p\` sets`);
  }
  if (buildTools !== undefined) {
    const build = buildTools.build(object.file, written);
    if (build !== undefined) return leave(`left alone: "${written}" is built and replaced by ${build.tool} at deploy time`);
    const rewrite = buildTools.rewrite(object.file, written);
    if (rewrite !== undefined) return leave(`left alone: ${rewrite.note}; render the output of \`kustomize build\` instead`);
  }
  const rewritten = rewriteImage(written, options);
  if ('unresolved' in rewritten) return leave(`not rendered: ${rewritten.unresolved}`);
  if (rewritten.image !== written) {
    plan.edits.push({ op: 'set', path: [...base, ...path], value: rewritten.image });
    plan.changes.push({ ...where, before: written, after: rewritten.image });
  } else if (rewritten.localOnly && !options.target.nodesSeeLocalImages) {
    plan.notes.push({ ...where, message: `"${written}" exists only where it was built: give --registry HOST[/PATH] to qualify it` });
  }

  const policy = pullPolicyOf(container);
  if (policy === undefined) return rewritten.image;
  const written_ = typeof policy.value === 'string' && POLICIES.includes(policy.value) ? (policy.value as PullPolicy) : undefined;
  const effective = effectivePullPolicy({ ...container, image: rewritten.image }, rewritten.reference).policy;
  const needed =
    options.pullPolicy ??
    neededPullPolicy({ target: options.target, reference: rewritten.reference, effective, localOnly: rewritten.localOnly, moved: rewritten.moved });
  if (needed === undefined || needed === written_) return rewritten.image;
  const key = formatJsonPath(policy.path);
  if (policiesSet.has(key)) return rewritten.image;
  policiesSet.add(key);
  if (policy.value !== undefined) {
    plan.edits.push({ op: 'set', path: [...base, ...policy.path], value: needed });
    plan.changes.push({ path: key, at: policy.path, before: String(policy.value), after: needed });
  } else {
    const holder = policy.path.slice(0, -1);
    const edit: TextEdit = { op: 'add', path: [...base, ...holder], key: String(policy.path[policy.path.length - 1]), value: needed };
    if (container.pullPolicyAt === undefined) edit.after = container.imageKey ?? 'image';
    plan.edits.push(edit);
    plan.changes.push({ path: key, at: policy.path, after: needed });
  }
  return rewritten.image;
}

function planPullSecrets(plan: ObjectPlan, group: PodSpecSite, base: JsonPath, names: readonly string[]): void {
  const where = located([...group.path, 'imagePullSecrets']);
  if (!group.pullSecretsKnown) {
    const first = group.containers[0];
    plan.notes.push({ ...located(first === undefined ? group.path : imagePath(first)), message: 'no pull secret added: the pods of these images get their pull secrets from elsewhere (the object that runs them)' });
    return;
  }
  const list = group.spec['imagePullSecrets'];
  if (list !== undefined && list !== null && !Array.isArray(list)) {
    plan.notes.push({ ...where, message: 'no pull secret added: imagePullSecrets is not a list' });
    return;
  }
  const present = new Set((list ?? []).map((entry) => (isPlainObject(entry) ? entry['name'] : undefined)));
  const missing = names.filter((name) => !present.has(name));
  if (missing.length === 0) return;
  if (Array.isArray(list) && list.length > 0) {
    for (const name of missing) plan.edits.push({ op: 'append', path: [...base, ...group.path, 'imagePullSecrets'], value: { name } });
  } else if (list === undefined) {
    plan.edits.push({ op: 'add', path: [...base, ...group.path], key: 'imagePullSecrets', value: missing.map((name) => ({ name })) });
  } else {
    plan.notes.push({ ...where, message: 'no pull secret added: imagePullSecrets is written empty; list the secret there yourself' });
    return;
  }
  plan.changes.push({ ...where, after: missing.map((name) => `name: ${name}`).join(', ') });
}

/** `pullguard.dev/target` on the object, and on its pod templates where one says otherwise. */
function planAnnotation(plan: ObjectPlan, object: ManifestObject, base: JsonPath, target: string, groups: readonly PodSpecSite[]): void {
  setAnnotation(plan, object.value['metadata'], ['metadata'], base, target, true);
  for (const group of groups) {
    const last = group.path[group.path.length - 1];
    if (group.metadata === undefined || last !== 'spec' || group.path.length < 2) continue;
    setAnnotation(plan, group.metadata, [...group.path.slice(0, -1), 'metadata'], base, target, false);
  }
}

function setAnnotation(plan: ObjectPlan, metadata: unknown, at: JsonPath, base: JsonPath, target: string, add: boolean): void {
  const where = located([...at, 'annotations', TARGET_ANNOTATION]);
  if (metadata === undefined && add) {
    plan.edits.push({ op: 'add', path: base, key: 'metadata', value: { annotations: { [TARGET_ANNOTATION]: target } } });
    plan.changes.push({ ...where, after: target });
    return;
  }
  if (!isPlainObject(metadata)) return;
  const annotations = metadata['annotations'];
  if (annotations === undefined || annotations === null) {
    if (!add) return;
    if (annotations === null) {
      plan.edits.push({ op: 'add', path: [...base, ...at, 'annotations'], key: TARGET_ANNOTATION, value: target });
      plan.changes.push({ ...where, after: target });
      return;
    }
    plan.edits.push({ op: 'add', path: [...base, ...at], key: 'annotations', value: { [TARGET_ANNOTATION]: target } });
    plan.changes.push({ ...where, after: target });
    return;
  }
  if (!isPlainObject(annotations)) return;
  const current = annotations[TARGET_ANNOTATION];
  if (current === target) return;
  if (current === undefined) {
    if (!add) return;
    plan.edits.push({ op: 'add', path: [...base, ...at, 'annotations'], key: TARGET_ANNOTATION, value: target });
    plan.changes.push({ ...where, after: target });
    return;
  }
  if (typeof current !== 'string') return;
  plan.edits.push({ op: 'set', path: [...base, ...at, 'annotations', TARGET_ANNOTATION], value: target });
  plan.changes.push({ ...where, before: current, after: target });
}

function located(path: JsonPath): { path: string; at: JsonPath } {
  return { path: formatJsonPath(path), at: path };
}
