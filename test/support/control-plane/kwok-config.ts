// The kwok configuration file for one control plane: the stage YAML files in stages/ plus the
// image-pull-failure stages generated for the given rules.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImagePullFailureRule } from './image-pull-failure-rules.js';
import { repoRoot } from './repo-root.js';
import { imagePullFailureStages, type ImagePullTiming } from './stages/image-pull-failure.js';

/** The YAML stages shipped with the harness (source tree: tsc does not copy YAML to build/). */
export function stagesDirectory(): string {
  return join(repoRoot(), 'test/support/control-plane/stages');
}

export async function renderKwokConfig(rules: readonly ImagePullFailureRule[], timing?: ImagePullTiming): Promise<string> {
  const dir = stagesDirectory();
  const files = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  const documents = await Promise.all(files.map(async (name) => (await readFile(join(dir, name), 'utf8')).trim()));
  // JSON is YAML: the generated stages need no YAML serializer.
  for (const stage of imagePullFailureStages(rules, timing)) documents.push(JSON.stringify(stage, null, 2));
  return `${documents.join('\n---\n')}\n`;
}

export async function writeKwokConfig(path: string, rules: readonly ImagePullFailureRule[], timing?: ImagePullTiming): Promise<string> {
  await writeFile(path, await renderKwokConfig(rules, timing));
  return path;
}
