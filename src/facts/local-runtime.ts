// What the core may ask of this machine's container runtime (DESIGN.md "LocalRuntime"): whether it
// holds an image, so that `check` against a local cluster can say "load it with ..." instead of
// "build it first". Implemented over the Docker Engine API in src/gateways/local/docker-engine.ts.
import type { ClusterFact } from './cluster-reader.js';

export interface LocalRuntimeImageInfo {
  /** The image id (`sha256:...`). */
  id: string;
}

export interface LocalRuntime {
  /** Which engine is asked, for messages: `unix:///var/run/docker.sock (docker context default)`. */
  readonly endpoint: string;
  /** The image by name as docker resolves it (`myapp:dev`); `null` when the engine has none. */
  image(name: string, signal?: AbortSignal): Promise<ClusterFact<LocalRuntimeImageInfo | null>>;
  close(): Promise<void>;
}
