// render/: manifests rewritten for a target, as edits of their text (pure: no I/O). Imports the
// folders below it (rules/ for what lint judges, k8s/ for image sites, manifests/ for positions).
// What `pullguard render` was asked to do. Docs: ../../docs/render.md.
import type { PullPolicy } from '../k8s/pull-policy.js';
import type { TargetProfile } from '../detect/target-profile.js';

export interface RenderOptions {
  target: TargetProfile;
  /** `--registry HOST[/PATH]`, without a trailing slash: where the team's images are pushed. */
  registry?: string;
  /** `--set NAME=VALUE`: values of template variables and placeholders in images, by name. */
  set: ReadonlyMap<string, string>;
  /** `--tag TAG`: the tag of the team's own images (those in --registry or qualified by render). */
  tag?: string;
  /** `--tag NAME=TAG`: the tag of the images whose repository is NAME. */
  tagByName: ReadonlyMap<string, string>;
  /** `--digest NAME=sha256:...`: the digest pinned on the images whose repository is NAME. */
  digestByName: ReadonlyMap<string, string>;
  /** `--pull-secret NAME`: added to imagePullSecrets of the pods that pull from --registry (every pod without it). */
  pullSecrets: readonly string[];
  /** `--pull-policy`: written on every image site that has a pull-policy field, whatever the target needs. */
  pullPolicy?: PullPolicy;
}
