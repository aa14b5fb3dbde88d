// Messages from docs/causes/unauthorized.md and diagnosis.md §2, §6 step 9 (containerd authorizer,
// ECR, ACR, Quay through CRI-O).
import { describeCause } from './cause-tester.js';

describeCause('unauthorized', {
  meta: { vantage: 'registry', recurrence: 'deterministic', credentialIndependent: false, auth: true, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://acme.azurecr.io/oauth2/token?scope=repository%3Awebapi%3Apull&service=acme.azurecr.io: 401 Unauthorized',
    // No credentials were sent, so even a 403 from the token service asks for credentials.
    'failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%2Fwebapi%3Apull: 403 Forbidden',
    'failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://auth.example/token: 401 Unauthorized',
    'unexpected status from HEAD request to https://registry.corp.acme/v2/webapi/manifests/1.4.2: 401 Unauthorized',
    'unauthorized: authentication required',
    'no basic auth credentials',
    'reading manifest 1.4.2 in quay.io/acme/webapi: unauthorized: access to the requested resource is not authorized',
  ],
  lookalikes: [
    { message: 'failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://auth.example/token: 403 Forbidden', cause: 'forbidden' },
    { message: "Error response from daemon: pull access denied for acme/webapi, repository does not exist or may require 'docker login'", cause: 'not-found-or-unauthorized' },
  ],
  remediation: [
    {
      name: 'no credentials sent: create and list a pull secret',
      context: { image: 'acme.azurecr.io/webapi:1.4.2', registry: 'acme.azurecr.io', sendsCredentials: false, credentialSource: 'anonymous' },
      expected: 'Give the pods a pull secret for acme.azurecr.io: kubectl create secret docker-registry NAME --docker-server=acme.azurecr.io ..., then list it in imagePullSecrets.',
    },
    {
      name: 'credentials rejected: renew them',
      context: { image: 'acme.azurecr.io/webapi:1.4.2', registry: 'acme.azurecr.io', sendsCredentials: true, credentialSource: 'secret team/regcred (.dockerconfigjson)' },
      expected: 'Renew the credentials of secret team/regcred (.dockerconfigjson): the registry rejected them.',
    },
    {
      name: 'credentials rejected, source unknown',
      context: { image: 'acme.azurecr.io/webapi:1.4.2', registry: 'acme.azurecr.io', sendsCredentials: true },
      expected: 'Renew the credentials of the pull secret: the registry rejected them.',
    },
  ],
});
