// Messages from docs/causes/http-vs-https.md (Go net/http both ways, crypto/tls handshake).
import { describeCause } from './cause-tester.js';

describeCause('http-vs-https', {
  meta: { vantage: 'network', recurrence: 'deterministic', credentialIndependent: true, auth: false, reasons: ['ErrImagePull', 'ImagePullBackOff'] },
  messages: [
    'failed to do request: Head "https://registry.corp.acme:5000/v2/webapi/manifests/1.4.2": http: server gave HTTP response to HTTPS client',
    '400 Bad Request: Client sent an HTTP request to an HTTPS server.',
    'Get "https://registry.corp.acme:5000/v2/": tls: first record does not look like a TLS handshake',
  ],
  lookalikes: [{ message: 'tls: failed to verify certificate: x509: certificate signed by unknown authority', cause: 'tls-error' }],
  remediation: [
    {
      name: 'set plainHttp when the nodes speak HTTP',
      context: { image: 'registry.corp.acme:5000/webapi:1.4.2', registry: 'registry.corp.acme:5000', sendsCredentials: false },
      expected: 'If the nodes talk plain HTTP to registry.corp.acme:5000, set registries."registry.corp.acme:5000".plainHttp: true in .pullguard.yaml.',
    },
  ],
});
