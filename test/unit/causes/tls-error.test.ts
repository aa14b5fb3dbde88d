// Messages from docs/causes/tls-error.md (Go crypto/x509 through containerd and CRI-O).
import { describeCause } from './cause-tester.js';

describeCause('tls-error', {
  meta: { vantage: 'network', recurrence: 'deterministic', credentialIndependent: true, auth: false, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'failed to do request: Head "https://registry.corp.acme/v2/webapi/manifests/1.4.2": tls: failed to verify certificate: x509: certificate signed by unknown authority',
    'x509: certificate is valid for ingress.local, not registry.corp.acme',
    'x509: certificate has expired or is not yet valid: current time 2026-12-06T03:00:00Z is after 2026-11-30T23:59:59Z',
    'pinging container registry registry.corp.acme: Get "https://registry.corp.acme/v2/": x509: certificate signed by unknown authority',
  ],
  lookalikes: [
    { message: 'Get "https://registry.corp.acme:5000/v2/": tls: first record does not look like a TLS handshake', cause: 'http-vs-https' },
    { message: 'dial tcp: lookup registry.corp.acme on 10.0.0.10:53: no such host', cause: 'dns-error' },
  ],
  remediation: [
    {
      name: 'point caFile at the CA the nodes trust',
      context: { image: 'registry.corp.acme/webapi:1.4.2', registry: 'registry.corp.acme', sendsCredentials: false },
      expected: 'If the nodes trust the registry\'s CA, set registries."registry.corp.acme".caFile in .pullguard.yaml to that CA.',
    },
  ],
});
