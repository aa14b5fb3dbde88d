// Nothing said enough to name a cause. Docs: ../../docs/causes/unknown.md.
import type { Cause } from './cause.js';

export const cause: Cause = {
  id: 'unknown',
  summary: 'The cause could not be determined from what the registry or the cluster said.',
  // Severity of unknown verdicts is decided by the image-pull rule (who could not tell, and why).
  vantage: 'network',
  recurrence: 'transient',
  rank: 9,
  credentialIndependent: false,
  auth: false,
  kubelet: {
    reasons: ['ImagePullBackOff', 'ImageInspectError'],
    shows: ['Back-off pulling image "…"'],
    messages: [
      // Before Kubernetes 1.32 the back-off message carries no cause (PR #127918): the events may still.
      { pattern: /^Back-off pulling image "[^"]*"$/, precedence: 150, source: 'kubernetes pkg/kubelet/images/image_manager.go' },
    ],
    fix: () =>
      'The message does not say why: read the pod\'s "Failed to pull image" event or its container status (kubectl get pod POD -o yaml); before Kubernetes 1.32 the back-off message never carries the cause.',
  },
  remediation: () => undefined,
};
