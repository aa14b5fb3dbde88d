// Too many pulls, refused for now by the registry (429) or by the kubelet itself (pull QPS).
// Docs: ../../docs/causes/rate-limited.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'rate-limited',
  summary: 'Too many pulls: the registry (429 toomanyrequests) or the kubelet itself (pull QPS exceeded) refused for now.',
  // Limits count per client address or account: this machine's count says nothing of the nodes'.
  vantage: 'network',
  recurrence: 'transient',
  rank: 7,
  credentialIndependent: false,
  auth: false,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['429 Too Many Requests', 'toomanyrequests', 'pull QPS exceeded'],
    messages: [
      // kubelet's own registryPullQPS/registryBurst throttle: no request reached a registry
      // (pkg/kubelet/images/puller.go; Azure/AKS#3138).
      { pattern: /pull QPS exceeded/i, precedence: 13, source: 'kubernetes pkg/kubelet/images/puller.go' },
      // Registry 429 `toomanyrequests` (Docker Hub), containerd `unexpected status code 429`.
      { pattern: /\b429\b|toomanyrequests|too many requests/i, precedence: 80, source: 'distribution spec TOOMANYREQUESTS; Docker Hub answers' },
    ],
    fix: () =>
      'Too many pulls for now (the kubelet retries): pull with credentials (a pull secret), mirror the images into a registry the nodes use, or, for "pull QPS exceeded", raise the kubelet\'s registryPullQPS and registryBurst.',
  },
  remediation: () => undefined,
};
