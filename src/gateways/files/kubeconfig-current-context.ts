// Whether the kubeconfig kubectl would load names a current context: what makes `pullguard check`
// without cluster flags and without --target read the cluster. Only the top-level `current-context`
// of each file is read, in kubectl's order (`KUBECONFIG`, several files, the first that sets it
// wins; else ~/.kube/config); the full kubeconfig is the kube gateway's business. Unreadable or
// missing files count as "no current context": check then stays offline, as it always was.
import { readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

function currentContextIn(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const match = /^current-context:[ \t]*(?:"([^"]*)"|'([^']*)'|([^#\r\n]*?))[ \t]*(?:#.*)?\r?$/m.exec(text);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value === undefined || value === '' || value === 'null' || value === '~' ? undefined : value;
}

export function kubeconfigCurrentContext(env: Readonly<Record<string, string | undefined>>, cwd: string, kubeconfig?: string): string | undefined {
  if (kubeconfig !== undefined) return currentContextIn(resolve(cwd, kubeconfig));
  const list = env['KUBECONFIG'];
  const paths =
    list !== undefined && list !== ''
      ? list.split(delimiter).filter((path) => path !== '').map((path) => resolve(cwd, path))
      : env['HOME'] === undefined || env['HOME'] === ''
        ? []
        : [join(env['HOME'], '.kube', 'config')];
  for (const path of paths) {
    const name = currentContextIn(path);
    if (name !== undefined) return name;
  }
  return undefined;
}
