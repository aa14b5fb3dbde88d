// LocalMachine over this machine's docker config: ~/.docker/config.json (or $DOCKER_CONFIG, or
// DOCKER_AUTH_CONFIG) and the credential helpers it names, run as processes. The file is read once,
// on the first question, and helpers are shared (one run per helper and registry).
import { sharedCredentialHelper, type CredentialHelper } from '../../credentials/credential-helper.js';
import { processCredentialHelper } from './credential-helper-process.js';
import { dockerConfigCredentials } from '../../credentials/docker-config-credentials.js';
import { readDockerConfig, type DockerConfigRead } from './docker-config-file.js';
import type { LocalMachine } from '../../facts/local-machine.js';

export function dockerLocalMachine(env: NodeJS.ProcessEnv): LocalMachine {
  let config: Promise<DockerConfigRead> | undefined;
  let helper: CredentialHelper | undefined;
  const authConfigEnv = env['DOCKER_AUTH_CONFIG'];
  return {
    async dockerCredentials(reference, signal) {
      config ??= readDockerConfig(env);
      helper ??= sharedCredentialHelper(processCredentialHelper({ env }));
      const docker = await config;
      const local = await dockerConfigCredentials(docker.config, reference, {
        helper,
        ...(authConfigEnv === undefined ? {} : { authConfigEnv }),
        ...(signal === undefined ? {} : { signal }),
      });
      return local.credentials;
    },
  };
}
