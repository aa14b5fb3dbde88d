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
      { pattern: /failed to fetch anonymous token/i, precedence: 90, source: 'containerd core/remotes/docker/authorizer.go' },
      // 401 on the manifest or token request; ECR/ACR `no basic auth credentials`,
      // `unauthorized: authentication required`; Quay `unauthorized` (ambiguous, stays here).
      {
        pattern: /\b401\b|unauthorized|no basic auth credentials|authentication required/i,
        precedence: 93,
        source: 'containerd core/remotes/docker/resolver.go; containers/image docker/errors.go; ECR, ACR, Quay answers',
      },
    ],
  },
  remediation: ({ registry, credentialSource, sendsCredentials }) =>
    sendsCredentials
      ? `Renew the credentials of ${credentialSource ?? 'the pull secret'}: the registry rejected them.`
      : `Give the pods a pull secret for ${registry}: kubectl create secret docker-registry NAME --docker-server=${registry} ..., then list it in imagePullSecrets.`,
};
