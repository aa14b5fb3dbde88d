// Messages from docs/causes/rate-limited.md and diagnosis.md §1.3, §2 (Docker Hub 429, kubelet's
// own pull QPS limit: Azure/AKS#3138, tilt-dev/tilt#5893).
import { describeCause } from './cause-tester.js';

describeCause('rate-limited', {
  meta: { vantage: 'network', recurrence: 'transient', credentialIndependent: false, auth: false, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:0f1e: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
    'toomanyrequests: You have reached your pull rate limit.',
    'Failed to pull image "nginx:1.27": pull QPS exceeded',
  ],
  lookalikes: [
    { message: 'dial tcp: lookup registry-1.docker.io on 10.0.0.10:53: no such host', cause: 'dns-error' },
  ],
  remediation: [{ name: 'none beyond the docs page', context: { image: 'nginx:1.27', registry: 'docker.io', sendsCredentials: false }, expected: undefined }],
});
