// A registry verdict for one use of an image becomes a finding at that `image:` value: rule id
// `image-pull`, `cause` = the DESIGN.md failure cause id. Severity says how sure the verdict is
// about the nodes: what the registry said about the image or the credentials is an error; what
// only failed from this machine (network, TLS, rate limit, a server error) is a warning, because
// the nodes may see another network; "cannot be verified from here" is information. Pure.
import type { Finding, Severity } from '../../core/types.js';
import { rule as imagePullRule } from '../../rules/image-pull.js';
import { NODE_IDENTITY_SOURCE } from './credentials/node-identity.js';
import type { ImageUse } from './image-uses.js';
import type { ImageCheckResult } from '../../facts/registry-gateway.js';

/** The rule id of every registry finding (docs/json-output.md). */
export const IMAGE_PULL_RULE_ID = imagePullRule.meta.id;

const VANTAGE_POINT_CAUSES = new Set([
  'tls-error',
  'dns-error',
  'network-timeout',
  'connection-refused',
  'http-vs-https',
  'rate-limited',
  'registry-server-error',
]);

export function verdictSeverity(result: ImageCheckResult): Severity | undefined {
  if (result.status === 'ok') return undefined;
  if (result.status === 'unknown') return result.credentialSource === NODE_IDENTITY_SOURCE ? 'info' : 'warning';
  return VANTAGE_POINT_CAUSES.has(result.status) ? 'warning' : 'error';
}

function remediation(use: ImageUse, result: ImageCheckResult): string | undefined {
  const registry = use.reference.domain;
  switch (result.status) {
    case 'image-not-found':
      return `Push ${use.image} to ${registry}, or fix the repository or tag to one that exists.`;
    case 'not-found-or-unauthorized':
      return `Check the repository name; if it is private, give the pods a pull secret for ${registry} (imagePullSecrets).`;
    case 'unauthorized':
      return use.credentials.length === 0
        ? `Give the pods a pull secret for ${registry}: kubectl create secret docker-registry NAME --docker-server=${registry} ..., then list it in imagePullSecrets.`
        : `Renew the credentials of ${result.credentialSource ?? 'the pull secret'}: the registry rejected them.`;
    case 'forbidden':
      return `Grant pull access on this repository to the account of ${result.credentialSource ?? 'the pull secret'}.`;
    case 'platform-mismatch':
      return 'Build and push the image for every node platform (docker buildx build --platform ...), or set --platform / platforms in .pullguard.yaml to what the nodes run.';
    case 'unsupported-image-format':
      return 'Point image: at a container image (not a Helm chart or another OCI artifact); if it is one, rebuild and push it with a current builder (schema 1 manifests no longer pull).';
    case 'tls-error':
      return `If the nodes trust the registry's CA, set registries."${registry}".caFile in .pullguard.yaml to that CA.`;
    case 'http-vs-https':
      return `If the nodes talk plain HTTP to ${registry}, set registries."${registry}".plainHttp: true in .pullguard.yaml.`;
    default:
      return undefined;
  }
}

/** The finding for one use, or undefined when the image can be pulled. */
export function verdictFinding(use: ImageUse, result: ImageCheckResult): Finding | undefined {
  const severity = verdictSeverity(result);
  if (severity === undefined) return undefined;
  const finding: Finding = {
    ruleId: IMAGE_PULL_RULE_ID,
    severity,
    message: `${use.image}: ${result.summary}`,
    file: use.file,
    line: use.position.line,
    column: use.position.column,
    object: use.object,
    container: use.container,
    image: use.image,
    path: use.path,
    cause: result.status,
  };
  const fix = remediation(use, result);
  if (fix !== undefined) finding.remediation = fix;
  return finding;
}
