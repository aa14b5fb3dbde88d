// The image string is not a valid reference. Docs: ../../docs/causes/invalid-reference.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'invalid-reference',
  summary: 'The image string is not a valid image reference (InvalidImageName).',
  vantage: 'manifest',
  recurrence: 'deterministic',
  rank: 100,
  credentialIndependent: false,
  auth: false,
  kubelet: {
    reasons: ['InvalidImageName', 'ImageInspectError'],
    shows: ['couldn\'t parse image name "…": invalid reference format'],
    messages: [
      // kubelet applyDefaultImageTag: ≤1.27 `couldn't parse image reference`, 1.28+ (PR #116231)
      // `couldn't parse image name`; distribution/reference `invalid reference format`.
      // The waiting reason alone (`Error: InvalidImageName`) names it too.
      { pattern: /couldn't parse image (reference|name)|invalid reference format|\bInvalidImageName\b/i, precedence: 11, source: 'kubernetes pkg/kubelet/images/image_manager.go; distribution/reference' },
      // CRI-O 1.34 short-name enforcement (cri-o#9401), surfacing as ImageInspectError or ErrImagePull.
      { pattern: /short name mode is enforcing|did not resolve to an alias/i, precedence: 12, source: 'containers/image pkg/shortnames/shortnames.go' },
    ],
    fix: () =>
      'Write the image as [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST] in lower case with templates rendered (pullguard lint finds these before apply); CRI-O 1.34+ also refuses ambiguous short names: write the registry (docker.io/library/nginx:1.27).',
  },
  remediation: () => undefined,
};
