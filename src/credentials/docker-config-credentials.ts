// Which credential `docker pull <image>` on this machine would send, following docker/cli:
// - the lookup key is `https://index.docker.io/v1/` for Docker Hub, else the registry host[:port]
//   (cli/command/registry.go ResolveAuthConfig @ 4029dbc);
// - DOCKER_AUTH_CONFIG entries first, by exact key (cli/config/memorystore @ b4cac17);
// - then `credHelpers[key]`, else `credsStore`, through the helper protocol; "not found" means
//   anonymous and the file's username/password are NOT used (native_store.go @ 5c5e169);
// - else `auths[key]`, else the first `auths` key whose host[:port] equals the lookup key
//   (file_store.go @ d2b87a0 ConvertToHostname), so `https://index.docker.io/v1/` is the only
//   key that serves Docker Hub.
// Docker sends one credential, so the result holds zero or one.

import type { ImageReference } from '../images/types.js';
import type { RegistryCredential } from '../facts/registry-gateway.js';
import { registerSecret } from '../shared/run-secrets.js';
import { configKeyLabel } from './config-key-label.js';
import type { CredentialHelper } from './credential-helper.js';
import { isHelperName } from './credential-helper.js';
import type { CredentialProblem } from './credential-problem.js';
import { decodeDockerAuth, type DockerAuthEntry, type DockerConfigFile } from './docker-config.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { goFieldValues } from './go-json-fields.js';
import { parseGoUrl, splitGoHostname } from '../images/go-url.js';
import { parseSecretJson } from './parse-secret-json.js';

export const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';

/** Docker's `<token>` username: the secret is an identity (refresh) token. */
const TOKEN_USERNAME = '<token>';

export interface DockerCredentials {
  /** The key docker looked up: `https://index.docker.io/v1/`, `ghcr.io`. */
  serverAddress: string;
  /** What supplied the answer. */
  via: 'DOCKER_AUTH_CONFIG' | 'credHelpers' | 'credsStore' | 'auths' | 'none';
  credentials: RegistryCredential[];
  problems: CredentialProblem[];
}

export interface DockerCredentialsOptions {
  helper: CredentialHelper;
  /** The value of DOCKER_AUTH_CONFIG, if set. */
  authConfigEnv?: string;
  signal?: AbortSignal;
}

export function dockerServerAddress(image: Pick<ImageReference, 'domain'>): string {
  return image.domain === 'docker.io' ? DOCKER_HUB_AUTH_KEY : image.domain;
}

/** docker's ConvertToHostname: scheme and path dropped, port kept. */
export function convertToHostname(key: string): string {
  if (key.includes('://')) {
    const parsed = parseGoUrl(key);
    if (parsed !== undefined) {
      const { hostname, port } = splitGoHostname(parsed.host);
      if (hostname !== '') return port === '' ? hostname : hostname.includes(':') ? `[${hostname}]:${port}` : `${hostname}:${port}`;
    }
  }
  const slash = key.indexOf('/');
  return slash < 0 ? key : key.slice(0, slash);
}

/** DOCKER_AUTH_CONFIG: `{"auths": {key: {"auth": ...}}}`; any bad entry makes docker ignore all of it. */
function envAuths(value: string, problems: CredentialProblem[]): Map<string, { username: string; password: string }> | undefined {
  const fail = (detail: string): undefined => {
    problems.push({ code: 'docker-config-invalid', severity: 'warning', message: `DOCKER_AUTH_CONFIG ${detail}; docker ignores it` });
    return undefined;
  };
  const parsed = parseSecretJson(value);
  if (!parsed.ok) return fail(parsed.detail);
  if (!isPlainObject(parsed.value)) return fail('is not a JSON object');
  const result = new Map<string, { username: string; password: string }>();
  for (const auths of goFieldValues(parsed.value, 'auths')) {
    if (auths === null) continue;
    if (!isPlainObject(auths)) return fail('has an "auths" that is not an object');
    for (const [key, entry] of Object.entries(auths)) {
      const label = JSON.stringify(configKeyLabel(key));
      const auth = isPlainObject(entry) ? goFieldValues(entry, 'auth').filter((v) => v !== null).pop() : undefined;
      if (typeof auth !== 'string' || auth === '') return fail(`has no auth for ${label}`);
      const decoded = decodeDockerAuth(auth);
      if (!decoded.ok) return fail(`auths[${label}].auth ${decoded.detail}`);
      result.set(key, { username: decoded.username, password: decoded.password });
    }
  }
  return result;
}

