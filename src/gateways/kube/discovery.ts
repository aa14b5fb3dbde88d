// apiVersion/kind → the resource's URL path and scope, from the server's discovery documents
// (/api/v1, /apis/GROUP/VERSION), one GET per group version, cached until refreshed (after CRDs).
import type { ApiClient } from './api-client.js';

export interface ResourceInfo {
  /** Plural name in the URL (`deployments`). */
  name: string;
  namespaced: boolean;
}

interface ApiResourceList {
  resources?: { name: string; kind: string; namespaced: boolean }[];
}

export class Discovery {
  readonly #lists = new Map<string, Promise<Map<string, ResourceInfo> | undefined>>();

  constructor(private readonly client: ApiClient) {}

  /** The resource, or undefined when the server does not serve the kind (or the group version). */
  async resource(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    let list = this.#lists.get(apiVersion);
    if (list === undefined) {
      list = this.#load(apiVersion);
      this.#lists.set(apiVersion, list);
      // A failed read is not remembered: the next call asks again.
      void list.then((value) => value === undefined && this.#lists.delete(apiVersion));
    }
    return (await list)?.get(kind);
  }

  refresh(): void {
    this.#lists.clear();
  }

  async #load(apiVersion: string): Promise<Map<string, ResourceInfo> | undefined> {
    const { statusCode, text } = await this.client.send('GET', groupVersionPath(apiVersion));
    if (statusCode === 404) return undefined;
    if (statusCode !== 200) throw new Error(`discovery of ${apiVersion}: ${statusCode}`);
    const byKind = new Map<string, ResourceInfo>();
    for (const resource of (JSON.parse(text) as ApiResourceList).resources ?? []) {
      // Subresources (`deployments/status`) share the kind.
      if (resource.name.includes('/')) continue;
      byKind.set(resource.kind, { name: resource.name, namespaced: resource.namespaced });
    }
    return byKind;
  }
}

/** `/api/v1` for the core group, `/apis/apps/v1` for the others. */
export function groupVersionPath(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}

/** The collection's path: `/apis/apps/v1/namespaces/shop/deployments`. */
export function collectionPath(apiVersion: string, resource: ResourceInfo, namespace: string | undefined): string {
  const base = groupVersionPath(apiVersion);
  return resource.namespaced && namespace !== undefined ? `${base}/namespaces/${encodeURIComponent(namespace)}/${resource.name}` : `${base}/${resource.name}`;
}
