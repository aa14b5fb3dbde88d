// Decoding docker config JSON exactly as kubelet does for pull secrets, from
// kubernetes/kubernetes pkg/credentialprovider/config.go @ 78fc8e44 (DockerConfigJSON,
// DockerConfigEntry.UnmarshalJSON, decodeDockerConfigFieldAuth):
// - only `username`, `password`, `email` and `auth` are read; `identitytoken` and `registrytoken`
//   are ignored (docker uses them, so a secret made from a docker login can work on the laptop and
//   fail in the cluster);
// - a non-empty `auth` replaces username and password: base64 of `user:password`, padded when the
//   trimmed value ends in `=`, unpadded otherwise, split at the first `:`;
// - any decoding error fails the whole json.Unmarshal, and kubelet then fails the pull of every
//   image of the pod (pkg/credentialprovider/secrets/secrets.go returns the error).

import { decodeGoRawStdBase64, decodeGoStdBase64, describeBase64Error } from './go-base64.js';
import { configKeyLabel } from './config-key-label.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { goFieldValues, goStringField, jsonTypeName } from './go-json-fields.js';
import { registerSecret } from '../shared/run-secrets.js';

export interface KubeletDockerConfigEntry {
  /** The registry key as written (`https://index.docker.io/v1/`, `ghcr.io`). */
  configKey: string;
  username: string;
  password: string;
  /** Username and password came from `auth`. */
  fromAuth: boolean;
  /** Credential fields present with a value that kubelet ignores (`identitytoken`, `registrytoken`). */
  ignoredTokens: string[];
}

/** Something wrong in the decoded JSON; `fatal` when Go's json.Unmarshal fails because of it. */
export interface DockerConfigFinding {
  kind: 'shape' | 'auth' | 'no-auths' | 'format-mismatch';
  fatal: boolean;
  /** The registry key of the entry concerned. */
  entry?: string;
  /** Where and what, without any value: `auths["ghcr.io"].auth is not valid base64 (...)`. */
  detail: string;
}

export interface KubeletDockerConfig {
  entries: KubeletDockerConfigEntry[];
  findings: DockerConfigFinding[];
}

const IGNORED_TOKEN_FIELDS = ['identitytoken', 'registrytoken'] as const;

function decodeAuth(field: string): { ok: true; username: string; password: string } | { ok: false; detail: string } {
  const decoded = field.trim().endsWith('=') ? decodeGoStdBase64(field) : decodeGoRawStdBase64(field);
  if (!decoded.ok) return { ok: false, detail: `is not valid base64 (${describeBase64Error(decoded.offset)})` };
  const text = decoded.bytes.toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return { ok: false, detail: 'does not decode to "username:password" (no ":" in it)' };
  return { ok: true, username: text.slice(0, colon), password: text.slice(colon + 1) };
}

function decodeEntries(map: Record<string, unknown>, path: (key: string) => string, findings: DockerConfigFinding[]): KubeletDockerConfigEntry[] {
  const entries: KubeletDockerConfigEntry[] = [];
  for (const [configKey, raw] of Object.entries(map)) {
    if (raw === null) {
      // Go calls UnmarshalJSON with `null`, which decodes to an empty entry.
      entries.push({ configKey, username: '', password: '', fromAuth: false, ignoredTokens: [] });
      continue;
    }
    if (!isPlainObject(raw)) {
      findings.push({ kind: 'shape', fatal: true, entry: configKey, detail: `${path(configKey)} is a JSON ${jsonTypeName(raw)}, not an object` });
      continue;
    }
    const fields: Record<string, string> = {};
    let typeError = false;
    for (const name of ['username', 'password', 'email', 'auth'] as const) {
      const field = goStringField(raw, name);
      if (!field.ok) {
        findings.push({ kind: 'shape', fatal: true, entry: configKey, detail: `${path(configKey)}.${name} is a JSON ${field.type}, not a string` });
        typeError = true;
      } else if (field.value !== undefined) {
        fields[name] = field.value;
      }
    }
    if (typeError) continue;
    registerSecret(fields['password'], fields['username']);
    registerSecret(fields['auth']);
    for (const name of IGNORED_TOKEN_FIELDS) for (const value of goFieldValues(raw, name)) if (typeof value === 'string') registerSecret(value);
    const ignoredTokens = IGNORED_TOKEN_FIELDS.filter((name) =>
      goFieldValues(raw, name).some((value) => typeof value === 'string' && value !== ''),
    );
    const auth = fields['auth'] ?? '';
    if (auth.length > 0) {
      const decoded = decodeAuth(auth);
      if (!decoded.ok) {
        findings.push({ kind: 'auth', fatal: true, entry: configKey, detail: `${path(configKey)}.auth ${decoded.detail}` });
        continue;
      }
      entries.push({ configKey, username: decoded.username, password: decoded.password, fromAuth: true, ignoredTokens });
      continue;
    }
    entries.push({ configKey, username: fields['username'] ?? '', password: fields['password'] ?? '', fromAuth: false, ignoredTokens });
  }
  return entries;
}

