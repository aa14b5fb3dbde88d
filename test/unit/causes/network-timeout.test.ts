// Messages from docs/causes/network-timeout.md and diagnosis.md §2, §6 step 14.
import { describeCause } from './cause-tester.js';

describeCause('network-timeout', {
  meta: { vantage: 'network', recurrence: 'transient', credentialIndependent: true, auth: false, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'failed to do request: Head "https://registry.corp.acme/v2/webapi/manifests/1.4.2": dial tcp 10.20.0.5:443: i/o timeout',
    'rpc error: code = DeadlineExceeded desc = context deadline exceeded',
    'rpc error: code = Canceled desc = failed to pull and unpack image "ghcr.io/acme/webapi:1.4.2": context canceled',
    'failed to copy: read tcp 10.0.1.4:40122->140.82.112.33:443: read: connection reset by peer',
    'failed to copy: httpReadSeeker: failed open: failed to do request: unexpected EOF',
    'net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
  ],
  lookalikes: [{ message: 'dial tcp: lookup registry.corp.acme on 10.0.0.10:53: read udp 10.0.1.4:51234->10.0.0.10:53: i/o timeout', cause: 'dns-error' }],
  remediation: [{ name: 'none beyond the docs page', context: { image: 'ghcr.io/acme/webapi:1.4.2', registry: 'ghcr.io', sendsCredentials: false }, expected: undefined }],
});
