// kubeconfig files for the control plane's users: what pullguard (and kubectl) read.
import { writeFile } from 'node:fs/promises';

export interface KubeconfigInput {
  /** Cluster and context name. */
  name: string;
  server: string;
  caCertPem: string;
  user: string;
  token: string;
  namespace?: string;
}

/** kubeconfig as JSON, which is valid YAML and needs no escaping rules of its own. */
export function renderKubeconfig(input: KubeconfigInput): string {
  const context: Record<string, string> = { cluster: input.name, user: input.user };
  if (input.namespace !== undefined) context.namespace = input.namespace;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: input.name, cluster: { server: input.server, 'certificate-authority-data': Buffer.from(input.caCertPem).toString('base64') } }],
    users: [{ name: input.user, user: { token: input.token } }],
    contexts: [{ name: input.name, context }],
    'current-context': input.name,
    preferences: {},
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export async function writeKubeconfig(path: string, input: KubeconfigInput): Promise<string> {
  await writeFile(path, renderKubeconfig(input), { mode: 0o600 });
  return path;
}