/** Looks like a registry key rather than a field name: has a dot, a colon or a slash. */
function looksLikeRegistryKey(key: string): boolean {
  return /[.:/]/.test(key);
}

/** `.dockerconfigjson`: `{"auths": {...}, "HttpHeaders": {...}}`; `value` is the parsed JSON. */
export function decodeDockerConfigJson(value: unknown): KubeletDockerConfig {
  const findings: DockerConfigFinding[] = [];
  if (value === null) {
    return { entries: [], findings: [{ kind: 'no-auths', fatal: false, detail: 'is JSON null: no "auths", no credentials' }] };
  }
  if (!isPlainObject(value)) {
    return { entries: [], findings: [{ kind: 'shape', fatal: true, detail: `is a JSON ${jsonTypeName(value)}, not an object` }] };
  }
  for (const headers of goFieldValues(value, 'HttpHeaders')) {
    if (headers === null) continue;
    if (!isPlainObject(headers)) {
      findings.push({ kind: 'shape', fatal: true, detail: `"HttpHeaders" is a JSON ${jsonTypeName(headers)}, not an object` });
      continue;
    }
    for (const [name, header] of Object.entries(headers)) {
      if (header !== null && typeof header !== 'string') {
        findings.push({ kind: 'shape', fatal: true, detail: `"HttpHeaders"[${JSON.stringify(name)}] is a JSON ${jsonTypeName(header)}, not a string` });
      }
    }
  }
  // Go decodes every "auths" occurrence (any letter case) into the same map.
  const merged: Record<string, unknown> = {};
  let sawAuths = false;
  for (const auths of goFieldValues(value, 'auths')) {
    if (auths === null) continue;
    if (!isPlainObject(auths)) {
      findings.push({ kind: 'shape', fatal: true, detail: `"auths" is a JSON ${jsonTypeName(auths)}, not an object` });
      continue;
    }
    sawAuths = true;
    Object.assign(merged, auths);
  }
  if (!sawAuths && !findings.some((f) => f.fatal)) {
    const legacy = Object.keys(value).some(looksLikeRegistryKey);
    findings.push({
      kind: 'no-auths',
      fatal: false,
      detail: legacy
        ? 'has no "auths" object; its keys look like registries, i.e. the legacy .dockercfg format, which kubelet does not read under this type'
        : 'has no "auths" object: no credentials',
    });
  }
  const entries = decodeEntries(merged, (key) => `auths[${JSON.stringify(configKeyLabel(key))}]`, findings);
  return { entries, findings };
}

/** `.dockercfg`: the legacy bare map `{"<registry>": {...}}`; `value` is the parsed JSON. */
export function decodeDockercfg(value: unknown): KubeletDockerConfig {
  if (value === null) return { entries: [], findings: [] };
  if (!isPlainObject(value)) {
    return { entries: [], findings: [{ kind: 'shape', fatal: true, detail: `is a JSON ${jsonTypeName(value)}, not an object` }] };
  }
  const findings: DockerConfigFinding[] = [];
  if (Object.keys(value).some((key) => key.toLowerCase() === 'auths')) {
    findings.push({
      kind: 'format-mismatch',
      fatal: false,
      entry: 'auths',
      detail: 'holds a config.json-style {"auths": ...} object; kubelet reads "auths" as the name of a registry, so none of its credentials apply',
    });
  }
  const entries = decodeEntries(value, (key) => `[${JSON.stringify(configKeyLabel(key))}]`, findings);
  return { entries, findings };
}
