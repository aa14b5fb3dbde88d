// Messages from docs/causes/not-found-or-unauthorized.md and diagnosis.md §2 (containerd
// ErrInvalidAuthorization, moby "docker login" wording, GHCR's bare "denied").
import { describeCause } from './cause-tester.js';

describeCause('not-found-or-unauthorized', {
  meta: { vantage: 'registry', recurrence: 'deterministic', credentialIndependent: false, auth: true, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'failed to resolve reference "docker.io/acme/webapi:1.4.2": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    "Error response from daemon: pull access denied for acme/webapi, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    'failed to resolve reference "ghcr.io/acme/webapi:1.4.2": denied',
  ],
  lookalikes: [
    // containerd's wrapper around its own "no credential for a basic-auth registry": the leaf is not ambiguous.
    {
      message: 'failed to resolve reference "123456789101.dkr.ecr.eu-west-1.amazonaws.com/k8s/pause:3.9": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
      cause: 'unauthorized',
    },
    { message: 'denied: Permission "artifactregistry.repositories.downloadArtifacts" denied on resource "projects/acme/locations/europe/repositories/apps" (or it may not exist)', cause: 'forbidden' },
    { message: 'open /var/lib/kubelet/config.json: permission denied', cause: undefined },
  ],
  remediation: [
    {
      name: 'check the name, or add a pull secret',
      context: { image: 'acme/webapi:1.4.2', registry: 'docker.io', sendsCredentials: false, credentialSource: 'anonymous' },
      expected: 'Check the repository name; if it is private, give the pods a pull secret for docker.io (imagePullSecrets).',
    },
  ],
});
