// The node ran out of disk space while unpacking the image. Docs: ../../docs/causes/disk-pressure.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'disk-pressure',
  summary: 'The node ran out of disk space while unpacking the image.',
  vantage: 'node',
  // Kubelet's image garbage collection may free the space before the next attempt.
  recurrence: 'transient',
  rank: 100,
  credentialIndependent: false,
  auth: false,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['failed to extract layer …: no space left on device'],
    messages: [
      // containerd `failed to extract layer %s: ... no space left on device`; Docker `failed to
      // register layer` (diagnosis.md §2, §6 step 3).
      { pattern: /no space left on device|failed to register layer/i, precedence: 30, source: 'containerd core/unpack/unpacker.go; moby layer/layer_store.go' },
    ],
    fix: () =>
      'Free disk space on the node (crictl rmi --prune; earlier image garbage collection with imageGCHighThresholdPercent), give the nodes bigger disks, or make the image smaller.',
  },
  remediation: () => undefined,
};
