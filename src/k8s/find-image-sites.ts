// The one discovery of image sites: the table (image-site-table.ts) for the kinds it lists, the
// pod-spec shape walk (find-pod-specs.ts) for the others, and, for custom resources the table does
// not list, a conservative fallback over `spec`. Docs: ../../docs/image-sites.md.
import { findPlaceholders } from '../images/find-placeholders.js';
import { findTemplateVariables } from '../images/find-template-variables.js';
import { parseImageReference } from '../images/parse-image-reference.js';
import type { JsonPath } from '../manifests/model.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { findPodSpecs, podSpecSite } from './find-pod-specs.js';
import { apiGroup, imageSitesOfKind, type KindEntry, type SiteSpec } from './image-site-table.js';
import type { ContainerSite, PodSpecSite } from './types.js';

export interface ImageSites {
  /** Pod specs and the table's other sites, grouped (one group per pod spec; one for the rest). */
  groups: PodSpecSite[];
  /** Image fields found only by the fallback; undefined when there are none. */
  fallback?: PodSpecSite;
}

interface KindRef {
  apiVersion: string;
  kind: string;
}

const NO_SECRETS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/** Every image site of an object, with its path and pull policy. */
export function findImageSites(value: Record<string, unknown>, ref: KindRef): ImageSites {
  const entry = imageSitesOfKind(ref.apiVersion, ref.kind);
  if (entry !== undefined) return { groups: tableSites(value, entry) };
  const groups = findPodSpecs(value);
  if (!fallbackApplies(ref.apiVersion)) return { groups };
  const fallback = fallbackSites(value, groups);
  return fallback === undefined ? { groups } : { groups, fallback };
}

function tableSites(value: Record<string, unknown>, entry: KindEntry): PodSpecSite[] {
  const groups: PodSpecSite[] = [];
  let others: PodSpecSite | undefined;
  const found: Found[] = [];
  for (const site of entry.sites) {
    if (site.shape === 'pod' && !site.at.includes('*')) {
      // The built-in workloads: one fixed path, walked without the pattern machinery (every object of a big run comes here).
      const spec = podSpecAt(value, site.at);
      if (spec !== undefined) groups.push(podSpecSite(spec.node, site.at.slice(), spec.parent, 'table'));
      continue;
    }
    found.length = 0;
    nodesAt(value, site.at, 0, [], undefined, found);
    for (const { node, path, parent } of found) {
      if (site.shape === 'pod') {
        if (!Array.isArray(node)) groups.push(podSpecSite(node, path, parent, 'table'));
        continue;
      }
      if (others === undefined) {
        const secrets = entry.pullSecretsAt === undefined ? undefined : objectAt(value, entry.pullSecretsAt);
        others = { path: entry.pullSecretsAt ?? [], spec: secrets ?? NO_SECRETS, pullSecretsKnown: secrets !== undefined, containers: [] };
      }
      addSites(others.containers, value, site, node, path, parent);
    }
  }
  if (others !== undefined && others.containers.length > 0) groups.push(others);
  return groups;
}

interface Found {
  node: Record<string, unknown> | unknown[];
  path: JsonPath;
  parent: Record<string, unknown> | undefined;
}

function addSites(
  into: ContainerSite[],
  root: Record<string, unknown>,
  site: SiteSpec,
  node: Record<string, unknown> | unknown[],
  path: JsonPath,
  parent: Record<string, unknown> | undefined,
): void {
  const group = site.group ?? site.shape;
  if (site.shape === 'containers') {
    if (!Array.isArray(node)) return;
    node.forEach((item, index) => {
      if (isPlainObject(item)) into.push(containerLike(item, [...path, index], group, index, undefined));
    });
    return;
  }
  if (Array.isArray(node)) return;
  if (site.shape === 'container') {
    into.push(containerLike(node, path, group, 0, parent));
    return;
  }
  // A single `image` field: only where it is written (Spark's driver without one uses spec.image).
  if (!('image' in node)) return;
  if (site.onlyIf !== undefined && node[site.onlyIf.key] !== site.onlyIf.equals) return;
  const holder = containerLike(node, path, group, 0, parent);
  if (site.pullPolicy === undefined) holder.pullPolicyAt = null;
  else if (site.pullPolicy !== 'own') {
    holder.pullPolicyAt = site.pullPolicy;
    holder.pullPolicyValue = valueAt(root, site.pullPolicy);
  }
  into.push(holder);
}

function containerLike(node: Record<string, unknown>, path: JsonPath, group: string, index: number, parent: Record<string, unknown> | undefined): ContainerSite {
  const image = node['image'];
  const site: ContainerSite = { group, index, name: siteName(node, parent, group), container: node, path, origin: 'table' };
  if (typeof image === 'string') site.image = image;
  return site;
}

