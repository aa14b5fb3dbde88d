// The registry did not answer in time, or the connection broke off.
// Docs: ../../docs/causes/network-timeout.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'network-timeout',
  summary: 'The registry did not answer in time, or the connection broke off.',
  vantage: 'network',
  recurrence: 'transient',
  rank: 100,
  credentialIndependent: true,
  auth: false,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['i/o timeout', 'context deadline exceeded', 'connection reset by peer'],
    messages: [
      // Go net and net/http timeouts, gRPC DeadlineExceeded/Canceled (containerd's progress
      // timeout cancels the pull), interrupted downloads (diagnosis.md §2, §6 step 14). Last of
      // the network phrases: a DNS lookup can also end in "i/o timeout".
      {
        pattern: /i\/o timeout|context deadline exceeded|DeadlineExceeded|Client\.Timeout|handshake timeout|context canceled|connection reset by peer|unexpected EOF|request canceled|: EOF$/i,
        precedence: 140,
        source: 'Go net/net.go, net/http/client.go; containerd internal/cri/server/images/image_pull.go',
      },
    ],
    fix: ({ host, registry }) =>
      `The node got no answer from ${host ?? registry ?? 'the registry'} in time, or the connection broke: the kubelet retries on its own; if it persists, open the path from the nodes to the registry and its blob host (egress rules, NAT, the container runtime's proxy, private endpoints).`,
  },
  remediation: () => undefined,
};
