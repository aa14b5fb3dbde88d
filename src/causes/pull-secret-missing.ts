// The pod names an imagePullSecret that does not exist. Docs: ../../docs/causes/pull-secret-missing.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'pull-secret-missing',
  summary: 'The pod names an imagePullSecret that does not exist in its namespace, so the kubelet pulls without it.',
  vantage: 'manifest',
  recurrence: 'deterministic',
  rank: 100,
  credentialIndependent: false,
  // The pull goes without the credentials the pod meant to send.
  auth: true,
  kubelet: {
    // The pull itself then fails as unauthorized or not-found-or-unauthorized; the pod-level event says why.
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    events: ['FailedToRetrieveImagePullSecret'],
    shows: ['Unable to retrieve some image pull secrets (…)'],
    messages: [
      // kubelet (kubernetes PR #117927): `Unable to retrieve some image pull secrets (%s); attempting
      // to pull the image may not succeed.`; before it, only the kubelet log said `Unable to retrieve pull
      // secret %s/%s for %s/%s due to %v.  The image pull may not succeed.`
      { pattern: /Unable to retrieve (some image pull secrets|pull secret)/i, precedence: 15, source: 'kubernetes pkg/kubelet/kubelet_pods.go getPullSecretsForPod' },
    ],
    fix: ({ registry: named, host }) => {
      // The token service or API host the message names stands in when no image says which registry.
      const registry = named ?? host;
      return `Create the pull secret the pod names, in the pod's namespace (kubectl create secret docker-registry NAME -n NAMESPACE --docker-server=${registry ?? 'REGISTRY'} ...), or fix the name in the manifest.`;
    },
  },
  remediation: ({ missingSecrets, registry }) => {
    const secret = missingSecrets?.[0];
    if (secret === undefined) return undefined;
    return (
      `Create secret ${secret.name} in namespace ${secret.namespace} with credentials for ${registry} ` +
      `(\`kubectl create secret docker-registry ${secret.name} -n ${secret.namespace} --docker-server=${registry} --docker-username=USER --docker-password=TOKEN\`), ` +
      'or fix the name the pod uses; if it exists in the cluster already, pass its manifest with --pull-secret so that pullguard checks with it.'
    );
  },
};
