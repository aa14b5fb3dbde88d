// The registry host name does not resolve where the pull runs. Docs: ../../docs/causes/dns-error.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'dns-error',
  summary: 'The registry host name does not resolve from where the pull runs.',
  vantage: 'network',
  // "no such host" stays until the name or the resolver changes; a flaky resolver is the exception.
  recurrence: 'deterministic',
  rank: 100,
  credentialIndependent: true,
  auth: false,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['dial tcp: lookup HOST …: no such host'],
    messages: [
      // Go net `dial tcp: lookup HOST( on IP:53)?: no such host | server misbehaving | i/o timeout |
      // read: connection refused`: DNS even when it ends like a timeout or a refusal, so before
      // those (kubernetes/minikube#6748, #15626; diagnosis.md §6 step 4).
      {
        pattern: /\blookup \S+( on \S+)?: |no such host|Temporary failure in name resolution/i,
        precedence: 40,
        source: 'Go net/dnsclient_unix.go, net/lookup.go',
      },
    ],
    fix: ({ host, registry }) =>
      `${host ?? registry ?? 'The registry host'} does not resolve on the node: correct the host name in the image, or make the nodes' resolver know it (a private DNS zone linked to the cluster network); Service names do not resolve for image pulls.`,
  },
  remediation: () => undefined,
};
