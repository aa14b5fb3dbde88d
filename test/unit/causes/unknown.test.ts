// Messages from docs/causes/unknown.md: the back-off line before Kubernetes 1.32 (PR #127918)
// carries no cause; with the 1.32 suffix the cause is in the message and wins.
import { describeCause } from './cause-tester.js';

describeCause('unknown', {
  meta: { vantage: 'network', recurrence: 'transient', credentialIndependent: false, auth: false, reasons: ['ImagePullBackOff', 'ImageInspectError'] },
  messages: ['Back-off pulling image "ghcr.io/acme/webapi:1.4.2"'],
  lookalikes: [
    { message: 'Back-off pulling image "ghcr.io/acme/webapi:1.4.2": ErrImagePull: ghcr.io/acme/webapi:1.4.2: not found', cause: 'image-not-found' },
    { message: 'Error: ImagePullBackOff', cause: undefined },
  ],
  remediation: [{ name: 'none beyond the docs page', context: { image: 'ghcr.io/acme/webapi:1.4.2', registry: 'ghcr.io', sendsCredentials: false }, expected: undefined }],
});
