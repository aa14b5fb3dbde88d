// Which build-tool facts apply to an image of a manifest file: the kustomize `images:` entries of
// every kustomization that lists the file (directly or through the `resources:` of another), and the
// Skaffold, Tilt or ko build of the image. Files are named as findings name them. Pure.
// Docs: ../../docs/build-tools.md.
import { posix } from 'node:path';
import { parseImageReference } from '../images/parse-image-reference.js';
import type { ImageBuild } from './image-build.js';
import { applyKustomizeImage, describeKustomizeImage, splitImage, type Kustomization, type KustomizeImageEntry } from './kustomize-images.js';

export interface BuildToolFiles {
  kustomizations: readonly Kustomization[];
  /** Skaffold and Tilt builds, each with the directory whose manifests (at any depth) it applies to. */
  builds: readonly { dir: string; build: ImageBuild }[];
}

export interface ImageRewrite {
  /** The image the rules judge (unchanged when kustomizations disagree). */
  image: string;
  /** What happened to it, phrased to stand in parentheses after a finding's message. */
  note: string;
}

export class BuildToolIndex {
  /** Per manifest file: the chains of `images:` entries that apply to it, one chain per top kustomization. */
  private readonly chains = new Map<string, { entries: KustomizeImageEntry[]; top: Kustomization }[]>();
  private readonly builds: readonly { dir: string; build: ImageBuild }[];

  constructor(files: BuildToolFiles) {
    this.builds = [...files.builds].sort((a, b) => depth(b.dir) - depth(a.dir));
    const byDir = new Map(files.kustomizations.map((k) => [normal(k.dir), k]));
    const listed = new Set<string>();
    for (const k of files.kustomizations) for (const entry of k.resources) listed.add(normal(posix.join(k.dir, entry)));
    for (const top of files.kustomizations) {
      if (listed.has(normal(top.dir))) continue;
      this.collect(top, top, [], byDir, new Set());
    }
  }

  /** True when nothing was found: the rules run as if the index were absent. */
  get empty(): boolean {
    return this.chains.size === 0 && this.builds.length === 0;
  }

  private collect(k: Kustomization, top: Kustomization, outer: KustomizeImageEntry[], byDir: Map<string, Kustomization>, seen: Set<string>): void {
    if (seen.has(k.dir)) return;
    seen.add(k.dir);
    // A kustomization's own transformers run on its resources before those of the one listing it.
    const entries = [...k.images, ...outer];
    for (const resource of k.resources) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(resource) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(resource)) continue;
      const target = normal(posix.join(k.dir, resource));
      const nested = byDir.get(target);
      if (nested !== undefined) {
        this.collect(nested, top, entries, byDir, seen);
        continue;
      }
      if (entries.length === 0) continue;
      const list = this.chains.get(target) ?? [];
      list.push({ entries, top });
      this.chains.set(target, list);
    }
    seen.delete(k.dir);
  }

  /** The kustomize rewrite of `image` in manifest `file`, or undefined when no entry matches. */
  rewrite(file: string, image: string): ImageRewrite | undefined {
    const chains = this.chains.get(normal(file));
    if (chains === undefined) return undefined;
    const results: { image: string; steps: string[]; top: Kustomization }[] = [];
    for (const { entries, top } of chains) {
      let current = image;
      const steps: string[] = [];
      for (const entry of entries) {
        const next = applyKustomizeImage(current, entry);
        if (next === undefined) continue;
        steps.push(describeKustomizeImage(entry));
        current = next;
      }
      results.push({ image: current, steps, top });
    }
    const applied = results.filter((r) => r.steps.length > 0);
    if (applied.length === 0) return undefined;
    const distinct = [...new Set(results.map((r) => r.image))];
    if (distinct.length > 1) {
      const tops = results.map((r) => `${r.top.dir} makes it "${r.image}"`).join(', ');
      return {
        image,
        note: `judged as written: the kustomizations that include this file rewrite "${image}" differently (${tops}); lint each with \`kustomize build DIR | pullguard lint -\``,
      };
    }
    const steps = applied[0]!.steps;
    return { image: distinct[0]!, note: `written "${image}", rewritten by kustomize ${steps.join(', then ')}` };
  }

  /** The nearest Skaffold or Tilt build of the repository of `image` (as the rules see it) in manifest `file`. */
  build(file: string, image: string): ImageBuild | undefined {
    if (this.builds.length === 0) return undefined;
    const path = normal(file);
    const repository = repositoryOf(image);
    for (const { dir, build } of this.builds) {
      if (!contains(dir, path)) continue;
      if (repositoryOf(build.name) === repository) return build;
    }
    return undefined;
  }
}

/** The repository an image names, normalised the way both Skaffold and Tilt compare them (docker.io/library/ added). */
function repositoryOf(image: string): string {
  const parsed = parseImageReference(image);
  return parsed.ok ? parsed.reference.name : splitImage(image).name;
}

function normal(path: string): string {
  const n = posix.normalize(path.split('\\').join('/'));
  return n.endsWith('/') && n.length > 1 ? n.slice(0, -1) : n;
}

function depth(dir: string): number {
  return normal(dir).split('/').length;
}

function contains(dir: string, file: string): boolean {
  const d = normal(dir);
  if (d === '.') return !file.startsWith('../') && !file.startsWith('/');
  return file.startsWith(`${d}/`);
}
