// The registry or a proxy in front of it failed. Docs: ../../docs/causes/registry-server-error.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'registry-server-error',
  summary: 'The registry or a proxy in front of it failed (HTTP 5xx, RegistryUnavailable).',
  // A proxy on this machine's path may fail where the nodes' does not, and the other way round.
  vantage: 'network',
  recurrence: 'transient',
  rank: 8,
  credentialIndependent: false,
  auth: false,
  kubelet: {
    // cri-dockerd turns 502/503/504 into RegistryUnavailable (core/image.go filterHTTPError).
    reasons: ['RegistryUnavailable', 'ErrImagePull', 'ImagePullBackOff'],
    shows: ['503 Service Unavailable', '502 Bad Gateway'],
    messages: [
      {
        pattern: /\b50\d (Internal|Bad|Service|Gateway|Not Implemented)|Internal Server Error|Service Unavailable|Bad Gateway|Gateway Time-?out|received unexpected HTTP status: 5\d\d|RegistryUnavailable|because the registry is unavailable/i,
        precedence: 130,
        source: 'containerd core/remotes/docker/fetcher.go; moby registry; cri-dockerd core/image.go',
      },
    ],
    fix: ({ registry: named, host }) => {
      // The token service or API host the message names stands in when no image says which registry.
      const registry = named ?? host;
      return `${registry ?? 'The registry'} failed on its side: the kubelet retries with back-off (up to 5 minutes; deleting the pod retries at once); check its status page, or mirror critical images into a registry the nodes use.`;
    },
  },
  remediation: () => undefined,
};
