// Messages from docs/causes/connection-refused.md (Go ECONNREFUSED, CRI-O's RegistryUnavailable).
import { describeCause } from './cause-tester.js';

describeCause('connection-refused', {
  meta: { vantage: 'network', recurrence: 'deterministic', credentialIndependent: true, auth: false, reasons: ['ErrImagePull', 'ImagePullBackOff', 'RegistryUnavailable'] },
  messages: [
    'failed to do request: Head "https://localhost:5000/v2/webapi/manifests/1.4.2": dial tcp 127.0.0.1:5000: connect: connection refused',
    'RegistryUnavailable: image pull failed for localhost:5000/webapi:1.4.2 because the registry is unavailable: pinging container registry localhost:5000: Get "https://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused',
  ],
  lookalikes: [
    { message: 'dial tcp: lookup registry.corp.acme on 10.0.0.10:53: read: connection refused', cause: 'dns-error' },
    { message: 'RegistryUnavailable: image pull failed for registry.corp.acme/webapi:1.4.2 because the registry is unavailable: 503 Service Unavailable', cause: 'registry-server-error' },
  ],
  remediation: [{ name: 'none beyond the docs page', context: { image: 'localhost:5000/webapi:1.4.2', registry: 'localhost:5000', sendsCredentials: false }, expected: undefined }],
});
