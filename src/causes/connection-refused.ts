// Nothing listens at the registry address. Docs: ../../docs/causes/connection-refused.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'connection-refused',
  summary: 'Nothing listens at the registry address (often localhost, which on a node means the node).',
  vantage: 'network',
  recurrence: 'deterministic',
  rank: 100,
  credentialIndependent: true,
  auth: false,
  kubelet: {
    // CRI-O prefixes ECONNREFUSED with RegistryUnavailable, which kubelet ≥1.28 turns into that reason.
    reasons: ['ErrImagePull', 'ImagePullBackOff', 'RegistryUnavailable'],
    shows: ['connect: connection refused'],
    messages: [
      // Go `dial tcp IP:PORT: connect: connection refused` (tilt-dev/tilt#5431), also behind CRI-O's
      // RegistryUnavailable prefix (so before registry-server-error); a DNS server refusing
      // (`lookup …: read: connection refused`) is caught earlier by dns-error (§6 steps 4, 7, 13).
      { pattern: /connection refused|ECONNREFUSED/i, precedence: 70, source: 'Go syscall ECONNREFUSED via net/net.go; cri-o server/image_pull.go' },
    ],
    fix: ({ host, registry }) =>
      registry !== undefined && /^(localhost|127\.|\[::1\])/.test(registry)
        ? `Nothing listens at ${registry} as the node sees it: on a node, localhost is the node itself. Push the image to a registry the nodes reach and use that name, or load it onto the nodes.`
        : `Nothing accepts connections at ${host ?? registry ?? 'the registry address'} from the node: check that the registry runs and listens on that port, and that the image names the address the nodes reach.`,
  },
  remediation: () => undefined,
};