/** The container's own name, else that of what holds it (an Argo template, a KubeVirt volume), else the group. */
function siteName(node: Record<string, unknown>, parent: Record<string, unknown> | undefined, group: string): string {
  const own = node['name'];
  if (typeof own === 'string' && own !== '') return own;
  const held = parent?.['name'];
  return typeof held === 'string' && held !== '' ? held : group;
}

/** Every object or list at the pattern `at` (`*`: every list item), into `found`. */
function nodesAt(node: unknown, at: readonly string[], depth: number, path: (string | number)[], parent: Record<string, unknown> | undefined, found: Found[]): void {
  if (depth === at.length) {
    if (isPlainObject(node) || Array.isArray(node)) found.push({ node, path: path.slice(), parent });
    return;
  }
  const segment = at[depth] as string;
  if (segment === '*') {
    if (!Array.isArray(node)) return;
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      nodesAt(node[i], at, depth + 1, path, parent, found);
      path.pop();
    }
    return;
  }
  if (!isPlainObject(node) || !Object.hasOwn(node, segment)) return;
  path.push(segment);
  nodesAt(node[segment], at, depth + 1, path, node, found);
  path.pop();
}

function podSpecAt(root: Record<string, unknown>, at: readonly string[]): { node: Record<string, unknown>; parent: Record<string, unknown> } | undefined {
  let parent = root;
  let node: unknown = root;
  for (const segment of at) {
    if (!isPlainObject(node) || !Object.hasOwn(node, segment)) return undefined;
    parent = node;
    node = node[segment];
  }
  return isPlainObject(node) ? { node, parent } : undefined;
}

function valueAt(root: Record<string, unknown>, at: readonly string[]): unknown {
  let node: unknown = root;
  for (const segment of at) {
    if (!isPlainObject(node) || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

function objectAt(root: Record<string, unknown>, at: readonly string[]): Record<string, unknown> | undefined {
  const node = valueAt(root, at);
  return isPlainObject(node) ? node : undefined;
}

// ---- fallback ----

/**
 * Custom resources only: built-in API groups (no dot, or `*.k8s.io` other than `*.x-k8s.io`
 * projects) have no image fields outside their pod specs, and a PersistentVolume's `rbd.image` is
 * not a container image.
 */
function fallbackApplies(apiVersion: string): boolean {
  const group = apiGroup(apiVersion);
  return group.includes('.') && (!group.endsWith('.k8s.io') || group.endsWith('x-k8s.io'));
}

const MAX_FALLBACK_DEPTH = 12;
const IMAGE_KEY = /^image$|[a-z0-9]Image$/;

function fallbackSites(value: Record<string, unknown>, podSpecs: readonly PodSpecSite[]): PodSpecSite | undefined {
  const spec = value['spec'];
  if (!isPlainObject(spec)) return undefined;
  const skip = new Set<unknown>(podSpecs.map((s) => s.spec));
  const sites: ContainerSite[] = [];
  walkFallback(spec, ['spec'], 0, skip, sites);
  if (sites.length === 0) return undefined;
  return { path: [], spec: NO_SECRETS, pullSecretsKnown: false, containers: sites };
}

function walkFallback(node: unknown, path: (string | number)[], depth: number, skip: Set<unknown>, sites: ContainerSite[]): void {
  if (depth > MAX_FALLBACK_DEPTH || skip.has(node)) return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      if (typeof node[i] !== 'object' || node[i] === null) continue;
      path.push(i);
      walkFallback(node[i], path, depth + 1, skip, sites);
      path.pop();
    }
    return;
  }
  if (!isPlainObject(node)) return;
  for (const key in node) {
    if (!Object.hasOwn(node, key) || key === 'metadata') continue;
    const child = node[key];
    if (typeof child === 'string') {
      if (IMAGE_KEY.test(key) && looksLikeImage(child)) {
        // The site is the holder, with `key` as its image field: a one-key view keeps `image` the field rules read.
        sites.push({ group: key, index: 0, name: key, container: { image: child }, path: [...path], image: child, pullPolicyAt: null, origin: 'fallback', imageKey: key });
      }
      continue;
    }
    if (typeof child !== 'object' || child === null) continue;
    path.push(key);
    walkFallback(child, path, depth + 1, skip, sites);
    path.pop();
  }
}

/**
 * A string is taken for an image only when it has the marks of one (a `/`, `:` or `@`, no spaces,
 * not a URL) and either parses as a reference, holds template syntax or placeholders, or parses once
 * lowercased (`MyRegistry.io/WebApi:1.0`, which the kubelet refuses): `ubuntu-22.04` may be a VM
 * image and `https://...` a download.
 */
function looksLikeImage(text: string): boolean {
  if (text === '' || /\s/.test(text) || text.includes('://')) return false;
  if (!/[/:@]/.test(text)) return false;
  if (parseImageReference(text).ok) return true;
  const variables = findTemplateVariables(text);
  if (variables.length > 0 || findPlaceholders(text, variables).length > 0) return true;
  return parseImageReference(text.toLowerCase()).ok;
}
