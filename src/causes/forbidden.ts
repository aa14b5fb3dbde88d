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
      // ECR's `denied: Your authorization token has expired` (a stored token, accepted once); Docker 1.x
      // `Status 403 trying to pull repository` and GCR's `Caller does not have permission` (kubernetes#30148).
      {
        pattern: /failed to fetch oauth token: .*\b403\b|denied: Permission|\b403 Forbidden|\bstatus( code)?:? 403\b|invalid status code from registry 403|authorization token has expired|Caller does not have permission/i,
        precedence: 91,
        source: 'containerd core/remotes/docker/authorizer.go; Artifact Registry answers; containers/image docker/docker_client.go',
      },
    ],
    fix: ({ registry: named, host, credentialsSent }) => {
      // The token service or API host the message names stands in when no image says which registry.
      const registry = named ?? host;
      return credentialsSent === false
        ? `${registry ?? 'The registry'} refuses anonymous pulls of this repository: give the pods a pull secret (imagePullSecrets) for an account that may pull it.`
        : `Grant pull access on this repository to the identity that pulls: the pull secret's account, or the node identity (AcrPull on AKS, the node role on EKS, roles/artifactregistry.reader on GKE).`;
    },
  },
  remediation: ({ registry, credentialSource, sendsCredentials }) =>
    // An anonymous pull has no account to grant anything to: the pods need credentials first.
    !sendsCredentials || credentialSource === 'anonymous'
      ? `${registry} refuses anonymous pulls of this repository: give the pods a pull secret for ${registry} (imagePullSecrets) whose account may pull it.`
      : `Grant pull access on this repository to the account of ${credentialSource ?? 'the pull secret'}.`,
};
