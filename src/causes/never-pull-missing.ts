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
      // The waiting reason alone (`Error: ErrImageNeverPull`, `is waiting to start: ErrImageNeverPull`) names it too.
      { pattern: /is not present with pull policy of Never|\bErrImageNeverPull\b/i, precedence: 10, source: 'kubernetes pkg/kubelet/images/image_manager.go' },
    ],
    fix: ({ image, target }) =>
      withTargetAdvice(
        `${image === undefined || image === '' ? 'The image' : `"${image}"`} is not on the node and imagePullPolicy is Never: load it onto the nodes, or push it to a registry they pull from and set imagePullPolicy: IfNotPresent.`,
        target,
      ),
  },
  remediation: ({ image, target }) => {
    const named = image === '' ? 'the image' : `"${image}"`;
    return withTargetAdvice(
      `Push ${named} to a registry the nodes can pull from, reference it by that registry's name and set imagePullPolicy: IfNotPresent (or remove the field).`,
      target,
    );
  },
};
