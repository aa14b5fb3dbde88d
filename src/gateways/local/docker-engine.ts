// The LocalRuntime (facts/local-runtime.ts) over the Docker Engine API: `GET /images/{name}/json`
// on the engine the docker CLI would use (docker-engine-endpoint.ts), over its unix socket or plain
// TCP. Only reads; every failure (no daemon, refused, timeout, TLS endpoints) is an unknown fact
// with its reason, never an exception.
import { request } from 'node:http';
import type { ClusterFact } from '../../facts/cluster-reader.js';
import type { LocalRuntime, LocalRuntimeImageInfo } from '../../facts/local-runtime.js';
import { dockerEndpoint, type DockerEndpoint } from './docker-engine-endpoint.js';

export const DOCKER_ENGINE_TIMEOUT_MS = 5_000;

type Target = { socketPath: string } | { host: string; port: number };

function connectionOf(host: string): Target | string {
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  const tcp = /^(?:tcp|http):\/\/\[?([^\]/]+?)\]?:(\d+)\/?$/.exec(host);
  if (tcp !== null) return { host: tcp[1] as string, port: Number(tcp[2]) };
  return `the docker endpoint ${host} is not one pullguard can ask (unix:// sockets and plain tcp:// only)`;
}

/** `GET path` on the engine: status and body, or why it could not be asked. */
function get(target: Target, path: string, signal?: AbortSignal): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ ...target, path, method: 'GET', headers: { host: 'docker' }, timeout: DOCKER_ENGINE_TIMEOUT_MS, ...(signal === undefined ? {} : { signal }) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: `timeout after ${DOCKER_ENGINE_TIMEOUT_MS / 1000} s` })));
    req.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
    req.end();
  });
}

/** Docker's own path form: the name as is, each unsafe character escaped (slashes and colons stay). */
function imagePath(name: string): string {
  return `/images/${name.split('/').map((part) => encodeURIComponent(part).replace(/%3A/gi, ':')).join('/')}/json`;
}

export function dockerEngineAt(endpoint: DockerEndpoint): LocalRuntime {
  const label = endpoint.from === 'DOCKER_HOST' || endpoint.from === 'default' ? endpoint.host : `${endpoint.host}, ${endpoint.from}`;
  const target = connectionOf(endpoint.host);
  return {
    endpoint: label,
    async image(name, signal): Promise<ClusterFact<LocalRuntimeImageInfo | null>> {
      if (typeof target === 'string') return { unknown: target };
      const answer = await get(target, imagePath(name), signal);
      if ('error' in answer) return { unknown: `docker at ${label} cannot be reached (${answer.error})` };
      if (answer.status === 404) return { value: null };
      if (answer.status !== 200) return { unknown: `docker at ${label} answered HTTP ${answer.status}` };
      try {
        const id = (JSON.parse(answer.body) as { Id?: unknown }).Id;
        return typeof id === 'string' ? { value: { id } } : { unknown: `docker at ${label} answered without an image id` };
      } catch {
        return { unknown: `docker at ${label} answered something other than JSON` };
      }
    },
    close: async () => undefined,
  };
}

/** The engine the docker CLI would use; when that cannot be worked out, a runtime whose every answer says why. */
export async function dockerEngine(env: NodeJS.ProcessEnv): Promise<LocalRuntime> {
  const found = await dockerEndpoint(env);
  if ('endpoint' in found) return dockerEngineAt(found.endpoint);
  return { endpoint: 'docker', image: async () => ({ unknown: found.unknown }), close: async () => undefined };
}
