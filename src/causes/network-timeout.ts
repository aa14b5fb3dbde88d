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
        pattern: /i\/o timeout|context deadline exceeded|DeadlineExceeded|Client\.Timeout|context canceled|connection reset by peer|unexpected EOF|request canceled|: EOF$/i,
        precedence: 140,
        source: 'Go net/net.go, net/http/client.go; containerd internal/cri/server/images/image_pull.go',
      },
    ],
  },
  remediation: () => undefined,
};