function fileEntry(config: DockerConfigFile, serverAddress: string): DockerAuthEntry | undefined {
  return config.auths.find((entry) => entry.configKey === serverAddress) ?? config.auths.find((entry) => convertToHostname(entry.configKey) === serverAddress);
}

function credential(source: string, fields: { username?: string; password?: string; identityToken?: string; registryToken?: string }): RegistryCredential[] {
  const result: RegistryCredential = { source };
  registerSecret(fields.password, fields.username);
  registerSecret(fields.identityToken);
  registerSecret(fields.registryToken);
  if (fields.username) result.username = fields.username;
  if (fields.password) result.password = fields.password;
  if (fields.identityToken) result.identityToken = fields.identityToken;
  if (fields.registryToken) result.registryToken = fields.registryToken;
  // An empty auth config is an anonymous pull.
  return Object.keys(result).length > 1 ? [result] : [];
}

/** The credential docker on this machine would use for `image` (config undefined: no config.json). */
export async function dockerConfigCredentials(
  config: DockerConfigFile | undefined,
  image: Pick<ImageReference, 'domain'>,
  options: DockerCredentialsOptions,
): Promise<DockerCredentials> {
  const serverAddress = dockerServerAddress(image);
  const problems: CredentialProblem[] = [];
  const result = (via: DockerCredentials['via'], credentials: RegistryCredential[]): DockerCredentials => ({ serverAddress, via, credentials, problems });

  if (options.authConfigEnv !== undefined && options.authConfigEnv !== '') {
    const fromEnv = envAuths(options.authConfigEnv, problems)?.get(serverAddress);
    if (fromEnv !== undefined) return result('DOCKER_AUTH_CONFIG', credential(`DOCKER_AUTH_CONFIG (auths: ${configKeyLabel(serverAddress)})`, fromEnv));
  }
  if (config === undefined) return result('none', []);

  const helperFromMap = config.credHelpers.get(serverAddress);
  const helper = helperFromMap ?? config.credsStore;
  if (helper !== undefined) {
    const via = helperFromMap !== undefined ? 'credHelpers' : 'credsStore';
    const source = `docker config.json (${via}: ${helper})`;
    if (!isHelperName(helper)) {
      problems.push({ code: 'docker-config-invalid', severity: 'warning', message: `docker config ${config.path}: ${via} names ${JSON.stringify(helper)}, which is not a helper name` });
      return result(via, []);
    }
    const outcome = await options.helper.get(helper, serverAddress, options.signal);
    if (outcome.kind === 'failed') {
      problems.push({ code: 'credential-helper-failed', severity: 'warning', message: `${outcome.message} (for ${serverAddress}, from ${config.path})` });
      return result(via, []);
    }
    // The file store still contributes a registry token it may hold; username and password come from the helper only.
    const registryToken = fileEntry(config, serverAddress)?.registryToken;
    if (outcome.kind === 'not-found') return result(via, credential(source, { registryToken }));
    const fromHelper =
      outcome.username === TOKEN_USERNAME ? { identityToken: outcome.secret } : { username: outcome.username, password: outcome.secret };
    return result(via, credential(source, { ...fromHelper, registryToken }));
  }

  const entry = fileEntry(config, serverAddress);
  if (entry === undefined) return result('none', []);
  return result('auths', credential(`docker config.json (auths: ${configKeyLabel(entry.configKey)})`, entry));
}
