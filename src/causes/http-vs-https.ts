// One side speaks plain HTTP and the other HTTPS. Docs: ../../docs/causes/http-vs-https.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'http-vs-https',
  summary: 'One side speaks plain HTTP and the other HTTPS.',
  vantage: 'network',
  recurrence: 'deterministic',
  rank: 100,
  credentialIndependent: true,
  auth: false,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['http: server gave HTTP response to HTTPS client'],
    messages: [
      // Go crypto/tls `tls: first record does not look like a TLS handshake`: tried before the
      // generic `tls: ` phrase of tls-error, which it would otherwise match.
      { pattern: /first record does not look like a TLS handshake/i, precedence: 45, source: 'Go crypto/tls conn.go' },
      // Go net/http `http: server gave HTTP response to HTTPS client`; Go's answer the other way
      // round, `Client sent an HTTP request to an HTTPS server.` (diagnosis.md §6 step 6).
      {
        pattern: /server gave HTTP response to HTTPS client|client sent an HTTP request to an HTTPS server/i,
        precedence: 60,
        source: 'Go net/http transport.go, server.go',
      },
    ],
    fix: ({ host: named, registry }) => {
      const host = registry ?? named ?? 'REGISTRY';
      return `One side speaks plain HTTP, the other HTTPS: give ${host} TLS, or declare it a plain-HTTP registry on the nodes (containerd hosts.toml with server = "http://${host}", Docker insecure-registries).`;
    },
  },
  remediation: ({ registry }) => `If the nodes talk plain HTTP to ${registry}, set registries."${registry}".plainHttp: true in .pullguard.yaml.`,
};
