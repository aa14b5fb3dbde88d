// Merging the files of KUBECONFIG as client-go's ClientConfigLoadingRules.Load does (kubectl's
// rules, checked against kubectl in test/integration/control-plane/kubeconfig-oracle.test.ts):
// - the first file to define a cluster, user or context name wins, as a whole entry (no field of a
//   later file's entry with the same name is taken);
// - the first file that sets current-context wins.
import type { Kubeconfig, KubeconfigFile, Named } from './kubeconfig-types.js';

export function mergeKubeconfigs(files: readonly KubeconfigFile[]): Kubeconfig {
  const merged: Kubeconfig = { files: files.map((f) => f.file), clusters: new Map(), users: new Map(), contexts: new Map() };
  for (const file of files) {
    addNew(merged.clusters, file.clusters);
    addNew(merged.users, file.users);
    addNew(merged.contexts, file.contexts);
    if (merged.currentContext === undefined && file.currentContext !== undefined && file.currentContext !== '') {
      merged.currentContext = file.currentContext;
    }
  }
  return merged;
}

function addNew<T>(into: Map<string, Named<T>>, from: Map<string, Named<T>>): void {
  for (const [name, entry] of from) if (!into.has(name)) into.set(name, entry);
}
