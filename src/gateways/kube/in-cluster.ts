// The in-cluster configuration (client-go rest.InClusterConfig): a pod's service account token,
// CA and namespace under /var/run/secrets/kubernetes.io/serviceaccount, and the API server from
// KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT. The folder is a parameter so tests can
// give one of their own.
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { ResolvedContext } from '../../k8s/kubeconfig/index.js';

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
export const IN_CLUSTER = 'in-cluster';

/** Whether this process can use the in-cluster configuration (client-go's inClusterClientConfig.Possible). */
export function inClusterPossible(env: Readonly<Record<string, string | undefined>>, serviceAccountDir: string): boolean {
  return nonEmpty(env.KUBERNETES_SERVICE_HOST) && nonEmpty(env.KUBERNETES_SERVICE_PORT) && existsSync(join(serviceAccountDir, 'token'));
}

export function inClusterContext(env: Readonly<Record<string, string | undefined>>, serviceAccountDir: string, namespace?: string): ResolvedContext {
  const host = env.KUBERNETES_SERVICE_HOST as string;
  const port = env.KUBERNETES_SERVICE_PORT as string;
  const caFile = join(serviceAccountDir, 'ca.crt');
  return {
    contextName: IN_CLUSTER,
    namespace: nonEmptyString(namespace) ?? readNamespace(serviceAccountDir) ?? 'default',
    clusterName: IN_CLUSTER,
    cluster: {
      server: `https://${isIP(host) === 6 ? `[${host}]` : host}:${port}`,
      insecureSkipTlsVerify: false,
      ...(existsSync(caFile) ? { certificateAuthority: caFile } : {}),
    },
    userName: IN_CLUSTER,
    // A file, re-read as the kubelet rotates the projected token.
    user: { tokenFile: join(serviceAccountDir, 'token') },
  };
}

function readNamespace(serviceAccountDir: string): string | undefined {
  try {
    return nonEmptyString(readFileSync(join(serviceAccountDir, 'namespace'), 'utf8').trim());
  } catch {
    return undefined;
  }
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

function nonEmptyString(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
