// REST paths for objects, from the apiserver's discovery documents (so any built-in or CRD kind
// works without a hand-written table).
import type { KubernetesApiClient } from './api-client.js';

export interface DiscoveredResource {
  /** Plural resource name: `deployments`. */
  name: string;
  kind: string;
  namespaced: boolean;
}

interface ResourceList {
  resources: { name: string; kind: string; namespaced: boolean }[];
}

/** The collection (no name) or object path for a resource. */
export function resourcePath(apiVersion: string, resource: DiscoveredResource, namespace?: string, name?: string): string {
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const scope = resource.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? 'default')}` : '';
  return `${base}${scope}/${resource.name}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
}

export class ResourcePaths {
  private readonly lists = new Map<string, Promise<ResourceList>>();

  constructor(private readonly client: KubernetesApiClient) {}

  async resourceFor(apiVersion: string, kind: string): Promise<DiscoveredResource> {
    let list = this.lists.get(apiVersion);
    if (list === undefined) {
      list = this.client.call<ResourceList>('GET', apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`);
      this.lists.set(apiVersion, list);
      list.catch(() => this.lists.delete(apiVersion));
    }
    // Subresources (pods/status) share the kind; their names contain a slash.
    const found = (await list).resources.find((r) => r.kind === kind && !r.name.includes('/'));
    if (found === undefined) throw new Error(`control plane: the apiserver serves no ${kind} in ${apiVersion}`);
    return found;
  }

  async pathFor(apiVersion: string, kind: string, namespace?: string, name?: string): Promise<string> {
    return resourcePath(apiVersion, await this.resourceFor(apiVersion, kind), namespace, name);
  }
}
