// Builders for the credential tests: image references written out by hand (so these tests do not
// depend on the reference parser) and Secret / ServiceAccount / Pod values as a loader returns them.

import type { ImageReference } from '../../../src/images/types.js';

/** `domain/path` already normalised, e.g. `docker.io/library/nginx`. */
export function imageRef(name: string): ImageReference {
  const slash = name.indexOf('/');
  const domain = name.slice(0, slash);
  const path = name.slice(slash + 1);
  return { original: name, domain, path, name, explicitDomain: true, explicitTag: false, normalized: `${name}:latest` };
}

export function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function dockerConfigJsonSecret(
  name: string,
  config: unknown,
  options: { namespace?: string; via?: 'data' | 'stringData'; type?: string } = {},
): Record<string, unknown> {
  const text = typeof config === 'string' ? config : JSON.stringify(config);
  const key = '.dockerconfigjson';
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: options.namespace ?? 'team' },
    type: options.type ?? 'kubernetes.io/dockerconfigjson',
    ...(options.via === 'stringData' ? { stringData: { [key]: text } } : { data: { [key]: b64(text) } }),
  };
}

export function dockercfgSecret(name: string, config: unknown, namespace = 'team'): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type: 'kubernetes.io/dockercfg',
    data: { '.dockercfg': b64(JSON.stringify(config)) },
  };
}

export function serviceAccount(name: string, pullSecrets: string[], namespace = 'team'): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace }, imagePullSecrets: pullSecrets.map((n) => ({ name: n })) };
}
