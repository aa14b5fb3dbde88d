// The images a skaffold.yaml builds: `build.artifacts[].image` of each document (a file may hold
// several configs), and `build.local.push`. Skaffold replaces every manifest image whose repository
// is an artifact's image with the tag it built, then pushes it (remote clusters, or `push: true`) or
// loads it into the local cluster. Profiles, `requires:` and the default repository (`--default-repo`,
// SKAFFOLD_DEFAULT_REPO, `skaffold config`) are not read. Docs: ../../docs/build-tools.md.
import type { ImageBuild } from './image-build.js';

export function readSkaffoldConfig(
  documents: readonly unknown[],
  file: string,
  locate: (document: number, path: readonly (string | number)[]) => { line: number; column: number },
): ImageBuild[] {
  const builds: ImageBuild[] = [];
  documents.forEach((document, index) => {
    const build = record(record(document)?.['build']);
    const artifacts = build?.['artifacts'];
    if (!Array.isArray(artifacts)) return;
    const push = record(build?.['local'])?.['push'];
    artifacts.forEach((artifact, i) => {
      const image = record(artifact)?.['image'];
      if (typeof image !== 'string' || image === '') return;
      const found: ImageBuild = { tool: 'skaffold', name: image, declaredAt: { file, ...locate(index, ['build', 'artifacts', i, 'image']) } };
      // Read with the failsafe schema: every scalar is a string.
      if (push === 'true' || push === true) found.push = true;
      if (push === 'false' || push === false) found.push = false;
      builds.push(found);
    });
  });
  return builds;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
