// gateways/local/: this machine (docker config file, credential-helper processes); the pure halves
// are in credentials/.
// Gateway: finds and reads the docker config.json of this machine, as docker does
// (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`). A missing file is normal (no
// credentials); an unreadable one is reported, never thrown.

import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CredentialProblem } from '../../credentials/credential-problem.js';
import { parseDockerConfig, type DockerConfigFile } from '../../credentials/docker-config.js';

export function dockerConfigPath(env: NodeJS.ProcessEnv, home: string): string {
  const dir = env['DOCKER_CONFIG'];
  return join(dir !== undefined && dir !== '' ? dir : join(home, '.docker'), 'config.json');
}

export interface DockerConfigRead {
  path: string;
  /** Undefined when there is no file (or it could not be read). */
  config?: DockerConfigFile;
  problems: CredentialProblem[];
}

export async function readDockerConfig(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): Promise<DockerConfigRead> {
  const path = dockerConfigPath(env, home);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, problems: [] };
    return {
      path,
      problems: [{ code: 'docker-config-invalid', severity: 'warning', message: `docker config ${path} cannot be read (${code ?? 'error'})` }],
    };
  }
  const { config, problems } = parseDockerConfig(text, path);
  return { path, config, problems };
}
