// Messages from docs/causes/dns-error.md and diagnosis.md §6 step 4: DNS even when the lookup ends
// in a timeout or a refusal (kubernetes/minikube#6748, #15626).
import { describeCause } from './cause-tester.js';

describeCause('dns-error', {
  meta: { vantage: 'network', recurrence: 'deterministic', credentialIndependent: true, auth: false, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'failed to do request: Head "https://registry.corp.acme/v2/webapi/manifests/1.4.2": dial tcp: lookup registry.corp.acme on 10.0.0.10:53: no such host',
    'dial tcp: lookup kind-registry: Temporary failure in name resolution',
    'dial tcp: lookup registry.corp.acme on 168.63.129.16:53: server misbehaving',
    'dial tcp: lookup registry.corp.acme on 10.0.0.10:53: read udp 10.0.1.4:51234->10.0.0.10:53: i/o timeout',
    'dial tcp: lookup registry.corp.acme on 10.0.0.10:53: read udp 10.0.1.4:51234->10.0.0.10:53: read: connection refused',
  ],
  lookalikes: [
    { message: 'dial tcp 10.20.0.5:443: i/o timeout', cause: 'network-timeout' },
    { message: 'dial tcp 127.0.0.1:5000: connect: connection refused', cause: 'connection-refused' },
  ],
  remediation: [{ name: 'none beyond the docs page', context: { image: 'registry.corp.acme/webapi:1.4.2', registry: 'registry.corp.acme', sendsCredentials: false }, expected: undefined }],
});
