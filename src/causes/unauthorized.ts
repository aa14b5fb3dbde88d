// The registry wants credentials and got none, or rejected the ones it got.
// Docs: ../../docs/causes/unauthorized.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'unauthorized',
  summary: 'The registry wants credentials and got none, or rejected the ones it got.',
  vantage: 'registry',
  recurrence: 'deterministic',
  rank: 6,
  credentialIndependent: false,
  auth: true,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['failed to fetch anonymous token: … 401 Unauthorized', 'no basic auth credentials'],
    messages: [
      // containerd `failed to authorize: failed to fetch anonymous token: %w`: no credentials were
      // sent, whatever the token service's status (403 included) (diagnosis.md §2, §6 step 9).
      // Only when the token service answered 401 or 403: a 5xx or a timeout there is no verdict on
      // credentials (godarch/darch#24, ketches/registry-proxy#3).
      { pattern: /failed to fetch anonymous token: [^,\]]*?\b40[13]\b/i, precedence: 90, source: 'containerd core/remotes/docker/authorizer.go' },
      // containerd wraps its own "no credential configured for a basic-auth registry" in the
      // ambiguous "pull access denied" (ErrInvalidAuthorization); this leaf is not ambiguous (kops#16762).
      { pattern: /authorization failed: no basic auth credentials/i, precedence: 89, source: 'containerd core/remotes/docker/authorizer.go' },
      // 401 on the manifest or token request; ECR/ACR `no basic auth credentials`,
      // `unauthorized: authentication required`; Quay `unauthorized` (ambiguous, stays here).
      {
        pattern: /\b401\b|unauthorized|unauthenticated|no basic auth credentials|authentication required/i,
        precedence: 93,
        source: 'containerd core/remotes/docker/resolver.go; containers/image docker/errors.go; ECR, ACR, Quay, Artifact Registry answers',
      },
    ],
    fix: ({ registry: named, host, credentialsSent }) => {
      // The token service or API host the message names stands in when no image says which registry.
      const registry = named ?? host;
      return credentialsSent === true
        ? `${registry ?? 'The registry'} rejected the credentials sent: renew the pull secret (or the node identity's access to the registry).`
        : `${registry ?? 'The registry'} wants credentials: create a pull secret (kubectl create secret docker-registry regcred --docker-server=${registry ?? 'REGISTRY'} ...) and list it in imagePullSecrets, or let the nodes pull with their own identity (az aks update --attach-acr, the EKS node role, the GKE node service account).`;
    },
  },
  remediation: ({ registry, credentialSource, sendsCredentials }) =>
    sendsCredentials
      ? `Renew the credentials of ${credentialSource ?? 'the pull secret'}: the registry rejected them.`
      : `Give the pods a pull secret for ${registry}: kubectl create secret docker-registry NAME --docker-server=${registry} ..., then list it in imagePullSecrets.`,
};
