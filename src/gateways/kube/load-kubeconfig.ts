// Which kubeconfig files a command reads and what they say, as kubectl decides: --kubeconfig (must
// exist), else every file of KUBECONFIG that exists (merged, first wins), else ~/.kube/config; when
// that yields no configuration and the process runs in a pod, the pod's service account.
import { readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { mergeKubeconfigs, parseKubeconfig, type Kubeconfig, type KubeconfigFile } from '../../k8s/kubeconfig/index.js';
import { ConfigError } from '../../shared/errors.js';

export interface KubeconfigSource {
  /** `--kubeconfig`, as typed. */
  explicit?: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function loadKubeconfig(source: KubeconfigSource): Kubeconfig {
  if (source.explicit !== undefined) {
    const path = resolve(source.cwd, source.explicit);
    const text = readKubeconfigText(path, true);
    return mergeKubeconfigs([parse(text ?? '', path)]);
  }
  const files = kubeconfigPaths(source);
  const parsed: KubeconfigFile[] = [];
  for (const path of files) {
    const text = readKubeconfigText(path, false);
    if (text !== undefined) parsed.push(parse(text, path));
  }
  return mergeKubeconfigs(parsed);
}

/** KUBECONFIG's entries (empty ones and repeats dropped, as client-go does), else ~/.kube/config. */
export function kubeconfigPaths(source: KubeconfigSource): string[] {
  const list = source.env.KUBECONFIG;
  if (list !== undefined && list !== '') {
    const seen = new Set<string>();
    for (const entry of list.split(delimiter)) {
      if (entry !== '') seen.add(resolve(source.cwd, entry));
    }
    return [...seen];
  }
  const home = source.env.HOME ?? source.env.USERPROFILE;
  return home === undefined || home === '' ? [] : [join(home, '.kube', 'config')];
}

function readKubeconfigText(path: string, mustExist: boolean): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // kubectl skips files of KUBECONFIG (and a default file) that do not exist.
    if (code === 'ENOENT' && !mustExist) return undefined;
    throw new ConfigError(code === 'ENOENT' ? 'kubeconfig file not found' : `cannot read kubeconfig file (${code ?? 'unknown error'})`, { file: path });
  }
}

function parse(text: string, path: string): KubeconfigFile {
  return parseKubeconfig(text, path);
}
