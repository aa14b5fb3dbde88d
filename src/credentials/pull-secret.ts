// Reading one Secret the way the API server stores it and kubelet uses it for pulls:
// - `data` values are padded base64 (Go's encoding/json []byte rule) and `stringData` values
//   replace them key by key on write;
// - the API server requires `.dockerconfigjson` (type kubernetes.io/dockerconfigjson) or
//   `.dockercfg` (type kubernetes.io/dockercfg) to be present and to be a JSON object (or null)
//   (pkg/apis/core/validation ValidateSecret);
// - kubelet uses a secret only when the type and its key match and the data is non-empty, and
//   decodes it as pkg/credentialprovider/secrets/secrets.go @ 09284d92 does; any other Secret is
//   skipped silently, which is worth saying.

import { registerSecret } from '../shared/run-secrets.js';
import { configKeyLabel } from './config-key-label.js';
import type { CredentialProblem, CredentialProblemCode } from './credential-problem.js';
import { decodeGoStdBase64, describeBase64Error } from './go-base64.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { jsonTypeName } from './go-json-fields.js';
import { decodeDockercfg, decodeDockerConfigJson, type KubeletDockerConfig, type KubeletDockerConfigEntry } from './kubelet-docker-config.js';
import { parseSecretJson } from './parse-secret-json.js';

export const DOCKER_CONFIG_JSON_TYPE = 'kubernetes.io/dockerconfigjson';
export const DOCKERCFG_TYPE = 'kubernetes.io/dockercfg';
export const DOCKER_CONFIG_JSON_KEY = '.dockerconfigjson';
export const DOCKERCFG_KEY = '.dockercfg';

export type PullSecretKey = typeof DOCKER_CONFIG_JSON_KEY | typeof DOCKERCFG_KEY;

