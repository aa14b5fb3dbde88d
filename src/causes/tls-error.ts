// The registry's certificate is not trusted by, or not valid for, the client.
// Docs: ../../docs/causes/tls-error.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'tls-error',
  summary: "The registry's TLS certificate is not trusted by, or not valid for, the client.",
  vantage: 'network',
  recurrence: 'deterministic',
  rank: 100,
  credentialIndependent: true,
  auth: false,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['x509: certificate signed by unknown authority'],
    messages: [
      // Go crypto/x509 and crypto/tls errors as every runtime wraps them (diagnosis.md §6 step 5).
      { pattern: /x509: |\btls: |certificate (signed by unknown authority|has expired|is not valid)/i, precedence: 50, source: 'Go crypto/x509 verify.go; crypto/tls' },
    ],
    fix: ({ host, registry }) =>
      `The node does not accept ${host ?? registry ?? 'the registry'}'s certificate: fix the certificate (name, chain, expiry; and the node's clock), or install the CA on the nodes (/etc/containerd/certs.d/${registry ?? host ?? 'HOST'}/ca.crt).`,
  },
  remediation: ({ registry }) => `If the nodes trust the registry's CA, set registries."${registry}".caFile in .pullguard.yaml to that CA.`,
};
