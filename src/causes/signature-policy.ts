// A signature or image policy on the node rejected the image. Docs: ../../docs/causes/signature-policy.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'signature-policy',
  summary: 'A signature or image policy on the node rejected the image (SignatureValidationFailed).',
  vantage: 'node',
  recurrence: 'deterministic',
  rank: 100,
  credentialIndependent: false,
  auth: false,
  kubelet: {
    reasons: ['SignatureValidationFailed', 'ErrImagePull', 'ImagePullBackOff'],
    shows: ['Source image rejected'],
    messages: [
      // CRI-O `SignatureValidationFailed: Source image rejected: %s`, `invalid policy in %q`;
      // containerd 2.1+ transfer service `image verifier %s blocked pull of %s` (§6 step 2).
      {
        pattern: /SignatureValidationFailed|Source image rejected|invalid policy in|image verifier \S+ blocked pull/i,
        precedence: 20,
        source: 'cri-o server/image_pull.go; containers/image signature/policy_eval.go; containerd core/transfer/local/pull.go',
      },
    ],
  },
  remediation: () => undefined,
};
