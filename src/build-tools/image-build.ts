// build-tools/: what the build tools beside the manifests do to their images (kustomize `images:`
// rewrites; images Skaffold, Tilt and ko build and replace at deploy time), read from their files
// without running them. Pure; imports shared/, manifests/ and images/. Docs: ../../docs/build-tools.md.

export type BuildTool = 'skaffold' | 'tilt' | 'ko';

/** Where something was declared in a build file (1-based, as findings count). */
export interface DeclaredAt {
  file: string;
  line: number;
  column: number;
}

/** An image that a build tool builds, pushes or loads, and writes into the manifests at deploy time. */
export interface ImageBuild {
  tool: BuildTool;
  /** The image name the build file declares (ko: the Go import path after `ko://`). */
  name: string;
  /** The declaration (`build.artifacts[2].image` in skaffold.yaml, `docker_build(...)` in a Tiltfile); none for `ko://`. */
  declaredAt?: DeclaredAt;
  /** The repository the tool pushes to for a remote cluster, when a file pullguard reads names it (Tilt `default_registry`). */
  defaultRepository?: string;
  /** Skaffold `build.local.push`, when written. */
  push?: boolean;
}

export const TOOL_NAMES: Readonly<Record<BuildTool, string>> = { skaffold: 'Skaffold', tilt: 'Tilt', ko: 'ko' };

/** `skaffold.yaml:12:14`: where a finding says the build is declared. */
export function describeDeclaration(at: DeclaredAt): string {
  return `${at.file}:${at.line}:${at.column}`;
}
