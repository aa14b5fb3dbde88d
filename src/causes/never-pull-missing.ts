// imagePullPolicy: Never and the image is not on the node. Docs: ../../docs/causes/never-pull-missing.md.
import type { Cause } from './cause.js';
import { withTargetAdvice } from './target-advice.js';

export const cause: Cause = {
  id: 'never-pull-missing',
  summary: 'imagePullPolicy: Never and the image is not on the node.',
  vantage: 'node',
  recurrence: 'deterministic',
  rank: 100,
  credentialIndependent: false,
  auth: false,
  kubelet: {
    reasons: ['ErrImageNeverPull'],
    shows: ['Container image "…" is not present with pull policy of Never'],
    messages: [
      // kubelet image_manager.go: `Container image "%s" is not present with pull policy of Never`
      // (also for present-but-not-accessible images under KubeletEnsureSecretPulledImages).
      { pattern: /is not present with pull policy of Never/i, precedence: 10, source: 'kubernetes pkg/kubelet/images/image_manager.go' },
    ],
  },
  remediation: ({ image, target }) => {
    const named = image === '' ? 'the image' : `"${image}"`;
    return withTargetAdvice(
      `Push ${named} to a registry the nodes can pull from, reference it by that registry's name and set imagePullPolicy: IfNotPresent (or remove the field).`,
      target,
    );
  },
};
