// The registry accepted the credentials but does not let them pull this repository.
// Docs: ../../docs/causes/forbidden.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'forbidden',
  summary: 'The registry accepted the credentials but does not let them pull this repository.',
  vantage: 'registry',
  recurrence: 'deterministic',
  rank: 4,
  credentialIndependent: false,
  auth: true,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['403 Forbidden', 'denied: Permission "artifactregistry.repositories.downloadArtifacts" denied'],
    messages: [
      // containerd `failed to fetch oauth token: ... 403`; Artifact Registry `denied: Permission
      // "artifactregistry.repositories.downloadArtifacts" denied on resource`; `403 Forbidden` on
      // HEAD; CRI-O `Requesting bearer token: invalid status code from registry 403` (§6 step 9);
      // ECR's `denied: Your authorization token has expired` (a stored token, accepted once).
      {
        pattern: /failed to fetch oauth token: .*\b403\b|denied: Permission|\b403 Forbidden|invalid status code from registry 403|authorization token has expired/i,
        precedence: 91,
        source: 'containerd core/remotes/docker/authorizer.go; Artifact Registry answers; containers/image docker/docker_client.go',
      },
    ],
  },
  remediation: ({ registry, credentialSource, sendsCredentials }) =>
    // An anonymous pull has no account to grant anything to: the pods need credentials first.
    !sendsCredentials || credentialSource === 'anonymous'
      ? `${registry} refuses anonymous pulls of this repository: give the pods a pull secret for ${registry} (imagePullSecrets) whose account may pull it.`
      : `Grant pull access on this repository to the account of ${credentialSource ?? 'the pull secret'}.`,
};
