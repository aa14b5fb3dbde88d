// The developer's docker `config.json`, read as the docker CLI reads it (docker/cli
// cli/config/configfile/file.go @ d7bb41fc: ConfigFile, LoadFromReader, decodeAuth). It is the
// "compare" set: what `docker pull` on this machine would use, which is not what the nodes use.
// Differences from kubelet that matter: `auth` must be padded base64 with a non-empty user,
// `identitytoken` and `registrytoken` are used, and credentials may live in helpers.

import type { CredentialProblem } from './credential-problem.js';
import { configKeyLabel } from './config-key-label.js';
import { decodeGoStdBase64, describeBase64Error } from './go-base64.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { goFieldValues, goStringField, jsonTypeName } from './go-json-fields.js';
import { parseSecretJson } from './parse-secret-json.js';
import { registerSecret } from '../shared/run-secrets.js';

export interface DockerAuthEntry {
  /** The key as written: `https://index.docker.io/v1/`, `ghcr.io`, `localhost:5000`. */
  configKey: string;
  username: string;
  password: string;
  identityToken: string;
  registryToken: string;
}

export interface DockerConfigFile {
  /** Where it was read from, for messages. */
  path: string;
  /** `auths` entries in file order (entries docker cannot decode are left out and reported). */
  auths: DockerAuthEntry[];
  /** Default helper suffix (`desktop`, `osxkeychain`, `pass`, ...). */
  credsStore?: string;
  /** Helper suffix per registry key (`gcloud` for `europe-docker.pkg.dev`). */
  credHelpers: Map<string, string>;
}

const AUTH_FIELDS = ['username', 'password', 'auth', 'email', 'serveraddress', 'identitytoken', 'registrytoken'] as const;

/** docker's decodeAuth: padded base64 of `user:password`, user not empty, NULs trimmed from the password. */
export function decodeDockerAuth(auth: string): { ok: true; username: string; password: string } | { ok: false; detail: string } {
  const decoded = decodeGoStdBase64(auth);
  if (!decoded.ok) return { ok: false, detail: `is not valid base64 (${describeBase64Error(decoded.offset)})` };
  const text = decoded.bytes.toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return { ok: false, detail: 'does not decode to "username:password" with a non-empty username' };
  return { ok: true, username: text.slice(0, colon), password: text.slice(colon + 1).replace(/^\u0000+|\u0000+$/g, '') };
}

function stringMap(value: unknown, field: string, problems: string[]): Map<string, string> {
  const map = new Map<string, string>();
  if (value === null || value === undefined) return map;
  if (!isPlainObject(value)) {
    problems.push(`"${field}" is a JSON ${jsonTypeName(value)}, not an object`);
    return map;
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === null) continue;
    if (typeof item !== 'string') problems.push(`"${field}"[${JSON.stringify(key)}] is a JSON ${jsonTypeName(item)}, not a string`);
    else map.set(key, item);
  }
  return map;
}

/** Parses config.json text; docker skips a broken file with a warning, so problems are warnings. */
export function parseDockerConfig(text: string, path: string): { config: DockerConfigFile; problems: CredentialProblem[] } {
  const config: DockerConfigFile = { path, auths: [], credHelpers: new Map() };
  const details: string[] = [];
  const parsed = parseSecretJson(text);
  if (!parsed.ok) details.push(parsed.detail);
  else if (parsed.value !== null && !isPlainObject(parsed.value)) details.push(`is a JSON ${jsonTypeName(parsed.value)}, not an object`);
  else if (isPlainObject(parsed.value)) {
    const root = parsed.value;
    const store = goStringField(root, 'credsStore');
    if (!store.ok) details.push(`"credsStore" is a JSON ${store.type}, not a string`);
    else if (store.value !== undefined && store.value !== '') config.credsStore = store.value;
    for (const helpers of goFieldValues(root, 'credHelpers')) {
      for (const [key, helper] of stringMap(helpers, 'credHelpers', details)) config.credHelpers.set(key, helper);
    }
    for (const auths of goFieldValues(root, 'auths')) {
      if (auths === null) continue;
      if (!isPlainObject(auths)) {
        details.push(`"auths" is a JSON ${jsonTypeName(auths)}, not an object`);
        continue;
      }
      for (const [configKey, raw] of Object.entries(auths)) {
        const at = `auths[${JSON.stringify(configKeyLabel(configKey))}]`;
        const entry: DockerAuthEntry = { configKey, username: '', password: '', identityToken: '', registryToken: '' };
        if (raw !== null && !isPlainObject(raw)) {
          details.push(`${at} is a JSON ${jsonTypeName(raw)}, not an object`);
          continue;
        }
        const fields: Partial<Record<(typeof AUTH_FIELDS)[number], string>> = {};
        let broken = false;
        for (const name of AUTH_FIELDS) {
          const field = raw === null ? ({ ok: true, value: undefined } as const) : goStringField(raw, name);
          if (!field.ok) {
            details.push(`${at}.${name} is a JSON ${field.type}, not a string`);
            broken = true;
          } else if (field.value !== undefined) {
            fields[name] = field.value;
          }
        }
        if (broken) continue;
        registerSecret(fields.password, fields.username);
        registerSecret(fields.auth);
        registerSecret(fields.identitytoken);
        registerSecret(fields.registrytoken);
        entry.username = fields.username ?? '';
        entry.password = fields.password ?? '';
        entry.identityToken = fields.identitytoken ?? '';
        entry.registryToken = fields.registrytoken ?? '';
        if (fields.auth !== undefined && fields.auth !== '') {
          const decoded = decodeDockerAuth(fields.auth);
          if (!decoded.ok) {
            details.push(`${at}.auth ${decoded.detail}`);
            continue;
          }
          entry.username = decoded.username;
          entry.password = decoded.password;
        }
        config.auths.push(entry);
      }
    }
  }
  const problems = details.map<CredentialProblem>((detail) => ({
    code: 'docker-config-invalid',
    severity: 'warning',
    message: `docker config ${path}: ${detail}`,
  }));
  return { config, problems };
}
