// Messages from docs/causes/registry-server-error.md (containerd, Docker, cri-dockerd's
// RegistryUnavailable for 502/503/504).
import { describeCause } from './cause-tester.js';

describeCause('registry-server-error', {
  meta: { vantage: 'network', recurrence: 'transient', credentialIndependent: false, auth: false, reasons: ['RegistryUnavailable', 'ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'failed to resolve reference "registry.corp.acme/webapi:1.4.2": unexpected status from HEAD request to https://registry.corp.acme/v2/webapi/manifests/1.4.2: 503 Service Unavailable',
    'failed to copy: httpReadSeeker: failed open: unexpected status code https://registry.corp.acme/v2/webapi/blobs/sha256:0f1e: 502 Bad Gateway',
    'received unexpected HTTP status: 500 Internal Server Error',
    'RegistryUnavailable: image pull failed for registry.corp.acme/webapi:1.4.2 because the registry is unavailable: received unexpected HTTP status: 504 Gateway Time-out',
  ],
  lookalikes: [
    { message: 'RegistryUnavailable: image pull failed for localhost:5000/webapi:1.4.2 because the registry is unavailable: dial tcp 127.0.0.1:5000: connect: connection refused', cause: 'connection-refused' },
    { message: 'pulling from 10.0.0.500 failed', cause: undefined },
  ],
  remediation: [{ name: 'none beyond the docs page', context: { image: 'registry.corp.acme/webapi:1.4.2', registry: 'registry.corp.acme', sendsCredentials: false }, expected: undefined }],
});
