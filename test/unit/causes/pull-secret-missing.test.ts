// Message from docs/causes/pull-secret-missing.md (kubelet's pod-level event, kubernetes PR #117927).
import { describeCause } from './cause-tester.js';

describeCause('pull-secret-missing', {
  meta: { vantage: 'manifest', recurrence: 'deterministic', credentialIndependent: false, auth: true, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'Warning  FailedToRetrieveImagePullSecret  kubelet  Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.',
  ],
  lookalikes: [{ message: 'no basic auth credentials', cause: 'unauthorized' }],
  remediation: [{ name: 'none beyond the docs page', context: { image: 'ghcr.io/acme/webapi:1.4.2', registry: 'ghcr.io', sendsCredentials: false }, expected: undefined }],
});
