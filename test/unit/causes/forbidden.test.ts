// Messages from docs/causes/forbidden.md and diagnosis.md §2 (Artifact Registry, containerd oauth
// token 403, CRI-O bearer token, ECR expired token).
import { describeCause } from './cause-tester.js';

describeCause('forbidden', {
  meta: { vantage: 'registry', recurrence: 'deterministic', credentialIndependent: false, auth: true, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'unexpected status from HEAD request to https://europe-west1-docker.pkg.dev/v2/acme-prod/apps/webapi/manifests/1.4.2: 403 Forbidden',
    'denied: Permission "artifactregistry.repositories.downloadArtifacts" denied on resource "projects/acme-prod/locations/europe-west1/repositories/apps" (or it may not exist)',
    'failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://auth.example/token: 403 Forbidden',
    'Requesting bearer token: invalid status code from registry 403 (Forbidden)',
    'denied: Your authorization token has expired. Reauthenticate and try again.',
  ],
  lookalikes: [
    { message: 'failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token: 403 Forbidden', cause: 'unauthorized' },
  ],
  remediation: [
    {
      name: 'credentials sent: grant their account access',
      context: { image: 'europe-west1-docker.pkg.dev/acme-prod/apps/webapi:1.4.2', registry: 'europe-west1-docker.pkg.dev', sendsCredentials: true, credentialSource: 'secret prod/gar-reader (.dockerconfigjson)' },
      expected: 'Grant pull access on this repository to the account of secret prod/gar-reader (.dockerconfigjson).',
    },
    {
      // Issue 7: "the account of anonymous" named an account that does not exist.
      name: 'anonymous: no account to grant anything to, a pull secret is needed',
      context: { image: 'registry.corp.acme/webapi:1.4.2', registry: 'registry.corp.acme', sendsCredentials: false, credentialSource: 'anonymous' },
      expected: 'registry.corp.acme refuses anonymous pulls of this repository: give the pods a pull secret for registry.corp.acme (imagePullSecrets) whose account may pull it.',
    },
    {
      name: 'anonymous verdict although the pod has secrets for other registries',
      context: { image: 'registry.corp.acme/webapi:1.4.2', registry: 'registry.corp.acme', sendsCredentials: true, credentialSource: 'anonymous' },
      expected: 'registry.corp.acme refuses anonymous pulls of this repository: give the pods a pull secret for registry.corp.acme (imagePullSecrets) whose account may pull it.',
    },
  ],
});