export interface PullSecretReading {
  namespace: string;
  name: string;
  /** `type`, defaulted to `Opaque` as the API server does. */
  type: string;
  /** The key kubelet reads, when it reads this secret at all. */
  key?: PullSecretKey;
  /** What kubelet adds to the keyring, in JSON order. */
  entries: KubeletDockerConfigEntry[];
  problems: CredentialProblem[];
  /** Kubelet cannot decode this secret: every image pull of a pod that uses it fails. */
  breaksPulls: boolean;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `data` decoded and `stringData` laid over it, with problems for values the API server refuses. */
function effectiveData(
  secret: Record<string, unknown>,
  label: string,
  problem: (code: CredentialProblemCode, severity: CredentialProblem['severity'], message: string, extra?: Partial<CredentialProblem>) => void,
): Map<string, string> {
  const result = new Map<string, string>();
  const data = secret['data'];
  if (isPlainObject(data)) {
    for (const [key, value] of Object.entries(data)) {
      if (value === null) continue;
      if (typeof value !== 'string') {
        problem('secret-data-invalid', 'error', `${label}: data[${JSON.stringify(key)}] is a ${jsonTypeName(value)}, not a base64 string; the API server rejects this Secret`, { key });
        continue;
      }
      const decoded = decodeGoStdBase64(value);
      if (!decoded.ok) {
        problem(
          'secret-data-invalid',
          'error',
          `${label}: data[${JSON.stringify(key)}] is not valid base64 (${describeBase64Error(decoded.offset)}); the API server rejects this Secret (put plain text under stringData instead)`,
          { key },
        );
        continue;
      }
      result.set(key, decoded.bytes.toString('utf8'));
    }
  }
  const stringData = secret['stringData'];
  if (isPlainObject(stringData)) {
    for (const [key, value] of Object.entries(stringData)) {
      if (typeof value !== 'string') {
        problem('secret-data-invalid', 'error', `${label}: stringData[${JSON.stringify(key)}] is a ${jsonTypeName(value)}, not a string; the API server rejects this Secret`, { key });
        continue;
      }
      result.set(key, value);
    }
  }
  return result;
}

/** Reads a Secret (a manifest's value or an object from the cluster) for image pulls. */
export function readPullSecret(secret: Record<string, unknown>, defaultNamespace: string): PullSecretReading {
  const metadata = isPlainObject(secret['metadata']) ? secret['metadata'] : {};
  const name = text(metadata['name']) ?? '';
  const namespace = text(metadata['namespace']) ?? defaultNamespace;
  const type = text(secret['type']) || 'Opaque';
  const label = `secret ${namespace}/${name}`;
  const problems: CredentialProblem[] = [];
  const reading: PullSecretReading = { namespace, name, type, entries: [], problems, breaksPulls: false };
  const problem = (code: CredentialProblemCode, severity: CredentialProblem['severity'], message: string, extra: Partial<CredentialProblem> = {}): void => {
    problems.push({ code, severity, message, secret: { namespace, name }, ...extra });
  };

  const data = effectiveData(secret, label, problem);
  const key: PullSecretKey | undefined = type === DOCKER_CONFIG_JSON_TYPE ? DOCKER_CONFIG_JSON_KEY : type === DOCKERCFG_TYPE ? DOCKERCFG_KEY : undefined;
  if (key === undefined) {
    const dockerKey = [DOCKER_CONFIG_JSON_KEY, DOCKERCFG_KEY].find((k) => data.has(k));
    const wanted = dockerKey === DOCKERCFG_KEY ? DOCKERCFG_TYPE : DOCKER_CONFIG_JSON_TYPE;
    problem(
      'secret-wrong-type',
      'warning',
      dockerKey === undefined
        ? `${label} has type ${type} and no docker config; kubelet ignores it for image pulls`
        : `${label} holds ${dockerKey} but has type ${type}; kubelet only reads it for image pulls when the type is ${wanted}`,
      dockerKey === undefined ? {} : { key: dockerKey },
    );
    return reading;
  }

  const raw = data.get(key);
  if (raw === undefined) {
    // The value may be missing because it was invalid base64 (already reported).
    if (!problems.some((p) => p.key === key)) {
      const other = key === DOCKER_CONFIG_JSON_KEY ? DOCKERCFG_KEY : DOCKER_CONFIG_JSON_KEY;
      const confused = data.has(other) ? ` (it holds ${other}, the key of type ${other === DOCKERCFG_KEY ? DOCKERCFG_TYPE : DOCKER_CONFIG_JSON_TYPE})` : '';
      problem('secret-key-missing', 'error', `${label} has type ${type} but no ${key} key${confused}; the API server rejects it`, { key });
    }
    return reading;
  }
  reading.key = key;
  const where = `${label} (${key})`;
  const parsed = parseSecretJson(raw);
  if (!parsed.ok) {
    problem('secret-json-invalid', 'error', `${where} ${parsed.detail}; the API server rejects this Secret`, { key });
    return reading;
  }
  if (parsed.value !== null && !isPlainObject(parsed.value)) {
    problem('secret-json-invalid', 'error', `${where} is a JSON ${jsonTypeName(parsed.value)}, not an object; the API server rejects this Secret`, { key });
    return reading;
  }

  const decoded: KubeletDockerConfig = key === DOCKER_CONFIG_JSON_KEY ? decodeDockerConfigJson(parsed.value) : decodeDockercfg(parsed.value);
  registerSecret(raw);
  for (const entry of decoded.entries) registerSecret(entry.password, entry.username);
  for (const finding of decoded.findings) {
    const entry = finding.entry === undefined ? {} : { entry: configKeyLabel(finding.entry) };
    if (finding.fatal) {
      reading.breaksPulls = true;
      problem(
        finding.kind === 'auth' ? 'auth-invalid' : 'secret-json-shape',
        'error',
        `${where}: ${finding.detail}; kubelet cannot decode this secret and fails every image pull of pods that use it`,
        { key, breaksPulls: true, ...entry },
      );
    } else {
      problem(finding.kind === 'format-mismatch' ? 'secret-json-shape' : 'secret-no-auths', 'warning', `${where} ${finding.detail}`, { key, ...entry });
    }
  }
  // Kubelet builds the keyring only when every secret decodes.
  if (reading.breaksPulls) return reading;
  reading.entries = decoded.entries;

  const formatMismatch = decoded.findings.some((f) => f.kind === 'format-mismatch');
  for (const entry of decoded.entries) {
    const entryLabel = configKeyLabel(entry.configKey);
    const at = `${where} entry ${JSON.stringify(entryLabel)}`;
    const empty = entry.username === '' && entry.password === '';
    if (entry.ignoredTokens.length > 0) {
      const fields = entry.ignoredTokens.join(' and ');
      problem(
        'token-ignored',
        empty ? 'error' : 'info',
        empty
          ? `${at} only has ${fields}, which docker uses and kubelet ignores: kubelet pulls anonymously; store a username and password (or auth) instead`
          : `${at} also has ${fields}, which kubelet ignores; it uses the username and password`,
        { key, entry: entryLabel },
      );
    } else if (empty && !(formatMismatch && entry.configKey.toLowerCase() === 'auths')) {
      problem(
        'entry-without-credentials',
        'warning',
        `${at} has no auth, username or password (typical of a docker config whose credentials live in a credsStore); kubelet pulls anonymously with it`,
        { key, entry: entryLabel },
      );
    }
  }
  return reading;
}
