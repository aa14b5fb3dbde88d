// `deploy` in-process against a test control plane (as the admin, unless writerOptions names
// another kubeconfig), as the CLI runs it but without the preflight:
// the objects are written as one manifest file (JSON documents are YAML documents), every line
// `deploy` says is kept, and the writer is closed afterwards.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deploy, type DeployOptions, type DeployResult } from '../../../src/commands/deploy.js';
import { loadConfig } from '../../../src/gateways/files/load-config.js';
import { openClusterWriter } from '../../../src/gateways/kube/open-cluster-writer.js';
import type { ControlPlane } from '../control-plane/index.js';

export interface DeployRun extends DeployResult {
  lines: string[];
  /** From the first pull failure the deploy observed to its end, by its own record. */
  elapsedAfterFirstFailureMs?: number;
}

let fileCounter = 0;

export async function writeManifests(dir: string, objects: readonly unknown[]): Promise<string> {
  fileCounter += 1;
  const file = join(dir, `manifests-${fileCounter}.yaml`);
  await writeFile(file, objects.map((o) => JSON.stringify(o, null, 2)).join('\n---\n'));
  return file;
}

export async function runDeploy(
  cp: ControlPlane,
  dir: string,
  namespace: string,
  objects: readonly unknown[],
  extra: Partial<DeployOptions> = {},
  writerOptions: { onRequest?: (path: string) => void; kubeconfig?: string } = {},
): Promise<DeployRun> {
  const file = await writeManifests(dir, objects);
  const writer = openClusterWriter({ kubeconfig: cp.adminKubeconfigPath, env: { HOME: dir }, cwd: dir, namespace, stdinIsTerminal: false, ...writerOptions });
  const lines: string[] = [];
  try {
    const result = await deploy({
      paths: [file],
      cwd: dir,
      config: await loadConfig({ cwd: dir, knownRuleIds: [] }),
      writer,
      namespace,
      skipPreflight: true,
      timeoutMs: 60_000,
      ...extra,
      say: (text) => {
        lines.push(text);
        extra.say?.(text);
      },
    });
    const first = result.record.firstFailureObservedAt;
    return { ...result, lines, ...(first === undefined ? {} : { elapsedAfterFirstFailureMs: Date.parse(result.record.endedAt) - Date.parse(first) }) };
  } finally {
    await writer.close();
  }
}
