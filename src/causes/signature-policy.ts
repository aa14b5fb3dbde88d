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
      // containerd 2.1+ transfer service `image verifier %s blocked pull of %s` (§6 step 2); kubelet ≥1.28
      // `image pull failed for %s because the signature validation failed`; containers/image
      // `Running image %s is rejected by policy.`
      {
        pattern: /SignatureValidationFailed|signature validation failed|Source image rejected|is rejected by policy|invalid policy in|image verifier \S+ blocked pull/i,
        precedence: 20,
        source: 'cri-o server/image_pull.go; containers/image signature/policy_eval.go; containerd core/transfer/local/pull.go',
      },
    ],
    fix: () =>
      "The node's image policy refused the image: sign it where it is pushed (cosign sign) and deploy by digest, copy the signatures with the image, or check the node policy (/etc/containers/policy.json for CRI-O).",
  },
  remediation: () => undefined,
};
