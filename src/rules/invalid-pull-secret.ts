// A Secret meant for image pulls that the API server rejects or kubelet cannot use: data that is
// not base64, the type's key missing, JSON that is not a docker config, `auth` that is not
// base64(user:password), credentials only a docker client reads, docker config data in a Secret
// whose type kubelet does not read for pulls. The reading is credentials/pull-secret.ts's, the one
// kubelet model that `check` uses too; this rule only places its problems on the Secret. Messages
// name the secret, the key and the entry, never a value. Docs: ../../docs/rules/invalid-pull-secret.md.
import type { Rule, RuleProblem } from '../core/rule.js';
import type { CredentialProblem } from '../credentials/credential-problem.js';
import { createKeyring } from '../credentials/keyring.js';
import { configKeyLabel } from '../credentials/config-key-label.js';
import { DOCKER_CONFIG_JSON_TYPE, DOCKERCFG_KEY, DOCKERCFG_TYPE, DOCKER_CONFIG_JSON_KEY, readPullSecret } from '../credentials/pull-secret.js';
import type { JsonPath } from '../manifests/model.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { pullObjectsOf } from './support/pull-objects.js';

const DOCKER_KEYS = [DOCKER_CONFIG_JSON_KEY, DOCKERCFG_KEY] as const;

/** A Secret kubelet would read for pulls, or one that holds docker config data under another type. */
function isPullSecret(value: Record<string, unknown>): boolean {
  if (value['type'] === DOCKER_CONFIG_JSON_TYPE || value['type'] === DOCKERCFG_TYPE) return true;
  return ['data', 'stringData'].some((field) => {
    const map = value[field];
    return isPlainObject(map) && DOCKER_KEYS.some((key) => key in map);
  });
}

/** The node that holds `key`: `stringData` wins over `data` on write, as on the API server. */
function keyPath(value: Record<string, unknown>, key: string): JsonPath {
  const stringData = value['stringData'];
  if (isPlainObject(stringData) && key in stringData) return ['stringData', key];
  const data = value['data'];
  if (isPlainObject(data) && key in data) return ['data', key];
  return value['type'] === undefined ? ['metadata', 'name'] : ['type'];
}

/** For a missing key: the other docker key when the Secret holds that one instead (a dockercfg/dockerconfigjson mix-up). */
function otherKey(value: Record<string, unknown>, key: string | undefined): string {
  const other = key === DOCKERCFG_KEY ? DOCKER_CONFIG_JSON_KEY : DOCKERCFG_KEY;
  return keyPath(value, other)[0] === 'type' || keyPath(value, other)[0] === 'metadata' ? '' : other;
}

function recreate(secret: { namespace: string; name: string }): string {
  return `\`kubectl create secret docker-registry ${secret.name} -n ${secret.namespace} --docker-server=REGISTRY --docker-username=USER --docker-password=TOKEN --dry-run=client -o yaml\``;
}

function remediation(problem: CredentialProblem, secret: { namespace: string; name: string }): string {
  switch (problem.code) {
    case 'secret-data-invalid':
      return `Put the base64 of the whole value under data (\`base64 -w0 config.json\`), or the plain text under stringData; or generate the Secret with ${recreate(secret)}.`;
    case 'secret-key-missing':
      return `Put the docker config JSON under data["${problem.key ?? DOCKER_CONFIG_JSON_KEY}"] (base64) or stringData["${problem.key ?? DOCKER_CONFIG_JSON_KEY}"], or generate the Secret with ${recreate(secret)}.`;
    case 'secret-wrong-type':
      return `Set \`type: ${problem.key === DOCKERCFG_KEY ? DOCKERCFG_TYPE : DOCKER_CONFIG_JSON_TYPE}\` (the type cannot be changed on an existing Secret: delete and create it again).`;
    case 'entry-without-credentials':
    case 'token-ignored':
      return `Store the registry's username and password (or auth) in the entry, for example a read-only token; generate the Secret with ${recreate(secret)}.`;
    case 'entry-key-invalid':
      return 'Use the registry host, optionally with a port and a path, as the key (`ghcr.io`, `registry.acme.io:5000/team`).';
    default:
      return `Generate the Secret with ${recreate(secret)}, which writes a docker config kubelet can read.`;
  }
}

export const rule: Rule = {
  meta: {
    id: 'invalid-pull-secret',
    defaultSeverity: 'error',
    description: 'A pull Secret the API server rejects or kubelet cannot use (data not base64, not JSON, the wrong key or type, unusable entries).',
    requires: 'none',
  },
  check(context) {
    const { object } = context;
    if (object.ref.kind !== 'Secret' || object.ref.apiVersion !== 'v1' || !isPullSecret(object.value)) return;
    const reading = readPullSecret(object.value, pullObjectsOf(context).defaultNamespace);
    const secret = { namespace: reading.namespace, name: reading.name };
    const report = (problem: CredentialProblem, path: JsonPath): void => {
      const finding: RuleProblem = { path, message: problem.message, remediation: remediation(problem, secret) };
      // The rule's own severity by default; the reading's lower ones (ignored tokens next to a password) stand.
      if (problem.severity !== 'error') finding.severity = problem.severity;
      context.report(finding);
    };
    for (const problem of reading.problems) {
      // "type Opaque and no docker config": any other Secret, nothing to do with pulls.
      if (problem.code === 'secret-wrong-type' && problem.key === undefined) continue;
      report(problem, keyPath(object.value, problem.code === 'secret-key-missing' ? otherKey(object.value, problem.key) : (problem.key ?? '')));
    }
    // Keys kubelet's keyring skips, found with the keyring itself.
    if (reading.key === undefined) return;
    for (const rejected of createKeyring(reading.entries.map((entry) => ({ configKey: entry.configKey, value: entry }))).rejectedKeys) {
      const entry = configKeyLabel(rejected);
      report(
        {
          code: 'entry-key-invalid',
          severity: 'warning',
          secret,
          key: reading.key,
          entry,
          message: `secret ${secret.namespace}/${secret.name} (${reading.key}) entry ${JSON.stringify(entry)} is not a valid registry URL; kubelet skips it`,
        },
        keyPath(object.value, reading.key),
      );
    }
  },
};
