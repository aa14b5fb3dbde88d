// Which Docker Engine the docker CLI on this machine talks to, found as the CLI finds it:
// `DOCKER_HOST`; else the context named by `DOCKER_CONTEXT`, else `currentContext` of
// $DOCKER_CONFIG/config.json (~/.docker/config.json); a named context's endpoint is in
// contexts/meta/<sha256 of its name>/meta.json (`Endpoints.docker.Host`); else the default socket.
// Problems are returned as the reason the engine cannot be asked, never thrown.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { dockerConfigPath } from './docker-config-file.js';

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

export interface DockerEndpoint {
  /** `unix:///run/docker.sock`, `tcp://127.0.0.1:2375`. */
  host: string;
  /** Where it came from, for messages: `DOCKER_HOST`, `docker context colima`, `default`. */
  from: string;
}

export type EndpointResult = { endpoint: DockerEndpoint } | { unknown: string };

async function readJson(path: string): Promise<{ value?: unknown; error?: string }> {
  try {
    return { value: JSON.parse(await readFile(path, 'utf8')) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    return { error: code ?? (error as Error).message };
  }
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export async function dockerEndpoint(env: NodeJS.ProcessEnv, home: string = env['HOME'] ?? homedir()): Promise<EndpointResult> {
  const fromEnv = env['DOCKER_HOST'];
  if (fromEnv !== undefined && fromEnv !== '') return { endpoint: { host: fromEnv, from: 'DOCKER_HOST' } };
  const configPath = dockerConfigPath(env, home);
  let name = env['DOCKER_CONTEXT'];
  if (name === undefined || name === '') {
    const config = await readJson(configPath);
    if (config.error !== undefined) return { unknown: `cannot read ${configPath} (${config.error})` };
    const current = field(config.value, 'currentContext');
    name = typeof current === 'string' ? current : '';
  }
  if (name === '' || name === 'default') return { endpoint: { host: DEFAULT_DOCKER_HOST, from: 'default' } };
  const digest = createHash('sha256').update(name).digest('hex');
  const metaPath = join(configPath, '..', 'contexts', 'meta', digest, 'meta.json');
  const meta = await readJson(metaPath);
  if (meta.error !== undefined) return { unknown: `cannot read docker context ${name} (${metaPath}: ${meta.error})` };
  if (meta.value === undefined) return { unknown: `docker context ${name} does not exist (no ${metaPath})` };
  const host = field(meta.value, 'Endpoints', 'docker', 'Host');
  if (typeof host !== 'string' || host === '') return { unknown: `docker context ${name} has no docker endpoint (${metaPath})` };
  return { endpoint: { host, from: `docker context ${name}` } };
}
