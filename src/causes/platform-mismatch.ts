// The image exists, but not for the nodes' platform. Docs: ../../docs/causes/platform-mismatch.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'platform-mismatch',
  summary: "The image exists, but not for the nodes' operating system and CPU architecture.",
  vantage: 'registry',
  recurrence: 'deterministic',
  rank: 1,
  credentialIndependent: false,
  auth: false,
  kubelet: {
    reasons: ['ErrImagePull', 'ImagePullBackOff'],
    shows: ['no match for platform in manifest', 'no matching manifest for linux/arm64'],
    messages: [
      // containerd `no match for platform in manifest: not found` (gRPC NotFound: tried before the
      // not-found phrases); Docker `no matching manifest for linux/arm64`; CRI-O `no image found in
      // manifest list for architecture` (diagnosis.md §2, §6 step 10).
      {
        pattern: /no match for platform|no matching manifest for|no image found in manifest list/i,
        precedence: 100,
        source: 'containerd images/image.go; moby distribution/pull_v2.go; containers/image internal/manifest/list.go',
      },
    ],
    fix: () =>
      "The image has no variant for the nodes' OS and CPU architecture: build and push it for every node platform (docker buildx build --platform linux/amd64,linux/arm64 --push), or schedule the pod on nodes it supports (nodeSelector kubernetes.io/arch).",
  },
  remediation: () =>
    'Build and push the image for every node platform (docker buildx build --platform ...), or set --platform / platforms in .pullguard.yaml to what the nodes run.',
};
